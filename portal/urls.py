"""URL wiring. Private URLs (admin, documents) are never cached; fixed public files come before
Wagtail's catch-all page serving."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.api import api_router

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's error-reporting check fails on purpose for any staff member; no address of the
    # site answers 500 (docs/security.md, "Bad input").
    path("admin/failwhale/", home_views.page_not_found),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own pattern for the same addresses: an earlier file name redirects.
    path("documenten/<int:document_id>/<path:document_filename>", home_views.serve_document),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("zoeken/", home_views.search, name="search"),
    path("healthz", home_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", home_views.security_txt, name="security_txt"),
]

if settings.SERVE_MEDIA:
    # Public media (images, renditions) for set-ups without a separate web server. Form uploads
    # live elsewhere (PRIVATE_MEDIA_ROOT) and are never served from here.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            cache_control(max_age=86400, public=True)(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
