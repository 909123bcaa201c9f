"""Retention: time moves on, personal data and files go, the yearly figures stay the same."""

import datetime
import importlib
import json
import os

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from aanmelden.models import VrijstellingMelding
from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    VrijstellingMeldingFactory,
)
from moderation import audit
from moderation.admin_urls import action_url, index_url, inspect_url
from moderation.dashboard import queue_summary
from moderation.models import QueueNote
from moderation.permissions import QUEUE_MODELS
from moderation.reports import yearly_figures
from moderation.retention import anonymise, apply_retention, erase, months_before
from moderation.schoolyear import SchoolYear
from moderation.workflow import apply_transition, open_statuses
from outbox.models import OutgoingMail
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def test_months_before_clamps_to_month_end():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 31, 12))
    assert months_before(moment, 1).date() == datetime.date(2026, 2, 28)
    assert months_before(moment, 24).date() == datetime.date(2024, 3, 31)


def figures_snapshot(year):
    figures = yearly_figures(year, QUEUE_MODELS)
    tables = [
        (t.key, [(str(label), values) for label, values in t.rows]) for t in figures["tables"]
    ]
    young = figures["young_people"]
    return tables, (young.registered, young.spoken, young.placed)


def test_closed_submissions_anonymised_after_period_figures_unchanged(
    submissions, staff, django_capture_on_commit_callbacks
):
    exemption, abroad = submissions["exemption"], submissions["abroad"]
    young = submissions["young"]
    paths = [exemption.medical_statement.path, abroad.abroad_proof.path]
    for instance, steps, user in (
        (exemption, ["start", "registered"], staff["leerplicht"]),
        (young, ["intake", "traject", "placed_werk"], staff["lwm"]),
    ):
        for step in steps:
            apply_transition(instance, step, user)
    apply_transition(submissions["offer"], "assess", staff["wsp"])
    apply_transition(submissions["offer"], "rejected", staff["wsp"], note="Geen erkend leerbedrijf")
    open_offer = StageaanbodFactory()  # never closed: never anonymised
    year = SchoolYear.of(timezone.now())
    before = figures_snapshot(year)

    # Thirteen months later only the offer (12 months) is due; a dry run changes nothing.
    later = timezone.now() + datetime.timedelta(days=400)
    run = apply_retention(apply=False, now=later)
    assert run.total == 1 and run.due[type(open_offer)] == [submissions["offer"].reference]
    assert type(open_offer).objects.get(pk=submissions["offer"].pk).contact_email

    # Twenty-five months later the exemption and the young person are due as well.
    much_later = timezone.now() + datetime.timedelta(days=25 * 31)
    with django_capture_on_commit_callbacks(execute=True):
        run = apply_retention(apply=True, now=much_later)
    assert run.total == 3

    exemption.refresh_from_db()
    assert exemption.anonymised_at == much_later
    for name in (
        "child_first_name",
        "child_last_name",
        "child_id_number",
        "parent_email",
        "medical_explanation",
        "medical_practitioner",
        "submitter_email",
        "medical_route",
    ):
        assert getattr(exemption, name) == "", name
    assert not exemption.medical_statement
    assert exemption.child_birth_date is None and exemption.child_sex == ""
    assert (exemption.status, exemption.outcome, exemption.ground) == (
        "afgehandeld",
        "geregistreerd",
        "5a",
    )
    assert exemption.municipality
    young.refresh_from_db()
    assert young.first_name == "" and young.email == "" and young.birth_date is None
    assert young.age_at_submission == 19
    offer = type(open_offer).objects.get(pk=submissions["offer"].pk)
    assert offer.contact_last_name == "" and offer.contact_email == ""
    assert offer.places.count() == 1
    assert not QueueNote.objects.filter(reference=offer.reference).exists()
    assert not OutgoingMail.objects.filter(reference=offer.reference).exists()
    # Files: the medical statement is gone (after commit); the open 5c one stays.
    assert not os.path.exists(paths[0])
    assert os.path.exists(paths[1])
    open_offer.refresh_from_db()
    assert open_offer.anonymised_at is None and open_offer.contact_email
    assert ModelLogEntry.objects.filter(action=audit.ANONYMISE).count() == 3

    assert figures_snapshot(year) == before
    # Applying again finds nothing new.
    assert apply_retention(apply=True, now=much_later).total == 0


def test_command_is_a_dry_run_unless_apply(capsys):
    young = LeerwerkmakelaarAanmeldingFactory(
        status="geplaatst",
        outcome="geplaatst_bbl",
        closed_at=timezone.now() - datetime.timedelta(days=800),
    )
    call_command("apply_retention")
    out = capsys.readouterr().out
    assert "[proefrun]" in out and young.reference in out
    young.refresh_from_db()
    assert young.anonymised_at is None
    call_command("apply_retention", "--apply")
    young.refresh_from_db()
    assert young.anonymised_at is not None and young.first_name == ""


def test_retention_task_runs_immediately_in_tests():
    from moderation.tasks import apply_retention_task

    young = LeerwerkmakelaarAanmeldingFactory(
        status="teruggetrokken", closed_at=timezone.now() - datetime.timedelta(days=800)
    )
    result = apply_retention_task.enqueue()
    assert result.return_value == 1
    young.refresh_from_db()
    assert young.anonymised_at is not None


def test_subject_export_and_erase_by_functional_admin(client, staff, submissions):
    exemption = submissions["exemption"]

    def url(action):
        return action_url(VrijstellingMelding, action, exemption.pk)

    login_verified(client, staff["beheer"])
    response = client.get(url("subject_export"))
    data = json.loads(response.content)
    assert data["child_id_number"] == "111222333"  # the person's right of access covers all
    assert data["reference"] == exemption.reference
    assert (
        ModelLogEntry.objects.filter(action=audit.SUBJECT_EXPORT, user=staff["beheer"]).count() == 1
    )
    page = client.get(url("erase"))
    assert "kan niet ongedaan" in page.content.decode()
    response = client.post(url("erase"))
    assert response.status_code == 302
    exemption = VrijstellingMelding.objects.get(pk=exemption.pk)
    assert (
        exemption.anonymised_at
        and exemption.child_last_name == ""
        and not exemption.medical_statement
    )
    assert ModelLogEntry.objects.filter(action=audit.ERASE, user=staff["beheer"]).count() == 1
    # An erased submission takes no further steps.
    login_verified(client, staff["leerplicht"])
    response = client.post(url("transition"), {"transition": "start"})
    assert response.status_code == 403


ERASE_CASES = [
    # (factory, status while open, status and outcome after erasure)
    (VrijstellingMeldingFactory, "aanvulling_gevraagd", "afgehandeld", "ingetrokken"),
    (StageaanbodFactory, "gepubliceerd", "ingetrokken", ""),
    (LeerwerkmakelaarAanmeldingFactory, "intake_gepland", "teruggetrokken", ""),
]


@pytest.mark.parametrize(("factory", "open_status", "status", "outcome"), ERASE_CASES)
def test_erasing_an_open_submission_closes_it(client, staff, factory, open_status, status, outcome):
    """Erased, a submission can take no further step: left open, it would wait in the work list,
    the menu count, the dashboard and the yearly "Nog open" for ever."""
    instance = factory(status=open_status)
    model = type(instance)
    login_verified(client, staff["beheer"])
    erase = action_url(type(instance), "erase", instance.pk)
    page = client.get(erase).content.decode()
    assert "staat nog open" in page
    response = client.post(erase, follow=True)
    assert "gesloten met status" in response.content.decode()

    instance.refresh_from_db()
    assert instance.anonymised_at is not None
    assert (instance.status, instance.outcome) == (status, outcome)
    assert instance.closed_at == instance.anonymised_at
    assert model.objects.filter(status__in=open_statuses(model)).count() == 0
    assert queue_summary(model)["open"] == 0
    listing = client.get(index_url(type(instance))).content.decode()
    assert instance.reference not in listing
    assert "Aanmeldingen (0)" in listing

    # The timeline says why it closed, and who did it.
    closing = ModelLogEntry.objects.get(action=audit.TRANSITION, object_id=str(instance.pk))
    assert closing.user == staff["beheer"]
    assert (closing.data["from"], closing.data["to"]) == (open_status, status)
    assert ModelLogEntry.objects.filter(action=audit.ERASE, object_id=str(instance.pk)).exists()
    detail = client.get(inspect_url(instance)).content.decode()
    assert "bij het wissen van de persoonsgegevens" in detail


def test_erased_open_exemption_counts_as_withdrawn_not_open_in_the_figures(staff):
    melding = VrijstellingMeldingFactory(ground="5c", status="in_behandeling")
    year = SchoolYear.of(timezone.now())

    def row():
        table = yearly_figures(year, QUEUE_MODELS)["tables"][0]
        headers = [str(h) for h in table.headers]
        values = {str(label): values for label, values in table.rows}["Art. 5 onder c"]
        return dict(zip(headers, values, strict=True))

    assert row()["Nog open"] == 1
    erase(melding, staff["beheer"])
    assert row()["Nog open"] == 0
    assert row()["Ingetrokken"] == 1
    assert row()["Totaal"] == 1
    assert row()["Onvolledig"] == 0


def test_erasing_a_closed_submission_keeps_its_outcome(staff):
    melding = VrijstellingMeldingFactory(status="in_behandeling")
    apply_transition(melding, "late", staff["leerplicht"], note="Na 1 juli gemeld.")
    closed_at = melding.closed_at
    assert erase(melding, staff["beheer"]) is None
    melding.refresh_from_db()
    assert (melding.status, melding.outcome, melding.closed_at) == (
        "afgehandeld",
        "te_laat",
        closed_at,
    )
    assert melding.anonymised_at is not None


def test_migration_closes_submissions_erased_while_open_before_the_fix():
    from django.apps import apps

    migration = importlib.import_module("aanmelden.migrations.0008_close_erased_open_submissions")
    erased_at = timezone.now() - datetime.timedelta(days=30)
    stuck = [
        VrijstellingMeldingFactory(status="in_behandeling", anonymised_at=erased_at),
        StageaanbodFactory(status="nieuw", anonymised_at=erased_at),
        LeerwerkmakelaarAanmeldingFactory(status="in_traject", anonymised_at=erased_at),
    ]
    still_open = LeerwerkmakelaarAanmeldingFactory(status="nieuw")
    migration.close_erased_open_submissions(apps, None)
    for instance, closed in zip(
        stuck,
        [("afgehandeld", "ingetrokken"), ("ingetrokken", ""), ("teruggetrokken", "")],
        strict=True,
    ):
        instance.refresh_from_db()
        assert (instance.status, instance.outcome) == closed
        assert instance.closed_at == erased_at
        entry = log_registry.get_logs_for_instance(instance).get(action=audit.TRANSITION)
        assert entry.data["transition"] == "erased"
    still_open.refresh_from_db()
    assert still_open.status == "nieuw" and still_open.closed_at is None


# What the yearly figures count an exemption by (reports.exemption_table: ground and outcome per
# school year received) and what the queue needs to keep an anonymised row in its place
# (status, dates, municipality, the staff member). Nothing about the child or the family.
EXEMPTION_KEPT = {
    "id",
    "reference",
    "received_at",
    "status",
    "outcome",
    "assigned_to",
    "closed_at",
    "anonymised_at",
    "municipality",
    "idempotency_key",
    "ground",
}


def test_anonymised_exemption_keeps_only_what_the_figures_count(staff):
    """Sex and date of birth next to municipality and ground (5a health, 5b belief) can single a
    child out; the yearly figures read neither."""
    melding = VrijstellingMeldingFactory(
        ground="5c",
        child_sex="jongen",
        child_birth_date=datetime.date(2012, 6, 30),
        child_id_kind="onderwijsnummer",
        notifier_role="voogd",
        previous_exemption="ja",
        parent_same_address=False,
        on_behalf_of_both=True,
        abroad_country="Marokko",
        abroad_start=datetime.date(2025, 9, 1),
        abroad_end=datetime.date(2026, 7, 1),
        deadline_explanation="Uw kind wordt op 1 juli 2017 leerplichtig.",
        declaration=True,
        status="in_behandeling",
        assigned_to=staff["leerplicht"],
    )
    apply_transition(melding, "registered", staff["leerplicht"])
    year = SchoolYear.of(timezone.now())
    before = figures_snapshot(year)
    anonymise(melding)

    melding = VrijstellingMelding.objects.get(pk=melding.pk)
    assert melding.child_sex == ""
    assert melding.child_birth_date is None
    empty = VrijstellingMelding()  # every field at its empty value or default
    for model_field in VrijstellingMelding._meta.concrete_fields:
        if model_field.name in EXEMPTION_KEPT:
            continue
        value = getattr(melding, model_field.attname)
        assert value in ("", None) or value == getattr(empty, model_field.attname), (
            model_field.name,
            value,
        )
    assert (melding.ground, melding.status, melding.outcome) == (
        "5c",
        "afgehandeld",
        "geregistreerd",
    )
    assert melding.municipality and melding.assigned_to == staff["leerplicht"]
    assert figures_snapshot(year) == before


def test_migration_clears_exemptions_anonymised_before_the_fix():
    from django.apps import apps

    migration = importlib.import_module(
        "aanmelden.migrations.0009_anonymised_exemptions_keep_only_figures"
    )
    earlier = VrijstellingMeldingFactory(
        status="afgehandeld",
        outcome="geregistreerd",
        anonymised_at=timezone.now(),
        child_birth_date=datetime.date(2019, 1, 1),  # the birth year the old rule kept
        child_first_name="",
    )
    untouched = VrijstellingMeldingFactory()
    migration.clear_anonymised_exemptions(apps, None)
    earlier.refresh_from_db()
    assert earlier.child_birth_date is None and earlier.child_sex == ""
    assert earlier.notifier_role == "" and earlier.previous_exemption == ""
    assert (earlier.ground, earlier.outcome) == ("5a", "geregistreerd")
    untouched.refresh_from_db()
    assert untouched.child_sex == "meisje" and untouched.child_last_name == "de Vries"
