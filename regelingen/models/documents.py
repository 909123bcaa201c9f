"""Policy documents (beleidsdocumenten): the list, the document page with its key figures and
attachments, and the attachments themselves."""

import datetime
from functools import partial

from django import forms
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from goodpractices.models import (
    IndexRelationsMixin,
    Organisatie,
    OrganisationSerializer,
    Regio,
    TermSerializer,
)
from home.blocks import BaseStreamBlock
from home.listing import FilteredIndexMixin
from home.models import BasePage
from home.visibility import public

from ..blocks import KeyFigureBlock


class BeleidsdocumentIndexPage(FilteredIndexMixin, BasePage):
    """/beleid/: policy documents, newest first."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["regelingen.BeleidsdocumentPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "regelingen/beleidsdocument_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    listed_order = ("-date", "title")
    listed_context_name = "documents"

    class Meta:
        verbose_name = _("overzicht beleidsdocumenten")
        verbose_name_plural = _("overzichten beleidsdocumenten")

    @property
    def listed_model(self):
        return BeleidsdocumentPage


class BeleidsdocumentPage(IndexRelationsMixin, BasePage):
    """An information memo, programme plan or annual report, with its PDF and key figures."""

    DOCUMENT_TYPES = [
        ("informatienota", _("Informatienota")),
        ("raadsvoorstel", _("Raadsvoorstel")),
        ("uitvoeringsplan", _("Uitvoeringsplan")),
        ("programmaplan", _("Programmaplan")),
        ("jaarverslag", _("Jaarverslag")),
        ("beleidsplan", _("Beleidsplan")),
        ("evaluatie", _("Evaluatie")),
    ]

    document_type = models.CharField(_("soort document"), max_length=30, choices=DOCUMENT_TYPES)
    number = models.CharField(
        _("nummer"), max_length=50, blank=True, db_index=True, help_text=_("Bijv. 2019/500546")
    )
    date = models.DateField(_("datum"), default=datetime.date.today)
    organisation = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_documents",
    )
    portfolio_holder = models.CharField(_("portefeuillehouder"), max_length=200, blank=True)
    regions = ParentalManyToManyField(
        Regio, verbose_name=_("regio"), blank=True, related_name="policy_documents"
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("kerncijfers"), blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    parent_page_types = ["regelingen.BeleidsdocumentIndexPage"]
    subpage_types = []
    template = "regelingen/beleidsdocument_page.html"
    # Listing blocks show documents with the card of the list, by their own date.
    listing_card = "regelingen/includes/beleidsdocument_card.html"
    listing_date_field = "date"
    # Exact matches on these fields come first in site search ("2019/500546").
    search_exact_fields = ("number",)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldPanel("date"),
                FieldPanel("organisation"),
                FieldPanel("portfolio_holder"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Kenmerken"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Bijlagen")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("number", boost=5),
        index.FilterField("number"),
        index.SearchField("portfolio_holder"),
        index.SearchField("body"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("document_type"),
        APIField("number"),
        APIField("date"),
        APIField("organisation", serializer=OrganisationSerializer()),
        APIField("portfolio_holder"),
        APIField("regions", serializer=TermSerializer(many=True)),
        APIField("key_figures"),
        APIField("body"),
        APIField("attachments"),
    ]

    class Meta:
        verbose_name = _("beleidsdocument")
        verbose_name_plural = _("beleidsdocumenten")

    def get_context(self, request, *args, **kwargs):
        """Attachments, regions and schemes are read only when the page's HTML is not in the
        fragment cache."""
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = SimpleLazyObject(
            partial(list, self.attachments.select_related("document"))
        )
        context["regions"] = SimpleLazyObject(partial(list, self.regions.all()))
        context["schemes"] = SimpleLazyObject(self.linked_schemes)
        context["structured_data"] = SimpleLazyObject(
            lambda: [self.structured_data(request, context["attachments"])]
        )
        return context

    def linked_schemes(self):
        """Live public schemes that name this document; none yet for a page not saved (a preview
        in the admin before the first save)."""
        if self.pk is None:
            return []
        return list(public(self.schemes.live()).defer_streamfields())

    def structured_data(self, request, attachments):
        """schema.org Report with its number, date, publisher and downloadable files."""
        report = {
            "@context": "https://schema.org",
            "@type": "Report",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "datePublished": self.date.isoformat(),
            "genre": self.get_document_type_display(),
            "inLanguage": "nl",
        }
        if self.number:
            report["reportNumber"] = self.number
        if self.organisation:
            report["publisher"] = {"@type": "Organization", "name": self.organisation.name}
        if attachments:
            report["associatedMedia"] = [
                {
                    "@type": "MediaObject",
                    "name": a.label,
                    "contentUrl": request.build_absolute_uri(a.document.url),
                    "encodingFormat": a.document.content_type,
                    **(
                        {"contentSize": f"{a.document.file_size} B"} if a.document.file_size else {}
                    ),
                }
                for a in attachments
            ]
        return report


class BeleidsdocumentBijlage(Orderable):
    """A downloadable file of a policy document (shown with its file type and size)."""

    page = ParentalKey(BeleidsdocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("linktekst"), max_length=255, blank=True, help_text=_("Leeg: de titel van het document.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [
        APIField("title", serializer=serializers.CharField(source="label")),
        APIField("document"),
        APIField("url", serializer=serializers.CharField(source="document.url")),
        APIField(
            "file_extension", serializer=serializers.CharField(source="document.file_extension")
        ),
        APIField("file_size", serializer=serializers.IntegerField(source="document.file_size")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    @property
    def label(self):
        return self.title or self.document.title
