"""Uploads: checked by content and size, stored outside public media, never served by URL
(404, a login redirect, or 400 for path tricks),
and temporary wizard files of abandoned sessions purged."""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from aanmelden.forms.fields import MAX_UPLOAD_BYTES, UploadField
from aanmelden.models import VrijstellingMelding
from aanmelden.storage import private_storage

from .helpers import PDF, PNG, VRIJSTELLING, VRIJSTELLING_FILES, fill_all, final_post, post_step

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("bewijs.pdf", PDF, True),
        ("foto.png", PNG, True),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, True),
        ("bewijs.pdf", b"MZ\x90\x00 not a pdf", False),
        ("script.pdf", b"<script>alert(1)</script>", False),
    ],
)
def test_type_is_decided_by_content(name, content, ok):
    field = UploadField()
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    if ok:
        assert field.clean(upload)
    else:
        with pytest.raises(Exception, match="PDF, JPG of PNG"):
            field.clean(upload)


def test_files_over_10_mb_are_refused():
    big = SimpleUploadedFile("groot.pdf", PDF + b"0" * MAX_UPLOAD_BYTES)
    with pytest.raises(Exception, match="groter dan 10 MB"):
        UploadField().clean(big)


def test_stored_upload_is_private_and_not_served(client, form_pages):
    page = form_pages["vrijstelling"]
    final_post(client, page, fill_all(client, page, VRIJSTELLING, VRIJSTELLING_FILES))
    name = VrijstellingMelding.objects.get().abroad_proof.name
    path = Path(settings.PRIVATE_MEDIA_ROOT) / name
    assert path.read_bytes() == PDF
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        private_storage().url(name)
    client.logout()
    fresh = client.__class__()
    for url in (
        f"/media/{name}",
        f"/private_media/{name}",
        f"/{name}",
        f"/media/../private_media/{name}",
        f"{page.url}{name}",
        f"/aanmelden/{name}",
    ):
        response = fresh.get(url)
        assert response.status_code in (400, 404, 302), url
        if response.status_code == 302:
            assert "login" in response.url
        assert PDF not in response.content


def test_purge_removes_only_files_of_abandoned_wizards(client, form_pages):
    page = form_pages["vrijstelling"]
    tmp_root = Path(settings.PRIVATE_MEDIA_ROOT) / "wizard_tmp"
    before = set(tmp_root.rglob("*")) if tmp_root.exists() else set()
    for step in ("reden", "kind", "ouder"):
        post_step(client, page, step, VRIJSTELLING[step])
    post_step(
        client, page, "buitenland", VRIJSTELLING["buitenland"], VRIJSTELLING_FILES["buitenland"]
    )
    live = [p for p in tmp_root.rglob("*.pdf") if p not in before]
    assert len(live) == 1
    abandoned = tmp_root / "verlaten.pdf"
    abandoned.write_bytes(PDF)
    old = time.time() - 3 * 3600
    for path in (*live, abandoned):
        os.utime(path, (old, old))

    call_command("purge_wizard_files", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert live[0].exists()
    assert not abandoned.exists()

    Session.objects.all().delete()  # the visitor walked away and the session expired
    call_command("purge_wizard_files", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not live[0].exists()
