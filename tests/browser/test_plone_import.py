"""An imported Plone page in Chromium: readable, accessible, its old links still work."""

import pytest

from demo.factories.home import ContentPageFactory, site_home
from plone_import.importer import Importer
from tests.plone_import.exports import OLD_HOST, write_directory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def imported_site(tmp_path):
    ContentPageFactory(title="Archief", slug="archief", parent=site_home(), body="[]")
    report = Importer(
        write_directory(tmp_path / "export"), parent_slug="archief", old_urls=[OLD_HOST]
    ).run()
    assert not [e for e in report.errors if e.get("source") != "broken/data.json"]


def test_imported_page_links_and_old_urls_work(imported_site, browser_page, axe_check):
    page = browser_page
    page.goto("/archief/qa/content-types/event/")
    assert page.get_by_role("heading", level=1).inner_text() == "Event"
    assert page.get_by_role("img", name="Image - Light").first.is_visible()
    axe_check(page, "imported Volto event")
    # In Plone this was <a href="../../../resolveuid/7ab9c48e...">Link internal</a>.
    page.get_by_role("link", name="Link internal").click()
    page.wait_for_url("**/archief/qa/content-types/document/")
    assert page.get_by_role("heading", level=1).inner_text() == "Het doel van de interne link"

    # Bookmarks of the old site: a permanent redirect to the new place.
    response = page.request.get("/qa/content-types/event", max_redirects=0)
    assert response.status == 301
    assert response.headers["location"].endswith("/archief/qa/content-types/event/")
    page.goto("/features/typography")
    assert page.url.endswith("/archief/features/typography/")
    assert page.get_by_role("heading", level=1).inner_text() == "Typography"
