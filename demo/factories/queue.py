"""Factories for submissions in any workflow state: the queue's tests, bench and demo data."""

import datetime
import uuid

import factory
from django.utils import timezone

from aanmelden.models import (
    LeerwerkmakelaarAanmelding,
    Stageaanbod,
    Stageplaats,
    VrijstellingMelding,
)

MUNICIPALITIES = ("Haarlem", "Zandvoort", "Bloemendaal", "Heemstede", "Velsen")


class SubmissionFactory(factory.django.DjangoModelFactory):
    idempotency_key = factory.LazyFunction(uuid.uuid4)
    received_at = factory.LazyFunction(timezone.now)
    municipality = factory.Iterator(MUNICIPALITIES)
    submitter_email = factory.Sequence(lambda n: f"indiener{n}@example.org")

    class Meta:
        abstract = True


class VrijstellingMeldingFactory(SubmissionFactory):
    notifier_role = VrijstellingMelding.NotifierRole.OUDER
    ground = VrijstellingMelding.Ground.ART_5A
    previous_exemption = "nee"
    child_first_name = factory.Sequence(lambda n: f"Kind{n}")
    child_last_name = "de Vries"
    child_id_kind = VrijstellingMelding.IdKind.BSN
    child_id_number = "111222333"
    child_birth_date = datetime.date(2019, 3, 14)
    child_sex = VrijstellingMelding.Sex.MEISJE
    child_street_address = "Grote Markt 2"
    child_postcode = "2011 RD"
    child_city = "Haarlem"
    parent_first_name = "Anna"
    parent_last_name = "de Vries"
    parent_email = factory.SelfAttribute("submitter_email")
    parent_phone = "0612345678"
    submitter_name = factory.LazyAttribute(lambda o: f"{o.parent_first_name} {o.parent_last_name}")
    medical_route = VrijstellingMelding.MedicalRoute.HAS_STATEMENT
    medical_practitioner = "GGD Kennemerland, jeugdarts"
    medical_explanation = "Ernstige chronische aandoening."
    declaration = True

    class Meta:
        model = VrijstellingMelding


class StageaanbodFactory(SubmissionFactory):
    organisation_name = factory.Sequence(lambda n: f"Bedrijf {n} BV")
    kvk_number = "01234567"
    street_address = "Industrieweg 1"
    postcode = "2031 AA"
    city = "Haarlem"
    sector = "techniek"
    sbb_recognised = "ja"
    contact_first_name = "Piet"
    contact_last_name = "Jansen"
    contact_role = "Bedrijfsleider"
    contact_email = factory.SelfAttribute("submitter_email")
    contact_phone = "0231234567"
    submitter_name = "Piet Jansen"
    consent_publication = True

    class Meta:
        model = Stageaanbod


class StageplaatsFactory(factory.django.DjangoModelFactory):
    offer = factory.SubFactory(StageaanbodFactory)
    place_type = "bbl"
    level = "mbo2"
    number = 1
    hours_per_week = 32
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    location = "Haarlem"
    supervisor_available = True
    description = "Meewerken in de werkplaats."

    class Meta:
        model = Stageplaats


class LeerwerkmakelaarAanmeldingFactory(SubmissionFactory):
    filled_in_by = LeerwerkmakelaarAanmelding.FilledInBy.SELF
    first_name = factory.Sequence(lambda n: f"Jongere{n}")
    last_name = "Bakker"
    birth_date = datetime.date(2006, 5, 1)
    age_at_submission = 19
    email = factory.SelfAttribute("submitter_email")
    phone = "0687654321"
    situation = LeerwerkmakelaarAanmelding.Situation.LEFT_SCHOOL
    wants_bbl = True
    submitter_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")

    class Meta:
        model = LeerwerkmakelaarAanmelding
