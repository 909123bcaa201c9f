"""import_plone with paths no file system takes or the terminal cannot show: a Dutch
CommandError or a readable summary, never a traceback."""

import io
import json
import os

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_plone", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/tmp/export\x00.json", "NUL-teken"),
        ("/tmp/bestaat-niet-\x01", "bestaat niet"),
        ("/tmp/bestaat-niet-\udcff", "bestaat niet"),
        ("", "bestaat niet"),
    ],
)
def test_a_path_that_cannot_be_an_export_is_refused_with_a_message(path, message):
    with pytest.raises(CommandError, match=message) as refused:
        run(path)
    str(refused.value).encode("utf-8")  # the terminal can print it


def test_an_export_folder_named_with_bytes_that_are_not_utf8_still_reports(tmp_path):
    """Python keeps such bytes as lone surrogates; the summary and the report show them."""
    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"export-\xff"))
    os.mkdir(folder)
    report = tmp_path / "verslag.json"
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        run(folder, "--dry-run", "--report", str(report))
    assert json.loads(report.read_text(encoding="utf-8"))["source"] == folder


def test_a_report_that_cannot_be_written_says_so(tmp_path):
    (tmp_path / "content").mkdir()
    with pytest.raises(CommandError, match="NUL-teken"):
        run(str(tmp_path), "--report", "/tmp/verslag\x00.json")
    with pytest.raises(CommandError, match="verslag niet geschreven"):
        run(str(tmp_path), "--dry-run", "--report", str(tmp_path))
