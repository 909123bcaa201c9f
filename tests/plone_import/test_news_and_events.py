"""News Items and Events from the real Plone samples become news items and events, with their
date, times, place, contact and link in fields rather than in the text."""

import datetime
import json
import zoneinfo

import pytest
from wagtail.models import Page

from events.models import EventPage
from news.models import NewsPage
from plone_import.importer import Importer

from .exports import absolute, item, write_array

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_a_news_item_becomes_a_news_item_dated_as_published(import_directory, client):
    import_directory()
    news = Page.objects.get(url_path="/home/archief/bar/an-important-news/").specific
    assert isinstance(news, NewsPage)
    assert news.title == "An important news"
    # effective 2024-02-13T18:14:27 (no offset: the site's time zone)
    assert news.date == datetime.date(2024, 2, 13)
    assert news.live
    # The lead image still leads the body; the page shows its date.
    assert news.body[0].block_type == "image"
    assert news.latest_revision.as_object().date == news.date


def test_an_event_becomes_an_event_with_its_fields(import_directory, client):
    import_directory()
    event = Page.objects.get(url_path="/home/archief/qa/content-types/event/").specific
    assert isinstance(event, EventPage)
    assert event.start == datetime.datetime(2023, 1, 1, 11, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2023, 12, 31, 12, 0, tzinfo=UTC)
    assert not event.all_day
    assert event.organiser == "Max Mustermann, m.mustermann@plone.com, +49 1234 567-890"
    assert event.registration_url == "http://www.musterevents.com"
    # Not also written out in the text, as for a content page.
    assert all("Mustermann" not in str(block.value) for block in event.body)
    # The body's text and links came along as for any page.
    assert "heading" in [block.block_type for block in event.body]
    response = client.get("/archief/qa/content-types/event/ics/")
    assert response.status_code == 200
    assert b"DTSTART;TZID=Europe/Amsterdam:20230101T120000" in response.content


def test_the_rest_api_event_without_end_text_or_contact(db, array_export):
    from demo.factories.home import ContentPageFactory, site_home

    ContentPageFactory(title="Oude site", slug="oude-site", parent=site_home(), body="[]")
    Importer(array_export, parent_slug="oude-site").run()
    event = Page.objects.get(url_path="/home/oude-site/event/").specific
    assert isinstance(event, EventPage)
    assert not event.live  # private in Plone
    assert event.start == datetime.datetime(2013, 1, 1, 10, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2013, 1, 1, 12, 0, tzinfo=UTC)
    assert (event.location, event.organiser, event.registration_url) == ("", "", "")


def test_whole_day_open_end_and_odd_values(db, tmp_path):
    from demo.factories.home import ContentPageFactory, site_home

    ContentPageFactory(title="Oude site", slug="oude-site", parent=site_home(), body="[]")
    site = {"@id": "/", "@type": "Plone Site", "UID": "plone_site_root"}
    items = [
        item(
            "e0000000000000000000000000000001",
            "/markt",
            "Event",
            title="Banenmarkt",
            parent=site,
            start="2026-05-10T00:00:00+02:00",
            end="2026-05-11T23:59:59+02:00",
            whole_day=True,
            open_end=False,
            location="  Sporthal De Kooi  ",
            event_url="javascript:alert(1)",
        ),
        item(
            "e0000000000000000000000000000002",
            "/open",
            "Event",
            title="Inloop",
            parent=site,
            start="2026-06-01T14:00:00+02:00",
            end="2026-06-01T14:00:00+02:00",
            open_end=True,
            whole_day=None,
            location=["geen tekst"],
        ),
        item(
            "e0000000000000000000000000000003",
            "/achterstevoren",
            "Event",
            title="Achterstevoren",
            parent=site,
            start="2026-07-01T14:00:00+02:00",
            end="2026-06-01T14:00:00+02:00",
        ),
        item(
            "e0000000000000000000000000000004",
            "/zonder-datum",
            "News Item",
            title="Zonder datum",
            parent=site,
        ),
    ]
    path = write_array(tmp_path / "export", items=[absolute(i) for i in items])
    report = Importer(path, parent_slug="oude-site").run()
    assert not report.errors, report.errors
    events = {p.title: p for p in EventPage.objects.all()}
    market = events["Banenmarkt"]
    assert market.all_day
    assert (market.start_date, market.end_date) == (
        datetime.date(2026, 5, 10),
        datetime.date(2026, 5, 11),
    )
    assert market.location == "Sporthal De Kooi"
    assert market.registration_url == ""
    assert events["Inloop"].end is None and events["Inloop"].location == ""
    assert events["Achterstevoren"].end is None
    # No effective date: the creation date.
    assert NewsPage.objects.get(title="Zonder datum").date == datetime.date(2022, 3, 1)
    assert (
        market.start.astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam")).hour,
        report.by_type["Event"]["aangemaakt"],
    ) == (0, 3)


def test_a_second_run_updates_the_event_fields(import_directory, directory_export):
    import_directory()
    data = directory_export / "content" / "11c7da32965c421799c0a27a477f4aa2" / "data.json"
    changed = json.loads(data.read_text())
    changed["start"] = "2024-02-01T09:00:00+00:00"
    changed["whole_day"] = True
    data.write_text(json.dumps(changed))
    report = import_directory()
    assert report.by_type["Event"] == {"bijgewerkt": 1}
    event = EventPage.objects.get(slug="event")
    assert event.start == datetime.datetime(2024, 2, 1, 9, 0, tzinfo=UTC)
    assert event.all_day


def test_an_event_imported_before_as_a_content_page_stays_one(import_directory):
    """A site imported before events had a type of their own: a second run updates the content
    page, with the event's details in its text, and adds no second page."""
    from django.contrib.contenttypes.models import ContentType

    from home.models import ContentPage
    from plone_import.models import Origin

    import_directory()
    event = EventPage.objects.get(slug="event")
    parent = event.get_parent()
    event.delete()
    earlier = parent.add_child(instance=ContentPage(title="Event", slug="event", body="[]"))
    Origin.objects.filter(uid="11c7da32965c421799c0a27a477f4aa2").update(
        content_type=ContentType.objects.get_for_model(ContentPage),
        object_id=earlier.pk,
        checksum="",
    )
    report = import_directory()
    assert report.by_type["Event"] == {"bijgewerkt": 1}
    assert not EventPage.objects.exists()
    page = ContentPage.objects.get(pk=earlier.pk)
    details = page.body[0].value.source
    assert "Wanneer:" in details and "Max Mustermann" in details
