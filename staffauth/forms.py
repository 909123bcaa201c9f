from django import forms
from django.utils.translation import gettext_lazy as _

from .devices import normalise


class CodeForm(forms.Form):
    """One code: six digits from the authenticator app, or (when verifying) a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text
        self.fields["code"].error_messages["required"] = _("Vul de code in.")

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("Vul de code in."))
        return code
