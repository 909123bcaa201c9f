"""The abstract page every page type of the portal builds on."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from home.cache import cached_data
from home.visibility import restricted


class BasePage(Page):
    """Adds a plain-language summary, used on cards, in search results and as meta description."""

    summary = models.TextField(
        _("samenvatting"),
        blank=True,
        help_text=_(
            "Eén of twee zinnen in gewone taal. Verschijnt in overzichten en zoekresultaten."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
    ]
    api_fields = [APIField("summary")]

    # Type name shown on search results and cards; subclasses override with their own Dutch name.
    @property
    def type_label(self):
        return self.specific_class._meta.verbose_name

    @property
    def meta_description(self):
        return self.search_description or self.summary

    def route(self, request, path_components):
        """Wagtail's routing, with the pages below this one on the path read in one query
        (and whether a view restriction covers them) instead of two queries per level.

        A page on the path whose type routes on its own (a form wizard) gets the rest of the
        path, as in Wagtail; so does the deepest page found, which answers 404 when the path
        goes on below it. A page that is not live answers 404."""
        if not path_components:
            if self.route_view_restricted is None and self.depth <= 2 and not self.alias_of_id:
                # The site's root page: above it only the tree root, which is never an alias.
                # Kept under the publish version, which a saved or deleted restriction replaces:
                # a cache read instead of a query on every visit of the home page.
                above = [self.path[: Page.steplen * depth] for depth in range(1, self.depth + 1)]
                covering = PageViewRestriction.objects.filter(page__path__in=above)
                self.route_view_restricted = cached_data(
                    f"root_restricted:{self.pk}", covering.exists
                )
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[: n + 1])
            for n in range(len(path_components))
        ]
        rows = (
            Page.objects.descendant_of(self)
            .filter(url_path__in=url_paths)
            .annotate(view_restricted=restricted())
            .order_by("depth")
        )
        chain = []
        for row in rows:
            if row.depth != self.depth + 1 + len(chain) or row.url_path != url_paths[len(chain)]:
                break
            chain.append(row)
        if not chain:
            raise Http404
        for position, row in enumerate(chain):
            if position == len(chain) - 1 or not _routes_by_slug(row.specific_class):
                break
        page = row.specific
        # Wagtail's own check when an alias is on the path: it uses its source's restrictions.
        if not any(p.alias_of_id for p in [self, *chain[: position + 1]]):
            page.route_view_restricted = row.view_restricted
        remaining = path_components[position + 1 :]
        if remaining or not _routes_by_slug(page.specific_class):
            return page.route(request, remaining)
        if not page.live:
            raise Http404
        return RouteResult(page)

    # Set by route() when it knows whether a view restriction covers the page: then Wagtail's
    # check before serving needs no query of its own.
    route_view_restricted = None

    def get_view_restrictions(self):
        if self.route_view_restricted is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    class Meta:
        abstract = True


def _routes_by_slug(page_class):
    """Whether pages of this type route as Wagtail's Page does: to a child by its slug."""
    return page_class is None or page_class.route in (Page.route, BasePage.route)
