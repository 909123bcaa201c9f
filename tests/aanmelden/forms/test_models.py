"""The submission models: references that do not leak volumes, the first status, answers."""

import datetime
import re
import uuid

import pytest
from django.db import IntegrityError

from aanmelden import references
from aanmelden.models import (
    LeerwerkmakelaarAanmelding,
    Stageaanbod,
    Stageplaats,
    VrijstellingMelding,
)

pytestmark = pytest.mark.django_db


def make_vrijstelling(**kwargs):
    values = {
        "notifier_role": "ouder",
        "ground": "5c",
        "previous_exemption": "nee",
        "child_first_name": "Özlem",
        "child_last_name": "van den Berg",
        "child_birth_date": datetime.date(2019, 3, 4),
        "child_sex": "meisje",
    }
    values.update(kwargs)
    return VrijstellingMelding.objects.create(**values)


def test_reference_has_prefix_and_unambiguous_characters():
    melding = make_vrijstelling()
    assert re.fullmatch(r"VRY-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}", melding.reference)
    assert melding.status == VrijstellingMelding.Status.ONTVANGEN


def test_reference_collision_is_retried(monkeypatch):
    first = make_vrijstelling()
    codes = iter([first.reference, "VRY-222222"])
    monkeypatch.setattr("aanmelden.models.base.new_reference", lambda prefix: next(codes))
    second = make_vrijstelling()
    assert second.reference == "VRY-222222"


def test_same_idempotency_key_is_refused():
    key = uuid.uuid4()
    make_vrijstelling(idempotency_key=key)
    with pytest.raises(IntegrityError):
        make_vrijstelling(idempotency_key=key)
    assert VrijstellingMelding.objects.count() == 1


def test_answer_sections_show_only_the_chosen_ground():
    melding = make_vrijstelling(abroad_country="België")
    titles = [str(title) for title, _rows in melding.answer_sections()]
    assert "School in het buitenland" in titles
    assert "Verklaring van een arts" not in titles
    assert not melding.is_request_for_decision
    assert make_vrijstelling(ground="15").is_request_for_decision


def test_offer_sections_list_each_place_and_first_status():
    offer = Stageaanbod.objects.create(
        organisation_name="Bakkerij 't Hart",
        kvk_number="01234567",
        street_address="Dorpsstraat 1",
        postcode="1234 AB",
        city="Ede",
        sector="horeca",
        sbb_recognised="ja",
    )
    Stageplaats.objects.create(
        offer=offer, place_type="bbl", level="mbo2", location="Ede", description="Bakker"
    )
    assert offer.reference.startswith("STG-")
    assert offer.status == "nieuw"
    titles = [str(title) for title, _rows in offer.answer_sections()]
    assert "Plek 1" in titles


def test_leerwerkmakelaar_hides_referrer_for_self_registration():
    aanmelding = LeerwerkmakelaarAanmelding.objects.create(
        filled_in_by="zelf", situation="gestopt", sectors=["zorg", "ict"]
    )
    sections = {str(t): rows for t, rows in aanmelding.answer_sections()}
    assert "Verwijzer" not in sections
    wishes = {name: shown for _label, shown, name in sections["Wat zoekt de jongere"]}
    assert wishes["sectors"] == "Zorg en welzijn, ICT"
    assert aanmelding.reference.startswith("LWM-")


def test_alphabet_leaves_out_confusable_characters():
    assert not set("01ILOUV") & set(references.ALPHABET)
