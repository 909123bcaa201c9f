"""The last step: check your answers, then send. Carries the idempotency key and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CheckForm(forms.Form):
    title = _("Controleer uw antwoorden")

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    # Honeypot: hidden from people (CSS, aria-hidden wrapper); bots fill every field.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, expected_key=None, **kwargs):
        self.expected_key = expected_key
        super().__init__(*args, **kwargs)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Laat het laatste veld leeg."), code="honeypot")
        return ""

    def clean_submission_key(self):
        key = self.cleaned_data["submission_key"]
        if self.expected_key and str(key) != str(self.expected_key):
            raise forms.ValidationError(
                _("Dit formulier is verlopen. Controleer uw antwoorden en verstuur opnieuw."),
                code="stale",
            )
        return key
