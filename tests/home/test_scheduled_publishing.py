"""A page scheduled by an editor goes live, and later expires, when the scheduled job runs
(`publish_scheduled`, every minute: the README's job table, and `make run` in dev); visitors see
each change at once, also through the caches."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from demo.factories.home import ContentPageFactory, site_home

pytestmark = pytest.mark.django_db


def arrive_at_go_live_time(revision):
    """Move the scheduled time a minute into the past, as if the hour had passed."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])


def run_scheduled_job():
    call_command("publish_scheduled", stdout=io.StringIO())


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_scheduled_page_goes_live_and_expires_on_time(client):
    page = ContentPageFactory(parent=site_home(), title="Open dag", slug="open-dag", live=False)
    soon = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = soon
    page.expire_at = soon + datetime.timedelta(days=1)
    page.save_revision().publish()  # with a future go-live time: scheduled, not live
    page.refresh_from_db()
    assert not page.live
    assert client.get("/open-dag/").status_code == 404

    run_scheduled_job()  # before its time: nothing happens
    assert client.get("/open-dag/").status_code == 404

    arrive_at_go_live_time(page.get_latest_revision())
    run_scheduled_job()
    page.refresh_from_db()
    assert page.live
    response = client.get("/open-dag/")
    assert response.status_code == 200
    assert "Open dag" in response.content.decode()

    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    run_scheduled_job()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/open-dag/").status_code == 404
