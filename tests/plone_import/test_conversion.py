"""Volto blocks and Plone HTML to the portal's StreamField blocks, without a database."""

from plone_import.richtext import html_to_body
from plone_import.volto import blocks_to_body


def convert(*blocks):
    data = {str(n): block for n, block in enumerate(blocks)}
    return blocks_to_body(data, {"items": list(data)})


def test_unknown_blocks_keep_their_text_and_are_listed():
    body = convert(
        {"@type": "quoteBlock", "plaintext": "Werk begint op school."},
        {"@type": "maps", "url": ""},
        {"@type": "separator"},
    )
    assert [b["type"] for b in body.blocks] == ["paragraph"]
    assert body.blocks[0]["value"] == "<p>Werk begint op school.</p>"
    assert body.unknown_blocks == [
        {"block_type": "quoteBlock", "kept_as": "text"},
        {"block_type": "maps", "kept_as": "dropped"},
    ]
    assert body.ignored_blocks == ["separator"]


def test_slate_headings_split_the_text_and_links_are_kept_for_the_link_pass():
    body = convert(
        {
            "@type": "slate",
            "value": [
                {"type": "h2", "children": [{"text": "Stage zoeken"}]},
                {
                    "type": "p",
                    "children": [
                        {"text": "Kijk bij "},
                        {
                            "type": "link",
                            "data": {"url": "../resolveuid/abc"},
                            "children": [{"text": "de regeling"}],
                        },
                        {"text": "."},
                    ],
                },
            ],
        }
    )
    assert body.blocks[0]["value"] == {"text": "Stage zoeken", "level": "h2"}
    assert body.blocks[1]["value"] == '<p>Kijk bij <a href="../resolveuid/abc">de regeling</a>.</p>'


def test_html_keeps_structure_and_drops_presentation():
    body = html_to_body(
        '<div class="hero"><h1>Welkom</h1><p class="x">Een <strong>vet</strong> '
        '<span style="color:red">woord</span></p></div><script>alert(1)</script>'
        "<table><tr><th>Wie</th><th>Wat</th></tr><tr><td>Jan</td><td>Stage</td></tr></table>"
        '<h5>Klein</h5><iframe src="https://video.example/1"></iframe>'
    )
    types = [b["type"] for b in body.blocks]
    assert types == ["heading", "paragraph", "table", "heading", "paragraph"]
    assert body.blocks[0]["value"]["level"] == "h2"
    assert body.blocks[1]["value"] == "<p>Een <b>vet</b> woord</p>"
    assert body.blocks[2]["value"]["table"]["data"] == [["Wie", "Wat"], ["Jan", "Stage"]]
    assert body.blocks[3]["value"]["level"] == "h4"
    assert "alert" not in str(body.blocks)
    assert body.unknown_blocks == [{"block_type": "html:iframe", "kept_as": "link"}]


def test_volto_fields_are_kept_or_reported_as_dropped():
    body = convert(
        {
            "@type": "image",
            "url": "/beeld.png",
            "title": "Werkplaats",
            "description": "Leerlingen aan het werk.",
            "credit": {"data": "Foto: J. Jansen"},
        },
        {
            "@type": "teaser",
            "href": [{"@id": "/stages"}],
            "title": "Stages",
            "head_title": "Nieuw",
            "description": "Vind een stage.",
        },
        {
            "@type": "slate",
            "value": [
                {
                    "type": "p",
                    "children": [
                        {"text": "Was "},
                        {"type": "del", "children": [{"text": "oud"}]},
                        {"text": " nu "},
                        {"type": "strong", "children": [{"text": "nieuw"}]},
                    ],
                }
            ],
        },
    )
    image, teaser = body.pending[0], body.pending[1]
    assert image["caption"] == "Werkplaats – Leerlingen aan het werk."
    assert teaser["text"] == "Nieuw – Vind een stage."
    # Strikethrough: the text stays, the formatting is listed.
    assert body.blocks[2]["value"] == "<p>Was oud nu <b>nieuw</b></p>"
    assert body.dropped == [
        {"what": "fotocredit van een afbeelding", "detail": "Foto: J. Jansen"},
        {"what": "opmaak: doorhalen (del)", "detail": "1×, tekst behouden"},
    ]
