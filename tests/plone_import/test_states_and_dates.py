"""Plone's workflow state and dates on the imported pages, documents and images."""

import json
from datetime import UTC, datetime

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import PageLogEntry

from plone_import.importer import Importer

from .exports import CLASSIC_HOST, absolute, imported_pages, item, write_array

pytestmark = pytest.mark.django_db

SITE = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
FUTURE = "2099-05-01T08:00:00+00:00"


def page(slug):
    return imported_pages().get(slug=slug)


def scheduled_items(title_suffix=""):
    return [
        absolute(
            item(
                f"5c4ed000000000000000000000000{n:03d}",
                f"/{state}-later",
                title=f"{state}{title_suffix}",
                review_state=state,
                effective=FUTURE,
                parent=SITE,
            )
        )
        for n, state in enumerate(("published", "private", "pending"))
    ]


def test_only_live_pages_are_scheduled_by_their_future_effective_date(db, tmp_path):
    path = write_array(tmp_path / "export", scheduled_items())
    Importer(path).run()
    published = page("published-later")
    assert published.go_live_at == datetime(2099, 5, 1, 8, tzinfo=UTC)
    assert published.latest_revision.approved_go_live_at == published.go_live_at
    for slug in ("private-later", "pending-later"):
        draft = page(slug)
        assert not draft.live
        assert draft.go_live_at is None, slug
        assert draft.latest_revision.approved_go_live_at is None, slug

    # Pages updated by a second run follow the same rule.
    path.write_text(json.dumps(scheduled_items(" (gewijzigd)")))
    Importer(path).run()
    draft = page("private-later")
    assert draft.title == "private (gewijzigd)"
    assert draft.go_live_at is None
    assert draft.latest_revision.approved_go_live_at is None


def test_created_and_modified_dates_are_plones(import_directory):
    import_directory()
    news = imported_pages().get(slug="an-important-news")
    created = PageLogEntry.objects.get(page=news, action="wagtail.create")
    # What Wagtail's page history shows as the creation of the page.
    assert created.timestamp == datetime(2024, 2, 13, 21, 14, 23, tzinfo=UTC)
    assert news.latest_revision_created_at == datetime(2024, 2, 13, 21, 14, 27, tzinfo=UTC)
    assert news.last_published_at == datetime(2024, 2, 13, 21, 14, 27, tzinfo=UTC)
    # Documents and images have no modified date in Wagtail; their created date is Plone's.
    pdf = Document.objects.get(title="A File")
    assert pdf.created_at == datetime(2024, 3, 19, 19, 2, 18, tzinfo=UTC)
    logo = Image.objects.get(title="2025 logo")
    assert logo.created_at == datetime(2024, 2, 13, 21, 13, 59, tzinfo=UTC)
    # The lead image of the news item is dated as the item.
    lead = news.body[0].value["image"]
    assert lead.created_at == datetime(2024, 2, 13, 21, 14, 23, tzinfo=UTC)
