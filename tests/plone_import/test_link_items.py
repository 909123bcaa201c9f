"""Links to Plone Link items lead where the Link led: its remoteUrl, or the item it names."""

import pytest

from home.models import ContentPage
from plone_import.importer import Importer

from .exports import CLASSIC_HOST, absolute, item, write_array

pytestmark = pytest.mark.django_db

SITE = {"@id": CLASSIC_HOST, "@type": "Plone Site", "UID": "plone_site_root"}
EXTERNAL, INTERNAL, PRIVATE = (f"11ee0000000000000000000000000{n:03d}" for n in (1, 2, 3))
TARGET = "11ee0000000000000000000000000004"
LINKS_HTML = (
    f'<p><a href="resolveuid/{EXTERNAL}">regeling</a>, '
    f'<a href="../resolveuid/{INTERNAL}">doel</a>, '
    f'<a href="resolveuid/{PRIVATE}">intranet</a>, '
    f'<a href="{CLASSIC_HOST}/extern">via pad</a></p>'
)


def link(uid, path, remote, state="published"):
    return absolute(item(uid, path, "Link", parent=SITE, review_state=state, remoteUrl=remote))


def page(uid, path):
    return absolute(item(uid, path, parent=SITE, text={"data": LINKS_HTML}))


def test_links_to_link_items_lead_to_their_remote_url(db, tmp_path):
    items = [
        page("11ee0000000000000000000000000010", "/ervoor"),  # resolved in the link pass
        absolute(item(TARGET, "/doel", parent=SITE, title="Doel")),
        link(EXTERNAL, "/extern", "https://example.org/regeling?a=1&b=2"),
        link(INTERNAL, "/intern", f"${{portal_url}}/resolveuid/{TARGET}"),
        link(PRIVATE, "/besloten", "https://intranet.example/wiki", state="private"),
        page("11ee0000000000000000000000000011", "/erna"),  # resolved when written
        absolute(
            item(
                "11ee0000000000000000000000000012",
                "/teaser",
                parent=SITE,
                blocks={"t": {"@type": "teaser", "href": [{"@id": f"{CLASSIC_HOST}/extern"}]}},
                blocks_layout={"items": ["t"]},
            )
        ),
    ]
    report = Importer(write_array(tmp_path / "export", items)).run()
    target = ContentPage.objects.get(slug="doel")
    for slug in ("ervoor", "erna"):
        html = ContentPage.objects.get(slug=slug).body[0].value.source
        assert '<a href="https://example.org/regeling?a=1&amp;b=2">regeling</a>' in html, slug
        assert f'<a linktype="page" id="{target.pk}">doel</a>' in html, slug
        assert '<a href="https://intranet.example/wiki">intranet</a>' in html, slug
        assert '<a href="https://example.org/regeling?a=1&amp;b=2">via pad</a>' in html, slug
        assert "resolveuid" not in html
    teaser = ContentPage.objects.get(slug="teaser").body[0]
    assert teaser.block_type == "call_to_action"
    assert teaser.value["url"] == "https://example.org/regeling?a=1&b=2"
    assert not [row for row in report.unresolved_links if row["path"] in ("/ervoor", "/erna")]
