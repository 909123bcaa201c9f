"""Page routing in one query, however deep the page sits in the tree.

Wagtail's own routing walks the tree one level at a time, with two queries per level (the child
by slug, then its specific page). Here the pages along the requested path come in one query
(matched on `url_path`), which also tells whether a view restriction covers any of them; the
pages on the way are kept on the page, so the view-restriction check and the breadcrumbs need no
further tree queries.

That query reads the database on every request, so a page that is unpublished, moved or
restricted answers accordingly at once. The page itself (as its own type) then comes from the
publish cache, keyed on its live revision, for anonymous visitors; editors get it from the
database (one more query).

The page's own `route()` still decides the rest: a routable page (the form wizards) gets the path
components below it, and a page that is not live still answers 404.
"""

from collections import namedtuple
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from .publish_cache import anonymous_view, cached, page_version, use_cached_settings
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
    "live_revision_id",
)


@lru_cache(maxsize=64)
def _route_sql(using, prefix_count, path_count):
    """The route query by hand: building it with the ORM took ten times longer than running it.

    Selects ROUTE_FIELDS and `route_restricted`: whether a view restriction sits on the page (on
    its source page for an alias, as Wagtail checks). Only table and column names from the
    models go into the text; every value is a parameter."""
    quote = connections[using].ops.quote_name

    def column(name):
        return f"p.{quote(Page._meta.get_field(name).column)}"

    restriction = PageViewRestriction._meta
    restricted = (
        f"EXISTS (SELECT 1 FROM {quote(restriction.db_table)} r "  # noqa: S608
        f"WHERE r.{quote(restriction.get_field('page').column)} = "
        f"COALESCE({column('alias_of')}, {column('id')}))"
    )
    prefixes = ", ".join(["%s"] * prefix_count)
    paths = ", ".join(["%s"] * path_count)
    return (
        f"SELECT {', '.join(column(name) for name in ROUTE_FIELDS)}, "  # noqa: S608
        f"{restricted} AS route_restricted FROM {quote(Page._meta.db_table)} p "
        f"WHERE ({column('url_path')} IN ({prefixes}) AND {column('path')} LIKE %s) "
        f"OR {column('path')} IN ({paths}) ORDER BY {column('path')}"
    )


class RouteRow(namedtuple("RouteRow", [*ROUTE_FIELDS, "route_restricted"])):
    """A page on the requested path as the route query read it: enough to route, to key the
    cache and to check view restrictions, without building a model instance."""

    @property
    def pk(self):
        return self.id

    @property
    def specific_class(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    def as_page(self):
        """A light Page (the route fields only), for the breadcrumbs."""
        fields = Page._meta.concrete_fields
        by_name = self._asdict()
        names = [field.attname for field in fields if field.attname in by_name]
        return Page.from_db(Page.objects.db, names, [by_name[name] for name in names])


def _pages_on_path(root, components):
    """The root's ancestors, the root and the pages whose url_path matches the path, by depth.

    Tree paths hold only digits and capitals, so the LIKE prefix needs no escaping."""
    prefixes = [root.url_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    around = [root.path[: Page.steplen * depth] for depth in range(1, root.depth + 1)]
    using = Page.objects.db
    with connections[using].cursor() as cursor:
        cursor.execute(
            _route_sql(using, len(prefixes), len(around)), [*prefixes, f"{root.path}%", *around]
        )
        return [RouteRow(*row) for row in cursor.fetchall()]


def _fetch_specific(row):
    model = row.specific_class
    queryset = model.objects.all()
    related = getattr(model, "serve_select_related", ())
    if related:
        queryset = queryset.select_related(*related)
    return queryset.get(pk=row.pk)


def _specific(row, request=None):
    """The page as its own type, with the foreign keys its template shows: from the publish
    cache (keyed on the live revision the route query just read) for anonymous visitors."""
    if row.specific_class is None:  # the page type's code is gone: serve what there is
        return row.as_page()
    if not anonymous_view(request):
        return _fetch_specific(row)
    return cached(f"page:{page_version(row)}", lambda: _fetch_specific(row), request)


def route_for_request(request, path):
    """Return Wagtail's RouteResult for the path, or None (which serve() turns into a 404)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page  # fetched with the site
    components = [component for component in path.split("/") if component]
    rows = _pages_on_path(root, components)
    if not rows or rows[-1].depth < root.depth:  # the site's root page is gone
        return None
    deepest = rows[-1]
    page = _specific(deepest, request)
    # Pages only when something reads them: breadcrumbs not in the cache, a view restriction.
    page.route_ancestors = SimpleLazyObject(lambda: [row.as_page() for row in rows[:-1]])
    page.route_restricted = any(row.route_restricted for row in rows)
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
