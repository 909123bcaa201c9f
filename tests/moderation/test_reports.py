"""Yearly figures per school year (1 August - 31 July), their SVG charts and CSV."""

import datetime

import pytest
from django.utils import timezone

from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)
from moderation.admin_urls import report_url
from moderation.permissions import QUEUE_MODELS
from moderation.reports import yearly_figures
from moderation.schoolyear import SchoolYear
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db
YEAR = SchoolYear(2024)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def test_school_year_boundaries():
    assert SchoolYear.of(datetime.date(2024, 8, 1)) == YEAR
    assert SchoolYear.of(datetime.date(2025, 7, 31)) == YEAR
    assert SchoolYear.of(datetime.date(2024, 7, 31)) == SchoolYear(2023)
    assert YEAR.label == "2024-2025"
    assert YEAR.end == datetime.date(2025, 7, 31)
    assert SchoolYear.parse("2024-2025") == YEAR
    assert SchoolYear.parse("2024-2026") is None
    assert SchoolYear.parse("<script>") is None


def build_young_people():
    """54 young people spoken (intake held) of whom 44 placed, plus noise that must not count."""
    kinds = ["geplaatst_bbl"] * 20 + ["geplaatst_werk"] * 14 + ["geplaatst_school"] * 8
    kinds += ["geplaatst_anders"] * 2
    day = datetime.date(2024, 9, 2)
    for index, outcome in enumerate(kinds):
        LeerwerkmakelaarAanmeldingFactory(
            status="geplaatst",
            outcome=outcome,
            received_at=at(day + datetime.timedelta(days=index)),
        )
    for _ in range(6):
        LeerwerkmakelaarAanmeldingFactory(
            status="in_traject", received_at=at(datetime.date(2025, 3, 1))
        )
    for _ in range(4):
        LeerwerkmakelaarAanmeldingFactory(
            status="niet_geplaatst", received_at=at(datetime.date(2025, 7, 31))
        )
    # Not spoken: no intake yet, or withdrew before it.
    LeerwerkmakelaarAanmeldingFactory(status="nieuw", received_at=at(datetime.date(2025, 5, 1)))
    LeerwerkmakelaarAanmeldingFactory(
        status="intake_gepland", received_at=at(datetime.date(2025, 5, 1))
    )
    LeerwerkmakelaarAanmeldingFactory(
        status="teruggetrokken", received_at=at(datetime.date(2025, 5, 1))
    )
    # Other school years.
    LeerwerkmakelaarAanmeldingFactory(
        status="geplaatst", outcome="geplaatst_bbl", received_at=at(datetime.date(2024, 7, 31))
    )
    LeerwerkmakelaarAanmeldingFactory(
        status="geplaatst", outcome="geplaatst_bbl", received_at=at(datetime.date(2025, 8, 1))
    )


def test_54_spoken_44_placed():
    build_young_people()
    young = yearly_figures(YEAR, QUEUE_MODELS)["young_people"]
    assert (young.registered, young.spoken, young.placed) == (57, 54, 44)
    by_kind = {str(label): values[0] for label, values in young.table.rows}
    assert by_kind == {
        "Geplaatst in BBL": 20,
        "Geplaatst in werk": 14,
        "Geplaatst op school": 8,
        "Anders geplaatst": 2,
    }


def test_exemptions_per_ground_and_outcome():
    day = at(datetime.date(2024, 10, 1))
    for _ in range(3):
        VrijstellingMeldingFactory(
            ground="5a", status="afgehandeld", outcome="geregistreerd", received_at=day
        )
    VrijstellingMeldingFactory(
        ground="5a", status="afgehandeld", outcome="te_laat", received_at=day
    )
    VrijstellingMeldingFactory(ground="5c", received_at=day)
    VrijstellingMeldingFactory(ground="15", status="besluit", outcome="toegekend", received_at=day)
    table = yearly_figures(YEAR, QUEUE_MODELS)["tables"][0]
    rows = {str(label): values for label, values in table.rows}
    headers = [str(h) for h in table.headers]
    assert rows["Art. 5 onder a"][0] == 4
    assert rows["Art. 5 onder a"][headers.index("Geregistreerd")] == 3
    assert rows["Art. 5 onder a"][headers.index("Te laat")] == 1
    assert rows["Art. 5 onder c"][headers.index("Nog open")] == 1
    assert rows["Art. 15"][headers.index("Toegekend")] == 1


def test_places_by_type_and_sector_count_offered_places_only():
    day = at(datetime.date(2024, 11, 1))
    published = StageaanbodFactory(status="gepubliceerd", sector="zorg", received_at=day)
    StageplaatsFactory(offer=published, place_type="bbl", number=3)
    StageplaatsFactory(offer=published, place_type="bol", number=2)
    rejected = StageaanbodFactory(status="afgewezen", sector="zorg", received_at=day)
    StageplaatsFactory(offer=rejected, place_type="bbl", number=10)
    tables = {t.key: t for t in yearly_figures(YEAR, QUEUE_MODELS)["tables"]}
    by_type = {str(label): values[0] for label, values in tables["plekken_soort"].rows}
    assert by_type["BBL-leerwerkplek"] == 3
    assert by_type["BOL-stage"] == 2
    by_sector = {str(label): values[0] for label, values in tables["plekken_sector"].rows}
    assert by_sector["Zorg en welzijn"] == 5


def test_report_page_svg_chart_and_csv(client, staff):
    build_young_people()
    login_verified(client, staff["lwm"])
    html = client.get(report_url() + "?jaar=2024-2025").content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'data-testid="placed">44<' in html
    assert 'data-testid="spoken">54<' in html
    # Only the young-people sections for this team.
    assert "Vrijstellingen per grond" not in html
    csv_text = client.get(report_url() + "?jaar=2024-2025&format=csv").content.decode()
    assert "2024-2025;Jongeren leerwerkmakelaar;Geplaatst;Aantal;44" in csv_text
    assert "2024-2025;Jongeren leerwerkmakelaar;Gesproken;Aantal;54" in csv_text
