"""The public listing of employer places (StageplaatsenPage): only places of offers in status
"gepubliceerd", not anonymised, whose start date has not passed. Never the contact person.
Filtered by plain GET parameters, so it works without JavaScript and every result is a link."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Level, PlaceType, Sector
from .models.stageaanbod import Stageaanbod, Stageplaats

PER_PAGE = 20


def published_places(today=None):
    today = today or timezone.localdate()
    return (
        Stageplaats.objects.filter(
            offer__status=Stageaanbod.Status.GEPUBLICEERD,
            offer__consent_publication=True,
            offer__anonymised_at__isnull=True,
        )
        .filter(Q(start_date__isnull=True) | Q(start_date__gte=today))
        .select_related("offer")
        .only(
            "place_type",
            "level",
            "number",
            "hours_per_week",
            "start_date",
            "location",
            "description",
            "offer__sector",
            "offer__municipality",
        )
        .order_by("start_date", "pk")
    )


class PlaceFilterForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort plek"), required=False, choices=[("", _("Alle soorten")), *PlaceType.choices]
    )
    niveau = forms.ChoiceField(
        label=_("Niveau of doelgroep"),
        required=False,
        choices=[("", _("Alle niveaus")), *Level.choices],
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("Alle sectoren")), *Sector.choices]
    )
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", _("Alle gemeenten")),
            *[(m, m) for m in municipalities],
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def apply(self, queryset):
        data = self.cleaned_data
        if data.get("soort"):
            queryset = queryset.filter(place_type=data["soort"])
        if data.get("niveau"):
            queryset = queryset.filter(level=data["niveau"])
        if data.get("sector"):
            queryset = queryset.filter(offer__sector=data["sector"])
        if data.get("gemeente"):
            queryset = queryset.filter(offer__municipality=data["gemeente"])
        return queryset


def listing_context(request):
    """The filter form and the requested page of places, for the StageplaatsenPage template."""
    places = published_places()
    municipalities = (
        places.exclude(offer__municipality="")
        .order_by("offer__municipality")
        .values_list("offer__municipality", flat=True)
        .distinct()
    )
    form = PlaceFilterForm(request.GET or None, municipalities=list(municipalities))
    if form.is_bound and form.is_valid():
        places = form.apply(places)
    page = Paginator(places, PER_PAGE).get_page(request.GET.get("page"))
    return {"form": form, "page_obj": page, "places": page.object_list}
