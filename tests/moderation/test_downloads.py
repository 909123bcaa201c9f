"""A staff download is served as what its bytes are: the detected content type, always as an
attachment with a safe name, never sniffed, sandboxed should a browser render it anyway. Uploads
stored before random names (the chosen name as the last part of the path) keep working."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from aanmelden.models import VrijstellingMelding
from moderation import admin_urls
from tests.staff_login import login_verified

from .conftest import PDF

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def download(client, submission, field):
    url = admin_urls.action_url(VrijstellingMelding, "download", submission.pk)
    return client.get(f"{url}?veld={field}")


def test_download_headers(client, staff, submissions):
    abroad = submissions["abroad"]
    abroad.abroad_proof_name = 'inschrijving "Lille".pdf'
    abroad.save()
    login_verified(client, staff["leerplicht"])
    response = download(client, abroad, "abroad_proof")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="inschrijving_Lille.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]
    # Stored under a random name, not the one the person chose.
    assert re.fullmatch(
        r"aanmelden/vrijstellingmelding/[0-9a-f]{32}\.pdf", abroad.abroad_proof.name
    )


def test_an_upload_from_before_random_names_is_still_served_by_its_content(
    client, staff, submissions
):
    exemption = submissions["exemption"]
    old_name = "aanmelden/vrijstellingmelding/0f1e2d3c4b5a69788796a5b4c3d2e1f0/scan.pdf"
    path = Path(settings.PRIVATE_MEDIA_ROOT) / old_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)  # named .pdf, but a PNG
    VrijstellingMelding.objects.filter(pk=exemption.pk).update(medical_statement=old_name)
    exemption.refresh_from_db()
    assert exemption.display_value("medical_statement") == "scan.pdf"
    login_verified(client, staff["leerplicht"])
    response = download(client, exemption, "medical_statement")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="scan.png"'
    assert b"".join(response.streaming_content) == PNG
