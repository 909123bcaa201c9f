"""Demo content of the queue: a few submissions in every state, so the queues, the dashboard,
the yearly figures and /stageplaatsen/ show something after `make run`. Marked by their
@demo.example addresses; idempotent (skipped when they exist); reset() removes them."""

import datetime

from django.utils import timezone

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)

DOMAIN = "@demo.example"
MODELS = (VrijstellingMelding, Stageaanbod, LeerwerkmakelaarAanmelding)


def _demo(model):
    return model.objects.filter(submitter_email__endswith=DOMAIN)


def build(stdout):
    if any(_demo(model).exists() for model in MODELS):
        return
    now = timezone.now()

    def ago(days):
        return now - datetime.timedelta(days=days)

    today = timezone.localdate()

    def born(years, days=40):
        return today - datetime.timedelta(days=round(years * 365.25) + days)

    # Each exemption holds only what its ground asks for (as the wizard would store it), with a
    # child of a fitting age and a BSN that passes the 11-proef.
    no_medical = {"medical_route": "", "medical_practitioner": "", "medical_explanation": ""}
    meldingen = [
        ("5a", "ontvangen", "", 2, "Noor", "Jansen", "Haarlem", born(5.2), "367418253", {}),
        (
            "5c",
            "in_behandeling",
            "",
            9,
            "Lucas",
            "Dubois",
            "Zandvoort",
            born(9),
            "209494177",
            {
                **no_medical,
                "abroad_school_name": "École Jean Jaurès",
                "abroad_school_city": "Lille",
                "abroad_country": "Frankrijk",
                "abroad_start": today - datetime.timedelta(days=90),
                "abroad_end": today + datetime.timedelta(days=240),
            },
        ),
        (
            "5b",
            "aanvulling_gevraagd",
            "",
            16,
            "Sara",
            "Bakker",
            "Bloemendaal",
            born(4.6),
            "762984594",
            {
                **no_medical,
                "objections_statement": "Wij hebben bezwaar tegen de richting van alle scholen in de buurt.",
                "schools_considered": "De drie basisscholen binnen 5 km.",
                "attended_school_last_year": "nee",
            },
        ),
        (
            "15",
            "in_behandeling",
            "",
            5,
            "Daan",
            "Visser",
            "Heemstede",
            born(16.5),
            "278086998",
            {
                **no_medical,
                "alternative_provider": "Opleidingsbedrijf Metaal Kennemerland",
                "alternative_description": "Bedrijfsopleiding lassen met 2 dagen les per week.",
                "alternative_hours": 16,
            },
        ),
        (
            "5a",
            "afgehandeld",
            "geregistreerd",
            40,
            "Mila",
            "de Boer",
            "Haarlem",
            born(7),
            "487824738",
            {},
        ),
        (
            "3a3b",
            "besluit",
            "toegekend",
            60,
            "Yusuf",
            "Yılmaz",
            "Velsen",
            born(14.4),
            "456326042",
            {
                **no_medical,
                "programme_kind": "3a",
                "programme_provider": "Praktijkschool De Linie",
                "programme_description": "Drie dagen school en twee dagen werken in een fietsenwerkplaats.",
            },
        ),
    ]
    for index, (ground, status, outcome, days, first, last, city, birth, bsn, extra) in enumerate(
        meldingen
    ):
        VrijstellingMeldingFactory(
            ground=ground,
            status=status,
            outcome=outcome,
            received_at=ago(days),
            closed_at=ago(days - 10) if outcome else None,
            submitter_email=f"ouder{index}{DOMAIN}",
            child_first_name=first,
            child_last_name=last,
            child_birth_date=birth,
            child_id_number=bsn,
            child_city=city,
            municipality=city,
            parent_last_name=last,
            **extra,
        )
    offers = [
        (
            "gepubliceerd",
            "zorg",
            "bbl",
            "Woonzorgcentrum De Linde",
            "Heemstede",
            "Helpende zorg en welzijn in een woonzorgcentrum.",
        ),
        (
            "gepubliceerd",
            "techniek",
            "bol",
            "Installatiebedrijf Van Dijk",
            "Velsen",
            "Monteur elektrotechniek: meewerken op projecten.",
        ),
        (
            "gepubliceerd",
            "horeca",
            "snuffelstage",
            "Strandpaviljoen De Zeemeeuw",
            "Zandvoort",
            "Een week meekijken in de keuken.",
        ),
        (
            "nieuw",
            "logistiek",
            "bbl",
            "Logistiek Centrum IJmond",
            "Beverwijk",
            "Medewerker magazijn.",
        ),
        ("vervuld", "bouw", "bbl", "Bouwbedrijf Kok", "Haarlem", "Timmerman in opleiding."),
    ]
    for index, (status, sector, place_type, name, city, description) in enumerate(offers):
        offer = StageaanbodFactory(
            status=status,
            sector=sector,
            organisation_name=name,
            city=city,
            municipality=city,
            received_at=ago(20 + index),
            closed_at=ago(3) if status == "vervuld" else None,
            submitter_email=f"werkgever{index}{DOMAIN}",
        )
        StageplaatsFactory(
            offer=offer, place_type=place_type, location=city, description=description
        )
    jongeren = [
        ("nieuw", "", 1, "Sem", "de Wit", 17, "school"),
        ("intake_gepland", "", 6, "Fatima", "el Amrani", 19, "gestopt"),
        ("in_traject", "", 30, "Jayden", "Smit", 21, "werk"),
        ("geplaatst", "geplaatst_bbl", 80, "Lotte", "Mulder", 18, "gestopt"),
        ("geplaatst", "geplaatst_werk", 90, "Kevin", "Bos", 23, "anders"),
        ("niet_geplaatst", "", 100, "Emma", "Peters", 20, "gestopt"),
    ]
    for index, (status, outcome, days, first, last, age, situation) in enumerate(jongeren):
        LeerwerkmakelaarAanmeldingFactory(
            status=status,
            outcome=outcome,
            received_at=ago(days),
            closed_at=ago(days - 20) if status in ("geplaatst", "niet_geplaatst") else None,
            submitter_email=f"jongere{index}{DOMAIN}",
            first_name=first,
            last_name=last,
            birth_date=born(age, days=days + 30),
            age_at_submission=age,
            situation=situation,
            school_name="Nova College" if situation == "school" else "",
            school_level="Entree (mbo 1)" if situation == "school" else "",
        )
    stdout.write("Demo-aanmeldingen voor de wachtrijen aangemaakt.")


def reset():
    for model in MODELS:
        _demo(model).delete()
