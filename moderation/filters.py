"""List filters of the queues (Django admin list filters, as wagtail-modeladmin uses them).

Every filter costs at most one query, whatever the number of rows."""

import datetime

from django.contrib.admin import SimpleListFilter
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanmelden.choices import PlaceType
from aanmelden.models import Stageplaats

from .schoolyear import current_school_year
from .workflow import open_statuses

OPEN = "open"
MUNICIPALITY_CACHE_SECONDS = 600
ALL = "alle"


class StatusFilter(SimpleListFilter):
    """Open items by default (the queue's work list); any single status, or everything."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(OPEN, _("Open (standaard)")), *model_admin.model.Status.choices, (ALL, _("Alle"))]

    def queryset(self, request, queryset):
        value = self.value() or OPEN
        if value == ALL:
            return queryset
        if value == OPEN:
            return queryset.filter(status__in=open_statuses(queryset.model))
        return queryset.filter(status=value)

    def choices(self, changelist):
        current = self.value() or OPEN
        for lookup, title in self.lookup_choices:
            yield {
                "selected": current == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class AssignedFilter(SimpleListFilter):
    title = _("behandelaar")
    parameter_name = "behandelaar"

    def lookups(self, request, model_admin):
        return [("mij", _("Aan mij toegewezen")), ("niemand", _("Nog niet toegewezen"))]

    def queryset(self, request, queryset):
        if self.value() == "mij":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "niemand":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class PeriodFilter(SimpleListFilter):
    """Received this week, or in one of the recent school years (1 August - 31 July)."""

    title = _("periode ontvangen")
    parameter_name = "periode"

    def lookups(self, request, model_admin):
        this_year = current_school_year()
        years = [type(this_year)(this_year.start_year - offset) for offset in range(4)]
        return [
            ("week", _("Afgelopen 7 dagen")),
            *[(y.label, _("Schooljaar %(label)s") % {"label": y.label}) for y in years],
        ]

    def queryset(self, request, queryset):
        from .schoolyear import SchoolYear

        value = self.value()
        if not value:
            return queryset
        if value == "week":
            return queryset.filter(received_at__gte=timezone.now() - datetime.timedelta(days=7))
        year = SchoolYear.parse(value)
        if year is None:
            return queryset
        start, end = year.datetime_range()
        return queryset.filter(received_at__gte=start, received_at__lt=end)


class MunicipalityFilter(SimpleListFilter):
    title = _("gemeente")
    parameter_name = "gemeente"

    def lookups(self, request, model_admin):
        model = model_admin.model
        key = f"queue-municipalities-{model._meta.model_name}"
        values = cache.get(key)
        if values is None:
            # A distinct scan of the whole table; municipalities rarely change, so cached.
            values = list(
                model.objects.exclude(municipality="")
                .order_by("municipality")
                .values_list("municipality", flat=True)
                .distinct()
            )
            cache.set(key, values, MUNICIPALITY_CACHE_SECONDS)
        return [(value, value) for value in values]

    def has_output(self):
        # Always take the parameter, even when the cached choices do not list it (yet).
        return True

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(municipality=self.value())
        return queryset


class GroundFilter(SimpleListFilter):
    title = _("grond")
    parameter_name = "grond"

    def lookups(self, request, model_admin):
        return model_admin.model.Ground.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(ground=self.value())
        return queryset


class PlaceTypeFilter(SimpleListFilter):
    title = _("soort plek")
    parameter_name = "soort"

    def lookups(self, request, model_admin):
        return PlaceType.choices

    def queryset(self, request, queryset):
        if self.value():
            places = Stageplaats.objects.filter(offer=OuterRef("pk"), place_type=self.value())
            return queryset.filter(Exists(places))
        return queryset


class SituationFilter(SimpleListFilter):
    title = _("situatie")
    parameter_name = "situatie"

    def lookups(self, request, model_admin):
        return model_admin.model.Situation.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(situation=self.value())
        return queryset
