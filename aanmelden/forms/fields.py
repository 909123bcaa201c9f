"""Fields and validators shared by the three wizards.

Every field normalises first and validates second, with a Dutch message that says what to do
(GOV.UK style). The rules and their sources: docs/forms.md, "Validation".
"""

import datetime
import re
import unicodedata

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn, onderwijsnummer, postcode

# The upload field has its own module; the wizards find every field here.
from .upload_field import MAX_UPLOAD_BYTES, UploadField, validate_upload  # noqa: F401

# Letters of any script, with spaces, apostrophes, hyphens and dots between them:
# "'t Hart", "Özütok", "van den Berg", "Jean-Luc", "J.P.". Combining marks are allowed after a
# letter (see name_is_valid).
NAME_RE = re.compile(r"^['’]?[^\W\d_]+(?:(?:[ '’\-]|\. ?)['’]?[^\W\d_]+)*\.?$")
# Combining marks: vowel signs in Devanagari ("अनिल") and Thai ("ทักษิณ"), and accents that
# stay separate after NFC. Python's re has no \p{M}, so name_is_valid() reads them by category.
COMBINING_MARKS = ("Mn", "Mc")


def name_is_valid(value):
    """NAME_RE, where a combining mark right after a letter (or after such a mark) counts as part
    of that letter. A mark anywhere else (first, after a space or a digit) is refused."""
    letters = []
    after_letter = False
    for char in value:
        category = unicodedata.category(char)
        if category in COMBINING_MARKS and after_letter:
            continue
        after_letter = category.startswith("L")
        letters.append(char)
    return bool(NAME_RE.match("".join(letters)))


def required_message(message):
    return {"required": message}


class NameField(forms.CharField):
    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"].setdefault("required", required_msg)
        kwargs["error_messages"].setdefault(
            "max_length", _("Gebruik maximaal %(limit_value)d tekens.")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        # NFC first: "Zoë" typed as "Zoe" + combining diaeresis (NFD, as some keyboards and
        # macOS send it) is stored and compared as the one letter "ë".
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value)

    def clean(self, value):
        value = super().clean(value)
        value = " ".join(value.split())
        if value and not name_is_valid(value):
            raise ValidationError(
                _("Gebruik alleen letters, spaties, apostrofs (') en streepjes (-)."),
                code="invalid_name",
            )
        return value


class TextField(forms.CharField):
    """CharField with a Dutch length message; strips whitespace (default)."""

    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"].setdefault("required", required_msg)
        kwargs["error_messages"].setdefault(
            "max_length",
            _("Gebruik maximaal %(limit_value)d tekens (u gebruikt er %(show_value)d)."),
        )
        super().__init__(**kwargs)


class LongTextField(TextField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 4000)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        super().__init__(**kwargs)


class EmailField(forms.EmailField):
    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
                "max_length": _("Gebruik maximaal %(limit_value)d tekens."),
            },
        )
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(**kwargs)


class PhoneField(forms.CharField):
    """Dutch and international numbers; stored as E.164 (+31612345678)."""

    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs["error_messages"].setdefault("max_length", _("Dit telefoonnummer is te lang."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        raw = re.sub(r"[\s\-().]", "", value)
        if raw.startswith("00"):
            raw = "+" + raw[2:]
        message = _("Vul een telefoonnummer in zoals 06 12345678 of +32 470 12 34 56.")
        if not re.fullmatch(r"\+?\d{6,16}", raw):
            raise ValidationError(message, code="invalid_phone")
        try:
            number = phonenumbers.parse(raw, "NL")
        except phonenumbers.NumberParseException:
            raise ValidationError(message, code="invalid_phone") from None
        if not phonenumbers.is_valid_number(number):
            raise ValidationError(message, code="invalid_phone")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PostcodeField(forms.CharField):
    """Dutch postcode, stored as "1234 AB"."""

    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "postal-code", "class": "form-input--width-10"}),
        )
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs["error_messages"].setdefault("max_length", _("Vul een postcode in zoals 1234 AB."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return postcode.validate(value.upper())
        except Exception:
            raise ValidationError(
                _("Vul een postcode in zoals 1234 AB."), code="invalid_postcode"
            ) from None


class KvkField(forms.CharField):
    """KvK number: exactly 8 digits, no checksum, kept as a string (leading zeros)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "class": "form-input--width-10"}),
        )
        kwargs.setdefault("error_messages", {"required": _("Vul het KvK-nummer in.")})
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        digits = re.sub(r"[\s.]", "", value)
        if value and not re.fullmatch(r"\d{8}", digits):
            raise ValidationError(
                _("Een KvK-nummer heeft 8 cijfers, zoals 01234567."), code="invalid_kvk"
            )
        return digits


def normalise_person_number(value):
    digits = re.sub(r"[\s.\-]", "", value or "")
    if re.fullmatch(r"\d{8}", digits):
        digits = "0" + digits
    return digits


def validate_bsn(value):
    if not (re.fullmatch(r"\d{9}", value) and value != "000000000" and bsn.is_valid(value)):
        raise ValidationError(
            _("Dit is geen geldig burgerservicenummer. Een BSN heeft 9 cijfers."),
            code="invalid_bsn",
        )


def validate_onderwijsnummer(value):
    if not (re.fullmatch(r"10\d{7}", value) and onderwijsnummer.is_valid(value)):
        raise ValidationError(
            _(
                "Dit is geen geldig onderwijsnummer. Een onderwijsnummer heeft 9 cijfers en "
                "begint met 10."
            ),
            code="invalid_onderwijsnummer",
        )


class DateInputs(forms.MultiWidget):
    """Day, month and year as three text inputs (GOV.UK date input pattern)."""

    template_name = "aanmelden/widgets/date_inputs.html"

    def __init__(self, autocomplete=False, attrs=None):
        parts = ("bday-day", "bday-month", "bday-year") if autocomplete else (None, None, None)
        widgets = []
        for part, css in zip(parts, ("2", "2", "4"), strict=True):
            widget_attrs = {"inputmode": "numeric", "class": f"form-input form-input--width-{css}"}
            if part:
                widget_attrs["autocomplete"] = part
            widgets.append(forms.TextInput(attrs=widget_attrs))
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = (_("Dag"), _("Maand"), _("Jaar"))
        for subwidget, label in zip(context["widget"]["subwidgets"], labels, strict=True):
            subwidget["label"] = label
        return context


class DateField(forms.MultiValueField):
    """A date from three fields with messages that say which part is wrong."""

    widget = DateInputs

    def __init__(self, *, required_msg=None, past=True, future=True, autocomplete=False, **kw):
        self.past, self.future = past, future
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kw.setdefault("error_messages", {})
        if required_msg:
            kw["error_messages"]["required"] = required_msg
        kw["error_messages"].setdefault("required", _("Vul een datum in."))
        super().__init__(
            fields, require_all_fields=False, widget=DateInputs(autocomplete=autocomplete), **kw
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            label
            for label, part in ((_("dag"), day), (_("maand"), month), (_("jaar"), year))
            if not part
        ]
        if missing:
            raise ValidationError(
                _("Vul ook de %(parts)s in.") % {"parts": _(" en ").join(str(m) for m in missing)},
                code="incomplete",
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(_("Gebruik alleen cijfers, zoals 27 3 2012."), code="invalid")
        if len(year) != 4:
            raise ValidationError(_("Vul het jaar in met 4 cijfers, zoals 2012."), code="invalid")
        try:
            value = datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                _("Deze datum bestaat niet. Controleer de dag en de maand."), code="invalid"
            ) from None
        today = timezone.localdate()
        if not self.future and value > today:
            raise ValidationError(_("De datum moet in het verleden liggen."), code="future")
        if value.year < 1900:
            raise ValidationError(_("Vul een jaar in na 1900."), code="invalid")
        if not self.past and value < today - datetime.timedelta(days=366):
            raise ValidationError(_("Deze datum ligt te ver in het verleden."), code="past")
        if value.year > today.year + 5:
            raise ValidationError(_("Deze datum ligt te ver in de toekomst."), code="invalid")
        return value

    def clean(self, value):
        # MultiValueField wants all-or-nothing; compress() gives the precise message instead.
        if not value or not any(str(v or "").strip() for v in value):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if not isinstance(value, (list, tuple)) or len(value) != 3:
            raise ValidationError(_("Vul een datum in."), code="invalid")
        return self.compress([str(v)[:10] if v is not None else "" for v in value])


def BirthDateField(**kwargs):  # noqa: N802 - a field factory reads like a field class
    kwargs.setdefault("required_msg", _("Vul de geboortedatum in."))
    kwargs.setdefault("future", False)
    return DateField(autocomplete=kwargs.pop("autocomplete", True), **kwargs)


class ChoiceField(forms.ChoiceField):
    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs["error_messages"].setdefault("invalid_choice", _("Kies een van de mogelijkheden."))
        super().__init__(**kwargs)


class MultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs["error_messages"].setdefault(
            "invalid_choice", _("Kies alleen uit de mogelijkheden.")
        )
        super().__init__(**kwargs)


class YesField(forms.BooleanField):
    """A single checkbox that must be ticked (declaration, consent)."""

    def __init__(self, *, required_msg, **kwargs):
        kwargs["error_messages"] = {"required": required_msg}
        super().__init__(**kwargs)


class NumberField(forms.IntegerField):
    def __init__(self, *, required_msg=None, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "class": "form-input--width-4"}),
        )
        kwargs.setdefault("error_messages", {})
        if required_msg:
            kwargs["error_messages"]["required"] = required_msg
        kwargs["error_messages"].setdefault("invalid", _("Vul een heel getal in, zoals 2."))
        kwargs["error_messages"].setdefault(
            "min_value", _("Vul een getal in van %(limit_value)s of meer.")
        )
        kwargs["error_messages"].setdefault(
            "max_value", _("Vul een getal in van %(limit_value)s of minder.")
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and len(value) > 12:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
