"""Find the links on published pages: rich text (``<a href>`` and Wagtail's page and document
links), link blocks in StreamFields, URL fields, on the page and on its inline children.

StreamFields are read in their stored (raw) form: a chosen page or document that was deleted is
still there as its id, where the loaded value would only say "nothing chosen"."""

from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

TEXT_LENGTH = 500
# Struct children whose text names the link the struct holds (a button, a title).
TEXT_CHILDREN = ("button_text", "title", "text", "label")
BATCH = 100


@dataclass(frozen=True)
class FoundLink:
    """A link as an editor wrote it: ``target`` is ``page:<id>``, ``document:<id>`` or the
    address itself."""

    page_id: int
    field: str
    target: str
    text: str


class _AnchorParser(HTMLParser):
    """The ``<a>`` elements of stored rich text with the text inside them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        attrs = dict(attrs)
        linktype = attrs.get("linktype")
        if linktype in ("page", "document") and (attrs.get("id") or "").isdigit():
            target = f"{linktype}:{attrs['id']}"
        elif linktype is None and attrs.get("href"):
            target = attrs["href"].strip()
        else:
            target = None
        self._open = [target, []]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            target, parts = self._open
            if target:
                self.links.append((target, clean_text("".join(parts))))
            self._open = None


def clean_text(text):
    return " ".join((text or "").split())[:TEXT_LENGTH]


def rich_text_links(html):
    """[(target, text)] of stored rich text (Wagtail's database format)."""
    if not html:
        return []
    parser = _AnchorParser()
    parser.feed(html)
    parser.close()
    return parser.links


def block_links(block, raw, text=""):
    """[(target, text)] in the raw value of ``block``, at any depth."""
    if raw is None:
        return []
    if isinstance(block, blocks.BaseStreamBlock):
        found = []
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                found += block_links(block.child_blocks[item["type"]], item.get("value"))
        return found
    if isinstance(block, blocks.ListBlock):
        found = []
        for item in raw if isinstance(raw, list) else []:
            # Stored as {"type": "item", "value": ...} since Wagtail 2.16, bare values before.
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            found += block_links(block.child_block, item, text)
        return found
    if isinstance(block, blocks.BaseStructBlock):
        if not isinstance(raw, dict):
            return []
        label = next(
            (clean_text(raw[n]) for n in TEXT_CHILDREN if isinstance(raw.get(n), str) and raw[n]),
            text,
        )
        found = []
        for name, child in block.child_blocks.items():
            found += block_links(child, raw.get(name), label)
        return found
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_links(raw if isinstance(raw, str) else "")
    if isinstance(block, blocks.PageChooserBlock | DocumentChooserBlock):
        kind = "page" if isinstance(block, blocks.PageChooserBlock) else "document"
        return [(f"{kind}:{raw}", text)] if isinstance(raw, int) else []
    if isinstance(block, blocks.URLBlock) and isinstance(raw, str) and raw.strip():
        return [(raw.strip(), text)]
    return []


def _link_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, RichTextField | StreamField | models.URLField)
    ]


def object_links(obj, prefix=""):
    """[(field, target, text)] in the link fields of one object."""
    found = []
    for field in _link_fields(type(obj)):
        name = f"{prefix}{field.name}"
        value = getattr(obj, field.attname)
        if isinstance(field, RichTextField):
            found += [(name, t, text) for t, text in rich_text_links(value)]
        elif isinstance(field, StreamField):
            raw = list(value.raw_data) if value is not None else []
            found += [(name, t, text) for t, text in block_links(field.stream_block, raw)]
        elif value and value.strip():
            found.append((name, value.strip(), ""))
    return found


def page_links(page):
    """Every link on one (specific) page, including its inline children (InlinePanel rows)."""
    found = object_links(page)
    for relation in get_all_child_relations(page):
        if not _link_fields(relation.related_model):
            continue
        accessor = relation.get_accessor_name()
        for child in getattr(page, accessor).all():
            found += object_links(child, prefix=f"{accessor}.")
    return [FoundLink(page.pk, field, target, text) for field, target, text in found]


def live_pages():
    """Published pages, specific, a batch at a time so a large site never sits in memory."""
    ids = list(Page.objects.live().filter(depth__gt=1).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield from Page.objects.filter(pk__in=ids[start : start + BATCH]).order_by("pk").specific()


def published_links():
    """(page addresses, links): {page id: its public path} of the live pages read (relative
    links are read from there), and every link on them."""
    addresses, links = {}, []
    for page in live_pages():
        addresses[page.pk] = page.get_url() or "/"
        links += page_links(page)
    return addresses, links
