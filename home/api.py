"""Read-only headless API (Wagtail API v2) at /api/v2/: pages, images and documents."""

from wagtail.api.v2 import filters
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .search import full_text

SEARCH_OPERATORS = (None, "and", "or")


class _WithParams:
    """The request as a filter sees it, with other query parameters."""

    def __init__(self, request, params):
        self._wrapped = request
        self.GET = params

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


class SearchFilter(filters.SearchFilter):
    """Wagtail's search filter with its two free-text inputs checked first: an unknown
    ``search_operator`` is a 400 (the search backend raises a ValueError for it, a 500), and the
    search text is cleaned as the site search cleans it (home/search.py: full_text)."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator") not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in request.GET:
            params = request.GET.copy()
            params["search"] = full_text(params["search"])
            if not params["search"].strip():
                # No word to look for (the backend fails on an empty query): nothing found.
                return queryset.none()
            request = _WithParams(request, params)
        return super().filter_queryset(request, queryset, view)


def _with_our_search(backends):
    return [SearchFilter if backend is filters.SearchFilter else backend for backend in backends]


class PagesAPI(PagesAPIViewSet):
    filter_backends = _with_our_search(PagesAPIViewSet.filter_backends)


class ImagesAPI(ImagesAPIViewSet):
    filter_backends = _with_our_search(ImagesAPIViewSet.filter_backends)


class DocumentsAPI(DocumentsAPIViewSet):
    filter_backends = _with_our_search(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPI)
api_router.register_endpoint("images", ImagesAPI)
api_router.register_endpoint("documents", DocumentsAPI)
