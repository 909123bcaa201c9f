"""The abstract page every page type of the portal builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index


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

    # Foreign keys the page's template shows; fetched with the page when it is served
    # (home/routing.py), so showing them costs no extra query.
    serve_select_related = ()

    # Set by home/routing.py when the page is served: the pages above it, from the tree root, and
    # whether a view restriction sits on any of them (the route query tells).
    route_ancestors = None
    route_restricted = None

    def get_view_restrictions(self):
        """Restrictions on this page or above it: no query when the route found none, one when
        it found some (an alias uses its source page's restrictions, as in Wagtail)."""
        if self.route_ancestors is None:
            return super().get_view_restrictions()
        if self.route_restricted is False:
            return PageViewRestriction.objects.none()
        ids = {page.alias_of_id or page.id for page in [*self.route_ancestors, self]}
        return PageViewRestriction.objects.filter(page_id__in=ids)

    class Meta:
        abstract = True
