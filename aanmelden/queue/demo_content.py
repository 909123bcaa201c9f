"""Demo content of the queue: a few submissions in every state, so the queues, the dashboard,
the yearly figures and /stageplaatsen/ show something after `make run`. Marked by their
@demo.example addresses; idempotent (skipped when they exist); reset() removes them."""

import datetime

from django.utils import timezone

from ..models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from .factories import (
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

    for index, (ground, status, outcome, days) in enumerate(
        [
            ("5a", "ontvangen", "", 2),
            ("5c", "in_behandeling", "", 9),
            ("5b", "aanvulling_gevraagd", "", 16),
            ("15", "in_behandeling", "", 5),
            ("5a", "afgehandeld", "geregistreerd", 40),
            ("3a3b", "besluit", "toegekend", 60),
        ]
    ):
        VrijstellingMeldingFactory(
            ground=ground,
            status=status,
            outcome=outcome,
            received_at=ago(days),
            closed_at=ago(days - 10) if outcome else None,
            submitter_email=f"ouder{index}{DOMAIN}",
        )
    for index, (status, sector, place_type, description) in enumerate(
        [
            ("gepubliceerd", "zorg", "bbl", "Helpende zorg en welzijn in een woonzorgcentrum."),
            ("gepubliceerd", "techniek", "bol", "Monteur elektrotechniek: meewerken op projecten."),
            ("gepubliceerd", "horeca", "snuffelstage", "Een week meekijken in de keuken."),
            ("nieuw", "logistiek", "bbl", "Medewerker magazijn."),
            ("vervuld", "bouw", "bbl", "Timmerman in opleiding."),
        ]
    ):
        offer = StageaanbodFactory(
            status=status,
            sector=sector,
            received_at=ago(20 + index),
            closed_at=ago(3) if status == "vervuld" else None,
            submitter_email=f"werkgever{index}{DOMAIN}",
        )
        StageplaatsFactory(offer=offer, place_type=place_type, description=description)
    for index, (status, outcome, days) in enumerate(
        [
            ("nieuw", "", 1),
            ("intake_gepland", "", 6),
            ("in_traject", "", 30),
            ("geplaatst", "geplaatst_bbl", 80),
            ("geplaatst", "geplaatst_werk", 90),
            ("niet_geplaatst", "", 100),
        ]
    ):
        LeerwerkmakelaarAanmeldingFactory(
            status=status,
            outcome=outcome,
            received_at=ago(days),
            closed_at=ago(days - 20) if status in ("geplaatst", "niet_geplaatst") else None,
            submitter_email=f"jongere{index}{DOMAIN}",
        )
    stdout.write("Demo-aanmeldingen voor de wachtrijen aangemaakt.")


def reset():
    for model in MODELS:
        _demo(model).delete()
