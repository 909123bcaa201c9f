"""Good-practice examples and the taxonomy snippets shared with the schemes (regelingen).

Regio, Doelgroep, Thema and Organisatie live here, in one place: regelingen imports them.
Filters use the snippet slugs in GET parameters, so a filtered list is a plain, shareable link.
"""

import operator
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

from home.models import BasePage
from home.publish_cache import cached, cached_context
from home.visibility import public

from .filters import (
    facet,
    facets_cache_key,
    known_slugs,
    matching,
    page_terms,
    paginate,
    value_counts,
)


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


class GoodPracticeIndexPage(BasePage):
    """/goede-voorbeelden/: cards with filters on regio, doelgroep and thema (plain links)."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    subpage_types = ["goodpractices.GoodPracticePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "goodpractices/good_practice_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    FILTERS = (
        # (GET parameter, term model, relation name on the term, page field)
        ("regio", Regio, "good_practices", "regions"),
        ("doelgroep", Doelgroep, "good_practices", "target_groups"),
        ("thema", Thema, "good_practices", "themes"),
    )

    class Meta:
        verbose_name = _("overzicht goede voorbeelden")
        verbose_name_plural = _("overzichten goede voorbeelden")

    def practices(self):
        return public(GoodPracticePage.objects.child_of(self).live())

    def practices_and_terms(self):
        """The ids of the listed pages by title and their taxonomy (cached until a publish)."""
        ids = list(self.practices().order_by("title").values_list("pk", flat=True))
        return ids, page_terms(GoodPracticePage, [field for *_, field in self.FILTERS], ids)

    def get_context(self, request, *args, **kwargs):
        """Filter and count in Python over (page, term) pairs kept in the publish cache: no query
        for the list itself, whatever the number of items. The facets are only counted, and the
        pages of the cards only fetched, when their HTML is not cached ({% publishcache %})."""
        context = super().get_context(request, *args, **kwargs)
        ids, by_field = cached(f"good_practice_index:{self.pk}", self.practices_and_terms, request)
        selected = {name: request.GET.get(name, "").strip() for name, *_ in self.FILTERS}
        terms = {name: by_field[field] for name, _m, _r, field in self.FILTERS}

        def facets():
            return [
                facet(
                    request,
                    name,
                    model._meta.verbose_name,
                    value_counts(ids, terms, selected, name),
                )
                for name, model, _relation, _field in self.FILTERS
            ]

        page_obj = paginate(request, matching(ids, terms, selected))
        shown = page_obj.object_list
        pages = SimpleLazyObject(
            lambda: GoodPracticePage.objects.defer_streamfields().in_bulk(shown)
        )
        practices = [
            {
                "pk": page_id,
                "page": SimpleLazyObject(partial(operator.getitem, pages, page_id)),
                "regions": [t[1] for t in terms["regio"][page_id]],
                "target_groups": [t[1] for t in terms["doelgroep"][page_id]],
            }
            for page_id in shown
        ]
        context.update(
            page_obj=page_obj,
            practices=practices,
            cards_key=",".join(map(str, shown)),
            facets=SimpleLazyObject(facets),
            facets_key=facets_cache_key(request, known_slugs(terms)),
            has_filters=any(selected.values()),
        )
        return context


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
        context = super().get_context(request, *args, **kwargs)
        context.update(
            cached_context(
                f"good_practice:{self.pk}",
                self.related_items,
                request,
                ("regions", "target_groups", "themes", "partners"),
            )
        )
        return context

    def related_items(self):
        """The page's taxonomy and partners (cached until a publish)."""
        return {
            "regions": list(self.regions.all()),
            "target_groups": list(self.target_groups.all()),
            "themes": list(self.themes.all()),
            "partners": list(self.partners.all()),
        }
