"""The status workflow per type: only allowed moves, notes where they matter, mails to the
submitter on the moves that concern them, every step in the audit log."""

import pytest
from django.core import mail
from wagtail.log_actions import registry as log_registry

from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    VrijstellingMeldingFactory,
)
from moderation import admin_urls, audit
from moderation.models import QueueNote
from moderation.workflow import (
    CLOSED_STATUSES,
    ERASURE_CLOSINGS,
    TRANSITIONS,
    TransitionRefused,
    apply_transition,
    transitions_for,
)
from outbox.models import OutgoingMail
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def keys(instance):
    return [t.key for t in transitions_for(instance)]


def test_art5_notification_is_completed_never_granted(staff):
    melding = VrijstellingMeldingFactory(ground="5a")
    assert keys(melding) == ["start"]
    apply_transition(melding, "start", staff["leerplicht"])
    assert set(keys(melding)) == {"ask", "registered", "incomplete", "late"}
    with pytest.raises(TransitionRefused):
        apply_transition(melding, "granted", staff["leerplicht"], note="ok")
    apply_transition(melding, "registered", staff["leerplicht"])
    melding.refresh_from_db()
    assert (melding.status, melding.outcome) == ("afgehandeld", "geregistreerd")
    assert melding.closed_at is not None
    assert keys(melding) == []


def test_art15_and_3a3b_are_decisions(staff):
    for ground in ("15", "3a3b"):
        aanvraag = VrijstellingMeldingFactory(ground=ground, status="in_behandeling")
        assert set(keys(aanvraag)) == {"ask", "granted", "refused"}
        apply_transition(
            aanvraag, "refused", staff["leerplicht"], note="Geen gelijkwaardig onderwijs."
        )
        assert (aanvraag.status, aanvraag.outcome) == ("besluit", "afgewezen")


def test_refused_from_wrong_status_and_note_required(staff):
    melding = VrijstellingMeldingFactory()
    with pytest.raises(TransitionRefused) as refused:
        apply_transition(melding, "registered", staff["leerplicht"])
    assert "niet mogelijk" in refused.value.messages[0]
    apply_transition(melding, "start", staff["leerplicht"])
    with pytest.raises(TransitionRefused) as refused:
        apply_transition(melding, "ask", staff["leerplicht"], note="   ")
    assert "notitie" in refused.value.messages[0]
    melding.refresh_from_db()
    assert melding.status == "in_behandeling"


def test_every_transition_table_only_targets_real_statuses():
    for model, transitions in TRANSITIONS.items():
        statuses = set(model.Status.values)
        for transition in transitions:
            assert transition.target in statuses
            assert set(transition.sources) <= statuses
            if transition.outcome:
                assert transition.outcome in model.Outcome.values


def test_offer_publication_needs_consent(staff):
    offer = StageaanbodFactory(consent_publication=False, status="beoordeeld")
    assert "publish" not in keys(offer)
    offer = StageaanbodFactory(status="beoordeeld")
    apply_transition(offer, "publish", staff["wsp"])
    assert offer.status == "gepubliceerd"
    assert set(keys(offer)) == {"filled", "withdrawn"}


def test_young_person_placed_by_kind(staff):
    young = LeerwerkmakelaarAanmeldingFactory()
    apply_transition(young, "intake", staff["lwm"])
    apply_transition(young, "traject", staff["lwm"])
    assert {"placed_bbl", "placed_werk", "placed_school", "placed_anders"} <= set(keys(young))
    apply_transition(young, "placed_bbl", staff["lwm"])
    assert (young.status, young.outcome) == ("geplaatst", "geplaatst_bbl")


def test_mail_to_submitter_without_sensitive_details_or_note(
    staff, django_capture_on_commit_callbacks
):
    melding = VrijstellingMeldingFactory(
        status="in_behandeling", submitter_email="ouder@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(melding, "ask", staff["leerplicht"], note="Verklaring GGD ontbreekt")
    outbox = OutgoingMail.objects.get(reference=melding.reference)
    assert outbox.to == "ouder@example.org"
    assert outbox.template_name == "aanmelden/mail/status_aanvulling_gevraagd.txt"
    sent = [m for m in mail.outbox if m.to == ["ouder@example.org"]]
    assert len(sent) == 1
    body = sent[0].body
    assert melding.reference in body
    for secret in ("111222333", "GGD", "aandoening", "Verklaring GGD ontbreekt"):
        assert secret not in body
    # The note is kept internally.
    assert QueueNote.objects.get(reference=melding.reference).text == "Verklaring GGD ontbreekt"


def test_no_mail_for_internal_steps(staff, django_capture_on_commit_callbacks):
    melding = VrijstellingMeldingFactory()
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(melding, "start", staff["leerplicht"])
    assert not OutgoingMail.objects.filter(reference=melding.reference).exists()


def test_transitions_are_logged_with_user(staff):
    melding = VrijstellingMeldingFactory()
    apply_transition(melding, "start", staff["leerplicht"])
    entry = log_registry.get_logs_for_instance(melding).get(action=audit.TRANSITION)
    assert entry.user == staff["leerplicht"]
    assert entry.data["from"] == "ontvangen"
    assert entry.data["to"] == "in_behandeling"


def test_transition_view_refuses_and_keeps_the_typed_note(client, staff):
    melding = VrijstellingMeldingFactory(status="in_behandeling")
    login_verified(client, staff["leerplicht"])
    response = client.post(
        admin_urls.action_url(type(melding), "transition", melding.pk),
        {"transition": "granted", "note": "Mijn tekst"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "niet mogelijk" in page
    assert "Mijn tekst" in page
    melding.refresh_from_db()
    assert melding.status == "in_behandeling"


def test_erasure_closes_with_a_status_that_really_is_closed():
    """Otherwise an erased submission would still count as open (and could take no step)."""
    assert set(ERASURE_CLOSINGS) == set(TRANSITIONS)
    for model, (target, outcome) in ERASURE_CLOSINGS.items():
        assert target in CLOSED_STATUSES[model]
        assert not outcome or outcome in model.Outcome.values


def referral(**kwargs):
    return LeerwerkmakelaarAanmeldingFactory(
        filled_in_by="verwijzer",
        first_name="Sanne",
        last_name="Bakker",
        referrer_name="Mevr. Jansen",
        referrer_organisation="Nova College",
        referrer_email="mentor@school.example",
        submitter_name="Mevr. Jansen",
        submitter_email="mentor@school.example",
        young_person_agrees=True,
        support_needs="Dyslexie",
        **kwargs,
    )


def sent_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_referral_status_mails_reach_the_young_person_not_the_referrer(
    staff, django_capture_on_commit_callbacks
):
    """The mails written to the young person ("je intake", "je hebt een plek") go to the young
    person; the referrer only hears, in their own register, that the referral was picked up."""
    young = referral(email="sanne@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(young, "intake", staff["lwm"])
    (to_young,) = sent_to("sanne@example.org")
    assert "Beste Sanne Bakker" in to_young.body
    assert "je kenmerk" in to_young.body.lower() and young.reference in to_young.body
    assert "Jansen" not in to_young.body
    (to_referrer,) = sent_to("mentor@school.example")
    assert young.reference in to_referrer.body
    assert "Beste Mevr. Jansen" in to_referrer.body
    for detail in ("Sanne", "Bakker", "Dyslexie", " je ", "Gefeliciteerd"):
        assert detail not in to_referrer.body
    assert "Sanne" not in to_referrer.subject

    mail.outbox.clear()
    apply_transition(young, "traject", staff["lwm"])
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(young, "placed_werk", staff["lwm"])
    (placed,) = sent_to("sanne@example.org")
    assert "Gefeliciteerd" in placed.body and "Beste Sanne Bakker" in placed.body
    # How it ended is the young person's to share: nothing to the referrer.
    assert sent_to("mentor@school.example") == []


@pytest.mark.parametrize("young_email", ["", "Mentor@School.example"])
def test_referral_without_the_young_persons_own_address(
    staff, django_capture_on_commit_callbacks, young_email
):
    young = referral(email=young_email)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(young, "intake", staff["lwm"])
        apply_transition(young, "traject", staff["lwm"])
        apply_transition(young, "placed_bbl", staff["lwm"])
    assert [m.template_name for m in OutgoingMail.objects.filter(reference=young.reference)] == [
        "aanmelden/mail/status_intake_gepland_verwijzer.txt"
    ]
    (notice,) = mail.outbox
    assert notice.to == ["mentor@school.example"]
    assert "je intake" not in notice.body and "Gefeliciteerd" not in notice.body


def test_self_registration_status_mail_goes_to_the_young_person(
    staff, django_capture_on_commit_callbacks
):
    young = LeerwerkmakelaarAanmeldingFactory(
        first_name="Daan",
        last_name="Visser",
        submitter_name="Daan Visser",
        email="daan@x.nl",
        submitter_email="daan@x.nl",
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(young, "intake", staff["lwm"])
    (sent,) = mail.outbox
    assert sent.to == ["daan@x.nl"]
    assert "Beste Daan Visser" in sent.body
