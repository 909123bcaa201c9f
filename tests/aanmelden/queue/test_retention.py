"""Retention: time moves on, personal data and files go, the yearly figures stay the same."""

import datetime
import json
import os

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from aanmelden.models import OutgoingMail, QueueNote, VrijstellingMelding
from aanmelden.queue import audit
from aanmelden.queue.factories import LeerwerkmakelaarAanmeldingFactory, StageaanbodFactory
from aanmelden.queue.permissions import QUEUE_MODELS
from aanmelden.queue.reports import yearly_figures
from aanmelden.queue.retention import apply_retention, months_before
from aanmelden.queue.schoolyear import SchoolYear
from aanmelden.queue.workflow import apply_transition

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
    assert exemption.child_birth_date == datetime.date(2019, 1, 1)
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
    from aanmelden.queue.tasks import apply_retention_task

    young = LeerwerkmakelaarAanmeldingFactory(
        status="teruggetrokken", closed_at=timezone.now() - datetime.timedelta(days=800)
    )
    result = apply_retention_task.enqueue()
    assert result.return_value == 1
    young.refresh_from_db()
    assert young.anonymised_at is not None


def test_subject_export_and_erase_by_functional_admin(client, staff, submissions):
    exemption = submissions["exemption"]
    base = "/admin/aanmelden/vrijstellingmelding"
    client.force_login(staff["beheer"])
    response = client.get(f"{base}/subject_export/{exemption.pk}/")
    data = json.loads(response.content)
    assert data["child_id_number"] == "111222333"  # the person's right of access covers all
    assert data["reference"] == exemption.reference
    assert (
        ModelLogEntry.objects.filter(action=audit.SUBJECT_EXPORT, user=staff["beheer"]).count() == 1
    )
    page = client.get(f"{base}/erase/{exemption.pk}/")
    assert "kan niet ongedaan" in page.content.decode()
    response = client.post(f"{base}/erase/{exemption.pk}/")
    assert response.status_code == 302
    exemption = VrijstellingMelding.objects.get(pk=exemption.pk)
    assert (
        exemption.anonymised_at
        and exemption.child_last_name == ""
        and not exemption.medical_statement
    )
    assert ModelLogEntry.objects.filter(action=audit.ERASE, user=staff["beheer"]).count() == 1
    # An erased submission takes no further steps.
    client.force_login(staff["leerplicht"])
    response = client.post(f"{base}/transition/{exemption.pk}/", {"transition": "start"})
    assert response["Location"] == "/admin/"
