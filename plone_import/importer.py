"""Orchestrates a Plone import: read, create or update each item, then the link pass.

Each item is imported in its own savepoint, so one bad item is reported and the rest goes on.
New pages, origins and redirects are only prepared per item and written per chunk (batch.py);
if such a write fails, the chunk's items are written one by one, so the bad one is reported.
The origins table (models.Origin) makes a second run update what changed and skip the rest.
"""

import dataclasses
import io
import json
from collections import defaultdict
from contextlib import contextmanager
from functools import cached_property
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    Revision,
    Site,
    Workflow,
)
from wagtail.utils.file import hash_filelike

from events.models import EventPage
from home.models import ContentPage

from . import batch, links
from .dates import parse_date
from .links import Resolver, old_download_paths, resolve_blocks, set_redirect
from .models import Origin
from .readers import ReadError, open_export
from .report import ProgressBar, Report
from .richtext import html_to_body
from .streamfield import Body
from .typed import page_model, set_typed_fields
from .volto import blocks_to_body

PAGE_TYPES = {"Folder", "Document", "News Item", "Event", "Collection", "LRF"}
FILE_TYPES = {"File": Origin.Kind.DOCUMENT, "Image": Origin.Kind.IMAGE}
LIVE_STATES = {"published", "visible", "published_internally", "internally_published"}
DUTCH = {"", "##DEFAULT##", "nl", "nl-nl", "nl-be", None}
COLLECTION_NAME = "Plone-import"
PRIVATE_COLLECTION_NAME = "Plone-import: niet openbaar"
CHUNK = 200
MODERATION_WORKFLOW = "Eindredactie"


class Skip(Exception):
    """An item that is deliberately not imported; the message is the reason in the report."""


class FlushFirst(Exception):  # noqa: N818 - a signal, not an error
    """The item needs what the buffer still holds in the database: write it, then retry."""


@contextmanager
def auto_redirects_disabled():
    """Wagtail creates redirects when a page moves or its slug changes; the import makes its own
    (for the Plone paths), so those handlers are disconnected while it runs."""
    from wagtail.contrib.redirects.signal_handlers import (
        autocreate_redirects_on_page_move,
        autocreate_redirects_on_slug_change,
    )
    from wagtail.signals import page_slug_changed, post_page_move

    post_page_move.disconnect(autocreate_redirects_on_page_move)
    page_slug_changed.disconnect(autocreate_redirects_on_slug_change)
    try:
        yield
    finally:
        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)


@contextmanager
def index_updates_deferred():
    """Search and reference index updates run on every save; during the import they are
    switched off and done once per object at the end (Importer._reindex)."""
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def checksum(*items):
    return batch.digest_of(*items).hexdigest()


class Importer:
    def __init__(
        self, path, parent_slug=None, dry_run=False, old_urls=(), progress_stream=None, user=None
    ):
        self.path = path
        self.parent_slug = parent_slug
        self.dry_run = dry_run
        self.old_urls = list(old_urls)
        self.progress_stream = progress_stream
        self.user = user
        self.report = Report(source=str(path), dry_run=dry_run)
        self.page_ids = {}  # old path -> page id, for the parents of later items
        self.states = {}  # old path -> review state, for items without workflow
        self.seen = set()  # origin ids of this export: the link pass handles only those
        self.touched = defaultdict(set)  # model -> ids saved, indexed once at the end
        self.now = timezone.now()
        self.tree = batch.Tree()
        self.buffer = []  # units of this chunk not written yet
        self.unit = None  # the unit of the item being imported
        self.buffered_origins = {}  # uid -> origin in the buffer
        self.origins = {}  # uid -> origin (or None), looked up for the current chunk at once
        self.existing_pages = {}  # page id -> whether it exists, for the current chunk
        self.tags = {}  # tag name -> tag, so a page's tags cost no query
        self.missing_reported = set()

    # -- entry point -------------------------------------------------------------------------

    def run(self):
        try:
            reader = open_export(self.path)
        except ReadError as exc:
            self.report.error(None, str(exc))
            return self.report
        try:
            self.export = reader.scan()
            self.reader = reader
            self.report.layout = reader.layout
            self.report.items_read = len(self.export.entries) + len(self.export.errors)
            for error in self.export.errors:
                self.report.errors.append(error)
            for entry in self.export.entries:
                if entry.problem:
                    self.report.error(entry, entry.problem)
            with auto_redirects_disabled(), index_updates_deferred():
                if self.dry_run:
                    with transaction.atomic():
                        self._import()
                        transaction.set_rollback(True)
                else:
                    self._import()
                    self._reindex()
        finally:
            reader.close()
        return self.report

    def _import(self):
        self.parent = self._parent_page()
        self.collection = self._collection()
        self.private_collection = Collection.objects.filter(name=PRIVATE_COLLECTION_NAME).first()
        self.workflow = None
        self.page_ids["/"] = self.parent.pk
        self.resolver = Resolver(
            root_urls=[*self.export.root_urls, *self.old_urls],
            site_id=self.export.site_id,
            any_host=not self.old_urls,
        )
        self.resolver.load()
        self.folder_default = {}
        by_uid = {e.uid: e for e in self.export.entries}
        for page_uid, folder_uid in self.export.default_pages.items():
            if page_uid in by_uid:
                self.folder_default[folder_uid] = by_uid[page_uid]
        del by_uid
        entries = self.export.entries
        bar = ProgressBar(len(entries), stream=self.progress_stream)
        # Items are committed in chunks (one savepoint per item inside): a commit per item
        # would make the import wait on the disk; a crash loses at most one chunk, and the
        # next run picks it up again through the origins table.
        for start in range(0, len(entries), CHUNK):
            chunk = entries[start : start + CHUNK]
            with transaction.atomic():
                self._prefetch(chunk)
                for done, entry in enumerate(chunk, start=start + 1):
                    self._guarded(entry)
                    bar.update(done, entry.path)
                self._flush()
        bar.close()
        self._link_pass()
        self._redirects_file()
        self._not_reproduced()

    @cached_property
    def search_backends(self):
        from modelsearch.backends import get_search_backends

        return list(get_search_backends(with_auto_update=True))

    def _reindex(self):
        """Search and reference index of what changed after it was written (updated pages,
        bodies the link pass completed, documents, images), once per object, in batches."""
        for model, ids in self.touched.items():
            with transaction.atomic():
                batch.reindex(model, ids, self.search_backends)

    def _index(self, pages):
        """Search and reference index for the pages a chunk wrote, from the objects in memory
        (no second read). If that fails they are indexed again at the end."""
        if self.dry_run:
            return
        by_model = defaultdict(list)
        for page in pages:
            by_model[type(page)].append(page)
        for model, objects in by_model.items():
            try:
                with transaction.atomic():
                    batch.index(model, objects, self.search_backends)
            except Exception:  # noqa: BLE001 - done again by _reindex
                self.touched[model].update(obj.pk for obj in objects)

    def _prefetch(self, chunk):
        """The origins (and their pages) the chunk's items ask for, in two queries."""
        self.tree.clear()
        uids = set()
        for entry in chunk:
            uids.update((entry.uid, f"{entry.uid}#image"))
            if entry.uid in self.export.default_pages:
                uids.add(self.export.default_pages[entry.uid])
        self.origins = dict.fromkeys(uids)
        uids = list(uids)
        for start in range(0, len(uids), batch.IN_BATCH):
            for origin in Origin.objects.filter(uid__in=uids[start : start + batch.IN_BATCH]):
                self.origins[origin.uid] = origin
        page_ids = [
            o.object_id
            for o in self.origins.values()
            if o is not None and o.kind == Origin.Kind.PAGE and o.object_id
        ]
        self.existing_pages = dict.fromkeys(page_ids, False)
        for start in range(0, len(page_ids), batch.IN_BATCH):
            for pk in Page.objects.filter(
                pk__in=page_ids[start : start + batch.IN_BATCH]
            ).values_list("pk", flat=True):
                self.existing_pages[pk] = True

    def _guarded(self, entry):
        while True:
            unit = self.unit = batch.Unit(entry)
            try:
                with transaction.atomic():
                    self._item(entry)
            except FlushFirst:
                self._forget_item(entry, unit)
                self._flush()
                continue
            except Skip as exc:
                self._forget_item(entry, unit)
                self.report.skip(entry, str(exc))
            except ReadError as exc:
                self._forget_item(entry, unit)
                self.report.error(entry, str(exc))
            except Exception as exc:  # noqa: BLE001 - one bad item never stops the import
                self._forget_item(entry, unit)
                self.report.error(entry, f"{type(exc).__name__}: {exc}")
            else:
                if unit.has_writes():
                    self.buffer.append(unit)
                    for origin in unit.origins:
                        self.buffered_origins[origin.uid] = origin
                else:
                    self._done(unit)
            finally:
                self.unit = None
            return

    def _forget_item(self, entry, unit):
        """What a rolled-back item left in memory: objects that may not exist any more."""
        if unit.node is not None and self.tree.pending.get(entry.path) is unit.node:
            del self.tree.pending[entry.path]
        for uid in (entry.uid, f"{entry.uid}#image"):
            self.origins.pop(uid, None)
        self.tags.clear()

    def _flush_first(self):
        """Called before an item writes what depends on buffered rows (tree, origins)."""
        if self.buffer:
            raise FlushFirst

    def _flush(self):
        """Write the buffered units together; if that fails, one by one (one bad item is then
        reported, the others are written)."""
        units, self.buffer = self.buffer, []
        self.buffered_origins = {}
        if not units:
            return
        try:
            with transaction.atomic():
                batch.write(units, self.resolver, self._submit)
        except Exception:  # noqa: BLE001 - retried one by one below
            written = []
            for unit in units:
                try:
                    with transaction.atomic():
                        batch.write([unit], self.resolver, self._submit)
                except Exception as exc:  # noqa: BLE001
                    self._failed(unit, exc)
                else:
                    written.append(unit)
        else:
            written = units
        for unit in written:
            self._done(unit)
        self._index([unit.page for unit in written if unit.page is not None])

    def _done(self, unit):
        """The unit's rows are written: remember its objects, count it in the report."""
        entry = unit.entry
        if unit.page is not None:
            page = unit.page
            self.page_ids[entry.path] = page.pk
            self.tree.by_pk[page.pk] = unit.node
            if self.tree.pending.get(entry.path) is unit.node:
                del self.tree.pending[entry.path]
            self.existing_pages[page.pk] = True
        for origin in unit.origins:
            self.seen.add(origin.pk)
            self.origins[origin.uid] = origin
        for func, *args in unit.done:
            func(*args)

    def _failed(self, unit, exc):
        entry = unit.entry
        if unit.page is not None and self.tree.pending.get(entry.path) is unit.node:
            del self.tree.pending[entry.path]
        for origin in unit.origins:
            self.origins.pop(origin.uid, None)
        if isinstance(exc, batch.ParentMissing):
            self.report.skip(entry, f"bovenliggend item ontbreekt: {entry.parent_path}")
        else:
            self.report.error(entry, f"{type(exc).__name__}: {exc}")

    def _later(self, func, *args):
        """Report what a new page did once it is written (not if its write fails)."""
        self.unit.done.append((func, *args))

    def _parent_page(self):
        if self.parent_slug:
            page = Page.objects.filter(slug=self.parent_slug).order_by("depth", "path").first()
            if page is None:
                raise ReadError(f"geen pagina met slug {self.parent_slug!r}")
            return page.specific
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        return site.root_page.specific

    def _collection(self):
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        if existing:
            return existing
        return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def _private(self):
        """The collection for files and images that were not public in Plone: only logged-in
        users (the portal's staff) can open its documents. Made when first needed."""
        if self.private_collection is None:
            self.private_collection = self.collection.add_child(name=PRIVATE_COLLECTION_NAME)
            CollectionViewRestriction.objects.create(
                collection=self.private_collection,
                restriction_type=CollectionViewRestriction.LOGIN,
            )
        return self.private_collection

    def _media_collection(self, obj, private):
        """Where an imported file or image belongs; None when it is where it belongs (also
        when an editor moved it to a collection of their own and nothing made it private)."""
        if private:
            return None if obj.collection_id == self._private().pk else self._private()
        if self.private_collection and obj.collection_id == self.private_collection.pk:
            return self.collection
        return None

    @staticmethod
    def _is_public(state):
        """Whether Plone showed an item to anyone: a live state, or no state at all (no
        workflow on the item nor on a folder above it in the export)."""
        return state is None or state in LIVE_STATES

    # -- one item ----------------------------------------------------------------------------

    def _item(self, entry):
        item = self.reader.load(entry)
        if not isinstance(item, dict):
            raise ReadError("item is geen JSON-object")
        if entry.is_site_root:
            return self._site_root(entry, item)
        portal_type = entry.portal_type
        language = item.get("language")
        if isinstance(language, dict):
            language = language.get("token")
        if language not in DUTCH:
            self.report.not_reproduced.append(
                {"uid": entry.uid, "path": entry.path, "what": "vertaling", "detail": language}
            )
            raise Skip(f"taal {language!r}: alleen Nederlandse inhoud wordt overgenomen")
        if entry.uid in self.export.default_pages:
            return self._default_page(entry, item)
        if portal_type in PAGE_TYPES:
            return self._page(entry, item)
        if portal_type in FILE_TYPES:
            return self._file(entry, item, FILE_TYPES[portal_type])
        if portal_type == "Link":
            return self._link(entry, item)
        raise Skip(f"onbekend type {portal_type!r}")

    def _origin(self, uid):
        if uid in self.buffered_origins:
            self._flush_first()  # the same UID twice in one chunk: the first one is written
        if uid in self.origins:
            origin = self.origins[uid]
        else:
            origin = Origin.objects.filter(uid=uid).first()
        if origin is not None and origin.pk:
            self.seen.add(origin.pk)
        return origin

    def _save_origin(self, origin, entry, kind, obj, digest, item, pending=None):
        """Fill in the origin; it is written with the item's unit at the end of the chunk."""
        origin = origin or Origin(uid=entry.uid)
        origin.portal_type = entry.portal_type[:100]
        origin.kind = kind
        if obj is not None and obj.pk:
            origin.content_type = ContentType.objects.get_for_model(obj.__class__)
            origin.object_id = obj.pk
        origin.old_path = entry.path
        origin.checksum = digest
        origin.modified = str(item.get("modified") or "")[:40]
        origin.pending = pending or None
        if self.unit is None:
            origin.save()
            self.seen.add(origin.pk)
        else:
            self.unit.origins.append(origin)
        if origin.object_id or kind == Origin.Kind.LINK:
            self.resolver.add(origin)
        return origin

    def _redirect(self, old_path, page=None, link=""):
        """A redirect from an old path, written with the item's unit (later ones win)."""
        normalised = batch.normalise_redirect(old_path)
        if normalised is None:
            return
        if len(normalised) > batch.REDIRECT_MAX or len(link or "") > batch.LINK_MAX:
            self.report.error(
                {"path": old_path},
                f"doorverwijzing niet gemaakt: pad of adres langer dan {batch.REDIRECT_MAX} tekens",
            )
            return
        if self.unit is None:
            set_redirect(old_path, page=page, link=link)
        else:
            self.unit.redirects.append((normalised, page, link))

    def _drop_redirects(self, old_paths):
        """Redirects an earlier run made for what is no longer public."""
        normalised = [p for p in map(batch.normalise_redirect, old_paths) if p]
        Redirect.objects.filter(site=None, old_path__in=normalised).delete()

    def _state(self, entry, item):
        state = item.get("review_state")
        if not state:
            state = self.states.get(entry.parent_path)
        self.states[entry.path] = state
        return state

    # -- pages -------------------------------------------------------------------------------

    def _parent_node(self, entry):
        """Where a new page goes: under a page of this chunk, or one already written."""
        node = self.tree.pending.get(entry.parent_path)
        if node is not None:
            return node
        return self.tree.node(self._parent_id(entry))

    def _parent_id(self, entry):
        parent_id = self.page_ids.get(entry.parent_path)
        if parent_id is None:
            origin = Origin.objects.filter(
                old_path=entry.parent_path, kind=Origin.Kind.PAGE
            ).first()
            parent_id = origin.object_id if origin else None
        if parent_id is None:
            raise Skip(f"bovenliggend item ontbreekt: {entry.parent_path}")
        return parent_id

    def _page(self, entry, item):
        state = self._state(entry, item)
        origin = self._origin(entry.uid)
        page_id = None
        if origin is not None and origin.pk and origin.kind == Origin.Kind.PAGE:
            page_id = origin.object_id  # (a UID that was a file before gets a new page)
        if page_id is not None and page_id not in self.existing_pages:
            self.existing_pages[page_id] = Page.objects.filter(pk=page_id).exists()
        if page_id is None or not self.existing_pages[page_id]:
            return self._new_page(entry, item, state, origin)
        if entry.parent_path in self.tree.pending:
            self._flush_first()  # the parent is new: its id is part of the checksum
        parent_id = self._parent_id(entry)
        default_entry, default_item = self._default_item(entry)
        digest = checksum(item, default_item, parent_id)
        if origin.checksum == digest:
            self.page_ids[entry.path] = page_id
            self.report.count(entry.portal_type, "ongewijzigd", state)
            return
        # An update moves, renames and re-dates a page through Wagtail's own save(): rare,
        # so it is done one by one, after the buffered new pages are in the tree.
        self._flush_first()
        # A page keeps the type it was imported with.
        page = Page.objects.get(pk=page_id).specific
        body = self._page_body(entry, item, default_entry, default_item, type(page))
        self._report_body(entry, body)
        item = self._with_default_description(item, default_item)
        self._lead_image(entry, item, body, state)
        parent = Page.objects.get(pk=parent_id)
        # References to items imported earlier are resolved right away; the rest waits for
        # the link pass (saves writing most pages twice).
        pending = self._pending(body)
        if pending:
            _, pending, _ = resolve_blocks(body.blocks, pending, self.resolver, entry.path)
        fields = self._state_fields(item, state)
        page = self._write_page(page, parent, entry, item, body, fields)
        self._finalise(page, fields, state)
        self.tree.clear()  # a move or new slug changed paths the cached nodes know
        self._save_origin(origin, entry, Origin.Kind.PAGE, page, digest, item, pending)
        self.page_ids[entry.path] = page.pk
        self._redirect(entry.path, page=page)
        self._count_page(entry, "bijgewerkt", state)

    def _new_page(self, entry, item, state, origin):
        """Prepare a new page; batch.write() inserts it with the rest of the chunk."""
        parent = self._parent_node(entry)
        default_entry, default_item = self._default_item(entry)
        digest = batch.digest_of(item, default_item)  # + the parent's id, once it has one
        model = page_model(entry.portal_type)
        body = self._page_body(entry, item, default_entry, default_item, model)
        item = self._with_default_description(item, default_item)
        self._lead_image(entry, item, body, state)
        fields = self._state_fields(item, state)
        page = model(live=False)
        self._set_page_fields(page, entry, item, body, fields)
        for relation in get_all_child_relations(page):
            manager = getattr(page, relation.get_accessor_name())
            if not manager.is_deferring:
                manager.set([])  # known to be empty: no query when the revision is made
        self._set_new_tags(page, self._subjects(item))
        unit = self.unit
        unit.page, unit.parent, unit.blocks, unit.digest = page, parent, body.blocks, digest
        unit.refs = self._pending(body)
        unit.revision_at = fields["latest_revision_created_at"]
        unit.created_at = parse_date(item.get("created")) or self.now
        unit.go_live_at = fields["go_live_at"]
        unit.submit = state == "pending"
        if origin is not None:  # its page is gone: the new one's id is set when written
            origin.content_type, origin.object_id = None, None
        unit.page_origin = self._save_origin(
            origin, entry, Origin.Kind.PAGE, None, "", item, unit.refs
        )
        self._redirect(entry.path, page=page)
        self._later(self._report_body, entry, body)
        self._later(self._count_page, entry, "aangemaakt", state)
        # Last: its place in the tree, so a failure above leaves the parent's node untouched.
        unit.node = parent.place_child(page, item.get("id") or page.title)
        self.tree.pending[entry.path] = unit.node

    def _set_new_tags(self, page, names):
        """Tags of a new page, in memory. Known tags are attached directly; taggit looks up
        (or creates) the others, which then join the known ones."""
        if not names:
            return
        known = [self.tags.get(name) for name in names]
        if None in known:
            page.tags.set(names)
            for tagged in page.tagged_items.all():
                self.tags[tagged.tag.name] = tagged.tag
            return
        manager = page.tags
        unique = list({tag.pk: tag for tag in known}.values())
        manager.get_tagged_item_manager().set([manager.through(tag=tag) for tag in unique])

    def _count_page(self, entry, action, state):
        self.report.count(entry.portal_type, action, state)
        self.report.created["pagina's"] += 1
        if entry.portal_type == "Collection":
            self.report.not_reproduced.append(
                {"uid": entry.uid, "path": entry.path, "what": "collectie-zoekvraag"}
            )

    def _default_item(self, entry):
        default_entry = self.folder_default.get(entry.uid)
        return default_entry, self.reader.load(default_entry) if default_entry else None

    def _page_body(self, entry, item, default_entry, default_item, model):
        """The page's blocks, followed by those of the folder's default page."""
        body = self._body(entry, item, model)
        if default_item is not None:
            offset = len(body.blocks)
            extra = self._body(default_entry, default_item)
            body.blocks.extend(extra.blocks)
            body.pending.extend(
                {**p, "i": p["i"] + offset} if "i" in p else p for p in extra.pending
            )
            body.unknown_blocks.extend(
                {**unknown, "_entry": default_entry} for unknown in extra.unknown_blocks
            )
            body.dropped.extend({**row, "_entry": default_entry} for row in extra.dropped)
            body.ignored_blocks.extend(extra.ignored_blocks)
        return body

    @staticmethod
    def _with_default_description(item, default_item):
        if default_item and not item.get("description") and default_item.get("description"):
            return {**item, "description": default_item["description"]}
        return item

    def _report_body(self, entry, body):
        for unknown in body.unknown_blocks:
            where = unknown.pop("_entry", entry)
            self.report.unknown_blocks.append({"uid": where.uid, "path": where.path, **unknown})
        for row in body.dropped:
            where = row.pop("_entry", entry)
            self.report.dropped.append({"uid": where.uid, "path": where.path, **row})
        for kind in body.ignored_blocks:
            self.report.ignored_blocks[kind] += 1

    def _body(self, entry, item, model=ContentPage):
        body = Body()
        for name, what in (
            # Wagtail has no separate title for menus: the page's title is used there.
            ("nav_title", "navigatietitel (nav_title)"),
            ("head_title", "kopregel (head_title)"),
        ):
            if isinstance(item.get(name), str) and item[name].strip():
                body.drop(what, item[name].strip())
        if entry.portal_type == "Event" and model is not EventPage:
            self._event_details(item, body)  # a page without fields for them
        text = item.get("text")
        blocks = item.get("blocks")
        if isinstance(blocks, dict) and blocks:
            blocks_to_body(blocks, item.get("blocks_layout"), body)
        if isinstance(text, dict) and text.get("data"):
            html_to_body(text["data"], body)
        elif isinstance(text, str) and text:
            html_to_body(text, body)
        return body.finish()

    def _event_details(self, item, body):
        start, end = parse_date(item.get("start")), parse_date(item.get("end"))
        fmt = "j F Y" if item.get("whole_day") else "j F Y H:i"
        parts = []
        if start:
            when = date_format(timezone.localtime(start), fmt)
            if end and not item.get("open_end") and end != start:
                when += " tot " + date_format(timezone.localtime(end), fmt)
            parts.append(("Wanneer", when))
        if isinstance(item.get("location"), str) and item["location"].strip():
            parts.append(("Waar", item["location"].strip()))
        contact = ", ".join(
            str(item[k]) for k in ("contact_name", "contact_email", "contact_phone") if item.get(k)
        )
        if contact:
            parts.append(("Contact", contact))
        html = "".join(f"<b>{label}:</b> {escape(value)}<br/>" for label, value in parts)
        if item.get("event_url"):
            url = escape(item["event_url"], quote=True)
            html += f'<b>Website:</b> <a href="{url}">{url}</a>'
        if html:
            body.add_html(f"<p>{html}</p>")
            body.flush()

    def _lead_image(self, entry, item, body, state):
        """A lead image (News Item, Volto pages) becomes an image at the top of the body."""
        field = item.get("image")
        if not isinstance(field, dict) or entry.portal_type == "Image":
            return
        fake = dataclasses.replace(entry, uid=f"{entry.uid}#image")
        image = self._store_media(
            fake, item, field, Origin.Kind.IMAGE, count=False, public=self._is_public(state)
        )
        if image is not None and image.pk:
            caption = item.get("image_caption") or ""
            body.blocks.insert(
                0,
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "", "decorative": not caption},
                        "caption": caption[:255],
                    },
                },
            )
            for ref in body.pending:
                if "i" in ref:
                    ref["i"] += 1

    def _pending(self, body):
        pending = list(body.pending)
        if any(
            b["type"] == "paragraph" and "<a href=" in b["value"] and self._internal_anchor(b)
            for b in body.blocks
        ):
            pending.append({"kind": "richtext"})
        return pending

    def _internal_anchor(self, block):
        return any(
            self.resolver.is_internal(href) for href in links.ANCHOR_HREF.findall(block["value"])
        )

    def _slug(self, parent, wanted, page):
        base = slugify(wanted)[:200] or "pagina"
        slug, n = base, 1
        siblings = Page.objects.child_of(parent)
        if page is not None:
            siblings = siblings.exclude(pk=page.pk)
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def _write_page(self, page, parent, entry, item, body, fields):
        """Update an existing page in place (new pages are written by batch.write)."""
        if page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        self._set_page_fields(page, entry, item, body, fields)
        page.slug = self._slug(parent, item.get("id") or page.title, page)
        page.tags.set(self._subjects(item))
        page.save(clean=False)
        return page

    @staticmethod
    def _set_page_fields(page, entry, item, body, fields):
        title = (item.get("title") or item.get("id") or entry.path.rsplit("/", 1)[-1])[:255]
        description = (item.get("description") or "").strip()
        page.title = page.draft_title = title
        page.summary = description
        page.search_description = description
        page.show_in_menus = not item.get("exclude_from_nav", False)
        page.body = body.blocks
        for name, value in fields.items():
            setattr(page, name, value)
        set_typed_fields(page, item)

    @staticmethod
    def _subjects(item):
        return [s[:100] for s in item.get("subjects") or [] if isinstance(s, str) and s]

    def _state_fields(self, item, state):
        """Page fields for Plone's state and dates: live/draft/scheduled/expired."""
        created = parse_date(item.get("created")) or self.now
        modified = parse_date(item.get("modified")) or created
        effective = parse_date(item.get("effective"))
        expires = parse_date(item.get("expires"))
        published_at = self._first_publish(item) or effective or created
        # Only a page that is live in Plone is scheduled: a private or pending page with a
        # future `effective` must not go live on that date by itself.
        scheduled = state in LIVE_STATES and effective and effective > self.now
        fields = {
            "latest_revision_created_at": modified,
            "go_live_at": effective if scheduled else None,
            "expire_at": expires,
            "expired": False,
            "live": False,
            "has_unpublished_changes": True,
            "first_published_at": None,
            "last_published_at": None,
        }
        if state in LIVE_STATES:
            if fields["go_live_at"]:
                pass  # scheduled: the revision carries approved_go_live_at
            elif expires and expires <= self.now:
                fields.update(expired=True, first_published_at=published_at)
            else:
                fields.update(
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=min(published_at, modified),
                    last_published_at=modified,
                )
        return fields

    def _finalise(self, page, fields, state):
        """One revision carrying the Plone dates (what editors open), then the workflow."""
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page)[:255],
            approved_go_live_at=fields["go_live_at"],
        )
        Revision.objects.filter(pk=revision.pk).update(
            created_at=fields["latest_revision_created_at"]
        )
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=revision if fields["live"] else None
        )
        self.touched[type(page)].add(page.pk)
        if state == "pending":
            self._submit(page)

    def _first_publish(self, item):
        times = []
        for history in (item.get("workflow_history") or {}).values():
            for step in history or []:
                if isinstance(step, dict) and step.get("review_state") in LIVE_STATES:
                    parsed = parse_date(step.get("time"))
                    if parsed:
                        times.append(parsed)
        return min(times) if times else None

    def _submit(self, page):
        """Pending in Plone = waiting for a reviewer: submit to the moderation workflow."""
        page = Page.objects.get(pk=page.pk).specific
        if page.workflow_in_progress:
            return
        workflow = page.get_workflow() or Workflow.objects.filter(name=MODERATION_WORKFLOW).first()
        if workflow is None:
            self.report.not_reproduced.append(
                {"path": page.url_path, "what": "moderatie", "detail": "geen workflow gevonden"}
            )
            return
        workflow.start(page, self.user)

    def _site_root(self, entry, item):
        """The Plone site root is the parent page; its text fills the parent's body when that
        body is empty or came from an earlier import."""
        digest = checksum(item)
        origin = self._origin(entry.uid)
        self.states["/"] = item.get("review_state") or "published"
        parent = self.parent
        if origin and origin.checksum == digest and origin.object_id == parent.pk:
            self.report.count(entry.portal_type, "ongewijzigd")
            return
        body = self._body(entry, item)
        self._report_body(entry, body)
        action = "samengevoegd"
        if not hasattr(parent, "body"):
            raise Skip("de bovenliggende pagina heeft geen inhoudsveld")
        if not body.blocks:
            action = "leeg"
        elif parent.body and not (origin and origin.object_id == parent.pk):
            self.report.skip(entry, "de bovenliggende pagina heeft al inhoud; tekst niet overgezet")
            action = "niet-samengevoegd"
            body = Body()
        else:
            self._replace_body(parent, body.blocks)
        self._save_origin(
            origin, entry, Origin.Kind.PAGE, parent, digest, item, self._pending(body)
        )
        self.report.count(entry.portal_type, action)

    def _replace_body(self, page, blocks):
        """New body on the page and on its latest revision (what editors open)."""
        page = page.specific
        page.body = blocks
        page.save(update_fields=["body"], clean=False)
        self.touched[type(page)].add(page.pk)
        revision = page.latest_revision
        if revision is not None:
            content = dict(revision.content)
            content["body"] = json.dumps(page.body.get_prep_value())
            Revision.objects.filter(pk=revision.pk).update(content=content)

    def _default_page(self, entry, item):
        """A folder's default page was merged into the folder: point its UID and path there."""
        folder_uid = self.export.default_pages[entry.uid]
        folder = self._origin(folder_uid)  # written first if it is still in the buffer
        if folder is None or folder.object_id is None:
            raise Skip("standaardpagina van een map die niet is geïmporteerd")
        page = ContentPage.objects.get(pk=folder.object_id)
        origin = self._origin(entry.uid)
        digest = checksum(item)
        unchanged = origin and origin.checksum == digest
        self._save_origin(origin, entry, Origin.Kind.PAGE, page, digest, item)
        self.page_ids[entry.path] = page.pk
        self._redirect(entry.path, page=page)
        if entry.portal_type == "Collection":
            self.report.not_reproduced.append(
                {"uid": entry.uid, "path": entry.path, "what": "collectie-zoekvraag"}
            )
        self.report.count(
            entry.portal_type,
            "ongewijzigd" if unchanged else "samengevoegd in map",
            self._state(entry, item),
        )

    # -- files, images, links ----------------------------------------------------------------

    def _file(self, entry, item, kind):
        field = item.get("file" if kind == Origin.Kind.DOCUMENT else "image")
        public = self._is_public(self._state(entry, item))
        self._store_media(entry, item, field, kind, public=public)

    def _store_media(self, entry, item, field, kind, count=True, public=True):
        """A file or image; one that was not public in Plone goes to the restricted collection."""
        model = get_document_model() if kind == Origin.Kind.DOCUMENT else get_image_model()
        label = "documenten" if kind == Origin.Kind.DOCUMENT else "afbeeldingen"
        field = field if isinstance(field, dict) else {}
        filename = field.get("filename") or entry.path.rsplit("/", 1)[-1] or "bestand"
        digest = checksum(item if count else field)
        origin = self._origin(entry.uid)
        obj = None
        if origin and origin.object_id:
            obj = model.objects.filter(pk=origin.object_id).first()
        if origin and origin.checksum == digest and (obj is not None or self.dry_run):
            moved = obj is not None and self._media_collection(obj, not public)
            if moved:
                obj.collection = moved  # the folder above it was made (not) public
                model.objects.filter(pk=obj.pk).update(collection=moved)
            if count:
                self.report.count(entry.portal_type, "ongewijzigd")
                if moved or not public:
                    self._media_redirects(entry, kind, obj, filename, public, replace=moved)
            return obj
        data = self.reader.blob(item, field)
        if data is None:
            if entry.uid not in self.missing_reported:  # once, also if the item is retried
                self.missing_reported.add(entry.uid)
                self.report.missing_blobs.append(
                    {
                        "uid": entry.uid,
                        "path": entry.path,
                        "blob": field.get("blob_path") or field.get("download") or filename,
                    }
                )
            if count:
                raise Skip("bestand ontbreekt")
            return None
        title = (item.get("title") or filename)[:255] if count else (item.get("title") or filename)
        if self.dry_run:
            self._save_origin(origin, entry, kind, None, digest, item)
            if count:
                self.report.count(entry.portal_type, "bijgewerkt" if origin else "aangemaakt")
            self.report.created[label] += 1
            return None
        action = "bijgewerkt" if obj else "aangemaakt"
        if obj is None:
            obj = model(collection=self._private() if not public else self.collection)
        else:
            obj.collection = self._media_collection(obj, not public) or obj.collection
            if obj.file:
                obj.file.delete(save=False)
        obj.title = title[:255]
        # Size and hash as an upload in the admin sets them (the hash finds duplicates).
        obj.file_size = len(data)
        obj.file_hash = hash_filelike(io.BytesIO(data))
        if kind == Origin.Kind.DOCUMENT:
            obj.file = ContentFile(data, name=filename)
        else:
            obj.file = ImageFile(ContentFile(data, name=filename), name=filename)
            if item.get("description") and hasattr(obj, "description"):
                obj.description = item["description"][:255]
        obj.save()
        self.touched[model].add(obj.pk)
        created = parse_date(item.get("created"))
        if created and hasattr(obj, "created_at"):
            # created_at is auto_now_add: save() stamps the import time, so Plone's date is
            # written afterwards, for the whole chunk at once (batch.write).
            obj.created_at = created
            self.unit.dated.append(obj)
        subjects = self._subjects(item)
        if count and (subjects or action == "bijgewerkt"):  # a new file has no tags to clear
            obj.tags.set(subjects)
        self._save_origin(origin, entry, kind, obj, digest, item)
        self.report.created[label] += 1
        if count:
            self.report.count(entry.portal_type, action)
            self._media_redirects(
                entry, kind, obj, filename, public, replace=action == "bijgewerkt"
            )
        return obj

    def _media_redirects(self, entry, kind, obj, filename, public, replace):
        """Old addresses of a file or image redirect to its new one, except for an image
        that was not public: Wagtail serves image files to anyone who has the address."""
        old_paths = [entry.path, *old_download_paths(entry.path, kind, filename)]
        if kind == Origin.Kind.IMAGE and not public:
            if replace:
                self._drop_redirects(old_paths)  # made when the image was public
            self.report.not_reproduced.append(
                {
                    "uid": entry.uid,
                    "path": entry.path,
                    "what": "niet-openbare afbeelding",
                    "detail": f"in {PRIVATE_COLLECTION_NAME!r}, zonder doorverwijzing; het "
                    "bestand zelf is bereikbaar voor wie het adres kent",
                }
            )
            return
        if obj is None:
            return  # dry run
        url = obj.url if kind == Origin.Kind.DOCUMENT else obj.file.url
        for old in old_paths:
            self._redirect(old, link=url)

    def _link(self, entry, item):
        remote = (item.get("remoteUrl") or "").strip()
        if not remote:
            raise Skip("link zonder adres (remoteUrl)")
        origin = self._origin(entry.uid)
        digest = checksum(item)
        state = self._state(entry, item)
        public = self._is_public(state)
        if not public:
            # A redirect is public: a link only some could see in Plone is left to a person.
            self.report.not_reproduced.append(
                {
                    "uid": entry.uid,
                    "path": entry.path,
                    "what": "niet-openbare link",
                    "detail": remote,
                }
            )
        if (
            origin
            and origin.checksum == digest
            and not origin.pending
            and bool(origin.object_id) == public  # a redirect exists exactly when public
            and origin.remote_url == remote[:2048]
        ):
            self.report.count(entry.portal_type, "ongewijzigd", state)
            return
        if not public and origin and origin.object_id:
            Redirect.objects.filter(pk=origin.object_id, site=None).delete()  # public before
            origin.content_type, origin.object_id = None, None
        pending = {"remote": remote} if public else None
        origin = origin or Origin(uid=entry.uid)
        origin.remote_url = remote[:2048]  # links to this Link lead there (links.Resolver)
        self._save_origin(origin, entry, Origin.Kind.LINK, None, digest, item, pending)
        self.report.count(entry.portal_type, "bijgewerkt" if origin else "aangemaakt", state)

    # -- second pass -------------------------------------------------------------------------

    def _link_pass(self):
        """Resolve what pass one left pending, now that every item exists. Pages are done a
        batch at a time (one by one if the batch fails, so the bad one is reported)."""
        pending_ids = [
            pk
            for pk in Origin.objects.filter(pending__isnull=False)
            .order_by("pk")
            .values_list("pk", flat=True)
            if pk in self.seen
        ]
        for start in range(0, len(pending_ids), CHUNK):
            ids = pending_ids[start : start + CHUNK]
            origins = Origin.objects.in_bulk(ids)
            pages = [origins[pk] for pk in ids if origins[pk].kind != Origin.Kind.LINK]
            try:
                with transaction.atomic():
                    unresolved, written = self._resolve_pages(pages)
            except Exception:  # noqa: BLE001 - one by one below
                unresolved, written = None, []
            for pk in ids:
                origin = origins[pk]
                if origin.kind != Origin.Kind.LINK and unresolved is not None:
                    self.report.unresolved_links.extend(unresolved.get(pk, []))
                    continue
                try:
                    with transaction.atomic():
                        if origin.kind == Origin.Kind.LINK:
                            self._resolve_link(origin)
                        else:
                            self._resolve_page(origin)
                except Exception as exc:  # noqa: BLE001
                    self.report.error(
                        {"uid": origin.uid, "path": origin.old_path},
                        f"links: {type(exc).__name__}: {exc}",
                    )
            self._index(written)

    def _resolve_pages(self, origins):
        """_resolve_page for many pages: read together, bodies, revisions and origins written
        together. Returns the unresolved links per origin and the pages written."""
        by_model = defaultdict(list)
        for origin in origins:
            model = origin.content_type.model_class() if origin.content_type_id else ContentPage
            by_model[model].append(origin.object_id)
        loaded = {}
        for model, ids in by_model.items():
            children = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
            for page in model._default_manager.filter(pk__in=ids).prefetch_related(*children):
                loaded[(model, page.pk)] = page
        unresolved, written = {}, []
        for origin in origins:
            model = origin.content_type.model_class() if origin.content_type_id else ContentPage
            page = loaded.get((model, origin.object_id))
            if page is None or not hasattr(page, "body"):
                continue
            blocks, still, urls = resolve_blocks(
                list(page.body.get_prep_value()), origin.pending, self.resolver, origin.old_path
            )
            unresolved[origin.pk] = [
                {"uid": origin.uid, "path": origin.old_path, "link": url} for url in urls
            ]
            page.body = blocks
            origin.pending = still or None
            written.append(page)
        by_type = defaultdict(list)
        for page in written:
            by_type[type(page)].append(page)
        for model, pages in by_type.items():
            model._default_manager.bulk_update(pages, ["body"])
        revisions = Revision.objects.in_bulk([p.latest_revision_id for p in written])
        for page in written:
            revision = revisions.get(page.latest_revision_id)
            if revision is not None:  # what editors open: the body with the links resolved
                revision.content = {
                    **revision.content,
                    "body": json.dumps(page.body.get_prep_value()),
                }
        Revision.objects.bulk_update(revisions.values(), ["content"])
        Origin.objects.bulk_update(origins, ["pending"])
        return unresolved, written

    def _resolve_page(self, origin):
        model = origin.content_type.model_class() if origin.content_type_id else ContentPage
        page = model.objects.filter(pk=origin.object_id).first()
        if page is None:
            return
        blocks = list(page.body.get_prep_value()) if hasattr(page, "body") else []
        blocks, still, unresolved = resolve_blocks(
            blocks, origin.pending, self.resolver, origin.old_path
        )
        for url in unresolved:
            self.report.unresolved_links.append(
                {"uid": origin.uid, "path": origin.old_path, "link": url}
            )
        self._replace_body(page, blocks)
        Origin.objects.filter(pk=origin.pk).update(pending=still or None)

    def _resolve_link(self, origin):
        remote = origin.pending.get("remote", "")
        target = self.resolver.resolve(remote, origin.old_path)
        if target is None:
            self.report.unresolved_links.append(
                {"uid": origin.uid, "path": origin.old_path, "link": remote}
            )
            return
        kind, object_id = target
        if kind == "external":
            redirect = set_redirect(origin.old_path, link=remote)
        elif kind == Origin.Kind.PAGE and object_id:
            redirect = set_redirect(origin.old_path, page=Page.objects.get(pk=object_id))
        elif object_id:
            redirect = set_redirect(origin.old_path, link=self.resolver.url_of(kind, object_id))
        else:
            redirect = None
        if redirect is not None:
            origin.content_type = ContentType.objects.get_for_model(Redirect)
            origin.object_id = redirect.pk
        origin.pending = None
        origin.save(update_fields=["content_type", "object_id", "pending"])
        self.report.created["doorverwijzingen"] += 1

    def _redirects_file(self):
        """Plone's own redirect storage (renamed/moved items) becomes Wagtail redirects."""
        for old, new in (self.export.redirects or {}).items():
            if not isinstance(old, str) or not isinstance(new, str):
                continue
            old = self.resolver.strip_site(old)
            target = self.resolver.resolve(new, "/")
            if target is None or target[0] == "external":
                self.report.unresolved_links.append(
                    {"path": old, "link": new, "what": "doorverwijzing"}
                )
                continue
            kind, object_id = target
            if object_id is None:
                continue
            with transaction.atomic():
                if kind == Origin.Kind.PAGE:
                    set_redirect(old, page=Page.objects.get(pk=object_id))
                else:
                    set_redirect(old, link=self.resolver.url_of(kind, object_id))
            self.report.created["doorverwijzingen"] += 1

    def _not_reproduced(self):
        """Sharing, translations and relations have no counterpart: list them for a person."""
        paths = {e.uid: e.path for e in self.export.entries}
        for uid, roles in (self.export.local_roles or {}).items():
            if not isinstance(roles, dict):
                continue
            # plone.exportimport writes `local_roles`, collective.exportimport `localroles`.
            given = roles.get("local_roles") or roles.get("localroles") or {}
            granted = {
                who: [r for r in rs if r != "Owner"]
                for who, rs in (given if isinstance(given, dict) else {}).items()
                if isinstance(rs, list)
            }
            granted = {who: rs for who, rs in granted.items() if rs}
            if granted or roles.get("block"):
                detail = "; ".join(f"{who}: {', '.join(rs)}" for who, rs in granted.items())
                if roles.get("block"):
                    detail = (detail + "; " if detail else "") + "overerving uit"
                self.report.not_reproduced.append(
                    {
                        "uid": uid,
                        "path": paths.get(uid, ""),
                        "what": "lokale rollen",
                        "detail": detail,
                    }
                )
        for uid, permissions in (self.export.local_permissions or {}).items():
            if not isinstance(permissions, dict) or not permissions:
                continue
            parts = []
            for permission, setting in permissions.items():
                setting = setting if isinstance(setting, dict) else {}
                roles = ", ".join(str(r) for r in setting.get("roles") or []) or "-"
                inherit = "" if setting.get("acquire", True) else " (niet overgeërfd)"
                parts.append(f"{permission}: {roles}{inherit}")
            self.report.not_reproduced.append(
                {
                    "uid": uid,
                    "path": paths.get(uid, ""),
                    "what": "lokale rechten",
                    "detail": "; ".join(parts),
                }
            )
        for group in self.export.translations or []:
            if not isinstance(group, dict):
                continue
            for lang, uid in (group.get("translations") or {}).items():
                if lang not in DUTCH:
                    self.report.not_reproduced.append(
                        {
                            "uid": uid,
                            "path": paths.get(uid, ""),
                            "what": "vertaling",
                            "detail": lang,
                        }
                    )
        for relation in self.export.relations or []:
            if isinstance(relation, dict):
                self.report.not_reproduced.append(
                    {
                        "uid": relation.get("from_uuid"),
                        "path": paths.get(relation.get("from_uuid"), ""),
                        "what": f"relatie ({relation.get('from_attribute')})",
                        "detail": relation.get("to_uuid"),
                    }
                )
