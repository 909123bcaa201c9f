"""Every staff view, change and download is a Wagtail log entry: visible in the submission's
timeline and in Wagtail's site history, only to those who may see that queue."""

import pytest
from wagtail.models import ModelLogEntry

from moderation import audit

pytestmark = pytest.mark.django_db


def test_detail_views_and_downloads_are_logged_and_in_site_history(client, staff, submissions):
    exemption = submissions["exemption"]
    base = "/admin/aanmelden/vrijstellingmelding"
    client.force_login(staff["leerplicht"])
    client.get(f"{base}/inspect/{exemption.pk}/")
    download = client.get(f"{base}/download/{exemption.pk}/?veld=medical_statement")
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.post(f"{base}/note/{exemption.pk}/", {"text": "Moeder teruggebeld."})
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(exemption.pk)).values_list("action", "user")
    )
    user = staff["leerplicht"].pk
    assert (audit.VIEW, user) in actions
    assert (audit.DOWNLOAD, user) in actions
    assert (audit.NOTE, user) in actions

    timeline = client.get(f"{base}/inspect/{exemption.pk}/").content.decode()
    assert "Bijlage gedownload: verklaring (bestand)" in timeline
    assert "Notitie: Moeder teruggebeld." in timeline

    history = client.get("/admin/reports/site-history/").content.decode()
    assert exemption.reference in history
    assert "Aanmelding bekeken" in history or "Detailpagina bekeken" in history
    # Another team does not see who looked at a child's file.
    client.force_login(staff["wsp"])
    assert exemption.reference not in client.get("/admin/reports/site-history/").content.decode()
