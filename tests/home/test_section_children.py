"""A content page lists its children that are shown in menus, like a Plone folder listed its
items: a section without text of its own is not an empty page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.factories.home import ContentPageFactory
from home.cache import new_version

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def listing(client, url):
    page_html = html(client, url)
    if 'id="in-dit-onderdeel"' not in page_html:
        return None
    return page_html.split('id="in-dit-onderdeel"')[1].split("</section>")[0]


def test_a_section_lists_its_live_children_in_menus(client):
    section = ContentPageFactory(slug="sectie", title="Sectie", body="[]")
    ContentPageFactory(
        parent=section, slug="een", title="Een", show_in_menus=True, search_description="Eerst"
    )
    ContentPageFactory(parent=section, slug="verborgen", title="Verborgen", show_in_menus=False)
    draft = ContentPageFactory(parent=section, slug="concept", title="Concept", show_in_menus=True)
    draft.unpublish()
    besloten = ContentPageFactory(
        parent=section, slug="besloten", title="Besloten", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=besloten, restriction_type=PageViewRestriction.LOGIN)

    items = listing(client, "/sectie/")
    assert 'href="/sectie/een/"><span class="card__title">Een</span>' in items
    assert '<span class="card__text">Eerst</span>' in items
    for hidden in ("Verborgen", "Concept", "Besloten"):
        assert hidden not in items
    # A page without children in menus has no listing.
    assert listing(client, "/sectie/een/") is None


def test_a_childs_publish_changes_the_listing_at_once(client):
    section = ContentPageFactory(slug="sectie", title="Sectie", body="[]")
    child = ContentPageFactory(parent=section, slug="een", title="Een", show_in_menus=True)
    html(client, "/sectie/")  # the first view may create the site settings
    assert "Een" in listing(client, "/sectie/")
    child.title = "Eerste"
    child.save_revision().publish()
    assert ">Eerste</span>" in listing(client, "/sectie/")
    new = ContentPageFactory(parent=section, slug="twee", title="Twee", show_in_menus=True)
    new.save_revision().publish()
    assert ">Twee</span>" in listing(client, "/sectie/")
    child.unpublish()
    assert "Eerste" not in listing(client, "/sectie/")
    new.show_in_menus = False
    new.save_revision().publish()
    assert listing(client, "/sectie/") is None


def test_the_listing_costs_one_query_whatever_the_number_of_children(client):
    section = ContentPageFactory(slug="sectie", title="Sectie", body="[]")
    other = ContentPageFactory(slug="ander", title="Ander", body="[]")
    for n in range(6):
        ContentPageFactory(parent=section, slug=f"kind-{n}", title=f"Kind {n}", show_in_menus=True)
    ContentPageFactory(parent=other, slug="kind", title="Kind", show_in_menus=True)

    def queries(url):
        new_version()  # render afresh, as after a publish
        with CaptureQueriesContext(connection) as context:
            html(client, url)
        return [query["sql"] for query in context]

    html(client, "/sectie/")
    html(client, "/ander/")
    assert len(queries("/sectie/")) == len(queries("/ander/"))
