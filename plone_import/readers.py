"""Streaming readers for the two Plone export layouts.

Both readers make one light pass that keeps only a small index entry per item (path, depth,
position), then hand the items out one at a time, parents before children and siblings in their
Plone order. An export of any size is never held in memory: the JSON array of
collective.exportimport is parsed with ijson and spooled item by item to a temporary file.
"""

import base64
import binascii
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import ijson

SITE_ROOT_TYPES = {"Plone Site", "LRF"}
SITE_ROOT_UID = "plone_site_root"
ARRAY_SIDE_FILES = {
    "redirects": "export_redirects.json",
    "defaultpages": "export_defaultpages.json",
    "ordering": "export_ordering.json",
    "relations": "export_relations.json",
    "translations": "export_translations.json",
    "localroles": "export_localroles.json",
}


class ReadError(Exception):
    """An item that cannot be read (broken JSON, not an object, no @id)."""


@dataclass(slots=True)
class Entry:
    """The index entry of one item: enough to order the import without keeping the item."""

    seq: int
    uid: str
    portal_type: str
    raw_id: str
    raw_parent_id: str
    parent_is_root: bool
    location: object
    path: str = ""
    parent_path: str = ""
    depth: int = 0
    position: int | None = None
    problem: str = ""  # something odd the item is imported despite, for the report

    @property
    def is_site_root(self):
        return self.portal_type in SITE_ROOT_TYPES or self.uid == SITE_ROOT_UID


@dataclass
class Export:
    """What the reader found: the ordered entries plus the side files (all small)."""

    layout: str
    source: Path
    entries: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    redirects: dict = field(default_factory=dict)
    default_pages: dict = field(default_factory=dict)  # default page uid -> folder uid
    relations: list = field(default_factory=list)
    translations: list = field(default_factory=list)
    local_roles: dict = field(default_factory=dict)
    local_permissions: dict = field(default_factory=dict)  # uid -> {permission: settings}
    root_urls: set = field(default_factory=set)
    site_id: str = ""

    def by_uid(self):
        return {e.uid: e for e in self.entries}


def open_export(path):
    """Recognise the layout of PATH and return its reader."""
    path = Path(path)
    if path.is_dir() and (path / "content").is_dir():
        return DirectoryReader(path)
    if path.is_dir():
        arrays = sorted(p for p in path.glob("*.json") if p.name not in ARRAY_SIDE_FILES.values())
        if len(arrays) == 1:
            return ArrayReader(arrays[0])
        raise ReadError(
            f"{path}: geen plone.exportimport-map (content/) en geen eenduidig JSON-bestand"
        )
    if path.is_file():
        return ArrayReader(path)
    raise ReadError(f"{path} bestaat niet")


def _entry_from_item(seq, item, location):
    if not isinstance(item, dict):
        raise ReadError("item is geen JSON-object")
    raw_id = item.get("@id")
    if not isinstance(raw_id, str) or not raw_id:
        raise ReadError("item heeft geen @id")
    parent = item.get("parent") or {}
    problem = ""
    if not isinstance(parent, dict):
        # As if there were no parent: the folder above the item's own path is taken.
        problem = f"parent is geen JSON-object ({type(parent).__name__}); map afgeleid uit @id"
        parent = {}
    raw_parent_id = parent.get("@id")
    return Entry(
        seq=seq,
        uid=str(item.get("UID") or raw_id),
        portal_type=str(item.get("@type") or ""),
        raw_id=raw_id,
        raw_parent_id=raw_parent_id if isinstance(raw_parent_id, str) else "",
        parent_is_root=parent.get("@type") in SITE_ROOT_TYPES or parent.get("UID") == SITE_ROOT_UID,
        location=location,
        problem=problem,
    )


def _strip_root(url, root_urls):
    for root in sorted(root_urls, key=len, reverse=True):
        if url == root or url.startswith(root + "/"):
            return url[len(root) :] or "/"
    return None


def finish_index(export):
    """Turn raw @ids into site-relative paths, then order parents first and siblings by position."""
    for entry in export.entries:
        if entry.parent_is_root and entry.raw_parent_id.startswith(("http://", "https://")):
            export.root_urls.add(entry.raw_parent_id.rstrip("/"))
        if entry.is_site_root and entry.raw_id.startswith(("http://", "https://")):
            export.root_urls.add(entry.raw_id.rstrip("/"))
        elif entry.is_site_root and entry.raw_id.strip("/"):
            export.site_id = entry.raw_id.strip("/").split("/")[-1]
    if not export.site_id:
        for root in export.root_urls:
            export.site_id = urlsplit(root).path.strip("/").split("/")[-1]
            break

    def to_path(raw):
        if raw.startswith(("http://", "https://")):
            stripped = _strip_root(raw.rstrip("/"), export.root_urls)
            raw = stripped if stripped is not None else urlsplit(raw).path
        return "/" + raw.strip("/") if raw.strip("/") else "/"

    for entry in export.entries:
        if entry.is_site_root:
            entry.path, entry.parent_path = "/", ""
            continue
        entry.path = to_path(entry.raw_id)
        if entry.parent_is_root:
            entry.parent_path = "/"
        elif entry.raw_parent_id:
            entry.parent_path = to_path(entry.raw_parent_id)
        else:
            entry.parent_path = entry.path.rsplit("/", 1)[0] or "/"
        entry.depth = entry.path.count("/")
    export.entries.sort(
        key=lambda e: (e.depth, e.position if e.position is not None else 1 << 30, e.seq)
    )


class DirectoryReader:
    """plone.exportimport: content/__metadata__.json plus one content/<UID>/data.json per item."""

    layout = "plone.exportimport"

    def __init__(self, root):
        self.root = Path(root)
        self.content = self.root / "content"

    def _data_files(self):
        meta = self.content / "__metadata__.json"
        if meta.exists():
            with meta.open("rb") as fh:
                files = list(ijson.items(fh, "_data_files_.item"))
            if files:
                return files
        return sorted(str(p.relative_to(self.content)) for p in self.content.glob("*/data.json"))

    def _metadata_section(self, name):
        meta = self.content / "__metadata__.json"
        if not meta.exists():
            return {}
        with meta.open("rb") as fh:
            return dict(ijson.kvitems(fh, name, use_float=True))

    def scan(self):
        export = Export(layout=self.layout, source=self.root)
        ordering = self._metadata_section("ordering")
        for folder_uid, info in self._metadata_section("default_page").items():
            if isinstance(info, dict) and info.get("default_page_uuid"):
                export.default_pages[info["default_page_uuid"]] = folder_uid
        export.local_roles = self._metadata_section("local_roles")
        export.local_permissions = self._metadata_section("local_permissions")
        for seq, rel in enumerate(self._data_files()):
            try:
                location = self.content / rel
                entry = _entry_from_item(seq, self._read(location), location)
                entry.position = _position(ordering.get(entry.uid))
            except Exception as exc:  # noqa: BLE001 - one bad item never stops the rest
                export.errors.append({"source": str(rel), "reason": _reason(exc)})
                continue
            export.entries.append(entry)
        export.redirects = _load_small(self.root / "redirects.json", dict)
        export.relations = _load_small(self.root / "relations.json", list)
        export.translations = _load_small(self.root / "translations.json", list)
        finish_index(export)
        return export

    def _read(self, location):
        try:
            with open(location, "rb") as fh:
                return json.load(fh)
        except FileNotFoundError as exc:
            raise ReadError("bestand ontbreekt") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise ReadError(f"ongeldige JSON: {exc}") from exc

    def load(self, entry):
        return self._read(entry.location)

    def blob(self, item, field_value):
        """The bytes of a file/image field, or None when the blob is missing."""
        return read_blob(field_value, [self.content, self.root])

    def close(self):
        pass


class ArrayReader:
    """collective.exportimport: one JSON array of items plus optional export_*.json side files."""

    layout = "collective.exportimport"

    def __init__(self, path):
        self.path = Path(path)
        self.spool = None

    def scan(self):
        export = Export(layout=self.layout, source=self.path)
        self.spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        seq = 0
        try:
            with self.path.open("rb") as fh:
                for seq, item in enumerate(ijson.items(fh, "item", use_float=True)):  # noqa: B007
                    try:
                        data = json.dumps(item).encode()
                        offset = self.spool.tell()
                        self.spool.write(data)
                        export.entries.append(_entry_from_item(seq, item, (offset, len(data))))
                    except Exception as exc:  # noqa: BLE001 - one bad item never stops the rest
                        export.errors.append({"source": f"item {seq}", "reason": _reason(exc)})
        except (ijson.JSONError, ValueError, UnicodeDecodeError) as exc:
            where = f"na item {seq}" if export.entries or export.errors else "aan het begin"
            export.errors.append(
                {
                    "source": self.path.name,
                    "reason": f"ongeldige JSON {where}, de rest van het bestand is niet gelezen: "
                    f"{exc}",
                }
            )
        side = self.path.parent
        ordering = {}
        for row in _load_small(side / ARRAY_SIDE_FILES["ordering"], list):
            if isinstance(row, dict) and row.get("uuid") is not None:
                ordering[row["uuid"]] = row.get("order")
        if isinstance(loaded := _load_small(side / ARRAY_SIDE_FILES["ordering"], dict), dict):
            ordering.update(loaded)
        for entry in export.entries:
            entry.position = _position(ordering.get(entry.uid))
        export.redirects = _load_small(side / ARRAY_SIDE_FILES["redirects"], dict)
        export.relations = _load_small(side / ARRAY_SIDE_FILES["relations"], list)
        export.translations = _load_small(side / ARRAY_SIDE_FILES["translations"], list)
        for row in _load_small(side / ARRAY_SIDE_FILES["localroles"], list):
            if isinstance(row, dict) and row.get("uuid"):
                export.local_roles[row["uuid"]] = row
        finish_index(export)
        by_path = {e.path: e.uid for e in export.entries}
        uid_paths = {e.uid: e.path for e in export.entries}
        for row in _load_small(side / ARRAY_SIDE_FILES["defaultpages"], list):
            if not isinstance(row, dict) or not row.get("uuid"):
                continue
            page_uid = row.get("default_page_uuid")
            if not page_uid and row.get("default_page") and row["uuid"] in uid_paths:
                folder_path = uid_paths[row["uuid"]].rstrip("/")
                page_uid = by_path.get(f"{folder_path}/{row['default_page']}")
            if page_uid:
                export.default_pages[page_uid] = row["uuid"]
        return export

    def load(self, entry):
        offset, length = entry.location
        self.spool.seek(offset)
        return json.loads(self.spool.read(length))

    def blob(self, item, field_value):
        return read_blob(field_value, [self.path.parent])

    def close(self):
        if self.spool:
            self.spool.close()


def _position(value):
    """Position in the parent from an ordering file; anything odd counts as unknown."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    return int(value) if abs(value) < 1 << 30 else None


def _reason(exc):
    return str(exc) if isinstance(exc, ReadError) else f"{type(exc).__name__}: {exc}"


def _load_small(path, kind):
    """Side files (redirects, relations...) are small; a broken one is treated as absent."""
    if not path.exists():
        return kind()
    try:
        with path.open("rb") as fh:
            value = json.load(fh)
    except (ValueError, UnicodeDecodeError):
        return kind()
    return value if isinstance(value, kind) else kind()


def read_blob(field_value, bases):
    """Bytes of a blob from base64 `data` or a `blob_path`; None when it is not there."""
    if not isinstance(field_value, dict):
        return None
    data = field_value.get("data")
    if isinstance(data, str) and data:
        if field_value.get("encoding", "base64") == "base64":
            try:
                return base64.b64decode(data, validate=False)
            except (binascii.Error, ValueError):
                return None
        return data.encode()
    blob_path = field_value.get("blob_path")
    if isinstance(blob_path, str) and blob_path:
        candidates = [Path(blob_path)] if Path(blob_path).is_absolute() else []
        candidates += [Path(base) / blob_path.lstrip("/") for base in bases]
        for candidate in candidates:
            if candidate.is_file():
                return candidate.read_bytes()
    return None
