"""New pages and the origin and redirect rows of the import, written a chunk at a time.

Creating pages one by one with treebeard's add_child() and Page.save() costs some thirty queries
each (lock the parent, find its last child, bump numchild, look up the locale, the revision, the
log entry, the redirect...). The importer only prepares a new page per item: its place in the
tree (path, depth, url_path, slug) is computed here, in memory, from the parent's last child.
The rows of a whole chunk are then inserted together, a few statements per chunk.

That needs a few of treebeard's and Wagtail's private helpers (`Page._get_path`, `_int2str`,
`_str2int` for tree paths, `QuerySet._insert` for the child tables, `ReferenceIndex`'s reference
extraction): the public alternative, `add_child()` and `save_revision().publish()` per page, was
tried first and took 308 s and 28 ms CPU per item for 10,000 items, against 43 s and 4.3 ms
(`bench/results/plone_import.md`). Each use is marked below.
"""

import hashlib
import json
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import ClusterableModel, get_all_child_relations
from treebeard.exceptions import PathOverflow
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.models.content_types import get_default_page_content_type

from .links import resolve_blocks
from .models import Origin

PATH_MAX = Page._meta.get_field("path").max_length
REDIRECT_MAX = Redirect._meta.get_field("old_path").max_length
LINK_MAX = Redirect._meta.get_field("redirect_link").max_length
IN_BATCH = 500  # ids per `IN (...)` list: far below the parameter limits of SQLite and PostgreSQL


class ParentMissing(Exception):
    """The parent page of a new page was not written (its own write failed)."""


def digest_of(*items):
    """sha256 over the JSON of the items; open, so the parent's id can be added later."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps(item, sort_keys=True, default=str).encode())
    return digest


class Node:
    """A page that can get children during the import: where the next child goes."""

    __slots__ = ("depth", "last_step", "locale_id", "path", "pk", "slugs", "url_path")

    def __init__(self, pk, path, depth, url_path, locale_id, last_step=0, slugs=None):
        self.pk = pk
        self.path = path
        self.depth = depth
        self.url_path = url_path
        self.locale_id = locale_id
        self.last_step = last_step
        self.slugs = slugs

    def place_child(self, page, wanted):
        """Give `page` the next place under this node, as add_child() would: the position after
        the last child, and a slug not yet used among the siblings."""
        depth = self.depth + 1
        step = self.last_step + 1
        # Private treebeard helpers (see the module docstring): the path add_child() would give.
        if len(Page._int2str(step)) > Page.steplen:
            raise PathOverflow(f"te veel pagina's onder {self.url_path}")
        path = Page._get_path(self.path, depth, step)
        if len(path) > PATH_MAX:
            raise PathOverflow(f"te diep in de boom: {self.url_path}")
        if self.slugs is None:
            self.slugs = set()
        base = slugify(wanted)[:200] or "pagina"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.last_step = step
        self.slugs.add(slug)
        page.path, page.depth, page.slug = path, depth, slug
        page.url_path = f"{self.url_path}{slug}/"
        page.locale_id = self.locale_id
        return Node(None, path, depth, page.url_path, self.locale_id)


class Tree:
    """Nodes of the pages the import adds children to, so a new page needs no query.

    A written page's node is read (and its row locked, as add_child() does) once per chunk:
    the importer clears them when a chunk starts, so pages others add meanwhile are seen."""

    def __init__(self):
        self.by_pk = {}
        self.pending = {}  # old Plone path -> node of a page that is not written yet

    def node(self, pk):
        node = self.by_pk.get(pk)
        if node is None:
            path, depth, url_path, locale_id = (
                Page.objects.select_for_update()
                .values_list("path", "depth", "url_path", "locale_id")
                .get(pk=pk)
            )
            children = list(
                Page.objects.filter(path__startswith=path, depth=depth + 1).values_list(
                    "path", "slug"
                )
            )
            last = max((p for p, _ in children), default=None)
            node = Node(
                pk,
                path,
                depth,
                url_path,
                locale_id,
                last_step=Page._str2int(last[-Page.steplen :]) if last else 0,
                slugs={slug for _, slug in children},
            )
            self.by_pk[pk] = node
        return node

    def clear(self):
        """Forget the nodes of written pages: at a new chunk, or after a move or slug change
        outside this module."""
        self.by_pk.clear()


@dataclass(eq=False, slots=True)
class Unit:
    """What one item leaves to write: a new page and its rows, origins, redirects."""

    entry: object
    page: object = None  # a new page, not saved yet
    node: Node = None  # its own node, for its children
    parent: Node = None
    blocks: list = None  # its body before the chunk's references are resolved
    refs: list = None  # references to resolve once the chunk's pages have ids
    digest: object = None  # digest_of(item, default item); the parent's id is added on write
    revision_at: object = None
    created_at: object = None  # Plone's `created`: the date of the page's "created" log entry
    go_live_at: object = None
    submit: bool = False  # pending in Plone: start the moderation workflow once written
    page_origin: object = None
    origins: list = field(default_factory=list)
    redirects: list = field(default_factory=list)  # (normalised old path, page, link)
    dated: list = field(default_factory=list)  # saved documents/images: created_at to write
    done: list = field(default_factory=list)  # report updates, run once the rows are written

    def has_writes(self):
        return bool(self.page is not None or self.origins or self.redirects or self.dated)


def write(units, resolver, submit):
    """Insert the rows of these units. Raises on failure; the caller rolls back the savepoint
    and this function has put the objects and the resolver back as they were."""
    pages = [u for u in units if u.page is not None]
    new_origins = [origin for unit in units for origin in unit.origins if origin.pk is None]
    resolved = []
    try:
        if pages:
            _insert_pages(pages)
            for unit in pages:
                origin = unit.page_origin
                origin.content_type_id = unit.page.content_type_id
                origin.object_id = unit.page.pk
                resolver.add(origin)
                resolved.append(origin)
            for unit in pages:
                _resolve(unit, resolver)
            _insert_specific(pages)
            _insert_tags(pages)
            _insert_revisions(pages)
            _insert_log_entries(pages)
        _write_origins(units, new_origins)
        _write_redirects(units)
        _write_created_dates(units)
        for unit in pages:
            if unit.submit:
                submit(unit.page)
    except BaseException:
        for origin in resolved:
            resolver.forget(origin)
        _reset(pages, new_origins)
        raise


def _reset(pages, new_origins):
    for unit in pages:
        page = unit.page
        page.id = page.page_ptr_id = None
        page.latest_revision_id = page.live_revision_id = None
        page._state.adding = True
        unit.node.pk = None
        for item in page.tagged_items.all():
            item.pk = None
            item._state.adding = True
    for origin in new_origins:
        origin.pk = None
        origin._state.adding = True
    for unit in pages:
        unit.page_origin.object_id = None


def _column(name):
    return connection.ops.quote_name(Page._meta.get_field(name).column)


def _update_pages(assignments, params):
    """One UPDATE of wagtailcore_page per row, sent together (executemany): cheaper than
    bulk_update's CASE expressions. `assignments` is built from field names only."""
    if not params:
        return
    table = connection.ops.quote_name(Page._meta.db_table)
    sql = f"UPDATE {table} SET {assignments} WHERE {_column('id')} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _insert_pages(pages):
    """The wagtailcore_page rows of the new pages, with numchild counted here."""
    here = {unit.node for unit in pages}
    children = Counter()
    for unit in pages:
        if unit.parent.pk is None and unit.parent not in here:
            raise ParentMissing("bovenliggende pagina is niet opgeslagen")
        children[unit.parent] += 1
    for unit in pages:
        unit.page.numchild = children.pop(unit.node, 0)
    # Page's own manager: its rows only (bulk_create refuses multi-table models; the
    # ContentPage rows follow in _insert_specific, as Model.save() does it in two inserts).
    Page.objects.bulk_create([unit.page for unit in pages])
    for unit in pages:
        unit.page.page_ptr_id = unit.page.id
        unit.node.pk = unit.page.id
    numchild = _column("numchild")
    _update_pages(
        f"{numchild} = {numchild} + %s", [(count, node.pk) for node, count in children.items()]
    )


def _resolve(unit, resolver):
    """References to items imported before this write (this chunk included) become links."""
    blocks = [dict(block) for block in unit.blocks]
    still = []
    if unit.refs:
        blocks, still, _ = resolve_blocks(blocks, unit.refs, resolver, unit.entry.path)
    unit.page.body = blocks
    unit.page_origin.pending = still or None


def _insert_specific(pages):
    by_model = defaultdict(list)
    for unit in pages:
        by_model[type(unit.page)].append(unit.page)
    for model, objs in by_model.items():
        fields = model._meta.local_concrete_fields
        size = max(connection.ops.bulk_batch_size(fields, objs), 1)
        for start in range(0, len(objs), size):
            # What Model.save() does for the child table of a multi-table model, for many rows
            # (private: bulk_create() refuses multi-table models; see the module docstring).
            model._base_manager._insert(objs[start : start + size], fields=fields)


def _insert_tags(pages):
    """The tags of the new pages, one insert per page type's tag table."""
    by_model = defaultdict(list)
    for unit in pages:
        for item in unit.page.tagged_items.all():
            item.content_object = unit.page
            by_model[type(item)].append(item)
    for model, items in by_model.items():
        model.objects.bulk_create(items)


def _insert_revisions(pages):
    """One revision per page (Wagtail's admin needs latest_revision), dated as in Plone."""
    base_type = get_default_page_content_type().pk  # what Page.get_base_content_type() gives
    revisions = []
    for unit in pages:
        page = unit.page
        revisions.append(
            Revision(
                content_type_id=page.content_type_id,
                base_content_type_id=base_type,
                object_id=str(page.pk),
                created_at=unit.revision_at,
                content=page.serializable_data(),
                object_str=str(page)[:255],
                approved_go_live_at=unit.go_live_at,
            )
        )
    Revision.objects.bulk_create(revisions)
    params = []
    for unit, revision in zip(pages, revisions, strict=True):
        page = unit.page
        page.latest_revision_id = revision.pk
        page.live_revision_id = revision.pk if page.live else None
        params.append((page.latest_revision_id, page.live_revision_id, page.pk))
    _update_pages(f"{_column('latest_revision')} = %s, {_column('live_revision')} = %s", params)


def _insert_log_entries(pages):
    """The 'created' entry Page.save() logs for a new page, so its history is not empty. It is
    what Wagtail's page history shows as the creation, so it carries Plone's `created` date."""
    context = get_active_log_context()
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type_id=unit.page.content_type_id,
                label=unit.page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=unit.created_at or now,
                data={},
                uuid=context.uuid,
                user=unit.page.owner or context.user,
                content_changed=True,
                page_id=unit.page.pk,
            )
            for unit in pages
        ]
    )


def _write_created_dates(units):
    """Plone's creation date on the documents and images (auto_now_add set the import time)."""
    by_model = defaultdict(list)
    for unit in units:
        for obj in unit.dated:
            by_model[type(obj)].append(obj)
    for model, objs in by_model.items():
        model._default_manager.bulk_update(objs, ["created_at"])


def _write_origins(units, new):
    """New origins in one insert; the few that existed (a page made again) one by one."""
    for unit in units:
        if unit.page is not None:
            digest = unit.digest.copy()
            digest.update(json.dumps(unit.parent.pk).encode())
            unit.page_origin.checksum = digest.hexdigest()
    Origin.objects.bulk_create(new)
    created = {id(origin) for origin in new}
    for unit in units:
        for origin in unit.origins:
            if id(origin) not in created:
                origin.save()


def _write_redirects(units):
    """Redirects keyed on their old path: the last one written for a path wins."""
    wanted = {}
    for unit in units:
        for old_path, page, link in unit.redirects:
            if page is not None and page.pk is None:
                continue
            wanted[old_path] = (page.pk if page is not None else None, "" if page else link)
    if not wanted:
        return
    existing = defaultdict(list)
    paths = list(wanted)
    for start in range(0, len(paths), IN_BATCH):
        for redirect in Redirect.objects.filter(
            site=None, old_path__in=paths[start : start + IN_BATCH]
        ):
            existing[redirect.old_path].append(redirect)
    create, update = [], []
    for old_path, (page_id, link) in wanted.items():
        values = {
            "redirect_page_id": page_id,
            "redirect_link": link,
            "redirect_page_route_path": "",
            "is_permanent": True,
            "automatically_created": False,
        }
        if old_path not in existing:
            create.append(Redirect(old_path=old_path, site=None, **values))
            continue
        for redirect in existing[old_path]:
            if any(getattr(redirect, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(redirect, name, value)
                update.append(redirect)
    Redirect.objects.bulk_create(create)
    if update:
        Redirect.objects.bulk_update(update, [name for name in values if name != "old_path"])


def normalise_redirect(old_path):
    """The stored form of an old path, or None when Wagtail cannot redirect it."""
    normalised = Redirect.normalise_path(old_path)
    if not normalised or normalised == "/":
        return None
    return normalised


def reindex(model, ids, backends):
    """Search and reference index for these objects, loaded again: a few queries per 500."""
    from modelsearch.index import RelatedFields

    ids = sorted(ids)
    children = []
    if issubclass(model, ClusterableModel):
        children = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
    for start in range(0, len(ids), IN_BATCH):
        queryset = model._default_manager.filter(pk__in=ids[start : start + IN_BATCH])
        if hasattr(model, "get_search_fields"):
            for search_field in model.get_search_fields():
                if isinstance(search_field, RelatedFields):
                    queryset = search_field.select_on_queryset(queryset)
        index(model, list(queryset.prefetch_related(*children)), backends)


def index(model, objects, backends):
    """Search and reference index for objects of one model (in memory, or loaded by reindex)."""
    with search_values_once(model):
        for backend in backends:
            backend.add_bulk(model, objects)
    update_reference_index(objects)


@contextmanager
def search_values_once(model):
    """modelsearch's indexers ask every search field for its value once per index column
    (three times with SQLite, five with PostgreSQL), and a StreamField's value is the text of
    each rich text block stripped of its tags. While this is active each field computes its
    value once per object; the memo keeps the objects it saw alive, so ids are not reused."""
    from modelsearch.index import AutocompleteField, RelatedFields, SearchField

    def fields(search_fields):
        for search_field in search_fields:
            if isinstance(search_field, SearchField | AutocompleteField):
                yield search_field
            elif isinstance(search_field, RelatedFields):
                yield from fields(search_field.fields)

    def once(search_field, get_value):
        def value(obj):
            key = (id(search_field), id(obj))
            if key not in memo:
                memo[key] = (obj, get_value(obj))
            return memo[key][1]

        return value

    memo = {}
    wrapped = list({id(f): f for f in fields(model.get_search_fields())}.values())
    for search_field in wrapped:
        search_field.get_value = once(search_field, search_field.get_value)
    try:
        yield
    finally:
        for search_field in wrapped:
            del search_field.get_value


def update_reference_index(objects):
    """ReferenceIndex.create_or_update_for_object() for many objects of one model: one query
    for the rows they have and one insert for the new ones, instead of both per object."""
    if not objects:
        return
    model = type(objects[0])
    if not ReferenceIndex.is_indexed(model):
        return
    content_types = [
        ContentType.objects.get_for_model(m, for_concrete_model=False)
        for m in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known = {ct.pk for ct in content_types}
    existing = defaultdict(dict)
    for row in ReferenceIndex.objects.filter(
        base_content_type=base_content_type, object_id__in=[str(obj.pk) for obj in objects]
    ).values_list(
        "object_id",
        "id",
        "content_type_id",
        "to_content_type_id",
        "to_object_id",
        "model_path",
        "content_path",
    ):
        existing[row[0]][row[3:]] = (row[2], row[1])
    create, delete = [], []
    for obj in objects:
        object_id = str(obj.pk)
        # Private (see the module docstring): ReferenceIndex.create_or_update_for_object() is the
        # public call, a few queries per object instead of one bulk write per chunk.
        references = set(ReferenceIndex._extract_references_from_object(obj))
        had = existing.get(object_id, {})
        for to_content_type_id, to_object_id, model_path, content_path in references - set(had):
            create.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=object_id,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
        for reference, (row_content_type, row_id) in had.items():
            # As Wagtail: a row recorded for a more specific model is not ours to delete.
            if reference not in references and row_content_type in known:
                delete.append(row_id)
    ReferenceIndex.objects.bulk_create(
        create, ignore_conflicts=connection.features.supports_ignore_conflicts
    )
    if delete:
        ReferenceIndex.objects.filter(id__in=delete).delete()
