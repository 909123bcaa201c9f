"""The site's own URLs plus one view that fails, to see the 500 page a visitor would get."""

from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("database gone")


urlpatterns = [path("kapot/", failing_view), *site_urlpatterns]
