"""Volto `blocks` + `blocks_layout` to StreamField blocks.

Known blocks map onto the portal's blocks (slate -> rich text and headings, heading, image,
teaser/button -> call to action, slateTable -> table, gridBlock -> its cells in order). Blocks that
only draw something Wagtail renders itself (title, table of contents, separator, event metadata)
are listed as ignored; any other block keeps its text where it has some and is always listed in
the report.
"""

from collections import Counter
from html import escape

from .richtext import html_to_body
from .streamfield import HEADING_LEVELS, Body

IGNORED = {"title", "toc", "separator", "eventMetadata", "description", "leadimage", "empty"}
SLATE_MARKS = {
    "strong": "b",
    "b": "b",
    "bold": "b",
    "em": "i",
    "i": "i",
    "italic": "i",
    "sub": "sub",
    "sup": "sup",
}
# Slate elements whose text is kept without their formatting (reported as dropped formatting).
SLATE_FORMATTING = {
    "del": "doorhalen (del)",
    "s": "doorhalen (s)",
    "strikethrough": "doorhalen",
    "u": "onderstrepen (u)",
    "underline": "onderstrepen",
    "code": "code",
}


def blocks_to_body(blocks, layout, body=None):
    """Convert the blocks in layout order; nested containers (grids) are flattened in order."""
    body = body or Body()
    for block_id in _layout_items(layout):
        block = (blocks or {}).get(block_id)
        if isinstance(block, dict):
            _convert(block, body)
    return body.finish()


def _layout_items(layout):
    items = (layout or {}).get("items") if isinstance(layout, dict) else None
    return items if isinstance(items, list) else []


def _convert(block, body):
    kind = block.get("@type") or ""
    if kind in IGNORED:
        body.ignored_blocks.append(kind)
    elif kind in ("slate", "introduction", "text"):
        if isinstance(block.get("value"), list):
            slate_to_body(block["value"], body)
        elif block.get("plaintext"):
            body.add_html(f"<p>{escape(block['plaintext'])}</p>")
        elif kind == "text" and isinstance(block.get("text"), dict):
            _draftjs(block["text"], body)
    elif kind == "heading":
        body.heading(block.get("heading", ""), block.get("tag") or "h2")
    elif kind == "image":
        if block.get("url"):
            # Volto shows the title and the description under the image.
            caption = _joined(block.get("title"), block.get("description"))
            body.image(block["url"], alt=block.get("alt") or "", caption=caption)
            credit = block.get("credit")
            if isinstance(credit, dict) and isinstance(credit.get("data"), str):
                credit = credit["data"]
            if isinstance(credit, str) and credit.strip():
                body.drop("fotocredit van een afbeelding", credit.strip()[:200])
    elif kind == "teaser":
        target = _first_href(block.get("href"))
        if target:
            body.link_block(
                target,
                block.get("title") or _href_title(block.get("href")),
                # The head title is a line above the title in Volto: kept at the start.
                text=_joined(block.get("head_title"), block.get("description")),
            )
    elif kind in ("__button", "button"):
        target = _first_href(block.get("href")) or block.get("url") or ""
        if target:
            body.link_block(target, block.get("title") or "", button_text=block.get("title") or "")
        elif block.get("title"):
            body.unknown_blocks.append({"block_type": kind, "kept_as": "text"})
            body.add_html(f"<p>{escape(block['title'])}</p>")
    elif kind in ("gridBlock", "__grid", "columnsBlock", "accordionPanel"):
        for child_id in _layout_items(block.get("blocks_layout")):
            child = (block.get("blocks") or {}).get(child_id)
            if isinstance(child, dict):
                _convert(child, body)
    elif kind == "listing":
        _listing(block, body)
    elif kind == "slateTable":
        _slate_table(block.get("table") or {}, body)
    elif kind == "html":
        body.unknown_blocks.append({"block_type": kind, "kept_as": "text"})
        html_to_body(block.get("html") or "", body)
    else:
        _unknown(kind, block, body)


def _joined(*parts):
    return " – ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def _first_href(href):
    if isinstance(href, list) and href and isinstance(href[0], dict):
        return href[0].get("@id") or ""
    if isinstance(href, str):
        return href
    return ""


def _href_title(href):
    if isinstance(href, list) and href and isinstance(href[0], dict):
        return href[0].get("title") or href[0].get("Title") or ""
    return ""


def _listing(block, body):
    """A listing's query cannot be reproduced; a path criterion becomes a link to that page."""
    headline = block.get("headline") or ""
    query = (block.get("querystring") or {}).get("query") or block.get("query") or []
    path = next(
        (
            c.get("v")
            for c in query
            if isinstance(c, dict) and c.get("i") == "path" and isinstance(c.get("v"), str)
        ),
        "",
    )
    if path:
        body.link_block(path.split("::")[0], headline or path)
        body.unknown_blocks.append({"block_type": "listing", "kept_as": "link"})
    else:
        body.heading(headline, block.get("headlineTag") or "h2")
        body.unknown_blocks.append(
            {"block_type": "listing", "kept_as": "heading" if headline else "dropped"}
        )


def _slate_table(table, body):
    rows, header = [], False
    for index, row in enumerate(table.get("rows") or []):
        cells = row.get("cells") or []
        if index == 0:
            header = bool(cells) and all(c.get("type") == "header" for c in cells)
        rows.append([" ".join(slate_text(c.get("value") or []).split()) for c in cells])
    body.table(rows, header=header and not table.get("hideHeaders"))


def _draftjs(text, body):
    for block in text.get("blocks") or []:
        line = block.get("text") or ""
        kind = block.get("type") or ""
        if kind.startswith("header-"):
            body.heading(line, {"header-one": "h2", "header-two": "h2"}.get(kind, "h3"))
        elif line.strip():
            body.add_html(f"<p>{escape(line)}</p>")


def _unknown(kind, block, body):
    text = ""
    if isinstance(block.get("value"), list):
        slate_to_body(block["value"], body)
        kept = "text"
    else:
        for key in ("plaintext", "text", "title", "description"):
            if isinstance(block.get(key), str) and block[key].strip():
                text = block[key].strip()
                break
        kept = "text" if text else "dropped"
        if text:
            body.add_html(f"<p>{escape(text)}</p>")
    body.unknown_blocks.append({"block_type": kind or "(zonder type)", "kept_as": kept})


def slate_to_body(nodes, body):
    """Top-level headings become heading blocks; everything else rich text. Formatting the
    portal's rich text lacks (strikethrough, underline...) keeps its text and is reported."""
    dropped = Counter()
    for node in nodes:
        if not isinstance(node, dict):
            continue
        kind = node.get("type") or "p"
        if kind in HEADING_LEVELS:
            body.heading(slate_text(node.get("children") or []), kind)
        else:
            html = _slate_node(node, dropped)
            if kind not in ("ul", "ol", "p", "blockquote"):
                html = f"<p>{html}</p>"
            if _has_text(html):
                body.add_html(html)
    for what, count in dropped.items():
        body.drop(f"opmaak: {what}", f"{count}×, tekst behouden")


def _has_text(html):
    return any(ch.isalnum() for ch in html.replace("<p>", "").replace("</p>", ""))


def slate_text(nodes):
    parts = []
    for node in nodes:
        if isinstance(node, dict):
            if "text" in node:
                parts.append(str(node["text"]))
            parts.append(slate_text(node.get("children") or []))
    return "".join(parts)


def _slate_node(node, dropped):
    if "text" in node and "children" not in node:
        html = escape(str(node["text"]))
        for mark, tag in SLATE_MARKS.items():
            if node.get(mark) is True:
                html = f"<{tag}>{html}</{tag}>"
        for mark, what in SLATE_FORMATTING.items():
            if node.get(mark) is True and html.strip():
                dropped[what] += 1
        return html
    inner = "".join(
        _slate_node(c, dropped) for c in node.get("children") or [] if isinstance(c, dict)
    )
    kind = node.get("type") or ""
    if kind == "link":
        url = ((node.get("data") or {}).get("url")) or ""
        return f'<a href="{escape(url, quote=True)}">{inner}</a>' if url else inner
    if kind in SLATE_MARKS:
        tag = SLATE_MARKS[kind]
        return f"<{tag}>{inner}</{tag}>" if inner.strip() else inner
    if kind in ("p", "blockquote"):
        return f"<p>{inner}</p>" if inner.strip() else ""
    if kind in ("ul", "ol", "li"):
        return f"<{kind}>{inner}</{kind}>"
    if kind in HEADING_LEVELS:
        return f"<b>{inner}</b><br/>"
    if kind and inner.strip():
        dropped[SLATE_FORMATTING.get(kind, kind)] += 1  # an element we have no markup for
    return inner
