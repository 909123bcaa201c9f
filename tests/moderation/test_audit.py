"""Every staff view, change and download is a Wagtail log entry: visible in the submission's
timeline and in Wagtail's site history, only to those who may see that queue."""

import pytest
from django.urls import reverse_lazy
from wagtail.models import ModelLogEntry

from moderation import admin_urls, audit
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db
SITE_HISTORY = reverse_lazy("wagtailadmin_reports:site_history")


def test_detail_views_and_downloads_are_logged_and_in_site_history(client, staff, submissions):
    exemption = submissions["exemption"]
    detail = admin_urls.inspect_url(exemption)
    login_verified(client, staff["leerplicht"])
    client.get(detail)
    download = client.get(
        admin_urls.action_url(type(exemption), "download", exemption.pk) + "?veld=medical_statement"
    )
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.post(
        admin_urls.action_url(type(exemption), "note", exemption.pk),
        {"text": "Moeder teruggebeld."},
    )
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(exemption.pk)).values_list("action", "user")
    )
    user = staff["leerplicht"].pk
    assert (audit.VIEW, user) in actions
    assert (audit.DOWNLOAD, user) in actions
    assert (audit.NOTE, user) in actions

    timeline = client.get(detail).content.decode()
    assert "Bijlage gedownload: verklaring (bestand)" in timeline
    assert "Notitie: Moeder teruggebeld." in timeline

    history = client.get(SITE_HISTORY).content.decode()
    assert exemption.reference in history
    assert "Aanmelding bekeken" in history or "Detailpagina bekeken" in history
    # Another team does not see who looked at a child's file.
    login_verified(client, staff["wsp"])
    assert exemption.reference not in client.get(SITE_HISTORY).content.decode()
