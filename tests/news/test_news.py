"""News: a dated item, listed newest first, twelve per page, only where editors may add it."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.factories.home import ContentPageFactory, site_home
from demo.factories.news import NewsIndexPageFactory, NewsPageFactory
from home.models import ContentPage, HomePage
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def test_the_list_shows_live_items_newest_first_with_their_date(client):
    index = NewsIndexPageFactory()
    NewsPageFactory(parent=index, title="Oud bericht", date=datetime.date(2026, 3, 2))
    NewsPageFactory(parent=index, title="Nieuw bericht", date=datetime.date(2026, 11, 20))
    NewsPageFactory(parent=index, title="Concept", live=False)
    response = client.get("/nieuws/")
    assert response.status_code == 200
    assert titles(response) == ["Nieuw bericht", "Oud bericht"]
    html = response.content.decode()
    assert '<time datetime="2026-11-20">20 november 2026</time>' in html
    assert '<time datetime="2026-03-02">2 maart 2026</time>' in html


def test_the_list_pages_by_twelve_and_odd_page_numbers_do_no_harm(client):
    index = NewsIndexPageFactory()
    for n in range(13):
        NewsPageFactory(parent=index, title=f"Bericht {n:02d}", date=datetime.date(2026, 1, 1 + n))
    first = client.get("/nieuws/")
    assert titles(first)[0] == "Bericht 12"
    assert len(titles(first)) == 12
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert titles(client.get("/nieuws/?page=2")) == ["Bericht 00"]
    for odd in ("?page=abc", "?page=-1", "?page=99999999999999999999", "?page=2&page=x"):
        assert client.get(f"/nieuws/{odd}").status_code == 200, odd
    # A control character is refused before the page, with the Dutch 400 page.
    assert client.get("/nieuws/?x=%00").status_code == 400


def test_a_news_item_shows_its_date_and_news_article_data(client):
    item = NewsPageFactory(
        title="Meer stageplekken", date=datetime.date(2026, 10, 5), summary="Goed nieuws."
    )
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Meer stageplekken</h1>" in html
    assert '<time datetime="2026-10-05">5 oktober 2026</time>' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html)[1])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Meer stageplekken"
    assert data["datePublished"] == "2026-10-05"
    assert data["url"].endswith("/nieuws/meer-stageplekken/")


def test_editors_add_news_items_under_the_news_list_only():
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage not in ContentPage.allowed_subpage_models()
    index = NewsIndexPageFactory()
    assert NewsPage.can_create_at(index)
    assert not NewsPage.can_create_at(site_home())
    assert not NewsPage.can_create_at(ContentPageFactory())


def test_the_list_costs_the_same_queries_with_many_items(client):
    index = NewsIndexPageFactory()

    def add(start, stop):
        for n in range(start, stop):
            NewsPageFactory(parent=index, title=f"Bericht {n:03d}", date=datetime.date(2026, 1, 1))

    def count(url):
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    urls = ["/nieuws/", "/nieuws/?page=2"]
    add(0, 14)
    few = [count(url) for url in urls]
    add(14, 80)
    assert [count(url) for url in urls] == few
