"""Steps of the leerwerkmakelaar registration (docs/forms.md). Young people read "je"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import Sector
from ..models import LeerwerkmakelaarAanmelding as M
from . import fields as f


class WhoForm(forms.Form):
    title = _("Wie vult het formulier in?")
    intro = _(
        "De leerwerkmakelaar helpt jongeren van 16 tot 27 jaar aan een leerwerkplek, stage, baan of opleiding."
    )

    filled_in_by = f.ChoiceField(
        label=_("Wie ben je?"),
        choices=M.FilledInBy.choices,
        required_msg=_("Kies wie het formulier invult."),
    )


class ReferrerForm(forms.Form):
    title = _("Over jou als verwijzer")

    referrer_name = f.NameField(
        label=_("Je naam"),
        max_length=200,
        required_msg=_("Vul je naam in."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    referrer_organisation = f.TextField(
        label=_("Organisatie"),
        required_msg=_("Vul je organisatie in."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    referrer_role = f.TextField(
        label=_("Functie"),
        max_length=100,
        required_msg=_("Vul je functie in."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    referrer_email = f.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hier sturen we de ontvangstbevestiging naartoe."),
        required_msg=_("Vul je e-mailadres in."),
    )
    referrer_phone = f.PhoneField(label=_("Telefoonnummer"), required=False)
    young_person_agrees = f.YesField(
        label=_("De jongere weet van deze aanmelding en is het ermee eens."),
        required_msg=_("Vink aan dat de jongere van de aanmelding weet en akkoord is."),
        help_text=_("De jongere krijgt ook zelf bericht van ons."),
    )


class YoungPersonForm(forms.Form):
    title = _("Gegevens van de jongere")

    first_name = f.NameField(
        label=_("Voornaam"),
        required_msg=_("Vul de voornaam in."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = f.NameField(
        label=_("Achternaam"),
        required_msg=_("Vul de achternaam in."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    birth_date = f.BirthDateField(
        label=_("Geboortedatum"),
        help_text=_("Bijvoorbeeld 27 3 2006"),
        required_msg=_("Vul de geboortedatum in."),
    )
    email = f.EmailField(label=_("E-mailadres"), required=False)
    phone = f.PhoneField(label=_("Telefoonnummer"), required=False)
    municipality = f.TextField(
        label=_("Woonplaats (gemeente)"),
        max_length=100,
        required_msg=_("Vul de gemeente in waar de jongere woont."),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    conditional_fields = ("email", "phone")

    def __init__(self, *args, filled_in_by_referrer=False, **kwargs):
        super().__init__(*args, **kwargs)
        if filled_in_by_referrer:
            # A professional is typing someone else's details: the browser must not offer the
            # professional's own name, e-mail, phone or birthday (autocomplete describes the
            # person filling in the form).
            for field in self.fields.values():
                widget = field.widget
                for part in getattr(widget, "widgets", None) or [widget]:
                    part.attrs["autocomplete"] = "off"

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and not {"email", "phone"} & set(self.errors)
        ):
            self.add_error(
                "email",
                _("Vul een e-mailadres of een telefoonnummer in, zodat we contact kunnen opnemen."),
            )
        return data


class SituationForm(forms.Form):
    title = _("Wat doe je nu?")

    situation = f.ChoiceField(
        label=_("Wat past het best?"),
        choices=M.Situation.choices,
        required_msg=_("Kies wat het best past."),
    )
    school_name = f.TextField(
        label=_("Naam van de school"), required=False, help_text=_("Alleen als je op school zit.")
    )
    school_level = f.TextField(
        label=_("Opleiding en niveau"),
        required=False,
        help_text=_("Bijvoorbeeld: mbo 2 Logistiek."),
    )
    situation_other = f.LongTextField(
        label=_("Vertel kort wat je nu doet"), max_length=1000, required=False
    )
    conditional_fields = ("school_name",)

    def clean(self):
        data = super().clean()
        if (
            data.get("situation") == M.Situation.SCHOOL
            and not data.get("school_name")
            and "school_name" not in self.errors
        ):
            self.add_error("school_name", _("Vul de naam van je school in."))
        return data


LOOKING_FOR = [
    ("wants_bbl", _("Een BBL-plek (leren en werken)")),
    ("wants_internship", _("Een stage")),
    ("wants_job", _("Een baan")),
    ("wants_school", _("Een opleiding of school")),
]


class WishesForm(forms.Form):
    title = _("Wat zoek je?")

    looking_for = f.MultipleChoiceField(
        label=_("Wat zoek je? Kies alles wat past."),
        choices=LOOKING_FOR,
        required_msg=_("Kies minstens één ding dat je zoekt."),
    )
    sectors = f.MultipleChoiceField(
        label=_("In welke sector?"), choices=Sector.choices, required=False
    )

    def clean(self):
        data = super().clean()
        for key, _label in LOOKING_FOR:
            data[key] = key in data.get("looking_for", [])
        return data


class AvailabilityForm(forms.Form):
    title = _("Beschikbaarheid en hulp")

    availability = f.LongTextField(
        label=_("Wanneer kun je beginnen en hoeveel uur per week?"), max_length=1000, required=False
    )
    support_needs = f.LongTextField(
        label=_("Heb je hulp of ondersteuning nodig?"),
        max_length=1000,
        required=False,
        help_text=_("Bijvoorbeeld bij reizen, taal of plannen. Je hoeft dit niet in te vullen."),
    )
