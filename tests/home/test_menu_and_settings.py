"""Header, footer and menu come from the fragment cache, and an editor's change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.factories.home import ContentPageFactory, site_home
from home.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def menu(client):
    html = client.get("/").content.decode()
    return html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]


def test_menu_and_settings_cost_no_queries_once_cached(client):
    ContentPageFactory(slug="over", title="Over", show_in_menus=True)
    client.get("/over/")  # creates the settings, which retires what the cache held
    client.get("/over/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/over/")
    sql = " ".join(query["sql"] for query in queries)
    assert "home_organisationsettings" not in sql
    # The site, the active language's locale, the pages on the path, the page as its own type.
    assert len(queries) <= 5


def test_a_published_unpublished_or_deleted_page_changes_the_menu_at_once(client):
    assert 'href="/nieuw/"' not in menu(client)
    page = ContentPageFactory(slug="nieuw", title="Nieuw", show_in_menus=True)
    page.save_revision().publish()
    assert 'href="/nieuw/"' in menu(client)
    page.unpublish()
    assert 'href="/nieuw/"' not in menu(client)
    page.save_revision().publish()
    assert 'href="/nieuw/"' in menu(client)
    page.delete()
    assert 'href="/nieuw/"' not in menu(client)


def test_saved_settings_show_at_once(client):
    client.get("/")
    settings = OrganisationSettings.for_site(site_home().get_site())
    settings.name = "Leerwerkloket Kust"
    settings.save()
    assert "Leerwerkloket Kust" in client.get("/").content.decode()


def test_lists_show_a_new_practice_and_a_renamed_term_at_once(client):
    from demo.factories.goodpractices import (
        DoelgroepFactory,
        GoodPracticeIndexPageFactory,
        GoodPracticePageFactory,
    )

    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    GoodPracticePageFactory(parent=index, title="Eerste", taxonomy={"target_groups": [vso]})
    assert "Eerste" in client.get(index.url).content.decode()
    second = GoodPracticePageFactory(parent=index, title="Tweede")
    second.save_revision().publish()
    assert "Tweede" in client.get(index.url).content.decode()
    vso.name = "Voortgezet speciaal onderwijs"
    vso.save()
    assert "Voortgezet speciaal onderwijs" in client.get(index.url).content.decode()
