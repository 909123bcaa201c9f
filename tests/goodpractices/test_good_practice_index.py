"""The good-practice list: filters on snippet slugs narrow it, counts tell what a click gives."""

import re

import pytest

from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    OrganisatieFactory,
    RegioFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    pro = DoelgroepFactory(slug="pro", name="PrO")
    haaglanden = RegioFactory(slug="haaglanden", name="Haaglanden")
    drenthe = RegioFactory(slug="drenthe", name="Drenthe")
    stage = ThemaFactory(slug="stage", name="Stage")
    wsp = OrganisatieFactory(slug="wsp", name="WSP Haaglanden", website="https://wsp.example")
    GoodPracticePageFactory(
        parent=index,
        title="Stages via het WSP",
        taxonomy={
            "regions": [haaglanden],
            "target_groups": [vso, pro],
            "themes": [stage],
            "partners": [wsp],
        },
    )
    GoodPracticePageFactory(
        parent=index,
        title="Navigator",
        taxonomy={"regions": [drenthe], "target_groups": [pro], "themes": []},
    )
    GoodPracticePageFactory(parent=index, title="Concept", live=False)
    return index


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def test_index_lists_live_practices_only(client, practices):
    response = client.get("/goede-voorbeelden/")
    assert response.status_code == 200
    assert titles(response) == ["Navigator", "Stages via het WSP"]


def test_doelgroep_filter_narrows_the_list_and_counts_follow(client, practices):
    response = client.get("/goede-voorbeelden/?doelgroep=vso")
    assert titles(response) == ["Stages via het WSP"]
    html = response.content.decode()
    # Each doelgroep value shows how many results clicking it gives, as a plain link.
    assert '<a href="?doelgroep=pro">PrO <span class="count">(2)</span></a>' in html
    assert 'href="?doelgroep=vso&amp;regio=haaglanden">Haaglanden <span class="count">(1)' in html
    assert "Drenthe" not in html.split("facet-thema")[0].split("facet-regio")[1]
    # The card shows its regio and doelgroepen.
    assert '<p class="card__meta">Regio: Haaglanden</p>' in html
    assert '<span class="tag">PrO</span><span class="tag">VSO</span>' in html


def test_filters_combine_and_unknown_values_give_an_empty_list(client, practices):
    assert titles(client.get("/goede-voorbeelden/?doelgroep=pro&regio=drenthe")) == ["Navigator"]
    assert titles(client.get("/goede-voorbeelden/?thema=stage&regio=drenthe")) == []
    response = client.get("/goede-voorbeelden/?doelgroep=bestaat-niet")
    assert response.status_code == 200
    assert "Geen goede voorbeelden gevonden met deze filters." in response.content.decode()


def test_pagination_keeps_the_filter(client):
    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    for n in range(14):
        GoodPracticePageFactory(
            parent=index, title=f"Voorbeeld {n:02d}", taxonomy={"target_groups": [vso]}
        )
    first = client.get("/goede-voorbeelden/?doelgroep=vso")
    assert len(titles(first)) == 12
    assert 'href="?doelgroep=vso&amp;page=2"' in first.content.decode()
    second = client.get("/goede-voorbeelden/?doelgroep=vso&page=2")
    assert titles(second) == ["Voorbeeld 12", "Voorbeeld 13"]
    # A page number out of range shows the last page instead of an error.
    assert titles(client.get("/goede-voorbeelden/?page=99")) == ["Voorbeeld 12", "Voorbeeld 13"]


def test_detail_page_shows_the_structured_fields(client, practices):
    response = client.get("/goede-voorbeelden/stages-via-het-wsp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="https://wsp.example">WSP Haaglanden</a>' in html
    assert "Haaglanden" in html and "Stage" in html
    assert "Zo pakken zij het aan." in html
