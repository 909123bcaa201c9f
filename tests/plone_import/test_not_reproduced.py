"""Sharing that Wagtail cannot reproduce is listed in the report, from both export layouts."""

import json

import pytest

from plone_import.importer import Importer

from .exports import CLASSIC_HOST, absolute, item, write_array

pytestmark = pytest.mark.django_db


def rows(report, what):
    return {row["path"]: row["detail"] for row in report.not_reproduced if row["what"] == what}


def test_local_roles_and_permissions_of_a_directory_export(import_directory):
    report = import_directory()
    roles = rows(report, "lokale rollen")
    assert roles["/bar"] == (
        "Site Administrators: Reader, Contributor, Reviewer, Editor; overerving uit"
    )
    # From `local_permissions` in __metadata__.json (sample 01).
    assert rows(report, "lokale rechten")["/en"] == (
        "plone.app.contenttypes: Add Image: Member (niet overgeërfd)"
    )


def test_local_roles_of_a_collective_exportimport_export(db, tmp_path):
    site = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
    items = [absolute(item("10ca1000000000000000000000000001", "/team", parent=site))]
    path = write_array(tmp_path / "export", items)
    (path.parent / "export_localroles.json").write_text(
        json.dumps(
            [
                {
                    "uuid": "10ca1000000000000000000000000001",
                    "localroles": {"redactie": ["Editor", "Reviewer"], "admin": ["Owner"]},
                    "block": 1,
                }
            ]
        )
    )
    report = Importer(path).run()
    assert rows(report, "lokale rollen") == {"/team": "redactie: Editor, Reviewer; overerving uit"}
