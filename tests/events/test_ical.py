"""The .ics download of an event and the agenda's feed, read back with the icalendar library as a
calendar program would: whole-day events as dates, times in Europe/Amsterdam, a UID that stays
the same, and only what anonymous visitors may see."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from demo.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def test_an_event_downloads_as_ics_in_amsterdam_time(client):
    start = datetime.datetime(2027, 3, 4, 19, 30, tzinfo=AMSTERDAM)
    event = EventPageFactory(
        title="Ouderavond stage",
        slug="ouderavond-stage",
        start=start,
        end=start + datetime.timedelta(hours=2),
        location="Nova College, Haarlem",
        organiser="Leerplein",
        summary="Alles over de stage.",
        registration_url="https://aanmelden.example/ouderavond",
    )
    response = client.get(f"{event.url}ics/")
    assert response["Content-Disposition"] == 'attachment; filename="ouderavond-stage.ics"'
    cal = read(response)
    (vevent,) = cal.events
    assert vevent["SUMMARY"] == "Ouderavond stage"
    assert vevent.start == start
    assert vevent.start.tzinfo.key == "Europe/Amsterdam"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert vevent.end == start + datetime.timedelta(hours=2)
    assert vevent["LOCATION"] == "Nova College, Haarlem"
    assert vevent["CONTACT"] == "Leerplein"
    assert "https://aanmelden.example/ouderavond" in vevent["DESCRIPTION"]
    assert vevent["URL"].endswith("/agenda/ouderavond-stage/")
    assert vevent.DTSTAMP.tzinfo is not None
    # The time zone is defined in the file, for calendar programs that do not know it.
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Amsterdam"]


def test_a_whole_day_event_has_dates_and_an_exclusive_end(client):
    start = datetime.datetime(2027, 5, 10, 9, 0, tzinfo=AMSTERDAM)
    event = EventPageFactory(
        title="Banenmarkt", start=start, end=start + datetime.timedelta(days=1), all_day=True
    )
    (vevent,) = read(client.get(f"{event.url}ics/")).events
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent.start == datetime.date(2027, 5, 10)
    # Two days, the 10th and the 11th: DTEND is the day after the last one.
    assert vevent.end == datetime.date(2027, 5, 12)
    assert vevent.duration == datetime.timedelta(days=2)


def test_the_uid_stays_the_same_when_the_event_changes(client):
    event = EventPageFactory(title="Open dag")
    first = read(client.get(f"{event.url}ics/")).events[0]["UID"]
    event.title = "Open dag (nieuwe datum)"
    event.start = days(20)
    event.end = None
    event.save_revision().publish()
    second = read(client.get(f"{event.url}ics/")).events[0]
    assert second["UID"] == first
    assert second["SUMMARY"] == "Open dag (nieuwe datum)"
    assert "DTEND" not in second
    other = EventPageFactory(title="Andere dag")
    assert read(client.get(f"{other.url}ics/")).events[0]["UID"] != first


def test_the_feed_holds_live_public_upcoming_and_recent_events_only(client):
    index = EventIndexPageFactory()
    EventPageFactory(parent=index, title="Straks", start=days(10))
    EventPageFactory(parent=index, title="Net geweest", start=days(-10))
    EventPageFactory(parent=index, title="Lang geleden", start=days(-400))
    EventPageFactory(parent=index, title="Concept", start=days(5), live=False)
    private = EventPageFactory(parent=index, title="Besloten", start=days(6))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    cal = read(client.get("/agenda/ics/?x=<script>"))
    assert [str(e["SUMMARY"]) for e in cal.events] == ["Net geweest", "Straks"]
    assert cal["X-WR-CALNAME"] == "Agenda"
    assert cal["PRODID"] == "-//Leerwerkportaal//Agenda//NL"
    assert len({e["UID"] for e in cal.events}) == 2


def test_an_event_that_is_not_public_has_no_ics(client):
    draft = EventPageFactory(title="Concept", live=False)
    assert client.get("/agenda/concept/ics/").status_code == 404
    draft.save_revision().publish()
    assert client.get("/agenda/concept/ics/").status_code == 200
    private = EventPageFactory(title="Besloten")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(f"{private.url}ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")  # the password form, not the event
    assert b"BEGIN:VCALENDAR" not in response.content


def test_unknown_addresses_below_an_event_answer_404(client):
    event = EventPageFactory(title="Open dag")
    for tail in ("ics/extra/", "feed/", "ics.ics/"):
        assert client.get(f"{event.url}{tail}").status_code == 404, tail
    assert client.get("/agenda/onbekend/").status_code == 404


def test_a_proxy_in_front_purges_the_ics_addresses_with_the_pages():
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    event = EventPageFactory(title="Open dag")
    batch = PurgeBatch()
    batch.add_pages([event, event.get_parent()])
    paths = sorted(url.split("localhost", 1)[1] for url in batch.urls)
    assert paths == ["/agenda/", "/agenda/ics/", "/agenda/open-dag/", "/agenda/open-dag/ics/"]
