"""News (nieuws): the list, newest first, and the news item with its date.

The date is a field of its own, not the publish date: an item imported from Plone or written
ahead of time keeps the date the news is about.
"""

import datetime
from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.listing import FilteredIndexMixin
from home.models import BasePage


class NewsIndexPage(FilteredIndexMixin, BasePage):
    """/nieuws/: news items as cards, newest first, twelve per page."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["news.NewsPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "news/news_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    listed_order = ("-date", "-first_published_at", "-pk")
    listed_context_name = "news_items"

    class Meta:
        verbose_name = _("nieuwsoverzicht")
        verbose_name_plural = _("nieuwsoverzichten")

    @property
    def listed_model(self):
        return NewsPage


class NewsPageTag(TaggedItemBase):
    """Subjects of a news item (the `subjects` of items imported from Plone)."""

    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(BasePage):
    """A news item: dated, with a body of the shared blocks."""

    date = models.DateField(
        _("datum"),
        default=datetime.date.today,
        help_text=_("De datum van het bericht; staat op de pagina en in het overzicht."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("onderwerpen"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_page.html"
    # Joins the listing block (home/listable.py): its card, and the date "newest first" sorts on.
    listing_card = "news/includes/news_card.html"
    listing_date_field = "date"

    content_panels = [*BasePage.content_panels, FieldPanel("date"), FieldPanel("body")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [*BasePage.api_fields, APIField("date"), APIField("body")]

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = SimpleLazyObject(partial(self.structured_data, request))
        return context

    def structured_data(self, request):
        """schema.org NewsArticle: search engines show the date with the headline."""
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.summary,
            "url": self.get_full_url(request),
            "datePublished": self.date.isoformat(),
            "inLanguage": "nl",
        }
        if self.last_published_at:
            article["dateModified"] = self.last_published_at.isoformat()
        return [article]
