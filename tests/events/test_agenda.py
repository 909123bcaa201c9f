"""The agenda: upcoming events first and soonest first, past events apart and latest first, an
event page that says when, where, who and how to sign up, only where editors may add it."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.factories.events import EventIndexPageFactory, EventPageFactory
from demo.factories.home import site_home
from events.models import EventIndexPage, EventPage
from home.models import HomePage

pytestmark = pytest.mark.django_db
AMSTERDAM = timezone.get_default_timezone()


def titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def agenda():
    index = EventIndexPageFactory()
    EventPageFactory(parent=index, title="Over een maand", start=days(30))
    EventPageFactory(parent=index, title="Volgende week", start=days(7))
    EventPageFactory(parent=index, title="Vorige week", start=days(-7))
    EventPageFactory(parent=index, title="Vorig jaar", start=days(-365))
    EventPageFactory(parent=index, title="Concept", start=days(3), live=False)
    # Started yesterday, ends tomorrow: still on.
    EventPageFactory(parent=index, title="Loopt nog", start=days(-1), end=days(1))
    return index


def test_upcoming_events_come_first_soonest_first(client, agenda):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert titles(response) == ["Loopt nog", "Volgende week", "Over een maand"]
    html = response.content.decode()
    assert '<a href="?periode=afgelopen">Bekijk afgelopen evenementen</a>' in html
    assert 'href="/agenda/ics/" type="text/calendar">Abonneer op de agenda' in html


def test_past_events_are_listed_apart_latest_first(client, agenda):
    response = client.get("/agenda/?periode=afgelopen")
    assert response.status_code == 200
    assert titles(response) == ["Vorige week", "Vorig jaar"]
    html = response.content.decode()
    assert "afgelopen evenementen</h1>" in html
    assert '<a href="/agenda/">Naar de komende evenementen</a>' in html


def test_a_whole_day_event_is_upcoming_until_its_day_is_over(client):
    today = timezone.localdate()
    start = datetime.datetime.combine(today, datetime.time(0, 0), AMSTERDAM)
    EventPageFactory(title="Vandaag", start=start, end=start, all_day=True)
    assert titles(client.get("/agenda/")) == ["Vandaag"]


def test_the_agenda_pages_by_twelve_and_odd_query_strings_do_no_harm(client):
    index = EventIndexPageFactory()
    for n in range(13):
        EventPageFactory(parent=index, title=f"Evenement {n:02d}", start=days(n + 1))
    assert len(titles(client.get("/agenda/"))) == 12
    assert titles(client.get("/agenda/?page=2")) == ["Evenement 12"]
    for odd in (
        "?page=abc",
        "?page=0",
        "?periode=%3Cscript%3E",
        "?periode=afgelopen&periode=x&page=-3",
        "?page=99999999999999999999999",
    ):
        assert client.get(f"/agenda/{odd}").status_code == 200, odd
    # A control character is refused before the page, with the Dutch 400 page.
    assert client.get("/agenda/?x=%00").status_code == 400


def test_an_event_page_says_when_where_who_and_how_to_sign_up(client):
    start = datetime.datetime(2027, 3, 4, 19, 30, tzinfo=AMSTERDAM)
    event = EventPageFactory(
        title="Ouderavond stage",
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Nova College, Haarlem",
        organiser="Leerplein",
        registration_url="https://aanmelden.example/ouderavond",
    )
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "donderdag 4 maart 2027, 19:30</time> tot" in html
    assert "21:30</time> uur" in html
    assert "<dd>Nova College, Haarlem</dd>" in html
    assert "<dd>Leerplein</dd>" in html
    assert (
        '<a href="https://aanmelden.example/ouderavond">Aanmelden voor Ouderavond stage</a>' in html
    )
    assert f'href="{event.url}ics/" type="text/calendar" download>Zet Ouderavond stage' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html)[1])
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-03-04T19:30:00+01:00"
    assert data["endDate"] == "2027-03-04T21:30:00+01:00"
    assert data["location"] == {"@type": "Place", "name": "Nova College, Haarlem"}
    assert data["organizer"] == {"@type": "Organization", "name": "Leerplein"}


def test_a_whole_day_event_shows_dates_without_times(client):
    start = datetime.datetime(2027, 5, 10, 0, 0, tzinfo=AMSTERDAM)
    event = EventPageFactory(
        title="Banenmarkt", start=start, end=start + datetime.timedelta(days=1), all_day=True
    )
    html = client.get(event.url).content.decode()
    assert (
        '<time datetime="2027-05-10">maandag 10 mei 2027</time> tot en met '
        '<time datetime="2027-05-11">dinsdag 11 mei 2027</time>'
    ) in html
    assert "00:00" not in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html)[1])
    assert (data["startDate"], data["endDate"]) == ("2027-05-10", "2027-05-11")


def test_an_event_cannot_end_before_it_starts():
    event = EventPageFactory.build(start=days(2), end=days(1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_editors_add_events_under_the_agenda_only():
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.can_create_at(EventIndexPageFactory())
    assert not EventPage.can_create_at(site_home())


def test_the_agenda_costs_the_same_queries_with_many_events(client):
    index = EventIndexPageFactory()

    def add(start, stop):
        for n in range(start, stop):
            EventPageFactory(parent=index, title=f"Evenement {n:03d}", start=days(n % 40 - 20))

    def count(url):
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    urls = ["/agenda/", "/agenda/?periode=afgelopen", "/agenda/ics/"]
    add(0, 30)
    few = [count(url) for url in urls]
    add(30, 90)
    assert [count(url) for url in urls] == few
