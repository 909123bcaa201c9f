"""The anonymous page cache: whole pages for visitors without a session, retired by every publish,
unpublish, move or delete and by edited settings or taxonomy, so they are fresh at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
)
from demo.factories.home import ContentPageFactory, site_home
from home.models import OrganisationSettings
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_an_anonymous_view_comes_from_the_cache_without_a_query(client):
    ContentPageFactory(slug="over", title="Over")
    html(client, "/over/")  # creates the site settings, which retires the cache
    first = html(client, "/over/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/over/")
    assert len(queries) == 0
    assert response.content.decode() == first
    assert "max-age=300" in response["Cache-Control"]


def test_editors_neither_get_nor_fill_the_cache(client, django_user_model):
    ContentPageFactory(slug="over", title="Over")
    html(client, "/over/")
    login_verified(client, django_user_model.objects.create_superuser("redacteur", password="x"))
    with CaptureQueriesContext(connection) as queries:
        client.get("/over/")
    assert len(queries) > 0
    assert "max-age" not in client.get("/over/").get("Cache-Control", "")


def test_publish_unpublish_move_and_delete_show_at_once(client):
    section = ContentPageFactory(slug="sectie", title="Sectie", show_in_menus=True)
    page = ContentPageFactory(parent=section, slug="pagina", title="Pagina", summary="Eerste")
    html(client, "/sectie/pagina/")
    page.summary = "Tweede"
    page.save_revision().publish()
    assert "Tweede" in html(client, "/sectie/pagina/")
    page.unpublish()
    html(client, "/sectie/pagina/", status=404)
    page.save_revision().publish()
    html(client, "/sectie/pagina/")
    page.move(site_home(), pos="last-child")
    assert client.get("/sectie/pagina/").status_code == 301  # the redirect Wagtail creates
    assert 'href="http://localhost/pagina/"' in html(client, "/pagina/")
    assert ">Sectie</a>" in html(client, "/pagina/")
    section.delete()
    assert ">Sectie</a>" not in html(client, "/pagina/")


def test_edited_settings_and_taxonomy_show_at_once(client):
    index = GoodPracticeIndexPageFactory()
    vso = DoelgroepFactory(slug="vso", name="VSO")
    GoodPracticePageFactory(parent=index, title="Eerste", taxonomy={"target_groups": [vso]})
    assert '<span class="tag">VSO</span>' in html(client, index.url)
    vso.name = "Voortgezet speciaal onderwijs"
    vso.save()
    assert '<span class="tag">Voortgezet speciaal onderwijs</span>' in html(client, index.url)
    settings = OrganisationSettings.for_site(site_home().get_site())
    settings.name = "Leerwerkloket Kust"
    settings.save()
    assert "Leerwerkloket Kust" in html(client, index.url)


def test_a_proxy_in_front_is_purged_only_when_configured(monkeypatch):
    import runpy

    import portal.settings.base

    def backends():
        return runpy.run_path(portal.settings.base.__file__)["WAGTAILFRONTENDCACHE"]

    monkeypatch.delenv("FRONTEND_CACHE_URL", raising=False)
    assert backends() == {}
    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://varnish:6081/")
    configured = backends()["default"]
    assert configured["LOCATION"] == "http://varnish:6081/"
    assert configured["BACKEND"].endswith("HTTPBackend")
