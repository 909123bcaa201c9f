"""Text no person types: shared by the middleware that guards every address and the forms that
take staff and public text."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Tab, line feed and carriage return arrive in pasted text and harm nothing.
HARMLESS_CONTROLS = frozenset("\t\n\r")


def is_control_character(char, allowed=HARMLESS_CONTROLS):
    """NUL and the other C0 and C1 control characters, and DEL: PostgreSQL refuses NUL in text,
    and search engines, exports and logs choke on the rest."""
    return (char < " " or "\x7f" <= char <= "\x9f") and char not in allowed


def has_control_characters(text, allowed=HARMLESS_CONTROLS):
    return any(is_control_character(char, allowed) for char in text)


def without_control_characters(text):
    return "".join(char for char in text if not is_control_character(char))


def refuse_control_characters(value):
    if has_control_characters(value):
        raise ValidationError(
            _(
                "De tekst bevat onzichtbare stuurtekens (bijvoorbeeld uit een gekopieerde tekst). "
                "Die zijn weggehaald: controleer de tekst en sla hem opnieuw op."
            ),
            code="control_characters",
        )
