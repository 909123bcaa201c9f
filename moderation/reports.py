"""The yearly figures ("Jaarcijfers") per school year, as the municipalities ask for them.

Counted by the school year in which a submission was received. Only status, outcome, ground,
place type, sector and municipality are read: fields that anonymisation keeps, so the figures of
a year do not change when its personal data is erased.

"Spoken" (gesproken) young people are those whose intake took place: status in traject,
geplaatst or niet geplaatst.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from aanmelden.choices import PlaceType, Sector
from aanmelden.models import (
    LeerwerkmakelaarAanmelding,
    Stageaanbod,
    Stageplaats,
    VrijstellingMelding,
)

from .schoolyear import SchoolYear

L = LeerwerkmakelaarAanmelding.Status
SPOKEN_STATUSES = (L.IN_TRAJECT, L.GEPLAATST, L.NIET_GEPLAATST)
# Offers whose places really were offered to young people.
OFFERED_STATUSES = (
    Stageaanbod.Status.GEPUBLICEERD,
    Stageaanbod.Status.VERVULD,
    Stageaanbod.Status.INGETROKKEN,
)


@dataclass
class Table:
    key: str
    title: str
    headers: list
    rows: list = field(default_factory=list)  # [(label, [values...])]

    def chart_bars(self, column=0):
        from .charts import Bar

        return [Bar(str(label), values[column]) for label, values in self.rows]


def _in_year(queryset, school_year):
    start, end = school_year.datetime_range()
    return queryset.filter(received_at__gte=start, received_at__lt=end)


def exemption_table(school_year):
    V = VrijstellingMelding
    outcomes = list(V.Outcome)
    counts = {
        (row["ground"], row["outcome"]): row["n"]
        for row in _in_year(V.objects.all(), school_year)
        .values("ground", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    }
    table = Table(
        "vrijstellingen",
        _("Vrijstellingen per grond en uitkomst"),
        [_("Totaal"), *[o.label for o in outcomes], _("Nog open")],
    )
    for ground in V.Ground:
        per_outcome = [counts.get((ground.value, o.value), 0) for o in outcomes]
        still_open = counts.get((ground.value, ""), 0)
        total = sum(per_outcome) + still_open
        table.rows.append((_ground_short(ground), [total, *per_outcome, still_open]))
    return table


def _ground_short(ground):
    return {
        "5a": _("Art. 5 onder a"),
        "5b": _("Art. 5 onder b"),
        "5c": _("Art. 5 onder c"),
        "15": _("Art. 15"),
        "3a3b": _("Art. 3a/3b"),
    }[ground.value]


@dataclass
class YoungPeopleFigures:
    registered: int
    spoken: int
    placed: int
    table: Table


def young_people(school_year):
    M = LeerwerkmakelaarAanmelding
    rows = (
        _in_year(M.objects.all(), school_year)
        .values("status", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    registered = spoken = placed = 0
    by_outcome = {o.value: 0 for o in M.Outcome}
    for row in rows:
        registered += row["n"]
        if row["status"] in SPOKEN_STATUSES:
            spoken += row["n"]
        if row["status"] == L.GEPLAATST:
            placed += row["n"]
            by_outcome[row["outcome"]] = by_outcome.get(row["outcome"], 0) + row["n"]
    table = Table("leerwerkmakelaar", _("Jongeren geplaatst per soort plaatsing"), [_("Aantal")])
    for outcome in M.Outcome:
        table.rows.append((outcome.label, [by_outcome.get(outcome.value, 0)]))
    return YoungPeopleFigures(registered, spoken, placed, table)


def places_tables(school_year):
    start, end = school_year.datetime_range()
    places = Stageplaats.objects.filter(
        offer__received_at__gte=start,
        offer__received_at__lt=end,
        offer__status__in=OFFERED_STATUSES,
    )
    by_type = {
        row["place_type"]: row["n"]
        for row in places.values("place_type").annotate(n=Sum("number")).order_by()
    }
    by_sector = {
        row["offer__sector"]: row["n"]
        for row in places.values("offer__sector").annotate(n=Sum("number")).order_by()
    }
    type_table = Table("plekken_soort", _("Aangeboden plekken per soort"), [_("Plekken")])
    for place_type in PlaceType:
        type_table.rows.append((place_type.label, [by_type.get(place_type.value) or 0]))
    sector_table = Table("plekken_sector", _("Aangeboden plekken per sector"), [_("Plekken")])
    for sector in Sector:
        sector_table.rows.append((sector.label, [by_sector.get(sector.value) or 0]))
    return type_table, sector_table


def yearly_figures(school_year: SchoolYear, models):
    """The report for the queues in ``models`` (those the viewer may see)."""
    figures = {"school_year": school_year, "tables": []}
    if VrijstellingMelding in models:
        figures["tables"].append(exemption_table(school_year))
    if LeerwerkmakelaarAanmelding in models:
        young = young_people(school_year)
        figures["young_people"] = young
        figures["tables"].append(young.table)
    if Stageaanbod in models:
        figures["tables"].extend(places_tables(school_year))
    return figures


def csv_rows(figures):
    """(section, category, column, value) rows for the CSV download."""
    year = figures["school_year"].label
    young = figures.get("young_people")
    if young:
        for label, value in (
            (_("Aangemeld"), young.registered),
            (_("Gesproken"), young.spoken),
            (_("Geplaatst"), young.placed),
        ):
            yield (year, _("Jongeren leerwerkmakelaar"), label, _("Aantal"), value)
    for table in figures["tables"]:
        for label, values in table.rows:
            for header, value in zip(table.headers, values, strict=True):
                yield (year, table.title, label, header, value)
