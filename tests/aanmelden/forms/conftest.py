import pytest

from aanmelden.models import FormTeamSettings
from demo.factories.aanmelden import (
    LeerwerkmakelaarFormPageFactory,
    StageaanbodFormPageFactory,
    VrijstellingFormPageFactory,
)
from tests.outbox.smtp import smtp_server  # noqa: F401 - a fixture (the outbox test in test_mail.py)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The per-IP submit limit lives in the cache; every test starts with a clean slate."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def form_pages(db):
    from wagtail.models import Site

    team = FormTeamSettings.for_site(Site.objects.get(is_default_site=True))
    team.vrijstelling_team_email = "leerplicht@example.org"
    team.stageaanbod_team_email = "wsp@example.org"
    team.leerwerkmakelaar_team_email = "lwm@example.org"
    team.save()
    return {
        "vrijstelling": VrijstellingFormPageFactory(),
        "stageaanbod": StageaanbodFormPageFactory(),
        "leerwerkmakelaar": LeerwerkmakelaarFormPageFactory(),
    }
