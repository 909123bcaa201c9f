"""Project-wide middleware: the content security policy, the permissions policy, the anonymous
page cache and the refusal of addresses with input no view can take."""

from urllib.parse import unquote_to_bytes

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.utils.cache import (
    get_cache_key,
    get_max_age,
    learn_cache_key,
    patch_response_headers,
)
from django.utils.translation import get_language_from_path, override

from home.cache import version
from home.validators import has_control_characters

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class PortalCSPMiddleware(CSPMiddleware):
    """Strict policy on public pages; Wagtail's admin still needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A preview is served to a dummy request (Wagtail's flag for middleware) with the page's
        # own path, framed by the admin's preview panel: it gets the admin's policy.
        in_admin = request.path_info.startswith(ADMIN_PREFIXES) or getattr(
            request, "is_dummy", False
        )
        if not report_only and in_admin:
            # Replaced, not added to: 'none' beside 'self' is an invalid frame-ancestors, which
            # the browser reports on every admin page and which blanks the preview panel.
            parts.replace = {
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
                "frame-ancestors": [SELF],
                "frame-src": [SELF],
            }
        return parts


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response (Django's SecurityMiddleware has no setting for it),
    outside the page cache so a cached page carries it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _cacheable(request):
    """Only anonymous GETs of public pages: editors must never get (or fill) the shared cache."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(ADMIN_PREFIXES)
    )


def _storable(response):
    """Django's cache middleware rules: a complete 200 that sets no cookie and is not private."""
    if response.streaming or response.status_code != 200 or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class AnonymousPageCacheMiddleware:
    """Whole responses for anonymous visitors, as Django's cache middleware keeps them (the same
    public key functions, so Vary headers are honoured), with the publish version of home/cache.py
    in the key prefix: a publish, unpublish, move, delete or an edited snippet retires them all
    at once in every process sharing the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable(request):
            return self.get_response(request)
        # The language is in the key, as in Django's cache middleware; but this runs before
        # LocaleMiddleware, so it is read from the address (only /en/... is English) rather
        # than from the language still active from an earlier request in this thread.
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}page.{version()}.{language}"
        with override(language):
            key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            response = cache.get(key)
            if response is not None:
                return response
        response = self.get_response(request)
        if _storable(response):
            timeout = get_max_age(response)
            if timeout is None:
                timeout = settings.PAGE_CACHE_SECONDS
            if timeout > 0:
                patch_response_headers(response, timeout)
                with override(language):
                    key = learn_cache_key(request, response, timeout, prefix, cache=cache)
                cache.set(key, response, timeout)
        return response


# Query string values longer than this are refused: no form or filter of the site sends one, and
# gunicorn refuses request lines over 4 kB anyway.
MAX_QUERY_VALUE_CHARS = 2000


def bad_query_string(request):
    """Why the address's query string is refused, or "" when it is fine."""
    # WSGI hands the raw bytes over decoded as ISO-8859-1; Django itself replaces what is not
    # UTF-8, which would hide it.
    raw = request.META.get("QUERY_STRING", "").encode("iso-8859-1", errors="replace")
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return "invalid UTF-8"
    # Reading GET enforces DATA_UPLOAD_MAX_NUMBER_FIELDS (TooManyFieldsSent: the 413 page).
    for key, values in request.GET.lists():
        for text in (key, *values):
            if len(text) > MAX_QUERY_VALUE_CHARS:
                return "over-long value"
            if has_control_characters(text):
                return "control character"
    return ""


class BadInputMiddleware:
    """Refuses, with the Dutch 400 page, an address no link of the site produces: a control
    character in the path or a query parameter, invalid UTF-8 in the query string, an over-long
    parameter. Every view behind it can then read ``request.GET`` without guarding against input
    that the database or the search engine cannot take. POST fields are checked by the forms
    that read them, so a refused text comes back to the person who typed it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path_info, allowed=()):
            raise BadRequest("control character in the path")
        reason = bad_query_string(request)
        if reason:
            raise BadRequest(f"query string: {reason}")
        return self.get_response(request)
