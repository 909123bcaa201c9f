"""Uploads are stored by what they are: a random name with the extension of the detected type,
the chosen name kept beside it for people, and a file that is also a web page refused."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aanmelden.forms.fields import UploadField
from aanmelden.models import VrijstellingMelding

from .helpers import PDF, PNG, VRIJSTELLING, errors_in, fill_all, final_post, post_step

pytestmark = pytest.mark.django_db

MARKUP_MESSAGE = "bevat ook code voor een webpagina"
PADDING = b"\x00" * 4096


@pytest.mark.parametrize(
    "content",
    [
        PDF + b"<script>alert(1)</script>",
        PDF + b"<HTML><body>hoi</body></HTML>",
        PNG + b"<!DOCTYPE html>",
        PNG + PADDING + b"<svg onload=alert(1)>",  # in the last KB
        b"\xff\xd8\xff\xe0" + PADDING + b"<IfRaMe src=//x>",
        PDF + b'<a href="JavaScript:alert(1)">',
    ],
)
def test_a_file_that_is_also_html_or_script_is_refused(content):
    upload = SimpleUploadedFile("verklaring.pdf", content, content_type="application/pdf")
    with pytest.raises(ValidationError, match=MARKUP_MESSAGE):
        UploadField().clean(upload)


def test_markup_far_from_both_ends_of_a_real_document_is_not_looked_for():
    # Real PDFs carry all sorts of text in their body; only the ends decide what a browser sniffs.
    content = PDF + PADDING + b"<script>" + PADDING
    assert UploadField().clean(SimpleUploadedFile("verklaring.pdf", content))


@pytest.mark.parametrize(
    ("name", "content", "expected_name", "content_type"),
    [
        ("foto.png", PDF, "foto.pdf", "application/pdf"),
        ("../../scan.html", PNG, "scan.png", "image/png"),
        ("bewijs.PDF.exe", PDF, "bewijs.PDF.pdf", "application/pdf"),
        ("<img>.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "img.jpg", "image/jpeg"),
    ],
)
def test_the_cleaned_file_is_named_and_typed_by_its_content(
    name, content, expected_name, content_type
):
    upload = UploadField().clean(SimpleUploadedFile(name, content, content_type="text/html"))
    assert (upload.name, upload.content_type) == (expected_name, content_type)


def test_stored_name_is_random_with_the_detected_extension(client, form_pages):
    page = form_pages["vrijstelling"]
    files = {"buitenland": {"abroad_proof": lambda: SimpleUploadedFile("mijn bewijs.png", PDF)}}
    key = fill_all(client, page, VRIJSTELLING, files)
    check = client.get(f"{page.url}stap/controleren/")
    assert "mijn_bewijs.pdf" in check.text
    final_post(client, page, key)
    melding = VrijstellingMelding.objects.get()
    assert re.fullmatch(
        r"aanmelden/vrijstellingmelding/[0-9a-f]{32}\.pdf", melding.abroad_proof.name
    )
    assert melding.abroad_proof_name == "mijn_bewijs.pdf"
    assert melding.display_value("abroad_proof") == "mijn_bewijs.pdf"
    copy = client.get(f"{page.url}bevestiging/kopie/")
    assert "mijn_bewijs.pdf" in copy.text
    assert melding.abroad_proof.name.rsplit("/", 1)[-1] not in copy.text


def test_a_refused_upload_says_why_next_to_the_field(client, form_pages):
    page = form_pages["vrijstelling"]
    for step in ("reden", "kind", "ouder"):
        post_step(client, page, step, VRIJSTELLING[step])
    polyglot = {"abroad_proof": lambda: SimpleUploadedFile("b.pdf", PDF + b"<script>x</script>")}
    response = post_step(client, page, "buitenland", VRIJSTELLING["buitenland"], polyglot)
    assert response.status_code == 200
    assert any(MARKUP_MESSAGE in error for error in errors_in(response))
