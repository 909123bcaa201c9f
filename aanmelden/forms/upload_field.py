"""The upload field of the wizards: what it accepts, and the name it gives what it accepts."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from .. import uploads

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def validate_upload(upload):
    """Size, type by content (aanmelden/uploads.py), no markup inside, and the virus scan."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is groter dan 10 MB. Kies een kleiner bestand."))
    if uploads.detect_type(upload) is None:
        raise ValidationError(_("Het bestand moet een PDF, JPG of PNG zijn."), code="invalid_type")
    if uploads.contains_markup(upload, upload.size):
        raise ValidationError(
            _(
                "Het bestand bevat ook code voor een webpagina en is daarom niet veilig. Sla het "
                "opnieuw op als PDF, JPG of PNG (bijvoorbeeld via Afdrukken als PDF) en kies het "
                "nieuwe bestand."
            ),
            code="markup",
        )
    try:
        found = uploads.scan(upload)
    except uploads.ScanUnavailable:
        raise ValidationError(
            _("We kunnen het bestand nu niet op virussen controleren. Probeer het later opnieuw."),
            code="scan_unavailable",
        ) from None
    if found:
        raise ValidationError(
            _(
                "In het bestand zit een virus. Kies een ander bestand, of laat uw computer "
                "eerst controleren."
            ),
            code="virus",
        )


class UploadField(forms.FileField):
    """PDF, JPEG or PNG, at most 10 MB, type checked by content.

    The cleaned file is named for what it is: the chosen name's stem (made safe) with the
    extension of the detected type, and the detected content type.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Kies een bestand om te uploaden."),
                "empty": _("Het gekozen bestand is leeg."),
                "invalid": _("Het bestand kon niet worden gelezen. Probeer het opnieuw."),
                "max_length": _("De bestandsnaam is te lang."),
            },
        )
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        )
        kwargs.setdefault("validators", [validate_upload])
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            kind = uploads.detect_type(upload)
            stem = get_valid_filename(PurePath(upload.name).stem)[:80] or "bestand"
            upload.name = stem + kind.extension
            upload.content_type = kind.content_type
        return upload
