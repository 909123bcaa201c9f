"""Project-wide middleware: the content security policy and the anonymous page cache."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PortalCSPMiddleware(CSPMiddleware):
    """Strict policy on public pages; Wagtail's admin still needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
                "frame-ancestors": [SELF],
                "frame-src": [SELF],
            }
        return parts


def _cacheable(request):
    """Only anonymous GETs of public pages: editors must never get (or fill) the shared cache."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(ADMIN_PREFIXES)
    )


class AnonymousPageCacheUpdateMiddleware(UpdateCacheMiddleware):
    """Stores anonymous responses; Django's rules still skip Set-Cookie and private responses."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_timeout = settings.PAGE_CACHE_SECONDS

    def _should_update_cache(self, request, response):
        return _cacheable(request) and super()._should_update_cache(request, response)


class AnonymousPageCacheFetchMiddleware(FetchFromCacheMiddleware):
    """Answers anonymous requests from the cache before sessions and auth are touched."""

    def process_request(self, request):
        if not _cacheable(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)
