"""Old Plone URLs of files and images that no redirect names still lead to the file."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.images.models import Image

from plone_import.importer import Importer
from plone_import.middleware import old_item
from plone_import.models import Origin

from .exports import OLD_HOST, directory_items, imported_pages, item, write_directory

pytestmark = pytest.mark.django_db


def test_plone_suffixes_are_recognised():
    assert old_item("/a/b.png/@@images/image") == ("/a/b.png", True)
    assert old_item("/a/b.png/@@images/image/thumb") == ("/a/b.png", True)
    assert old_item("/a/b.png/@@images/image-800-4f2c1d.png") == ("/a/b.png", True)
    assert old_item("/a/b.png/image_mini") == ("/a/b.png", True)
    assert old_item("/a/b.pdf/@@download/file/b.pdf") == ("/a/b.pdf", False)
    assert old_item("/a/b.pdf/@@display-file/file") == ("/a/b.pdf", False)
    assert old_item("/a/b.pdf/at_download/file") == ("/a/b.pdf", False)
    assert old_item("/a/b/view/") == ("/a/b", False)
    assert old_item("/a/b/") is None
    assert old_item("/view") is None


def test_any_old_image_or_file_url_redirects_permanently(import_directory, client):
    import_directory()
    image = Image.objects.get(pk=Origin.objects.get(old_path="/content-types/image").object_id)
    for old in (
        "/content-types/image/@@images/image/thumb",
        "/content-types/image/@@images/image-1200-8a6c7d9e0f.png",
        "/content-types/image/image_mini",
        "/content-types/image/@@images/image/large/",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == image.file.url, old
    pdf = Document.objects.get(title="A File")
    for old in ("/plone.pdf/@@display-file/file/plone.pdf", "/plone.pdf/at_download/file/x.pdf"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == pdf.url, old
    # A News Item's lead image, and the item itself.
    news = imported_pages().get(slug="an-important-news")
    response = client.get("/bar/an-important-news/@@images/image/preview")
    assert response["Location"] == news.body[0].value["image"].file.url
    response = client.get("/bar/an-important-news/view")
    assert response.status_code == 301 and response["Location"].endswith(news.url)
    # An image that was not public in Plone (in the private /bar) is not pointed at.
    assert client.get("/bar/2025.png/@@images/image/thumb").status_code == 404


def test_the_fallback_costs_one_query_and_only_for_plone_suffixes(import_directory, client):
    import_directory()

    def queries(path):
        # The menus of the 404 page and the site come from caches after this (the first view
        # creates the site settings, which retires the fragments).
        client.get(path)
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 404
        return len(context)

    plain = queries("/bestaat-niet/@@iets/anders")
    assert queries("/bestaat-niet/@@images/image/thumb") == plain + 1


def test_links_to_the_old_host_resolve_without_old_url(archive, tmp_path):
    """Sample 13 links to http://host.docker.internal:8080/Plone/...; the site root's @id
    (/Plone) says that is the old site, so no --old-url is needed."""
    extra = item(
        "0ed5170000000000000000000000000a",
        "/weg-link",
        title="Weg",
        text={"data": f'<p><a href="{OLD_HOST}/bestaat-niet">weg</a></p>'},
    )
    export = write_directory(tmp_path / "export", [*directory_items(), extra])
    report = Importer(export, parent_slug="archief").run()
    typography = imported_pages().get(slug="typography")
    ctas = [b.value for b in typography.body if b.block_type == "call_to_action"]
    assert ctas and all(c["page"].slug == "content-types" and not c["url"] for c in ctas)
    image = next(b.value for b in typography.body if b.block_type == "image")
    assert image["image"].title == "Image"
    # An old-host link to nothing is reported, not passed off as an external link.
    assert {"path": "/weg-link", "link": f"{OLD_HOST}/bestaat-niet"}.items() <= next(
        row for row in report.unresolved_links if row["path"] == "/weg-link"
    ).items()
    assert not [r for r in report.unresolved_links if r["link"].startswith(OLD_HOST + "/content")]
