"""Schemes (regelingen) and policy documents (beleidsdocumenten) with typed, filterable fields.

Taxonomy comes from goodpractices (one place for Regio, Doelgroep, Organisatie). Status of a
scheme is derived from its dates, never typed in, so it cannot go stale.
"""

import datetime
import operator
from functools import partial

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from goodpractices.filters import (
    facet,
    facets_cache_key,
    known_slugs,
    matching,
    page_terms,
    paginate,
    value_counts,
)
from goodpractices.models import (
    Doelgroep,
    IndexRelationsMixin,
    Organisatie,
    OrganisationSerializer,
    Regio,
    TermSerializer,
)
from home.blocks import BaseStreamBlock, FAQItemBlock
from home.models import BasePage
from home.publish_cache import cached, cached_context
from home.structured_data import faq_page
from home.visibility import public

from .blocks import KeyFigureBlock

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


class RegelingIndexPage(BasePage):
    """/regelingen/: all schemes, filterable by doelgroep and status."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["regelingen.RegelingPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "regelingen/regeling_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("overzicht regelingen")
        verbose_name_plural = _("overzichten regelingen")

    def schemes_and_terms(self):
        """The listed schemes in list order, with their end dates and target groups (cached
        until a publish)."""
        rows = list(
            public(RegelingPage.objects.child_of(self).live())
            .order_by("-start_date", "title")
            .values_list("pk", "end_date")
        )
        ids = [page_id for page_id, _end_date in rows]
        return ids, dict(rows), page_terms(RegelingPage, ["target_groups"], ids)["target_groups"]

    def get_context(self, request, *args, **kwargs):
        """Filter on doelgroep and the status (derived from today's date) and count in Python,
        over the schemes and target groups kept in the publish cache: no query for the list
        itself. The facets are only counted, and the pages of the cards only fetched, when their
        HTML is not cached ({% publishcache %})."""
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        ids, end_dates, groups = cached(f"scheme_index:{self.pk}", self.schemes_and_terms, request)
        statuses = {page_id: derived_status(end_dates[page_id], today) for page_id in ids}
        terms = {
            "doelgroep": groups,
            "status": {page_id: [STATUS_TERMS[status]] for page_id, status in statuses.items()},
        }
        status = request.GET.get("status", "").strip()
        selected = {
            "doelgroep": request.GET.get("doelgroep", "").strip(),
            "status": status if status in STATUS_LABELS else "",
        }

        def facets():
            return [
                facet(
                    request,
                    "doelgroep",
                    Doelgroep._meta.verbose_name,
                    value_counts(ids, terms, selected, "doelgroep"),
                ),
                facet(request, "status", _("status"), value_counts(ids, terms, selected, "status")),
            ]

        page_obj = paginate(request, matching(ids, terms, selected))
        shown = page_obj.object_list
        pages = SimpleLazyObject(lambda: RegelingPage.objects.defer_streamfields().in_bulk(shown))
        schemes = [
            {
                "pk": page_id,
                "page": SimpleLazyObject(partial(operator.getitem, pages, page_id)),
                "status": statuses[page_id],
                "target_groups": [term[1] for term in groups[page_id]],
            }
            for page_id in shown
        ]
        context.update(
            page_obj=page_obj,
            schemes=schemes,
            # A card shows the status: the same schemes with another status are other cards.
            cards_key=",".join(f"{page_id}{statuses[page_id][0]}" for page_id in shown),
            facets=SimpleLazyObject(facets),
            facets_key=facets_cache_key(
                request, {"doelgroep": known_slugs(terms)["doelgroep"], "status": STATUS_LABELS}
            ),
            has_filters=any(selected.values()),
            today=today,
        )
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
    serve_select_related = ("organisation", "form_page")

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
        context = super().get_context(request, *args, **kwargs)
        context.update(
            cached_context(
                f"scheme:{self.pk}",
                self.related_items,
                request,
                ("target_groups", "regions", "documents"),
            )
        )
        form_page = self.form_page
        context["form_page"] = form_page if form_page and form_page.live else None
        # Only built when the JSON-LD is not in the fragment cache already.
        context["structured_data"] = SimpleLazyObject(
            lambda: self.structured_data(request, context)
        )
        return context

    def related_items(self):
        """Target groups, regions and live related documents (cached until a publish)."""
        return {
            "target_groups": list(self.target_groups.all()),
            "regions": list(self.regions.all()),
            "documents": list(
                public(self.related_documents.live()).defer_streamfields().order_by("-date")
            ),
        }

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


class BeleidsdocumentIndexPage(BasePage):
    """/beleid/: policy documents, newest first."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["regelingen.BeleidsdocumentPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "regelingen/beleidsdocument_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("overzicht beleidsdocumenten")
        verbose_name_plural = _("overzichten beleidsdocumenten")

    def document_ids(self):
        """The listed documents, newest first (cached until a publish)."""
        return list(
            public(BeleidsdocumentPage.objects.child_of(self).live())
            .order_by("-date", "title")
            .values_list("pk", flat=True)
        )

    def get_context(self, request, *args, **kwargs):
        """The ids come from the publish cache; the pages of the cards are only fetched when
        their HTML is not cached ({% publishcache %})."""
        context = super().get_context(request, *args, **kwargs)
        ids = cached(f"policy_index:{self.pk}", self.document_ids, request)
        page_obj = paginate(request, ids)
        shown = page_obj.object_list
        pages = SimpleLazyObject(
            lambda: BeleidsdocumentPage.objects.defer_streamfields().in_bulk(shown)
        )
        documents = [
            {"pk": page_id, "page": SimpleLazyObject(partial(operator.getitem, pages, page_id))}
            for page_id in shown
        ]
        context.update(page_obj=page_obj, documents=documents, cards_key=",".join(map(str, shown)))
        return context


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
        context = super().get_context(request, *args, **kwargs)
        context.update(
            cached_context(
                f"policy:{self.pk}",
                self.related_items,
                request,
                ("attachments", "regions", "schemes"),
            )
        )
        # Only built when the JSON-LD is not in the fragment cache already.
        context["structured_data"] = SimpleLazyObject(
            lambda: [self.structured_data(request, context["attachments"])]
        )
        return context

    def related_items(self):
        """Attachments, regions and live schemes (cached until a publish)."""
        return {
            "attachments": list(self.attachments.select_related("document")),
            "regions": list(self.regions.all()),
            "schemes": list(public(self.schemes.live()).defer_streamfields()),
        }

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
