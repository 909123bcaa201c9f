"""The last step: check your answers, then send. Carries the idempotency key and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

# A name no real question uses: the template hides the field by this name, and a real question
# called like this would be hidden from people (the employer's "website" once was).
HONEYPOT_FIELD = "hp_check"
EXPIRED = _("Dit formulier is verlopen. Controleer uw antwoorden en verstuur opnieuw.")


class CheckForm(forms.Form):
    """Only control fields: the wizard never copies them onto the submission."""

    title = _("Controleer uw antwoorden")
    honeypot_fields = (HONEYPOT_FIELD,)

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        # Only a tampered or truncated POST gets these; say what to do, in Dutch.
        error_messages={
            "required": EXPIRED,
            "invalid": EXPIRED,
        },
    )
    # Honeypot: hidden from people (CSS, aria-hidden wrapper); bots fill every field.
    hp_check = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, expected_key=None, **kwargs):
        self.expected_key = expected_key
        super().__init__(*args, **kwargs)

    def clean_hp_check(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Laat het laatste veld leeg."), code="honeypot")
        return ""

    def clean_submission_key(self):
        key = self.cleaned_data["submission_key"]
        if self.expected_key and str(key) != str(self.expected_key):
            raise forms.ValidationError(EXPIRED, code="stale")
        return key
