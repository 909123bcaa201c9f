"""Good-practice examples and the taxonomy snippets shared with the schemes (regelingen).

Regio, Doelgroep, Thema and Organisatie live here, in one place: regelingen imports them.
Filters use the snippet slugs in GET parameters, so a filtered list is a plain, shareable link.
"""

from functools import partial

from django import forms
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from home.listing import FilteredIndexMixin
from home.models import BasePage


class TaxonomyTerm(index.Indexed, models.Model):
    """A named term with a URL-safe slug; the slug is what filters put in the address bar."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    sort_order = models.PositiveIntegerField(
        _("volgorde"), default=100, help_text=_("Lager komt eerder in filters en lijsten.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Regio(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")


class Doelgroep(TaxonomyTerm):
    """Target group, e.g. PrO, VSO, Entree/MBO-1, ouders, werkgevers."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Thema(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class Organisatie(index.Indexed, models.Model):
    """A school, municipality, employer service or other partner organisation."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name


class IndexRelationsMixin:
    """Re-index after the many-to-many taxonomy is written.

    ClusterableModel.save() writes ParentalManyToMany relations after post_save, so a search
    index update triggered by post_save (immediate task backend) would miss the new terms.
    """

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        if self.live:
            index.insert_or_update_object(self)
        return result


class TermSerializer(serializers.Serializer):
    """How a taxonomy term looks in the API: the slug (as used in filters) and the name."""

    slug = serializers.CharField()
    name = serializers.CharField()


class OrganisationSerializer(TermSerializer):
    website = serializers.URLField()


class GoodPracticeIndexPage(FilteredIndexMixin, BasePage):
    """/goede-voorbeelden/: cards with filters on regio, doelgroep and thema (plain links)."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["goodpractices.GoodPracticePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "goodpractices/good_practice_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    listed_order = ("title",)
    listed_context_name = "practices"
    filters = (
        # (GET parameter, label, page field)
        ("regio", Regio._meta.verbose_name, "regions"),
        ("doelgroep", Doelgroep._meta.verbose_name, "target_groups"),
        ("thema", Thema._meta.verbose_name, "themes"),
    )

    class Meta:
        verbose_name = _("overzicht goede voorbeelden")
        verbose_name_plural = _("overzichten goede voorbeelden")

    @property
    def listed_model(self):
        return GoodPracticePage

    def card(self, page_id, terms):
        return {
            "regions": [term[1] for term in terms["regio"][page_id]],
            "target_groups": [term[1] for term in terms["doelgroep"][page_id]],
        }


class GoodPracticePage(IndexRelationsMixin, BasePage):
    """One approach from elsewhere that works: what they do, what it yields, what we learn."""

    regions = ParentalManyToManyField(
        Regio, verbose_name=_("regio"), blank=True, related_name="good_practices"
    )
    target_groups = ParentalManyToManyField(
        Doelgroep, verbose_name=_("doelgroepen"), blank=True, related_name="good_practices"
    )
    themes = ParentalManyToManyField(
        Thema, verbose_name=_("thema's"), blank=True, related_name="good_practices"
    )
    partners = ParentalManyToManyField(
        Organisatie, verbose_name=_("partners"), blank=True, related_name="good_practices"
    )
    approach = RichTextField(_("aanpak"), blank=True)
    results = RichTextField(_("resultaten"), blank=True)
    lessons = RichTextField(_("lessen"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact = models.TextField(_("contact"), blank=True)

    parent_page_types = ["goodpractices.GoodPracticeIndexPage"]
    subpage_types = []
    template = "goodpractices/good_practice_page.html"
    # Listing blocks show good practices with the card of the list.
    listing_card = "goodpractices/includes/good_practice_card.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Indeling"),
        ),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("website"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("regions", serializer=TermSerializer(many=True)),
        APIField("target_groups", serializer=TermSerializer(many=True)),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("partners", serializer=OrganisationSerializer(many=True)),
        APIField("approach"),
        APIField("results"),
        APIField("lessons"),
        APIField("website"),
        APIField("contact"),
    ]

    class Meta:
        verbose_name = _("goed voorbeeld")
        verbose_name_plural = _("goede voorbeelden")

    def get_context(self, request, *args, **kwargs):
        """The taxonomy is read only when the page's HTML is not in the fragment cache."""
        context = super().get_context(request, *args, **kwargs)
        for name in ("regions", "target_groups", "themes", "partners"):
            context[name] = SimpleLazyObject(partial(list, getattr(self, name).all()))
        return context
