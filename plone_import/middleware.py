"""Old Plone addresses of files and images that no redirect names, answered instead of a 404.

Plone served an image or file under many URLs (`/@@images/image/<any scale>`, scale files like
`/@@images/image-800-<hash>.png`, `/@@download/file/<name>`, `/image_thumb`, `/view`...). The
import makes redirects for the usual ones only; this middleware catches the rest. It only acts
on a 404 that Wagtail's redirects did not answer and whose path ends in such a Plone suffix, and
then costs one indexed query on the origins table (plus the page's URL for a page).
"""

import re

from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpResponsePermanentRedirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .models import Origin

SUFFIX = re.compile(
    r"^(?P<path>/.+?)(?:"
    r"/@@(?P<view>images|download|display-file)(?:/(?P<field>[A-Za-z_]*)[^/]*)?(?:/[^/]*)?"
    r"|/at_download(?:/(?P<at_field>[A-Za-z_]*))?(?:/[^/]*)?"
    r"|/(?P<scale>image_[a-z_]+)"
    r"|/view"
    r")/?$"
)


def old_item(path):
    """(the item's old path, whether an image is asked for), or None for other paths."""
    match = SUFFIX.match(path)
    if match is None:
        return None
    field = match["field"] or match["at_field"] or ""
    wants_image = bool(match["scale"]) or match["view"] == "images" or field == "image"
    return match["path"], wants_image


def target_url(request, path):
    """Where the old Plone URL `path` leads now, or None."""
    found = old_item(path)
    if found is None:
        return None
    old_path, wants_image = found
    documents, images = get_document_model(), get_image_model()
    rows = list(
        Origin.objects.filter(
            old_path=old_path,
            kind__in=[Origin.Kind.PAGE, Origin.Kind.DOCUMENT, Origin.Kind.IMAGE],
            object_id__isnull=False,
        )
        .annotate(
            document_file=Subquery(
                documents.objects.filter(pk=OuterRef("object_id")).values("file")[:1]
            ),
            image_file=Subquery(images.objects.filter(pk=OuterRef("object_id")).values("file")[:1]),
            # A restricted image (not public in Plone) is not pointed at: its file is public.
            image_restricted=Exists(
                images.objects.filter(
                    pk=OuterRef("object_id"), collection__view_restrictions__isnull=False
                )
            ),
        )
        .values_list("kind", "object_id", "document_file", "image_file", "image_restricted")
    )
    # A News Item and its lead image share the old path: the image when one is asked for.
    rows.sort(key=lambda row: (row[0] == Origin.Kind.IMAGE) != wants_image)
    for kind, object_id, document_file, image_file, image_restricted in rows:
        if kind == Origin.Kind.IMAGE and image_file and not image_restricted:
            return default_storage.url(image_file)
        if kind == Origin.Kind.DOCUMENT and document_file:
            return documents(id=object_id, file=document_file).url
        if kind == Origin.Kind.PAGE:
            page = Page.objects.live().filter(pk=object_id).first()
            if page is not None:
                return page.get_url(request)
    return None


class PloneMediaRedirectMiddleware:
    """Placed before (around) Wagtail's RedirectMiddleware: sees the 404s it left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        url = target_url(request, request.path_info)
        return HttpResponsePermanentRedirect(url) if url else response
