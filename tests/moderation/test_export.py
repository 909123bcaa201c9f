"""Export of the filtered list: no BSN or special-category data, formulas neutralised, logged."""

import importlib
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from aanmelden.models import Stageaanbod, VrijstellingMelding
from demo.factories.queue import StageaanbodFactory, VrijstellingMeldingFactory
from moderation import audit
from moderation.admin_urls import index_url
from moderation.export import neutralise, strip_control_characters
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']
)
def test_formula_prefixes_are_neutralised(value):
    assert neutralise(value) == "'" + value


def test_plain_values_unchanged():
    assert neutralise("Haarlem") == "Haarlem"
    assert neutralise(5) == 5
    assert neutralise(None) == ""


def test_csv_export_leaves_out_special_fields_and_is_logged(client, staff):
    VrijstellingMeldingFactory(municipality="Haarlem")
    VrijstellingMeldingFactory(municipality="Zandvoort")
    login_verified(client, staff["leerplicht"])
    response = client.get(index_url(VrijstellingMelding) + "?gemeente=Haarlem&export=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "111222333" not in text
    assert "aandoening" not in text and "GGD" not in text
    assert text.count("\n") == 2  # header + the one Haarlem row: the filter applies
    entries = ModelLogEntry.objects.filter(action=audit.EXPORT)
    assert entries.count() == 1
    assert entries.get().user == staff["leerplicht"]
    assert entries.get().data["filters"] == {"gemeente": "Haarlem"}


def test_csv_export_neutralises_formulas(client, staff):
    StageaanbodFactory(submitter_name="=cmd|' /C calc'!A0")
    login_verified(client, staff["wsp"])
    text = client.get(index_url(Stageaanbod) + "?export=csv").content.decode("utf-8-sig")
    assert "'=cmd" in text


def test_xlsx_export_stores_formulas_as_text(client, staff):
    StageaanbodFactory(organisation_name="=2+3")
    login_verified(client, staff["wsp"])
    response = client.get(index_url(Stageaanbod) + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=2+3" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert ModelLogEntry.objects.filter(action=audit.EXPORT).count() == 1


# Every C0 control character except NUL, tab, newline and carriage return: openpyxl refuses them
# in a cell (IllegalCharacterError) and a spreadsheet shows them as garbage. The form's text fields
# only reject NUL (which PostgreSQL cannot store either), so a pasted vertical tab or form feed
# reaches the queue.
CONTROL_CHARACTERS = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_export_survives_control_characters_in_submitted_text(client, staff, export_format):
    StageaanbodFactory(organisation_name=f"Bakkerij{CONTROL_CHARACTERS} de Korenschoof")
    # A control character in front of a formula must not hide the formula from neutralise().
    StageaanbodFactory(organisation_name="\x0b=2+3")
    login_verified(client, staff["wsp"])
    response = client.get(index_url(Stageaanbod) + f"?export={export_format}")
    assert response.status_code == 200
    if export_format == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
    else:
        text = response.content.decode("utf-8-sig")
        values = [cell for line in text.splitlines() for cell in line.split(";")]
    assert "Bakkerij de Korenschoof" in values
    assert "'=2+3" in values
    assert not any(isinstance(v, str) and set(v) & set(CONTROL_CHARACTERS) for v in values)


def test_stripped_characters_cover_what_openpyxl_refuses():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    refused = "".join(chr(c) for c in range(0x110) if ILLEGAL_CHARACTERS_RE.match(chr(c)))
    assert refused
    assert strip_control_characters(refused + "a\tb\nc") == "a\tb\nc"


def test_export_log_says_a_search_was_used_but_not_the_name_searched_for(client, staff):
    """The log outlives the submission's personal data (retention never touches it), so the
    search term, usually a person's name, must not be stored in it."""
    VrijstellingMeldingFactory(child_last_name="Özütok", municipality="Haarlem")
    login_verified(client, staff["leerplicht"])
    response = client.get(index_url(VrijstellingMelding) + "?q=Özütok&gemeente=Haarlem&export=csv")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("\n") == 2  # the search did apply
    entry = ModelLogEntry.objects.get(action=audit.EXPORT)
    assert entry.data["filters"] == {"gemeente": "Haarlem"}
    assert entry.data["search"] is True
    assert "Özütok" not in json.dumps(entry.data, ensure_ascii=False)
    client.get(index_url(VrijstellingMelding) + "?gemeente=Haarlem&export=csv")
    assert ModelLogEntry.objects.filter(action=audit.EXPORT).latest("pk").data["search"] is False


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_without_rows_is_logged_too(client, staff, export_format):
    """An empty export still shows who exported what, when, with which filters."""
    VrijstellingMeldingFactory(municipality="Haarlem")
    login_verified(client, staff["leerplicht"])
    url = index_url(VrijstellingMelding) + f"?gemeente=Zandvoort&export={export_format}"
    assert client.get(url).status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.EXPORT)
    assert entry.user == staff["leerplicht"]
    assert entry.data["count"] == 0
    assert entry.data["format"] == export_format
    assert entry.data["filters"] == {"gemeente": "Zandvoort"}
    assert entry.content_type.model_class() is VrijstellingMelding
    # It shows in Wagtail's site history for the team, not for another team.
    history = client.get(reverse("wagtailadmin_reports:site_history") + "?action=aanmelden.export")
    assert history.status_code == 200
    assert "Lijst geëxporteerd" in history.content.decode()
    login_verified(client, staff["wsp"])
    history = client.get(reverse("wagtailadmin_reports:site_history") + "?action=aanmelden.export")
    assert "Lijst geëxporteerd" not in history.content.decode()


def test_migration_scrubs_search_terms_from_earlier_export_log_entries(staff):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    migration = importlib.import_module("aanmelden.migrations.0007_export_log_without_search_terms")
    melding = VrijstellingMeldingFactory()
    content_type = ContentType.objects.get_for_model(VrijstellingMelding)

    def export_entry(filters):
        return ModelLogEntry.objects.create(
            content_type=content_type,
            object_id=str(melding.pk),
            label=melding.reference,
            action=audit.EXPORT,
            timestamp=timezone.now(),
            data={"format": "csv", "count": 1, "filters": filters},
        )

    old = export_entry({"q": "de Vries", "gemeente": "Haarlem"})
    other = export_entry({"gemeente": "Haarlem"})
    migration.scrub_search_terms(apps, None)
    old.refresh_from_db()
    other.refresh_from_db()
    assert old.data == {
        "format": "csv",
        "count": 1,
        "filters": {"gemeente": "Haarlem"},
        "search": True,
    }
    assert other.data == {"format": "csv", "count": 1, "filters": {"gemeente": "Haarlem"}}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exemption_export_ties_no_name_to_the_ground(client, staff, export_format):
    """Ground 5a reveals health, 5b belief (AVG art. 9): next to a name in a spreadsheet that is a
    named person's special-category data outside the system. The reference identifies the item
    for staff; ground, status, dates and municipality still serve reporting."""
    melding = VrijstellingMeldingFactory(
        ground="5b",
        parent_first_name="Anna",
        parent_last_name="Özütok",
        child_first_name="Lieke",
        second_parent_first_name="Bram",
        on_behalf_of_both=True,
        municipality="Haarlem",
    )
    login_verified(client, staff["leerplicht"])
    response = client.get(index_url(VrijstellingMelding) + f"?export={export_format}")
    if export_format == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    else:
        text = response.content.decode("utf-8-sig")
        rows = [line.split(";") for line in text.splitlines()]
    header, row = rows
    exported = dict(zip(header, row, strict=True))
    assert exported["Kenmerk"] == melding.reference
    assert exported["Grond"] == "5b"
    assert exported["Gemeente"] == "Haarlem"
    assert "Naam indiener" not in exported
    text = " ".join(str(value) for value in row)
    for name in ("Anna", "Özütok", "Lieke", "Bram", "de Vries"):
        assert name not in text
