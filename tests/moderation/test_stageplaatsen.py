"""The public listing /stageplaatsen/: published places only, no contact person, GET filters."""

import datetime

import pytest
from django.utils import timezone

from demo.factories.queue import StageaanbodFactory, StageplaatsFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stageplaatsen_page")]


def place(status="gepubliceerd", **kwargs):
    offer_kwargs = {
        k: kwargs.pop(k) for k in ("sector", "municipality", "consent_publication") if k in kwargs
    }
    offer = StageaanbodFactory(status=status, **offer_kwargs)
    return StageplaatsFactory(offer=offer, **kwargs)


def test_only_published_current_places_without_contact_person(client):
    shown = place(description="Lassen in de werkplaats", municipality="Haarlem")
    hidden = [
        place(status="beoordeeld", description="Nog niet gepubliceerd"),
        place(status="vervuld", description="Al vervuld"),
        place(status="ingetrokken", description="Ingetrokken plek"),
        place(
            description="Startdatum voorbij",
            start_date=timezone.localdate() - datetime.timedelta(days=1),
        ),
        place(description="Geen toestemming", consent_publication=False),
    ]
    html = client.get("/stageplaatsen/").content.decode()
    assert shown.description in html
    for other in hidden:
        assert other.description not in html
    offer = shown.offer
    for private in (
        offer.contact_first_name,
        offer.contact_last_name,
        offer.contact_email,
        offer.contact_phone,
    ):
        assert private not in html
    assert "1 plek gevonden" in html


def test_filters_by_get_without_javascript(client):
    place(place_type="bbl", sector="zorg", municipality="Haarlem", description="Zorg BBL Haarlem")
    place(
        place_type="bol",
        sector="techniek",
        municipality="Velsen",
        description="Techniek BOL Velsen",
    )
    html = client.get("/stageplaatsen/?soort=bbl").content.decode()
    assert "Zorg BBL Haarlem" in html and "Techniek BOL Velsen" not in html
    html = client.get("/stageplaatsen/?gemeente=Velsen&sector=techniek").content.decode()
    assert "Techniek BOL Velsen" in html and "Zorg BBL Haarlem" not in html
    response = client.get("/stageplaatsen/?soort=<script>")
    assert response.status_code == 200
    assert "Fout: " in response.content.decode()
    assert '<form method="get"' in response.content.decode()


def test_the_listing_is_in_the_main_menu(client):
    home_menu = client.get("/").content.decode().split('aria-label="Hoofdmenu"')[1]
    assert 'href="/stageplaatsen/"' in home_menu.split("</nav>")[0]
    listing_menu = client.get("/stageplaatsen/").content.decode().split('aria-label="Hoofdmenu"')[1]
    assert 'href="/stageplaatsen/" aria-current="page"' in listing_menu.split("</nav>")[0]
