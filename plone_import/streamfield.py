"""Builds the raw StreamField data of `home.blocks.BaseStreamBlock` from converted Plone content.

Image, document and page choosers can only be filled once every item of the export exists, so
such blocks are first written as a readable stand-in (a paragraph) and listed in `pending`; the
link pass (links.py) swaps them for the real block.
"""

import uuid
from dataclasses import dataclass, field
from html import escape

HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}


@dataclass
class Body:
    """The blocks of one page plus what the report and the link pass need to know."""

    blocks: list = field(default_factory=list)
    pending: list = field(default_factory=list)
    unknown_blocks: list = field(default_factory=list)
    ignored_blocks: list = field(default_factory=list)
    # Content the portal has no place for: {"what": ..., "detail": ...}, listed in the report.
    dropped: list = field(default_factory=list)
    _html: list = field(default_factory=list)

    def add(self, block_type, value):
        self.flush()
        self.blocks.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
        return len(self.blocks) - 1

    def add_html(self, fragment):
        """Rich text is gathered until the next non-text block, so paragraphs stay together."""
        if fragment and fragment.strip():
            self._html.append(fragment)

    def flush(self):
        if self._html:
            html = "".join(self._html)
            self._html = []
            self.blocks.append({"type": "paragraph", "value": html, "id": str(uuid.uuid4())})

    def heading(self, text, tag="h2"):
        text = " ".join((text or "").split())
        if text:
            self.add("heading", {"text": text[:160], "level": HEADING_LEVELS.get(tag, "h2")})

    def drop(self, what, detail=""):
        self.dropped.append({"what": what, "detail": str(detail or "")})

    def image(self, url, alt="", caption=""):
        """An image block whose image is found in the link pass (stand-in: its caption)."""
        stand_in = f"<p>{escape(caption or alt or url)}</p>"
        index = self.add("paragraph", stand_in)
        self.pending.append(
            {"i": index, "kind": "image", "url": url, "alt": alt or "", "caption": caption or ""}
        )

    def link_block(self, url, title, text="", button_text=""):
        """A teaser, button or file link: call to action or document block, found in the link
        pass; an external URL is kept as call to action right away."""
        title = " ".join((title or "").split()) or url
        stand_in = f'<p><a href="{escape(url, quote=True)}">{escape(title)}</a></p>'
        index = self.add("paragraph", stand_in)
        self.pending.append(
            {
                "i": index,
                "kind": "link",
                "url": url,
                "title": title[:255],
                "text": text or "",
                "button_text": button_text or "",
            }
        )

    def table(self, rows, header=True, caption=""):
        if not rows:
            return
        width = max(len(r) for r in rows)
        data = [list(r) + [""] * (width - len(r)) for r in rows]
        self.add(
            "table",
            {
                "caption": caption or "Tabel",
                "table": {
                    "data": data,
                    "first_row_is_table_header": bool(header),
                    "first_col_is_header": False,
                    "table_header_choice": "row" if header else "neither",
                },
            },
        )

    def finish(self):
        self.flush()
        return self
