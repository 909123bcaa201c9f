"""Importing the real Plone samples: pages, blocks, files, images, links, states, redirects."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowState

from plone_import.importer import Importer
from plone_import.models import Origin

from .exports import CLASSIC_HOST, absolute, imported_pages, item, write_array

pytestmark = pytest.mark.django_db


def page_at(url_path):
    return imported_pages().get(url_path=f"/home/archief{url_path}/")


def block_types(page):
    return [block.block_type for block in page.body]


def counts():
    return (
        Page.objects.count(),
        Document.objects.count(),
        Image.objects.count(),
        Redirect.objects.count(),
        Origin.objects.count(),
    )


def test_directory_export_becomes_pages_in_the_plone_tree(import_directory, client):
    report = import_directory()

    assert page_at("/bar").get_parent().slug == "archief"
    news = page_at("/bar/an-important-news")
    assert news.title == "An important news"
    typography = page_at("/features/typography")
    assert typography.summary.startswith("Create content that is easy to read")
    assert typography.search_description == typography.summary
    assert page_at("/qa/content-types/event").title == "Event"
    # The Volto site root fills the (empty) parent page.
    archive = imported_pages().get(slug="archief")
    assert "Get started" in [b.value["text"] for b in archive.body if b.block_type == "heading"]
    assert report.by_type["Document"]["aangemaakt"] == 5
    # A folder without text of its own lists what is in it, as in Plone.
    folder = client.get("/archief/qa/").content.decode()
    assert 'href="/archief/qa/content-types/"><span class="card__title">Types' in folder


def test_states_and_dates_follow_plone(import_directory):
    import_directory()
    news = page_at("/bar/an-important-news")  # published
    assert news.live and not news.has_unpublished_changes
    assert news.first_published_at == datetime(2024, 2, 13, 21, 14, 27, tzinfo=UTC)
    assert news.last_published_at == datetime(2024, 2, 13, 21, 14, 27, tzinfo=UTC)
    assert news.latest_revision_created_at == datetime(2024, 2, 13, 21, 14, 27, tzinfo=UTC)
    assert news.latest_revision.created_at == news.latest_revision_created_at
    bar = page_at("/bar")  # private
    assert not bar.live and bar.first_published_at is None
    assert bar.latest_revision is not None


def test_volto_blocks_become_portal_blocks(import_directory):
    import_directory()
    typography = page_at("/features/typography")
    types = block_types(typography)
    assert types[0] == "heading"  # the "heading" block; the title block is left to the page
    assert "table" in types
    table = next(b.value for b in typography.body if b.block_type == "table")
    assert table["table"]["data"][0] == ["Table Header (THEAD, 18/24)"] * 2
    assert table["table"]["first_row_is_table_header"]
    # Teasers with absolute old-host links become calls to action to the imported page.
    ctas = [b.value for b in typography.body if b.block_type == "call_to_action"]
    assert ctas and all(c["page"].specific == page_at("/content-types") for c in ctas)
    # The image block pointing at the old host is the imported image.
    image = next(b.value for b in typography.body if b.block_type == "image")
    assert image["image"].title == "Image"
    paragraphs = " ".join(str(b.value) for b in typography.body if b.block_type == "paragraph")
    assert "<b>bold</b>" in paragraphs and "<li>ordered list</li>" in paragraphs


def test_internal_links_become_page_document_and_image_links(import_directory):
    report = import_directory()
    event = page_at("/qa/content-types/event")
    raw = json.dumps(event.body.get_prep_value())
    target = page_at("/qa/content-types/document")
    assert f'linktype=\\"page\\" id=\\"{target.pk}\\"' in raw
    assert "resolveuid" not in raw
    images = {b.value["image"].title for b in event.body if b.block_type == "image"}
    assert images == {"Image", "Image - Light"}
    bar_html = " ".join(
        str(b.value.source) for b in page_at("/bar").body if b.block_type == "paragraph"
    )
    news = page_at("/bar/an-important-news")
    pdf = Document.objects.get(title="A File")
    assert f'linktype="page" id="{news.pk}"' in bar_html
    assert f'linktype="document" id="{pdf.pk}"' in bar_html
    assert [
        b.value["image"].contextual_alt_text
        for b in page_at("/bar").body
        if b.block_type == "image"
    ] == ["Logo 2025"]
    unresolved = {row["link"] for row in report.unresolved_links}
    assert "resolveuid/00000000000000000000000000000000" in unresolved
    assert "/controlpanel/mail" in unresolved


def test_files_images_and_tags(import_directory):
    import_directory()
    pdf = Document.objects.get(title="A File")
    assert pdf.file.read().startswith(b"%PDF")
    assert list(pdf.tags.names()) == ["File"]
    logo = Image.objects.get(title="2025 logo")
    assert (logo.width, logo.height) == (8, 6)
    image = Image.objects.get(pk=Origin.objects.get(old_path="/content-types/image").object_id)
    assert image.collection.name == "Plone-import"
    # The News Item's lead image leads its body.
    news = page_at("/bar/an-important-news")
    assert block_types(news)[0] == "image"
    assert news.body[0].value["image"].file.name.endswith(".png")


def test_old_urls_redirect_permanently(import_directory, client):
    import_directory()
    news = page_at("/bar/an-important-news")
    response = client.get("/bar/an-important-news")
    assert response.status_code == 301
    assert response["Location"].endswith(news.url)
    pdf = Document.objects.get(title="A File")
    for old in ("/plone.pdf", "/plone.pdf/@@download/file", "/plone.pdf/@@download/file/plone.pdf"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == pdf.url
    response = client.get("/content-types/image/@@images/image/preview")
    assert response.status_code == 301
    image = Image.objects.get(pk=Origin.objects.get(old_path="/content-types/image").object_id)
    assert response["Location"] == image.file.url
    # The redirects file leads to the imported page.
    response = client.get("/en-us")
    assert response.status_code == 301
    assert response["Location"].endswith(page_at("/en").url)


def test_wagtail_makes_no_redirects_of_its_own_during_the_import(
    import_directory, directory_export
):
    import_directory()
    data = directory_export / "content" / "70844f7bec1843b8ab2796c972c9ebfe" / "data.json"
    changed = json.loads(data.read_text())
    changed["id"] = "bar-nieuw"  # renamed in Plone: slug changes on the second run
    data.write_text(json.dumps(changed))
    import_directory()
    assert not Redirect.objects.filter(automatically_created=True).exists()
    assert page_at("/bar-nieuw").title == "Bar"


def test_second_run_updates_and_duplicates_nothing(import_directory, directory_export):
    import_directory()
    before = counts()
    report = import_directory()
    assert counts() == before
    assert report.by_type["Document"] == {"ongewijzigd": 5}

    data = directory_export / "content" / "7c1393f615c4447c80db0d784390c5b7" / "data.json"
    changed = json.loads(data.read_text())
    changed["title"] = "A very important news"
    data.write_text(json.dumps(changed))
    report = import_directory()
    assert counts() == before
    assert report.by_type["News Item"] == {"bijgewerkt": 1}
    assert page_at("/bar/an-important-news").title == "A very important news"


def media_files(settings):
    return {str(p) for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()}


def test_dry_run_changes_nothing(import_directory, settings):
    before = counts()
    files = media_files(settings)
    report = import_directory(dry_run=True)
    assert counts() == before
    assert report.dry_run
    assert report.by_type["Document"]["aangemaakt"] == 5
    assert report.created["afbeeldingen"] == 5
    assert media_files(settings) == files


def test_bad_items_are_reported_and_the_rest_is_imported(import_directory):
    report = import_directory()
    skipped = {row["path"]: row["reason"] for row in report.skipped}
    assert "onbekend type 'CustomWidget'" in skipped["/qa/widget"]
    assert "bovenliggend item ontbreekt" in skipped["/nowhere/orphan"]
    assert skipped["/qa/no-blob.png"] == "bestand ontbreekt"
    assert [row["source"] for row in report.errors] == ["broken/data.json"]
    assert report.missing_blobs[0]["blob"].endswith("gone.png")
    # Everything else is there.
    assert page_at("/qa/content-types/document").live
    what = {row["what"] for row in report.not_reproduced}
    assert {"lokale rollen", "vertaling", "relatie (relatedItems)"} <= what
    assert {"listing", "__button"} <= {row["block_type"] for row in report.unknown_blocks}


def test_collective_array_export(db, array_export):
    from demo.factories.home import ContentPageFactory, site_home

    old_site = ContentPageFactory(
        title="Oude site", slug="oude-site", parent=site_home(), body="[]"
    )
    report = Importer(array_export, parent_slug="oude-site").run()

    def page(path):
        return imported_pages().get(url_path=f"/home/oude-site{path}/")

    old_site.refresh_from_db()
    assert "Get started" in [b.value["text"] for b in old_site.body if b.block_type == "heading"]
    # Order from export_ordering.json.
    assert [p.slug for p in old_site.get_children()][:3] == ["verlopen", "straks", "news"]
    # The folder's default page (the collection) is merged into the folder.
    news = page("/news")
    assert news.title == "News" and not news.get_children().filter(slug="aggregator").exists()
    assert Redirect.objects.get(old_path="/news/aggregator").redirect_page_id == news.pk
    assert {"path": "/news/aggregator", "what": "collectie-zoekvraag"}.items() <= next(
        r for r in report.not_reproduced if r["what"] == "collectie-zoekvraag"
    ).items()
    # pending: draft, submitted to the Eindredactie workflow, tags and not in menus.
    waiting = page("/news/wachtend")
    assert not waiting.live
    state = WorkflowState.objects.get(object_id=str(waiting.pk))
    assert state.workflow.name == "Eindredactie" and state.status == "in_progress"
    assert sorted(waiting.tags.names()) == ["Stage", "Werk"]
    assert not waiting.show_in_menus
    link = next(b for b in waiting.body if b.block_type == "paragraph").value.source
    assert f'linktype="page" id="{news.pk}"' in link
    # Future effective date: scheduled; past expiry: expired.
    later = page("/straks")
    assert not later.live and later.go_live_at.year == 2099
    assert later.latest_revision.approved_go_live_at == later.go_live_at
    expired = page("/verlopen")
    assert expired.expired and not expired.live and expired.expire_at.year == 2020
    # Event from the REST API sample: private -> draft, an event with its dates.
    event = page("/event")
    assert not event.live
    assert event.start == datetime(2013, 1, 1, 10, 0, tzinfo=UTC)
    # base64 blob imported; download-only blob reported.
    assert Document.objects.get(title="Reglement").file.read().startswith(b"%PDF")
    assert [row["path"] for row in report.missing_blobs] == ["/oud.pdf"]
    skipped = {row["path"] for row in report.skipped}
    assert {"/raar", "/weg/kind", "/oud.pdf"} <= skipped
    assert report.by_state["pending"] == 1
    # Redirects file with physical /Plone paths.
    assert Redirect.objects.get(old_path="/nieuws").redirect_page_id == news.pk
    assert {"/Plone/bestaat-niet"} == {
        r["link"] for r in report.unresolved_links if r.get("what") == "doorverwijzing"
    }


def test_truncated_array_keeps_what_was_read(db, tmp_path):
    path = write_array(tmp_path / "export")
    text = path.read_text()
    path.write_text(text[: text.index('Plone/raar"') - 40])  # cut in the middle of an item
    report = Importer(path).run()
    assert imported_pages().filter(slug="straks").exists()
    assert "ongeldige JSON" in report.errors[-1]["reason"]


def test_command_prints_summary_and_writes_json_report(archive, directory_export, tmp_path):
    out = tmp_path / "verslag.json"
    with open(tmp_path / "stdout.txt", "w") as stdout:
        call_command(
            "import_plone",
            str(directory_export),
            "--parent",
            "archief",
            "--report",
            str(out),
            stdout=stdout,
        )
    summary = (tmp_path / "stdout.txt").read_text()
    assert "Per type:" in summary and "Overgeslagen (3)" in summary
    data = json.loads(out.read_text())
    assert data["layout"] == "plone.exportimport"
    assert data["by_type"]["Image"] == {"aangemaakt": 4}
    assert {"skipped", "errors", "unresolved_links", "unknown_blocks", "missing_blobs"} <= set(data)


def test_command_dry_run_prints_without_saving(archive, directory_export, tmp_path):
    before = counts()
    with open(tmp_path / "stdout.txt", "w") as stdout:
        call_command(
            "import_plone", str(directory_export), "--parent", "archief", "--dry-run", stdout=stdout
        )
    assert counts() == before
    assert "PROEFDRAAI" in (tmp_path / "stdout.txt").read_text()


def test_non_dutch_content_is_reported_not_imported(db, tmp_path):
    items = [
        absolute(
            item(
                "d0000000000000000000000000000001",
                "/over",
                language="en",
                parent={"@id": CLASSIC_HOST, "@type": "Plone Site"},
            )
        )
    ]
    report = Importer(write_array(tmp_path / "e", items)).run()
    assert not imported_pages().filter(slug="over").exists()
    assert report.not_reproduced[0]["what"] == "vertaling"


def test_volto_fields_of_the_samples_are_kept_or_reported(import_directory):
    report = import_directory()
    typography = page_at("/features/typography")
    image = next(b.value for b in typography.body if b.block_type == "image")
    assert image["caption"].startswith("Caption Title (14/18px). Image – Caption Description")
    assert image["caption"].endswith("no need to scale images down manually.")
    ctas = [b.value for b in typography.body if b.block_type == "call_to_action"]
    texts = {c["text"] for c in ctas}
    assert (
        "Teaser Headtitle (DIV, 14/18px) – Paragraph (p, 18px/24px). This section has a "
        "sample of content types available in this site." in texts
    )
    assert "Teaser Headtitle (DIV, 14/18px)" in texts  # a teaser with only a head title
    dropped = {(row["path"], row["what"]): row["detail"] for row in report.dropped}
    assert dropped[("/features/typography", "navigatietitel (nav_title)")] == "Typography"
    assert ("/features/typography", "opmaak: doorhalen (del)") in dropped
    event_images = [
        b.value for b in page_at("/qa/content-types/event").body if b.block_type == "image"
    ]
    assert all("The Image content type" in value["caption"] for value in event_images)
