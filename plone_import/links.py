"""The link pass: once every item exists, Plone references become Wagtail page, document and
image links, and Plone's old URLs become permanent redirects.

A reference is `resolveuid/<UID>` (also `../resolveuid/<UID>`, `${portal_url}/resolveuid/...`),
a path inside the old site, or an absolute URL under one of the old site's addresses; suffixes
such as `/@@images/image/preview`, `/@@download/file` and `/view` point at the same item.
"""

import posixpath
import re
from html import escape
from urllib.parse import unquote, urlsplit

from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .models import Origin

RESOLVEUID = re.compile(r"resolve[Uu]id/([A-Za-z0-9_-]+)")
ANCHOR_HREF = re.compile(r'<a href="([^"]*)"')
VIEW_SUFFIXES = {
    "view",
    "image_view",
    "image_view_fullscreen",
    "image_preview",
    "image_large",
    "image_thumb",
    "image_mini",
    "image_icon",
    "image_tile",
    "at_download",
    "download",
    "file",
    "image",
    "edit",
}
EXTERNAL_SCHEMES = ("mailto:", "tel:", "#", "javascript:", "data:", "ftp:")
PORTAL_URL = "${portal_url}"


def old_download_paths(old_path, kind, filename=""):
    """The URLs Plone served a file or image under, besides the item's own path."""
    if kind == Origin.Kind.DOCUMENT:
        paths = ["/@@download/file", "/at_download/file", "/view", "/@@display-file/file"]
        if filename:
            paths.append(f"/@@download/file/{filename}")
    else:
        paths = [
            "/@@images/image",
            "/@@images/image/large",
            "/@@images/image/preview",
            "/image_view_fullscreen",
            "/view",
            "/@@download/image",
        ]
        if filename:
            paths.append(f"/@@download/image/{filename}")
    return [old_path.rstrip("/") + suffix for suffix in paths]


def set_redirect(old_path, page=None, link=""):
    """A permanent site-independent redirect; idempotent on the old path."""
    normalised = Redirect.normalise_path(old_path)
    if not normalised or normalised == "/":
        return None
    redirect, _ = Redirect.objects.update_or_create(
        old_path=normalised,
        site=None,
        defaults={
            "redirect_page": page,
            "redirect_link": "" if page else link,
            "redirect_page_route_path": "",
            "is_permanent": True,
            "automatically_created": False,
        },
    )
    return redirect


class Resolver:
    """Finds the Wagtail object an old Plone reference points at, using the origins table."""

    def __init__(self, root_urls=(), site_id="", any_host=False):
        self.root_urls = sorted({u.rstrip("/") for u in root_urls if u}, key=len, reverse=True)
        self.site_paths = sorted(
            {urlsplit(u).path.rstrip("/") for u in self.root_urls}
            | ({f"/{site_id}"} if site_id else set()),
            key=len,
            reverse=True,
        )
        self.site_paths = [p for p in self.site_paths if p]
        # Without the old site's address, an absolute URL whose path starts with the site root's
        # path (`/Plone/...`, from its @id in the export) is taken to be a link to the old site.
        self.any_host = any_host
        self.by_uid = {}
        self.by_path = {}
        self.links_by_uid = {}  # Link items: uid -> remoteUrl
        self.links_by_path = {}
        self._urls = {}

    def load(self):
        """All origins in two dicts: a few small tuples per item, loaded once per link pass."""
        for uid, kind, object_id, old_path, remote_url, pending in Origin.objects.values_list(
            "uid", "kind", "object_id", "old_path", "remote_url", "pending"
        ).iterator(chunk_size=2000):
            if kind == Origin.Kind.LINK:
                # (Origins of an import before remote_url existed: the remote while pending.)
                remote = remote_url or (pending or {}).get("remote", "")
                if remote:
                    self.links_by_uid[uid] = remote
                    self.links_by_path.setdefault(old_path.rstrip("/") or "/", remote)
                continue
            self.by_uid[uid] = (kind, object_id)
            self.by_path.setdefault(old_path.rstrip("/") or "/", (kind, object_id))
        return self

    def add(self, origin):
        """Keep the maps current while items are imported."""
        if origin.kind == Origin.Kind.LINK:
            if origin.remote_url:
                self.links_by_uid[origin.uid] = origin.remote_url
                self.links_by_path[origin.old_path.rstrip("/") or "/"] = origin.remote_url
            return
        value = (origin.kind, origin.object_id)
        self.by_uid[origin.uid] = value
        self.by_path[origin.old_path.rstrip("/") or "/"] = value

    def forget(self, origin):
        """Undo add() for an object whose write was rolled back."""
        value = (origin.kind, origin.object_id)
        path = origin.old_path.rstrip("/") or "/"
        if self.by_uid.get(origin.uid) == value:
            del self.by_uid[origin.uid]
        if self.by_path.get(path) == value:
            del self.by_path[path]

    def is_internal(self, url):
        """Whether a URL points into the old site (so it must be resolved or reported)."""
        url = (url or "").strip()
        if not url or url.startswith(EXTERNAL_SCHEMES):
            return False
        if url.startswith(f"{settings.MEDIA_URL}original_images/"):
            return False  # a link to an image file the import wrote itself (url_of)
        if RESOLVEUID.search(url) or url.startswith(PORTAL_URL):
            return True
        if url.startswith(("http://", "https://", "//")):
            return any(url == r or url.startswith(r + "/") for r in self.root_urls) or (
                self._under_site_path(url)
            )
        return True

    def _under_site_path(self, url):
        if not self.any_host:
            return False
        path = urlsplit(url).path.lower()
        return any(path == p.lower() or path.startswith(p.lower() + "/") for p in self.site_paths)

    def old_path(self, url, base_path="/"):
        """The site-relative path a reference names (None for an external URL)."""
        url = unquote((url or "").strip())
        if url.startswith(PORTAL_URL):
            url = url[len(PORTAL_URL) :] or "/"
        elif url.startswith(("http://", "https://", "//")):
            root = next((r for r in self.root_urls if url == r or url.startswith(r + "/")), None)
            if root is not None:
                url = url[len(root) :] or "/"
            elif self._under_site_path(url):
                url = urlsplit(url).path  # strip_site() takes the site's path off
            else:
                return None
        path = urlsplit(url).path
        if not path.startswith("/"):
            path = posixpath.join(base_path or "/", path)
        path = posixpath.normpath(path)
        for marker in ("/@@", "/++"):
            if marker in path:
                path = path.split(marker, 1)[0]
        return "/" + "/".join(p for p in path.split("/") if p)

    def _lookup(self, path):
        """Exact path first, then without trailing view names (/view, /image_view_fullscreen)."""
        parts = [p for p in path.split("/") if p]
        while True:
            found = self.by_path.get("/" + "/".join(parts))
            if found or not parts or parts[-1] not in VIEW_SUFFIXES:
                return found
            parts.pop()

    def resolve(self, url, base_path="/", _hops=0):
        """(kind, object_id) for an internal reference, ("external", url) or None (unresolved).

        A reference to a Link item is followed to its remoteUrl (external: that URL)."""
        if not self.is_internal(url):
            return ("external", url)
        match = RESOLVEUID.search(url)
        if match:
            uid = match.group(1)
            if uid in self.by_uid:
                return self.by_uid[uid]
            return self._follow_link(self.links_by_uid.get(uid), _hops)
        path = self.old_path(url, base_path)
        if path is None:
            return ("external", url)
        candidates = [path]
        if base_path and not url.startswith(("/", "http", PORTAL_URL)):
            # Relative links in a document resolve against its folder as well as itself.
            parent = base_path.rstrip("/").rsplit("/", 1)[0] or "/"
            candidates.append(self.old_path(url, parent))
        candidates.append(self.strip_site(path))
        for candidate in candidates:
            found = self._lookup(candidate)
            if found:
                return found
        for candidate in candidates:
            if candidate in self.links_by_path:
                return self._follow_link(self.links_by_path[candidate], _hops)
        return None

    def _follow_link(self, remote, hops):
        """Where a Link item leads; a Link to a Link is followed a few times, not forever."""
        if not remote or hops > 3:
            return None
        return self.resolve(remote, "/", _hops=hops + 1)

    def strip_site(self, path):
        """Plone's physical paths start with the site id (/Plone/...); public ones do not."""
        for site_path in self.site_paths:
            if path.lower() == site_path.lower() or path.lower().startswith(
                site_path.lower() + "/"
            ):
                return path[len(site_path) :] or "/"
        return path

    def url_of(self, kind, object_id):
        """Public URL of a document or image (cached), for redirects and links to images."""
        key = (kind, object_id)
        if key not in self._urls:
            if kind == Origin.Kind.DOCUMENT:
                doc = get_document_model().objects.filter(pk=object_id).first()
                self._urls[key] = doc.url if doc else ""
            elif kind == Origin.Kind.IMAGE:
                image = get_image_model().objects.filter(pk=object_id).first()
                self._urls[key] = image.file.url if image else ""
            else:
                page = Page.objects.filter(pk=object_id).first()
                self._urls[key] = page.url if page else ""
        return self._urls[key]


def rewrite_richtext(html, resolver, base_path, unresolved):
    """Turn anchors to old-site items into Wagtail's page/document link format."""

    def replace(match):
        href = match.group(1).replace("&amp;", "&")
        target = resolver.resolve(href, base_path)
        if target is None:
            unresolved.append(href)
            return match.group(0)
        kind, object_id = target
        if kind == "external":
            # A Link item's remoteUrl; an external link as written stays as it was.
            return match.group(0) if object_id == href else f'<a href="{escape(object_id)}"'
        if object_id is None:
            return match.group(0)
        if kind == Origin.Kind.PAGE:
            return f'<a linktype="page" id="{object_id}"'
        if kind == Origin.Kind.DOCUMENT:
            return f'<a linktype="document" id="{object_id}"'
        url = resolver.url_of(kind, object_id)
        return f'<a href="{url}"' if url else match.group(0)

    return ANCHOR_HREF.sub(replace, html)


def resolve_blocks(blocks, pending, resolver, base_path):
    """Swap stand-in blocks for image/document/call-to-action blocks and rewrite rich text.

    Returns the new blocks, the references still unresolved (kept for the next run) and the
    unresolved URLs for the report.
    """
    unresolved_urls = []
    still_pending = []
    for ref in pending or []:
        index = ref.get("i")
        if ref.get("kind") == "richtext" or index is None or index >= len(blocks):
            continue
        target = resolver.resolve(ref["url"], base_path)
        new_block = _block_for(ref, target, resolver)
        if new_block is None:
            if target is None or target[1] is not None:
                # Not found, or found but not usable here (e.g. an image URL naming a page).
                unresolved_urls.append(ref["url"])
                still_pending.append(ref)
            continue
        blocks[index] = {**new_block, "id": blocks[index].get("id")}
    for block in blocks:
        if block.get("type") == "paragraph" and isinstance(block.get("value"), str):
            before = len(unresolved_urls)
            block["value"] = rewrite_richtext(block["value"], resolver, base_path, unresolved_urls)
            if len(unresolved_urls) > before and not any(
                p.get("kind") == "richtext" for p in still_pending
            ):
                still_pending.append({"kind": "richtext"})
    return blocks, still_pending, unresolved_urls


def _block_for(ref, target, resolver):
    if target is None:
        return None
    kind, object_id = target
    if kind != "external" and object_id is None:
        return None  # dry run: the document or image was not stored
    if ref["kind"] == "image":
        if kind != Origin.Kind.IMAGE:
            return None
        return {
            "type": "image",
            "value": {
                "image": {
                    "image": object_id,
                    "alt_text": ref.get("alt", "")[:255],
                    "decorative": False,
                },
                "caption": ref.get("caption", ""),
            },
        }
    if kind == Origin.Kind.DOCUMENT:
        return {"type": "document", "value": {"document": object_id, "title": ref["title"]}}
    value = {
        "title": ref["title"],
        "text": ref.get("text", ""),
        "page": None,
        "url": "",
        "button_text": ref.get("button_text") or "Lees meer",
    }
    if kind == Origin.Kind.PAGE:
        value["page"] = object_id
    elif kind == Origin.Kind.IMAGE:
        value["url"] = resolver.url_of(kind, object_id)
    else:
        url = object_id  # the URL as written, or where the Link item it names leads
        if not url.startswith(("http://", "https://")):
            return None
        value["url"] = url
    return {"type": "call_to_action", "value": value}
