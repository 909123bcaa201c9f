"""URL wiring. Private URLs (admin, documents) are never cached; fixed public files come before
Wagtail's catch-all page serving, the only part with a language prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account as wagtail_account
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.api import api_router
from home.limits import limit_login_attempts

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    # Wagtail's error-reporting check fails on purpose for any staff member; no address of the
    # site answers 500 (docs/security.md, "Bad input").
    path("admin/failwhale/", home_views.page_not_found),
    # Every way to log in, limited per visitor address (home/limits.py): the same views as the
    # apps' own patterns for these addresses, which come later.
    path("admin/login/", limit_login_attempts(wagtail_account.LoginView.as_view())),
    path(
        "_util/login/",
        limit_login_attempts(
            auth_views.LoginView.as_view(template_name=wagtail_urls.WAGTAIL_FRONTEND_LOGIN_TEMPLATE)
        ),
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limit_login_attempts(wagtail_views.authenticate_with_password),
    ),
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
        re_path(r"^media/(?P<path>.*)$", home_views.serve_media),
    ]

# Pages in Dutch at their own address, their English translations under /en/ (Wagtail serves
# the tree of the active language's home page).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
