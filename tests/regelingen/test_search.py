"""Dutch site search over the demo content: the right page comes first (PostgreSQL: Dutch
stemming), results show type and summary, and can be narrowed to one page type."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def results(client, query, **params):
    response = client.get("/zoeken/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(
        r'<p class="search-result__type">([^<]+)</p>\s*'
        r'<h2 class="search-result__title"><a href="([^"]+)">',
        html,
    ), html


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "first_url"),
    [
        ("leerwerkmakelaar", "/regelingen/leerwerkmakelaar/"),
        ("vrijstellingen", "/regelingen/vrijstelling-inschrijvingsplicht/"),
        ("Boris", "/goede-voorbeelden/boris-brengt-je-bij-n-baan/"),
        ("2019/500546", "/beleid/informatienota-impuls-baankansen-2019/"),
        ("plusvoorziening", "/regelingen/plusvoorziening/"),
        ("stages", "/goede-voorbeelden/wsp-haaglanden-stageplaatsen/"),
    ],
)
def test_the_right_page_comes_first(client, demo_site, query, first_url):
    found, _ = results(client, query)
    assert found, f"no results for {query!r}"
    assert found[0][1] == first_url, found[:3]


@pytest.mark.postgres
def test_dutch_stemming_finds_singular_from_plural(client, demo_site):
    """'stages' has no exact hit in most texts, which say 'stage'; stemming finds them."""
    found, _ = results(client, "stages")
    urls = [url for _type, url in found]
    assert "/regelingen/impuls-baankansen/" in urls
    assert "/goede-voorbeelden/boris-brengt-je-bij-n-baan/" in urls
    assert urls[0].startswith(("/regelingen/", "/goede-voorbeelden/", "/beleid/"))


def test_document_number_finds_its_policy_document(client, demo_site):
    found, html = results(client, "2019/500546")
    assert found[0] == ("Beleidsdocument", "/beleid/informatienota-impuls-baankansen-2019/")
    assert "Het college van Haarlem informeert de raad" in html


def test_results_show_type_and_summary_and_filter_by_type(client, demo_site):
    found, html = results(client, "leerwerkmakelaar")
    types = {t for t, _url in found}
    assert "Regeling" in types
    assert "zoekt samen met jou een werkgever" in html  # the summary of the scheme
    assert 'href="?q=leerwerkmakelaar&amp;type=regelingpage"' in html
    only_schemes, _ = results(client, "leerwerkmakelaar", type="regelingpage")
    assert only_schemes and {t for t, _url in only_schemes} == {"Regeling"}


def test_many_results_are_paged_and_the_next_page_keeps_the_query(client, demo_site):
    first, html = results(client, "jongeren")
    assert len(first) == 10
    assert 'href="?q=jongeren&amp;page=2"' in html
    second, html = results(client, "jongeren", page=2)
    assert second and not set(second) & set(first)
    assert "Pagina 2 van" in html
    beyond, _ = results(client, "jongeren", page=99)  # an old bookmark: the last page, not an error
    assert beyond and not set(beyond) & set(first)
