"""Plone's `text` HTML (TinyMCE) to StreamField blocks: headings, rich text, images, tables.

Only markup Wagtail's editor understands is kept (paragraphs, lists, bold, italic, links, line
breaks); classes, styles and wrappers are dropped, links are kept as written so the link pass can
turn `resolveuid/...` and old-site URLs into page and document links.
"""

from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .streamfield import Body

CONTAINERS = {
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "center",
    "body",
    "html",
    "form",
    "fieldset",
}
BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "pre", "hr", "dl", "address"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "button"}
EMBEDS = {"iframe", "object", "embed", "video", "audio", "canvas", "svg", "map"}
INLINE_RENAME = {"strong": "b", "b": "b", "em": "i", "i": "i", "sub": "sub", "sup": "sup"}


def html_to_body(html, body=None):
    """Add the blocks of an HTML fragment to `body` (a new Body when none is given)."""
    body = body or Body()
    soup = BeautifulSoup(html or "", "html.parser")
    _walk(soup, body)
    return body.finish()


def _walk(node, body):
    inline = []
    for child in list(node.children):
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if str(child).strip():
                inline.append(escape(str(child)))
            elif inline:
                inline.append(" ")
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in DROPPED:
            continue
        if name in HEADINGS or name in CONTAINERS or name in BLOCK_TAGS or name in EMBEDS:
            _flush_inline(inline, body)
        if name in HEADINGS:
            body.heading(child.get_text(" "), name)
        elif name == "table":
            _flush_inline(inline, body)
            _table(child, body)
        elif name == "img":
            _flush_inline(inline, body)
            _image(child, body)
        elif name in EMBEDS:
            src = child.get("src") or child.get("data") or ""
            body.unknown_blocks.append(
                {"block_type": f"html:{name}", "kept_as": "link" if src else "dropped"}
            )
            if src:
                body.add_html(f'<p><a href="{escape(src, quote=True)}">{escape(src)}</a></p>')
        elif name in CONTAINERS:
            _walk(child, body)
        elif name in BLOCK_TAGS:
            images = child.find_all("img")
            for img in images:
                img.extract()
            body.add_html(_clean_block(child))
            for img in images:
                _image(img, body)
        else:
            inline.append(_clean_inline(child))
    _flush_inline(inline, body)


def _flush_inline(inline, body):
    text = "".join(inline).strip()
    inline.clear()
    if text:
        body.add_html(f"<p>{text}</p>")


def _image(img, body):
    src = img.get("src") or ""
    if src:
        body.image(src, alt=img.get("alt") or "", caption=img.get("title") or "")


def _table(table, body):
    rows = []
    header = False
    for index, tr in enumerate(table.find_all("tr")):
        cells = tr.find_all(["td", "th"])
        if index == 0:
            header = bool(cells) and all(c.name == "th" for c in cells)
        rows.append([" ".join(c.get_text(" ").split()) for c in cells])
    caption = table.find("caption")
    body.table(rows, header=header, caption=caption.get_text(" ").strip() if caption else "")


def _clean_block(tag):
    name = tag.name.lower()
    if name == "hr":
        return "<hr/>"
    if name in ("ul", "ol"):
        items = "".join(
            f"<li>{_clean_children(li)}</li>" for li in tag.find_all("li", recursive=False)
        )
        return f"<{name}>{items}</{name}>" if items else ""
    if name == "dl":
        return "".join(f"<p>{_clean_children(part)}</p>" for part in tag.find_all(["dt", "dd"]))
    inner = _clean_children(tag).strip()
    return f"<p>{inner}</p>" if inner else ""


def _clean_children(tag):
    parts = []
    for child in tag.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(escape(str(child)))
        elif isinstance(child, Tag):
            parts.append(_clean_inline(child))
    return "".join(parts)


def _clean_inline(tag):
    name = tag.name.lower()
    if name in DROPPED:
        return ""
    if name == "br":
        return "<br/>"
    if name in ("ul", "ol"):
        return _clean_block(tag)
    inner = _clean_children(tag)
    if name == "a":
        href = tag.get("href")
        if href and inner.strip():
            return f'<a href="{escape(href, quote=True)}">{inner}</a>'
        return inner
    if name in INLINE_RENAME and inner.strip():
        new = INLINE_RENAME[name]
        return f"<{new}>{inner}</{new}>"
    if name == "p":
        return f"{inner}<br/>"
    return inner
