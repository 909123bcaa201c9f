"""The home page and the generic content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ListingStreamBlock
from home.visibility import public

from .mixins import BasePage


class HighlightBlock(blocks.StructBlock):
    """A card on the home page that leads straight to a form or a section."""

    page = blocks.PageChooserBlock(label=_("Pagina"))
    title = blocks.CharBlock(label=_("Titel"), required=False)
    text = blocks.TextBlock(label=_("Tekst"), required=False)

    class Meta:
        icon = "link"
        label = _("Uitgelichte link")
        template = "components/streamfield/blocks/highlight_block.html"


class HomePage(BasePage):
    """The front door: what the portal offers and the three forms, one click away."""

    intro = models.TextField(_("introductie"), blank=True)
    highlights = StreamField(
        [("highlight", HighlightBlock())],
        verbose_name=_("uitgelichte links"),
        blank=True,
        help_text=_("De drie formulieren en de belangrijkste onderdelen."),
    )
    body = StreamField(ListingStreamBlock(), verbose_name=_("inhoud"), blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("highlights"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("highlights"), APIField("body")]

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")


class ContentPageTag(TaggedItemBase):
    """Subjects of a content page (e.g. the `subjects` of pages imported from Plone)."""

    content_object = ParentalKey(
        "home.ContentPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ContentPage(BasePage):
    """A page with a body: about the portal, contact, privacy and accessibility statements."""

    body = StreamField(ListingStreamBlock(), verbose_name=_("inhoud"), blank=True)
    tags = ClusterTaggableManager(through=ContentPageTag, blank=True, verbose_name=_("onderwerpen"))

    template = "pages/content_page.html"
    # Listing blocks can show content pages (home/listable.py).
    listing_card = "pages/includes/page_card.html"
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    def listed_children(self):
        """Live, public children shown in menus, listed below the body ("In dit onderdeel"), so a
        section (such as a Plone folder without text) is not an empty page. One query, only when
        the page's cached HTML is rendered (a publish anywhere renders it again)."""
        return list(
            public(Page.objects.child_of(self).live().in_menu()).only(
                "id", "title", "url_path", "path", "depth", "search_description"
            )
        )

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")
