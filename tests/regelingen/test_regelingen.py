"""Schemes and policy documents: derived status, filters, JSON-LD, downloads and the API."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from demo.factories.goodpractices import DoelgroepFactory, OrganisatieFactory, RegioFactory
from demo.factories.home import stream
from demo.factories.regelingen import (
    BeleidsdocumentPageFactory,
    RegelingIndexPageFactory,
    RegelingPageFactory,
)
from regelingen.models import RegelingPage

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def json_ld(response):
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


@pytest.fixture
def schemes():
    index = RegelingIndexPageFactory()
    pro = DoelgroepFactory(slug="pro", name="PrO")
    ouders = DoelgroepFactory(slug="ouders", name="Ouders en verzorgers")
    RegelingPageFactory(
        parent=index,
        title="Afgelopen regeling",
        start_date=datetime.date(2019, 8, 1),
        end_date=datetime.date(2020, 7, 31),
        taxonomy={"target_groups": [pro]},
    )
    RegelingPageFactory(
        parent=index,
        title="Doorlopende regeling",
        start_date=datetime.date(2021, 1, 1),
        end_date=None,
        taxonomy={"target_groups": [ouders]},
    )
    RegelingPageFactory(
        parent=index,
        title="Loopt tot vandaag",
        start_date=datetime.date(2022, 1, 1),
        end_date=TODAY,
        taxonomy={"target_groups": [pro]},
    )
    return index


def test_status_is_derived_from_the_dates():
    scheme = RegelingPage(start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2020, 1, 1))
    assert scheme.status == "afgelopen"
    assert scheme.status_on(datetime.date(2019, 6, 1)) == "lopend"
    assert RegelingPage(end_date=None).status == "lopend"
    assert RegelingPage(end_date=TODAY).status == "lopend"


def test_scheme_index_filters_on_status_and_doelgroep(client, schemes):
    assert titles(client.get("/regelingen/?status=lopend")) == [
        "Loopt tot vandaag",
        "Doorlopende regeling",
    ]
    assert titles(client.get("/regelingen/?status=afgelopen")) == ["Afgelopen regeling"]
    assert titles(client.get("/regelingen/?doelgroep=pro&status=lopend")) == ["Loopt tot vandaag"]
    html = client.get("/regelingen/?doelgroep=pro").content.decode()
    assert '<a href="?doelgroep=pro&amp;status=afgelopen">Afgelopen <span class="count">(1)' in html
    # An unknown status is ignored rather than emptying the list.
    assert len(titles(client.get("/regelingen/?status=onzin"))) == 3


def test_scheme_page_has_government_service_and_faq_json_ld(client):
    index = RegelingIndexPageFactory()
    org = OrganisatieFactory(
        slug="leerplein", name="Leerplein", website="https://leerplein.example"
    )
    regio = RegioFactory(slug="zki", name="Zuid-Kennemerland en IJmond")
    vso = DoelgroepFactory(slug="vso", name="VSO")
    RegelingPageFactory(
        parent=index,
        title="Impuls Baankansen",
        slug="impuls-baankansen",
        budget="256800.00",
        organisation=org,
        faq=stream(
            (
                "question",
                {"question": "Wat </script><script>alert(1)</script>?", "answer": "<p>Niets.</p>"},
            )
        ),
        taxonomy={"target_groups": [vso], "regions": [regio]},
    )
    response = client.get("/regelingen/impuls-baankansen/")
    html = response.content.decode()
    assert "€ 256.800" in html
    service, faq = json_ld(response)
    assert service["@type"] == "GovernmentService"
    assert service["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Leerplein",
        "url": "https://leerplein.example",
    }
    assert service["areaServed"][0]["name"] == "Zuid-Kennemerland en IJmond"
    assert service["audience"] == [{"@type": "Audience", "audienceType": "VSO"}]
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0]["name"] == "Wat </script><script>alert(1)</script>?"
    # The question text cannot close the data block: only the real closing tags remain.
    assert html.count("</script>") == 2
    assert "<script>alert(1)" not in html


def test_scheme_page_links_its_form_and_documents(client):
    from demo.factories.home import ContentPageFactory

    form = ContentPageFactory(slug="vrijstelling", title="Vrijstelling melden")
    doc = BeleidsdocumentPageFactory(title="Jaarverslag", number="2024/1")
    RegelingPageFactory(
        title="Vrijstelling",
        slug="vrijstelling",
        form_page=form,
        taxonomy={"related_documents": [doc]},
    )
    html = client.get("/regelingen/vrijstelling/").content.decode()
    assert '<a class="button" href="/vrijstelling/">Vrijstelling melden</a>' in html
    assert '<a href="/beleid/jaarverslag/">Jaarverslag</a>' in html
    assert "nr. 2024/1" in html


def test_policy_document_offers_its_pdf_with_type_and_size(client):
    org = OrganisatieFactory(slug="haarlem", name="Gemeente Haarlem")
    doc = BeleidsdocumentPageFactory(
        title="Informatienota Impuls Baankansen",
        slug="informatienota",
        number="2019/500546",
        date=datetime.date(2019, 7, 16),
        organisation=org,
        key_figures=stream(
            ("figure", {"label": "Budget", "value": "256800", "unit": "euro", "year": "2019"})
        ),
        with_pdf=True,
    )
    attachment = doc.attachments.get()
    with attachment.document.file.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    response = client.get("/beleid/informatienota/")
    html = response.content.decode()
    size = attachment.document.file_size
    assert size and size > 500
    assert re.search(r"\(PDF, [\d,]+\sKB\)", html)
    assert "€ 256.800" in html
    (report,) = json_ld(response)
    assert report["@type"] == "Report"
    assert report["reportNumber"] == "2019/500546"
    assert report["datePublished"] == "2019-07-16"
    assert report["publisher"]["name"] == "Gemeente Haarlem"
    assert report["associatedMedia"][0]["encodingFormat"] == "application/pdf"
    download = client.get(attachment.document.url)
    assert download.status_code == 200


def test_api_exposes_the_typed_fields(client, schemes):
    doc = BeleidsdocumentPageFactory(
        title="Jaarverslag",
        number="2024/7",
        with_pdf=True,
        key_figures=stream(
            ("figure", {"label": "VSV", "value": "572", "unit": "", "year": "2023"})
        ),
    )
    response = client.get(
        "/api/v2/pages/?type=regelingen.RegelingPage&fields=status,start_date,target_groups"
        "&order=title"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["title"] for i in items] == [
        "Afgelopen regeling",
        "Doorlopende regeling",
        "Loopt tot vandaag",
    ]
    assert items[0]["status"] == "afgelopen"
    assert items[0]["start_date"] == "2019-08-01"
    assert items[0]["target_groups"] == [{"slug": "pro", "name": "PrO"}]
    detail = client.get(f"/api/v2/pages/{doc.pk}/").json()
    assert detail["number"] == "2024/7"
    assert detail["document_type"] == "informatienota"
    assert detail["key_figures"][0]["value"]["label"] == "VSV"
    assert detail["attachments"][0]["file_extension"] == "pdf"
    assert detail["attachments"][0]["file_size"] > 0
