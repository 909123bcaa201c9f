"""What an upload is, decided by its bytes: its type, whether it is also markup, and (when clamd
is configured) whether it carries a virus.

The form field refuses what fails here; the stored name and the staff download take their
extension and content type from ``detect_type``, never from the name or the browser's claim.
"""

import logging
from typing import NamedTuple

from clamav_client.clamd import ClamdError, ClamdNetworkSocket
from django.conf import settings

logger = logging.getLogger(__name__)


class UploadType(NamedTuple):
    signature: bytes
    content_type: str
    extension: str


UPLOAD_TYPES = (
    UploadType(b"%PDF-", "application/pdf", ".pdf"),
    UploadType(b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    UploadType(b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
EXTENSIONS = {kind.extension for kind in UPLOAD_TYPES}
# A file that is a valid PDF or image and also HTML or script (a polyglot) runs as a page when a
# browser is ever talked into sniffing it. Real statements and photos never start or end so.
MARKUP_MARKERS = (
    b"<script",
    b"<html",
    b"<svg",
    b"<!doctype html",
    b"<iframe",
    b"<object",
    b"<embed",
    b"javascript:",
)
MARKUP_WINDOW = 1024


def _read_at(fileobj, offset, size):
    fileobj.seek(offset)
    data = fileobj.read(size)
    fileobj.seek(0)
    return data


def detect_type(fileobj):
    """The UploadType whose signature the file starts with, or None."""
    head = _read_at(fileobj, 0, 16)
    return next((kind for kind in UPLOAD_TYPES if head.startswith(kind.signature)), None)


def contains_markup(fileobj, size):
    """True when the first or the last KB holds an HTML or script marker (any case)."""
    if size <= 2 * MARKUP_WINDOW:
        windows = (_read_at(fileobj, 0, size),)
    else:
        windows = (
            _read_at(fileobj, 0, MARKUP_WINDOW),
            _read_at(fileobj, size - MARKUP_WINDOW, MARKUP_WINDOW),
        )
    return any(marker in window.lower() for window in windows for marker in MARKUP_MARKERS)


class ScanUnavailable(Exception):
    """clamd is configured but gave no usable answer: the upload must not be accepted."""


def scan(fileobj):
    """The signature name clamd found, or None for a clean file (or when no clamd is configured).

    clamav-client (a maintained fork of the clamd package) speaks INSTREAM: chunks with a 4-byte
    big-endian length, ended by a zero length; clamd answers ``stream: OK`` or
    ``stream: <name> FOUND``.
    """
    if not settings.CLAMAV_HOST:
        return None
    client = ClamdNetworkSocket(
        settings.CLAMAV_HOST, settings.CLAMAV_PORT, timeout=settings.CLAMAV_TIMEOUT
    )
    fileobj.seek(0)
    try:
        result = client.instream(fileobj)
    except (ClamdError, OSError) as error:
        logger.error("Virus scan unavailable (%s:%s): %s", client.host, client.port, error)
        raise ScanUnavailable from error
    finally:
        fileobj.seek(0)
    status, signature = result.get("stream", (None, None))
    if status == "OK":
        return None
    if status == "FOUND":
        logger.warning("Upload refused, clamd found %s", signature)
        return signature or "unknown"
    logger.error("Virus scan gave no usable answer: %r", result)
    raise ScanUnavailable
