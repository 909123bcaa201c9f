"""Private storage for form uploads: outside MEDIA_ROOT and without a URL.

Files are only ever streamed by a staff view that checks permissions (the queue); nothing in
``portal/urls.py`` serves PRIVATE_MEDIA_ROOT.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from .uploads import EXTENSIONS


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage rooted at PRIVATE_MEDIA_ROOT with no base URL (``url()`` refuses)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    def url(self, name):
        raise ValueError("Private uploads have no public URL; use the staff download view.")


def private_storage():
    """Callable for FileField(storage=...): keeps the path out of migrations and follows test
    settings that change PRIVATE_MEDIA_ROOT."""
    return PrivateStorage()


def wizard_temp_storage():
    """Where formtools keeps uploads between steps (purged by ``purge_wizard_files``)."""
    return PrivateStorage(location=PurePath(settings.PRIVATE_MEDIA_ROOT) / "wizard_tmp")


def submission_upload_to(instance, filename):
    """A random name with the extension of the detected type.

    The upload field has already named the file for its detected type (forms/upload_field.py);
    an extension outside the accepted types becomes ``.bin``. The name the person chose is kept
    on the submission (``<field>_name``), never in the path.
    """
    extension = PurePath(filename).suffix.lower()
    if extension not in EXTENSIONS:
        extension = ".bin"
    return f"aanmelden/{instance._meta.model_name}/{uuid.uuid4().hex}{extension}"
