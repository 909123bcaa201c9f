"""Page routing in a fixed number of queries, however deep the page sits in the tree.

Wagtail's own routing walks the tree one level at a time, with two queries per level (the child
by slug, then its specific page). Here the pages along the requested path come in one query
(matched on `url_path`), the page itself in one more; the pages on the way are kept on the page,
so the view-restriction check and the breadcrumbs need no further tree queries.

The page's own `route()` still decides the rest: a routable page (the form wizards) gets the path
components below it, and a page that is not live still answers 404.
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .publish_cache import use_cached_settings
from .sites import site_for_request

ROUTE_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "url_path",
    "live",
    "alias_of_id",
    "content_type_id",
)


def _pages_on_path(root, components):
    """The root's ancestors, the root and the pages whose url_path matches the path, by depth."""
    prefixes = [root.url_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    above_root = [root.path[: Page.steplen * depth] for depth in range(1, root.depth)]
    matched = Page.objects.filter(url_path__in=prefixes[1:], path__startswith=root.path)
    around = Page.objects.filter(path__in=[*above_root, root.path])
    return list((matched | around).only(*ROUTE_FIELDS).order_by("path"))


def _specific(page):
    """The page as its own type, with the foreign keys its template shows."""
    model = page.specific_class
    if model is None:  # the page type's code is gone: serve what there is
        return page
    queryset = model.objects.all()
    related = getattr(model, "serve_select_related", ())
    if related:
        queryset = queryset.select_related(*related)
    return queryset.get(pk=page.pk)


def route_for_request(request, path):
    """Return Wagtail's RouteResult for the path, or None (which serve() turns into a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page  # fetched with the site
    components = [component for component in path.split("/") if component]
    pages = _pages_on_path(root, components)
    deepest = pages[-1]
    if deepest.depth < root.depth:  # the site's root page is gone
        return None
    page = _specific(deepest)
    page.route_ancestors = pages[:-1]
    try:
        return page.route(request, components[deepest.depth - root.depth :])
    except Http404:
        return None


class PageRoutingMiddleware:
    """For Wagtail's page view: finds the site from the cache (home/sites.py) and routes with
    `route_for_request`, before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            # Site.find_for_request() returns what is set here, for the rest of the request.
            request._wagtail_site = site_for_request(request)
            if request._wagtail_site is not None:
                use_cached_settings(request, request._wagtail_site)
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = route_for_request(request, path)
