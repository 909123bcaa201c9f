"""Bad input in one item is reported for that item; the rest of the export is imported."""

import json

import pytest

from home.models import ContentPage
from plone_import.importer import Importer

from .exports import CLASSIC_HOST, absolute, item, write_array, write_directory

pytestmark = pytest.mark.django_db

SITE = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}


def test_a_parent_that_is_not_an_object_counts_as_missing(db, tmp_path):
    items = [
        absolute(item("ba000000000000000000000000000001", "/map", "Folder", parent=SITE)),
        # The parent as a bare string: taken from the item's own path instead.
        {
            **absolute(item("ba000000000000000000000000000002", "/map/kind")),
            "parent": f"{CLASSIC_HOST}/map",
        },
        absolute(item("ba000000000000000000000000000003", "/daarna", parent=SITE)),
    ]
    report = Importer(write_array(tmp_path / "export", items)).run()
    assert ContentPage.objects.get(slug="kind").get_parent().slug == "map"
    assert ContentPage.objects.filter(slug="daarna").exists()
    assert [(row["path"], row["reason"][:30]) for row in report.errors] == [
        ("/map/kind", "parent is geen JSON-object (st")
    ]


def test_any_failure_while_reading_one_item_is_reported_for_that_item(
    archive, tmp_path, monkeypatch
):
    items = [
        item("ba000000000000000000000000000011", "/een", title="Een"),
        item("ba000000000000000000000000000012", "/twee", title="Twee"),
    ]
    export = write_directory(tmp_path / "export", items, broken=False)
    meta_path = export / "content" / "__metadata__.json"
    meta = json.loads(meta_path.read_text())
    meta["_data_files_"].insert(1, None)  # not a file name
    meta_path.write_text(json.dumps(meta))
    report = Importer(export, parent_slug="archief").run()
    assert {"een", "twee"} <= set(ContentPage.objects.values_list("slug", flat=True))
    assert [row["source"] for row in report.errors] == ["None"]
    assert report.errors[0]["reason"].startswith("TypeError")
