"""Staff users per team and one submission of each type, for the queue tests."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile

from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

ROLES = ("leerplicht", "wsp", "lwm", "beheer", "editor")
GROUP_OF_ROLE = {
    "leerplicht": "Leerplicht",
    "wsp": "Werkgeversservicepunt",
    "lwm": "Leerwerkmakelaars",
    "beheer": "Functioneel beheer",
    "editor": "Editors",
}


def make_staff(role):
    user = User.objects.create_user(
        username=role, password="pw", first_name=role.capitalize(), last_name="Medewerker"
    )
    user.groups.add(Group.objects.get(name=GROUP_OF_ROLE[role]))
    return user


@pytest.fixture
def staff(db):
    return {role: make_staff(role) for role in ROLES}


@pytest.fixture
def submissions(db):
    exemption = VrijstellingMeldingFactory(ground="5a")
    exemption.medical_statement.save("verklaring.pdf", ContentFile(PDF), save=True)
    abroad = VrijstellingMeldingFactory(
        ground="5c", abroad_school_name="École Paris", abroad_country="Frankrijk"
    )
    abroad.abroad_proof.save("inschrijving.pdf", ContentFile(PDF), save=True)
    offer = StageaanbodFactory()
    StageplaatsFactory(offer=offer)
    young = LeerwerkmakelaarAanmeldingFactory()
    return {"exemption": exemption, "abroad": abroad, "offer": offer, "young": young}
