"""What only some could see in Plone is not made public: files and images of private folders
go to a restricted collection, private Link items get no redirect."""

import base64
import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import CollectionViewRestriction

from plone_import.importer import Importer
from plone_import.models import Origin

from .exports import CLASSIC_HOST, PDF_BYTES, absolute, item, png_bytes, write_array

pytestmark = pytest.mark.django_db

SITE = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
FOLDER = {"@id": f"{CLASSIC_HOST}/intern", "@type": "Folder"}


def media(uid, path, portal_type, parent, **extra):
    name = path.rsplit("/", 1)[-1]
    field = "file" if portal_type == "File" else "image"
    data = PDF_BYTES if portal_type == "File" else png_bytes()
    blob = {"data": base64.b64encode(data).decode(), "encoding": "base64", "filename": name}
    return absolute(
        item(uid, path, portal_type, parent=parent, review_state=None, **{field: blob}, **extra)
    )


def private_site(folder_state="private"):
    return [
        absolute(
            item("a1000000000000000000000000000001", "/intern", "Folder", parent=SITE)
            | {"review_state": folder_state}
        ),
        media("a1000000000000000000000000000002", "/intern/notulen.pdf", "File", FOLDER),
        media("a1000000000000000000000000000003", "/intern/foto.png", "Image", FOLDER),
        absolute(
            item(
                "a1000000000000000000000000000004",
                "/intern/wiki",
                "Link",
                parent=FOLDER,
                review_state=None,
                remoteUrl="https://intranet.example/wiki",
            )
        ),
        absolute(
            item(
                "a1000000000000000000000000000005",
                "/open-link",
                "Link",
                parent=SITE,
                remoteUrl="https://example.org/",
            )
        ),
        absolute(
            item(
                "a1000000000000000000000000000006",
                "/wachtende-link",
                "Link",
                parent=SITE,
                review_state="pending",
                remoteUrl="https://example.org/wacht",
            )
        ),
        media("a1000000000000000000000000000007", "/open.png", "Image", SITE),
    ]


def obj(model, path):
    return model.objects.get(pk=Origin.objects.get(old_path=path).object_id)


def test_media_of_private_folders_go_to_a_restricted_collection(db, tmp_path, client):
    report = Importer(write_array(tmp_path / "export", private_site())).run()

    pdf = obj(Document, "/intern/notulen.pdf")
    photo = obj(Image, "/intern/foto.png")
    assert pdf.collection == photo.collection
    assert pdf.collection.name == "Plone-import: niet openbaar"
    restriction = CollectionViewRestriction.objects.get(collection=pdf.collection)
    assert restriction.restriction_type == CollectionViewRestriction.LOGIN
    assert obj(Image, "/open.png").collection.name == "Plone-import"
    # The document is only served after logging in; its old address leads there.
    response = client.get(pdf.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/intern/notulen.pdf")["Location"] == pdf.url
    # Image files are served to anyone, so the old address of a private one leads nowhere.
    assert client.get("/intern/foto.png/@@images/image/preview").status_code == 404
    assert client.get("/open.png/@@images/image/preview").status_code == 301
    # Links: only the public one redirects; the others are reported.
    assert client.get("/open-link")["Location"] == "https://example.org/"
    assert client.get("/intern/wiki/").status_code == 404
    assert client.get("/wachtende-link/").status_code == 404
    reported = {(row["path"], row["what"]) for row in report.not_reproduced}
    assert {
        ("/intern/foto.png", "niet-openbare afbeelding"),
        ("/intern/wiki", "niet-openbare link"),
        ("/wachtende-link", "niet-openbare link"),
    } <= reported


def test_a_folder_made_public_or_private_moves_its_media_on_the_next_run(db, tmp_path, client):
    path = write_array(tmp_path / "export", private_site(folder_state="published"))
    Importer(path).run()
    photo = obj(Image, "/intern/foto.png")
    assert photo.collection.name == "Plone-import"
    assert client.get("/intern/foto.png").status_code == 301
    assert client.get("/intern/wiki")["Location"] == "https://intranet.example/wiki"

    path.write_text(json.dumps(private_site(folder_state="private")))
    Importer(path).run()
    photo.refresh_from_db()
    assert photo.collection.name == "Plone-import: niet openbaar"
    assert obj(Document, "/intern/notulen.pdf").collection == photo.collection
    assert not Redirect.objects.filter(old_path__startswith="/intern/foto.png").exists()
    assert client.get("/intern/wiki/").status_code == 404

    path.write_text(json.dumps(private_site(folder_state="published")))
    Importer(path).run()
    photo.refresh_from_db()
    assert photo.collection.name == "Plone-import"
    assert client.get("/intern/foto.png")["Location"] == photo.file.url
