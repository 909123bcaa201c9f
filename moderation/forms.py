"""What staff type into the queue: a note, a workflow step with its note, an assignment.

Checked by a form like any other input, so a refused note never reaches the database and comes
back in its box (views.py keeps the draft), with a Dutch message beside it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.validators import refuse_control_characters

NOTE_MAX_CHARS = 10_000
TRANSITION_KEY_MAX_CHARS = 50

NOTE_ERRORS = {
    "required": _("Schrijf eerst een notitie."),
    "max_length": _(
        "Een notitie mag hoogstens %(limit_value)d tekens hebben; deze heeft er %(show_value)d. "
        "Maak hem korter of verdeel hem over twee notities."
    ),
}


def note_field(required):
    return forms.CharField(
        required=required,
        max_length=NOTE_MAX_CHARS,
        validators=[refuse_control_characters],
        error_messages=NOTE_ERRORS,
    )


class NoteForm(forms.Form):
    text = note_field(required=True)


class TransitionForm(forms.Form):
    transition = forms.CharField(max_length=TRANSITION_KEY_MAX_CHARS)
    note = note_field(required=False)


class AssignForm(forms.Form):
    """Empty: nobody; otherwise one of ``staff`` (detail.staff_for: who may work the queue)."""

    user = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, data, staff):
        super().__init__(data)
        self.fields["user"].queryset = staff


def first_error(form, field):
    """One message per box: Django adds its own NUL message next to ours."""
    errors = form.errors.get(field)
    return str(errors[0]) if errors else ""
