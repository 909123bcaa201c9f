"""The list pages cost the same number of queries with 10 or with 200 items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticePageFactory,
    RegioFactory,
    ThemaFactory,
)
from demo.factories.regelingen import RegelingIndexPageFactory, RegelingPageFactory

pytestmark = pytest.mark.django_db

# At most 5 queries on a list page, whatever its length (warm and anonymous): the site, the
# active language's locale and the home page (Wagtail's routing), the pages on the path with the
# view-restriction check (BasePage.route), the list page as its own type; the list data and HTML
# come from the cache.
MAX_QUERIES = 5


def add_items(start, stop, terms):
    groups, regions, themes = terms
    gp_index = GoodPracticeIndexPageFactory()
    scheme_index = RegelingIndexPageFactory()
    for n in range(start, stop):
        GoodPracticePageFactory(
            parent=gp_index,
            title=f"Voorbeeld {n:03d}",
            taxonomy={
                "target_groups": [groups[n % 3], groups[(n + 1) % 3]],
                "regions": [regions[n % 2]],
                "themes": [themes[n % 2]],
            },
        )
        RegelingPageFactory(
            parent=scheme_index,
            title=f"Regeling {n:03d}",
            end_date=datetime.date(2020 + n % 10, 1, 1),
            taxonomy={"target_groups": [groups[n % 3]]},
        )


def count(client, url):
    # Warm the caches (site root paths, content types, settings, the fragments); the first
    # request creates the site settings, which retires what the fragment cache held.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


URLS = [
    "/goede-voorbeelden/",
    "/goede-voorbeelden/?doelgroep=vso",
    "/goede-voorbeelden/?doelgroep=vso&regio=noord&thema=stage&page=2",
    "/regelingen/",
    "/regelingen/?doelgroep=pro&status=afgelopen",
]


def test_index_queries_do_not_grow_with_the_number_of_items(client):
    terms = (
        [DoelgroepFactory(slug=s, name=s.upper()) for s in ("pro", "vso", "mbo")],
        [RegioFactory(slug=s, name=s.title()) for s in ("noord", "zuid")],
        [ThemaFactory(slug=s, name=s.title()) for s in ("stage", "nazorg")],
    )
    add_items(0, 10, terms)
    with_10 = {url: count(client, url) for url in URLS}
    add_items(10, 200, terms)
    with_200 = {url: count(client, url) for url in URLS}
    assert with_200 == with_10
    assert max(with_200.values()) <= MAX_QUERIES, with_200
