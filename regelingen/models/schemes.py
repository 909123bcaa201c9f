"""Schemes (regelingen): the list with filters on target group, region and status, and the scheme
page with its derived status, related policy documents and the form that applies for it."""

from functools import partial

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from goodpractices.models import (
    Doelgroep,
    IndexRelationsMixin,
    Organisatie,
    OrganisationSerializer,
    Regio,
    TermSerializer,
)
from home.blocks import BaseStreamBlock, FAQItemBlock
from home.listing import FilteredIndexMixin
from home.models import BasePage
from home.structured_data import faq_page
from home.visibility import public

STATUS_LOPEND = "lopend"
STATUS_AFGELOPEN = "afgelopen"
STATUS_LABELS = {STATUS_LOPEND: _("Lopend"), STATUS_AFGELOPEN: _("Afgelopen")}


# The status as a term of the status facet: (slug, name, order).
STATUS_TERMS = {
    key: (key, label, order) for order, (key, label) in enumerate(STATUS_LABELS.items())
}


def derived_status(end_date, day):
    """The derived status: a scheme without an end date keeps running."""
    return STATUS_LOPEND if end_date is None or end_date >= day else STATUS_AFGELOPEN


class RegelingIndexPage(FilteredIndexMixin, BasePage):
    """/regelingen/: all schemes, filterable by doelgroep and status."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["regelingen.RegelingPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "regelingen/regeling_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    listed_order = ("-start_date", "title")
    listed_context_name = "schemes"
    filters = (("doelgroep", Doelgroep._meta.verbose_name, "target_groups"),)

    class Meta:
        verbose_name = _("overzicht regelingen")
        verbose_name_plural = _("overzichten regelingen")

    @property
    def listed_model(self):
        return RegelingPage

    def listed_data(self):
        """Also the end dates, from which each scheme's status follows."""
        data = super().listed_data()
        dates = RegelingPage.objects.filter(pk__in=data["ids"]).values_list("pk", "end_date")
        data["end_dates"] = dict(dates)
        return data

    def extra_terms(self, data, request):
        """The status as a facet, derived from today's date: it changes without a publish."""
        today = timezone.localdate()
        statuses = {
            page_id: [STATUS_TERMS[derived_status(end_date, today)]]
            for page_id, end_date in data["end_dates"].items()
        }
        return {"status": (_("status"), statuses, STATUS_LABELS)}

    def card(self, page_id, terms):
        status = terms["status"][page_id][0][0]
        return {
            "status": status,
            "target_groups": [term[1] for term in terms["doelgroep"][page_id]],
            "card_key": status[0],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["today"] = timezone.localdate()
        return context


class RegelingPage(IndexRelationsMixin, BasePage):
    """A scheme or measure: who it is for, how long it runs, who carries it out, how to apply."""

    target_groups = ParentalManyToManyField(
        Doelgroep, verbose_name=_("doelgroepen"), blank=True, related_name="schemes"
    )
    regions = ParentalManyToManyField(
        Regio, verbose_name=_("regio"), blank=True, related_name="schemes"
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Leeg laten als de regeling doorloopt.")
    )
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    organisation = models.ForeignKey(
        Organisatie,
        verbose_name=_("uitvoerende organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schemes",
    )
    contact = models.TextField(_("contact"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    faq = StreamField(
        [("question", FAQItemBlock())], verbose_name=_("veelgestelde vragen"), blank=True
    )
    related_documents = ParentalManyToManyField(
        "regelingen.BeleidsdocumentPage",
        verbose_name=_("beleidsdocumenten"),
        blank=True,
        related_name="schemes",
    )
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("formulier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Het formulier waarmee bezoekers deze regeling aanvragen of melden."),
    )

    parent_page_types = ["regelingen.RegelingIndexPage"]
    subpage_types = []
    template = "regelingen/regeling_page.html"
    # Listing blocks show schemes with the card of the list, newest start first.
    listing_card = "regelingen/includes/regeling_card.html"
    listing_date_field = "start_date"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("budget"),
                FieldPanel("organisation"),
                FieldPanel("contact"),
            ],
            heading=_("Kenmerken"),
        ),
        FieldPanel("body"),
        FieldPanel("faq"),
        FieldPanel("related_documents", widget=forms.CheckboxSelectMultiple),
        FieldPanel("form_page"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("faq"),
        index.SearchField("contact"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("budget"),
        APIField("target_groups", serializer=TermSerializer(many=True)),
        APIField("regions", serializer=TermSerializer(many=True)),
        APIField("organisation", serializer=OrganisationSerializer()),
        APIField("contact"),
        APIField("body"),
        APIField("faq"),
        APIField(
            "related_documents",
            serializer=serializers.PrimaryKeyRelatedField(many=True, read_only=True),
        ),
        APIField("form_page", serializer=serializers.PrimaryKeyRelatedField(read_only=True)),
    ]

    class Meta:
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def status_on(self, day):
        return derived_status(self.end_date, day)

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    def get_context(self, request, *args, **kwargs):
        """What the page shows besides its own fields is read only when its HTML is not in the
        fragment cache."""
        context = super().get_context(request, *args, **kwargs)
        context["target_groups"] = SimpleLazyObject(partial(list, self.target_groups.all()))
        context["regions"] = SimpleLazyObject(partial(list, self.regions.all()))
        context["documents"] = SimpleLazyObject(self.live_related_documents)
        context["form_page"] = SimpleLazyObject(self.live_form_page)
        context["structured_data"] = SimpleLazyObject(
            lambda: self.structured_data(request, context)
        )
        return context

    def live_related_documents(self):
        """Live public documents the scheme names. In a preview from the edit form they are the
        form's choice, held in memory (modelcluster), so they are looked up by id."""
        related = self.related_documents.all()
        if not isinstance(related, models.QuerySet):
            document_model = self._meta.get_field("related_documents").related_model
            related = document_model.objects.filter(pk__in=[page.pk for page in related])
        return list(public(related.live()).defer_streamfields().order_by("-date"))

    def live_form_page(self):
        form_page = self.form_page
        return form_page if form_page and form_page.live else None

    def structured_data(self, request, context):
        """schema.org GovernmentService, plus FAQPage when the scheme has questions."""
        service = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "serviceType": str(self._meta.verbose_name),
        }
        if self.organisation:
            service["provider"] = {
                "@type": "GovernmentOrganization",
                "name": self.organisation.name,
            }
            if self.organisation.website:
                service["provider"]["url"] = self.organisation.website
        if context["regions"]:
            service["areaServed"] = [
                {"@type": "AdministrativeArea", "name": r.name} for r in context["regions"]
            ]
        if context["target_groups"]:
            service["audience"] = [
                {"@type": "Audience", "audienceType": g.name} for g in context["target_groups"]
            ]
        data = [service]
        if self.faq:
            data.append(
                faq_page((block.value["question"], block.value["answer"]) for block in self.faq)
            )
        return data
