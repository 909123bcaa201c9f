"""Demo content: /aanmelden/ and the three form pages at the slugs the home page links to,
idempotent, and reset() + build() rebuilds them."""

import pytest
from django.core.management import call_command

from aanmelden.models import (
    FormIndexPage,
    LeerwerkmakelaarFormPage,
    StageaanbodFormPage,
    VrijstellingFormPage,
)
from demo.factories.home import site_home

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_demo_content", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_forms_are_built_once_and_linked_from_home(client):
    load()
    load()
    dutch = site_home().locale
    assert FormIndexPage.objects.filter(locale=dutch).count() == 1
    urls = {
        VrijstellingFormPage: "/aanmelden/vrijstelling/",
        StageaanbodFormPage: "/aanmelden/stageplaats/",
        LeerwerkmakelaarFormPage: "/aanmelden/leerwerkmakelaar/",
    }
    for model, url in urls.items():
        page = model.objects.get(locale=dutch)
        assert page.url == url
        assert page.contact_alternative and page.what_happens_next
        response = client.get(url)
        assert response.status_code == 200
        assert "Start het formulier" in response.text and "Liever niet digitaal?" in response.text
    home = client.get("/").text
    for url in urls.values():
        assert f'href="{url}"' in home
    index = client.get("/aanmelden/").text
    assert index.count('class="card"') == 3


def test_reset_rebuilds_the_forms():
    from demo.content import aanmelden as demo_content

    load()
    dutch = site_home().locale
    first = VrijstellingFormPage.objects.get(locale=dutch).pk
    demo_content.reset()
    assert not FormIndexPage.objects.filter(locale=dutch).exists()
    demo_content.build(open("/dev/null", "w"))  # noqa: SIM115
    assert VrijstellingFormPage.objects.filter(locale=dutch).count() == 1
    assert VrijstellingFormPage.objects.get(locale=dutch).pk != first
