"""load_demo_content builds schemes, documents and good practices from the sources, is safe to
re-run, links the forms once they exist, and puts the sections in the main menu."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from demo.factories.home import site_home
from goodpractices.models import Doelgroep, GoodPracticePage
from regelingen.models import BeleidsdocumentPage, RegelingPage

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_demo_content", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def snapshot():
    return (
        Page.objects.count(),
        RegelingPage.objects.count(),
        BeleidsdocumentPage.objects.count(),
        GoodPracticePage.objects.count(),
    )


def test_demo_content_is_complete_idempotent_and_resettable(client):
    load()
    first = snapshot()
    assert first[1:] == (5, 3, 7)
    load()
    assert snapshot() == first
    load("--reset")
    assert snapshot() == first
    assert Page.objects.get(depth=1).get_descendants().count() == first[0] - 1

    assert set(Doelgroep.objects.values_list("slug", flat=True)) >= {
        "pro",
        "vso",
        "entree-mbo-1",
        "mbo",
        "18-23",
        "16-27",
        "ouders",
        "werkgevers",
    }
    scheme = RegelingPage.objects.get(slug="impuls-baankansen")
    assert scheme.url == "/regelingen/impuls-baankansen/"
    assert scheme.budget == 256800
    assert scheme.status == "afgelopen"
    vrijstelling = RegelingPage.objects.get(slug="vrijstelling-inschrijvingsplicht")
    assert vrijstelling.form_page.url == "/aanmelden/vrijstelling/"
    for doc in BeleidsdocumentPage.objects.all():
        assert doc.attachments.get().document.file_extension == "pdf"
    report = BeleidsdocumentPage.objects.get(slug="jaarverslag-leerplein-2023-2024")
    figures = {(b.value["label"], int(b.value["value"])) for b in report.key_figures}
    assert ("Jongeren van 5 tot 23 jaar in de regio", 54016) in figures
    assert ("Jongeren geplaatst door de leerwerkmakelaar", 44) in figures

    menu = client.get("/").content.decode().split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    # The sections come first in the menu, in this order, before the pages about the portal.
    positions = [
        menu.index(f'href="{path}"')
        for path in ("/regelingen/", "/beleid/", "/goede-voorbeelden/", "/stageplaatsen/")
    ]
    assert positions == sorted(positions)
    assert positions[-1] < menu.index('href="/over-het-portaal/"')
    home = site_home()
    for path in ("/regelingen/", "/beleid/", "/goede-voorbeelden/"):
        assert client.get(path).status_code == 200
    assert home.get_children().live().in_menu().filter(slug="regelingen").exists()

    # The home page shows a listing composed as an editor would: good practices for PrO.
    listing = client.get("/").content.decode().split('<section class="listing">')[1]
    listing = listing.split("</section>")[0]
    assert "Goede voorbeelden voor het praktijkonderwijs" in listing
    assert listing.count('<li class="card">') == 3
    assert "PrO" in listing
    assert '<a href="/goede-voorbeelden/">Alle goede voorbeelden</a>' in listing
