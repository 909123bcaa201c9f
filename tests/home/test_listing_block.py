"""The listing block: editors compose a list of pages (types, target group, theme, region, tags,
order, number, a link to more) on the home page or a content page. Visitors see the same cards
as on the index pages, only live public pages, and a publish or unpublish shows at once."""

import datetime
import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.factories.events import EventPageFactory
from demo.factories.goodpractices import (
    DoelgroepFactory,
    GoodPracticePageFactory,
    RegioFactory,
    ThemaFactory,
)
from demo.factories.home import ContentPageFactory, site_home, stream
from demo.factories.news import NewsPageFactory
from demo.factories.regelingen import BeleidsdocumentPageFactory, RegelingPageFactory
from home.blocks import ListingBlock
from home.cache import new_version
from home.listable import listing_type_choices
from home.models import ContentPage, HomePage
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db

SCHEMES = "regelingen.regelingpage"
DOCUMENTS = "regelingen.beleidsdocumentpage"
PRACTICES = "goodpractices.goodpracticepage"
CONTENT = "home.contentpage"
NEWS = "news.newspage"
EVENTS = "events.eventpage"


def listing(**fields):
    value = {"title": "", "sort": "title", "number": 6, "more_page": None, "more_text": ""}
    return {**value, **fields}


def listing_page(slug="lijst", **fields):
    return ContentPageFactory(slug=slug, title="Lijst", body=stream(("listing", listing(**fields))))


def section(client, url="/lijst/"):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    found = re.search(r'<section class="listing">(.*?)</section>', html, re.S)
    return found.group(1) if found else None


def titles(client, url="/lijst/"):
    found = section(client, url)
    return re.findall(r"<h[23]><a href=\"[^\"]*\">([^<]*)</a></h[23]>", found or "")


def card_items(html):
    return [
        re.sub(r"\s+", " ", item) for item in re.findall(r'<li class="card">.*?</li>', html, re.S)
    ]


@pytest.fixture
def terms():
    return {
        "pro": DoelgroepFactory(name="PrO", slug="pro"),
        "vso": DoelgroepFactory(name="VSO", slug="vso"),
        "stage": ThemaFactory(name="Stage", slug="stage"),
        "eemland": RegioFactory(name="Eemland", slug="eemland"),
    }


def test_every_page_type_with_a_card_is_offered_and_one_attribute_adds_a_type(monkeypatch):
    offered = [key for key, _label in listing_type_choices()]
    assert set(offered) == {SCHEMES, DOCUMENTS, PRACTICES, CONTENT, NEWS, EVENTS}
    # Read when the form is shown, not frozen: a type that declares a card joins at once.
    monkeypatch.setattr(HomePage, "listing_card", "pages/includes/page_card.html", raising=False)
    field = ListingBlock().child_blocks["page_types"].field
    assert "home.homepage" in [key for key, _label in field.choices]


def test_the_cards_are_the_cards_of_the_index_pages(client, terms):
    RegelingPageFactory(slug="impuls", title="Impuls", taxonomy={"target_groups": [terms["pro"]]})
    GoodPracticePageFactory(
        slug="boris",
        title="Boris",
        taxonomy={"regions": [terms["eemland"]], "target_groups": [terms["vso"]]},
    )
    BeleidsdocumentPageFactory(slug="nota", title="Nota", number="2024/1")
    listing_page(page_types=[SCHEMES, PRACTICES, DOCUMENTS])

    listed = card_items(section(client))
    assert len(listed) == 3
    for index_url in ("/regelingen/", "/goede-voorbeelden/", "/beleid/"):
        (card,) = card_items(client.get(index_url).content.decode())
        assert card in listed
    assert "Voor: PrO" in listed[1]  # Impuls, by title after Boris
    assert "Regio: Eemland" in listed[0]


def test_a_title_makes_the_cards_headings_below_it(client):
    ContentPageFactory(slug="een", title="Een")
    listing_page(page_types=[CONTENT], title="Lees ook")
    found = section(client)
    assert "<h2>Lees ook</h2>" in found
    assert '<h3><a href="/een/">Een</a></h3>' in found


def test_filters_narrow_only_the_types_that_have_the_taxonomy(client, terms):
    RegelingPageFactory(
        slug="voor-pro", title="Voor PrO", taxonomy={"target_groups": [terms["pro"]]}
    )
    RegelingPageFactory(
        slug="voor-vso", title="Voor VSO", taxonomy={"target_groups": [terms["vso"]]}
    )
    BeleidsdocumentPageFactory(slug="nota", title="Nota")
    GoodPracticePageFactory(
        slug="stage",
        title="Stage PrO",
        taxonomy={"themes": [terms["stage"]], "target_groups": [terms["pro"]]},
    )
    GoodPracticePageFactory(
        slug="ander", title="Ander PrO", taxonomy={"target_groups": [terms["pro"]]}
    )
    listing_page(page_types=[SCHEMES, DOCUMENTS], target_groups=[terms["pro"].pk])
    # Documents have no target groups: they are not filtered on them.
    assert titles(client) == ["Nota", "Voor PrO"]

    listing_page(
        slug="thema",
        page_types=[SCHEMES, PRACTICES],
        target_groups=[terms["pro"].pk],
        themes=[terms["stage"].pk],
    )
    # Every taxonomy narrows the types that have it; schemes have no themes.
    assert titles(client, "/thema/") == ["Stage PrO", "Voor PrO"]

    listing_page(
        slug="beide", page_types=[SCHEMES], target_groups=[terms["pro"].pk, terms["vso"].pk]
    )
    assert titles(client, "/beide/") == ["Voor PrO", "Voor VSO"]


def test_tags_narrow_the_types_that_have_tags(client):
    tagged = ContentPageFactory(slug="stagetips", title="Stagetips")
    tagged.tags.add("Stage")
    tagged.save()
    ContentPageFactory(slug="zonder", title="Zonder onderwerp")
    BeleidsdocumentPageFactory(slug="nota", title="Nota")
    listing_page(page_types=[CONTENT, DOCUMENTS], tags="stage, werk")
    assert titles(client) == ["Nota", "Stagetips"]


def test_order_and_number(client):
    for year, title in ((2023, "Oud"), (2025, "Nieuw"), (2024, "Midden")):
        BeleidsdocumentPageFactory(slug=title.lower(), title=title, date=datetime.date(year, 1, 1))
    listing_page(slug="nieuw", page_types=[DOCUMENTS], sort="newest")
    listing_page(slug="oud", page_types=[DOCUMENTS], sort="oldest")
    listing_page(slug="titel", page_types=[DOCUMENTS], sort="title", number=2)
    assert titles(client, "/nieuw/") == ["Nieuw", "Midden", "Oud"]
    assert titles(client, "/oud/") == ["Oud", "Midden", "Nieuw"]
    assert titles(client, "/titel/") == ["Midden", "Nieuw"]


def test_a_type_sorts_on_its_own_date_time_field_when_it_names_one(client, monkeypatch):
    """As a news or event type would: `listing_date_field` may name a date-time field."""
    monkeypatch.setattr(ContentPage, "listing_date_field", "last_published_at", raising=False)
    for day, title in ((3, "Derde"), (1, "Eerste"), (2, "Tweede")):
        page = ContentPageFactory(slug=title.lower(), title=title)
        moment = datetime.datetime(2025, 1, day, 12, tzinfo=datetime.UTC)
        ContentPage.objects.filter(pk=page.pk).update(last_published_at=moment)
    listing_page(page_types=[CONTENT], sort="newest", number=3)
    assert titles(client) == ["Derde", "Tweede", "Eerste"]


def test_menu_order_follows_the_page_tree(client):
    parent = ContentPageFactory(slug="sectie", title="Sectie")
    for title in ("Zebra", "Aap"):
        ContentPageFactory(parent=parent, slug=title.lower(), title=title)
    listing_page(page_types=[CONTENT], sort="menu")
    assert titles(client) == ["Sectie", "Zebra", "Aap", "Lijst"]


def test_only_live_public_pages_and_a_publish_or_unpublish_shows_at_once(client):
    shown = ContentPageFactory(slug="getoond", title="Getoond")
    draft = ContentPageFactory(slug="concept", title="Concept")
    draft.unpublish()
    closed = ContentPageFactory(slug="besloten", title="Besloten")
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    listing_page(page_types=[CONTENT])
    assert titles(client) == ["Getoond", "Lijst"]

    shown.unpublish()
    assert titles(client) == ["Lijst"]
    draft.save_revision().publish()
    assert titles(client) == ["Concept", "Lijst"]


def test_the_more_link_goes_to_a_live_page_with_its_title_or_own_text(client):
    target = ContentPageFactory(slug="alles", title="Alle pagina's")
    listing_page(page_types=[CONTENT], more_page=target.pk)
    listing_page(slug="eigen", page_types=[CONTENT], more_page=target.pk, more_text="Meer lezen")
    assert '<a href="/alles/">Alle pagina&#x27;s</a>' in section(client)
    assert '<a href="/alles/">Meer lezen</a>' in section(client, "/eigen/")
    target.unpublish()
    assert "listing__more" not in section(client)


def test_an_empty_listing_shows_nothing(client):
    listing_page(page_types=[DOCUMENTS])
    assert section(client) is None


@pytest.mark.parametrize(
    "stored",
    [
        {"page_types": ["verdwenen.soort"], "number": "veel", "sort": "raar"},
        {"page_types": None, "number": None, "sort": None, "tags": None},
        {"page_types": [CONTENT], "target_groups": ["x", None], "number": 500, "more_page": 999999},
    ],
)
def test_whatever_is_stored_the_page_answers(client, stored):
    ContentPage.objects.filter(slug="lijst").delete()
    page = ContentPageFactory(slug="lijst", title="Lijst", body=stream(("listing", stored)))
    assert client.get(page.url).status_code == 200


def test_a_deleted_term_matches_nothing_and_breaks_nothing(client, terms):
    RegelingPageFactory(
        slug="voor-vso", title="Voor VSO", taxonomy={"target_groups": [terms["vso"]]}
    )
    BeleidsdocumentPageFactory(slug="nota", title="Nota")
    listing_page(page_types=[SCHEMES, DOCUMENTS], target_groups=[terms["pro"].pk])
    terms["pro"].delete()
    assert titles(client) == ["Nota"]


def test_queries_do_not_grow_with_the_number_of_cards(client, terms):
    def queries():
        new_version()  # render afresh, as after a publish
        with CaptureQueriesContext(connection) as context:
            assert client.get("/lijst/").status_code == 200
        return len(context)

    def add(numbers):
        for n in numbers:
            RegelingPageFactory(
                slug=f"regeling-{n}",
                title=f"Regeling {n}",
                taxonomy={"target_groups": [terms["pro"]]},
            )
            GoodPracticePageFactory(
                slug=f"voorbeeld-{n}",
                title=f"Voorbeeld {n}",
                taxonomy={"regions": [terms["eemland"]], "target_groups": [terms["pro"]]},
            )

    add(range(1))
    listing_page(page_types=[SCHEMES, PRACTICES], number=24, sort="newest")
    queries()
    few = queries()
    add(range(1, 8))
    assert len(titles(client)) == 16
    assert queries() == few


def test_the_rendered_cards_are_kept_until_the_next_publish(terms):
    RegelingPageFactory(slug="impuls", title="Impuls")
    block = ListingBlock()
    value = block.to_python(listing(page_types=[SCHEMES]))
    request = RequestFactory().get("/")

    def render():
        return block.render(value, context={"request": request})

    assert "Impuls" in render()
    with CaptureQueriesContext(connection) as context:
        assert "Impuls" in render()
    assert len(context) == 0
    RegelingPageFactory(slug="nieuw", title="Nieuwe regeling").save_revision().publish()
    assert "Nieuwe regeling" in render()


def test_the_home_page_takes_a_listing(client):
    ContentPageFactory(slug="een", title="Een")
    home = site_home()
    home.body = stream(("listing", listing(page_types=[CONTENT], title="Actueel")))
    home.save_revision().publish()
    assert "Een" in titles(client, "/")


def admin_data(page, **listing_fields):
    value = listing(**listing_fields)
    multiple = {key: value.pop(key) for key in ("page_types", "target_groups") if key in value}
    value["more_page"] = value["more_page"] or ""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([("listing", value)]),
            "action-publish": "publish",
        }
    )
    for key, values in multiple.items():
        data[f"body-0-value-{key}"] = [str(v) for v in values]
    return data


def test_editors_compose_a_listing_in_the_admin(client, django_user_model, terms):
    login_verified(client, django_user_model.objects.create_superuser("beheer", password="x"))
    page = ContentPageFactory(slug="samengesteld", title="Samengesteld")
    target = ContentPageFactory(slug="alles", title="Alles")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit).content.decode()
    assert "Lijst van pagina" in form and "Soorten pagina" in form

    refused = client.post(edit, admin_data(page, page_types=[SCHEMES], more_text="Meer"))
    assert refused.status_code == 200
    assert "Kies ook de pagina" in refused.content.decode()

    data = admin_data(
        page,
        page_types=[SCHEMES, PRACTICES],
        target_groups=[terms["pro"].pk],
        tags="stage",
        number=4,
        more_page=target.pk,
        more_text="Meer",
    )
    assert client.post(edit, data).status_code == 302
    (block,) = ContentPage.objects.get(pk=page.pk).body
    assert block.value["page_types"] == [SCHEMES, PRACTICES]
    assert block.value["target_groups"] == [terms["pro"].pk]
    assert (block.value["number"], block.value["more_page"].pk) == (4, target.pk)


def test_news_and_events_list_newest_first_on_their_own_dates_with_their_own_cards(client):
    today = datetime.date.today()
    NewsPageFactory(slug="oud", title="Oud bericht", date=today - datetime.timedelta(days=30))
    NewsPageFactory(slug="nieuw", title="Nieuw bericht", date=today)
    EventPageFactory(slug="markt", title="Banenmarkt", location="Stadhuis, Haarlem")
    listing_page(page_types=[NEWS, EVENTS], sort="newest", title="Actueel")

    assert titles(client) == ["Banenmarkt", "Nieuw bericht", "Oud bericht"]
    found = section(client)
    assert "Stadhuis, Haarlem" in found  # the event's own card
    assert f'<time datetime="{today:%Y-%m-%d}">' in found  # the news card's date
    for index_url in ("/nieuws/", "/agenda/"):
        for card in card_items(client.get(index_url).content.decode()):
            assert card.replace("<h2>", "<h3>").replace("</h2>", "</h3>") in card_items(found)
