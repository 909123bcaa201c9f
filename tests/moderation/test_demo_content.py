"""The queue's demo submissions: idempotent, and they fill the queues and the public listing."""

import io

import pytest

from aanmelden.models import Stageaanbod, VrijstellingMelding
from aanmelden.queue import demo_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stageplaatsen_page")]


def test_demo_is_idempotent_and_resettable(client):
    demo_content.build(io.StringIO())
    count = VrijstellingMelding.objects.count()
    demo_content.build(io.StringIO())
    assert VrijstellingMelding.objects.count() == count == 6
    html = client.get("/stageplaatsen/").content.decode()
    assert "Helpende zorg en welzijn" in html
    assert "Timmerman" not in html  # filled
    demo_content.reset()
    assert not Stageaanbod.objects.exists()
