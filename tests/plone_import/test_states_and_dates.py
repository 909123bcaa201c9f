"""Plone's workflow state and dates on the imported pages, documents and images."""

import json
from datetime import UTC, datetime

import pytest

from home.models import ContentPage
from plone_import.importer import Importer

from .exports import CLASSIC_HOST, absolute, item, write_array

pytestmark = pytest.mark.django_db

SITE = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
FUTURE = "2099-05-01T08:00:00+00:00"


def page(slug):
    return ContentPage.objects.get(slug=slug)


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
