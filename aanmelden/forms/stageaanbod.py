"""Steps of the employer offer (docs/forms.md)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import Level, PlaceType, Sector, YesNoUnknown
from . import fields as f


class OrganisationForm(forms.Form):
    title = _("Uw organisatie")

    organisation_name = f.TextField(
        label=_("Naam van de organisatie"),
        required_msg=_("Vul de naam van uw organisatie in."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kvk_number = f.KvkField(label=_("KvK-nummer"), help_text=_("8 cijfers"))
    street_address = f.TextField(
        label=_("Straat en huisnummer"),
        required_msg=_("Vul de straat en het huisnummer in."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = f.PostcodeField(label=_("Postcode"), required_msg=_("Vul de postcode in."))
    city = f.TextField(
        label=_("Plaats"),
        max_length=100,
        required_msg=_("Vul de plaats in."),
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Kies een sector")), *Sector.choices],
        error_messages={
            "required": _("Kies de sector van uw organisatie."),
            "invalid_choice": _("Kies een sector uit de lijst."),
        },
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een webadres in zoals www.voorbeeld.nl.")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )


class RecognitionForm(forms.Form):
    title = _("Erkend leerbedrijf")
    intro = _(
        "Alleen een erkend leerbedrijf mag mbo-studenten begeleiden in de praktijk (ook BBL). Bent u nog niet erkend? U kunt uw aanbod toch doorgeven. Wij helpen u met de erkenning door SBB."
    )

    sbb_recognised = f.ChoiceField(
        label=_("Is uw organisatie erkend leerbedrijf bij SBB?"),
        choices=YesNoUnknown.choices,
        required_msg=_("Kies of uw organisatie erkend leerbedrijf is."),
    )
    sbb_id = f.TextField(
        label=_("Leerbedrijf-ID"),
        max_length=20,
        required=False,
        help_text=_("Staat op de website van SBB (www.s-bb.nl) bij uw bedrijf."),
    )

    def clean_sbb_id(self):
        value = self.cleaned_data["sbb_id"].replace(" ", "")
        if value and not value.isdigit():
            raise forms.ValidationError(_("Een leerbedrijf-ID bestaat uit cijfers."))
        return value


class ContactForm(forms.Form):
    title = _("Contactpersoon")

    contact_first_name = f.NameField(
        label=_("Voornaam"),
        required_msg=_("Vul de voornaam van de contactpersoon in."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    contact_last_name = f.NameField(
        label=_("Achternaam"),
        required_msg=_("Vul de achternaam van de contactpersoon in."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    contact_role = f.TextField(
        label=_("Functie"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    contact_email = f.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hier sturen we de ontvangstbevestiging naartoe."),
        required_msg=_("Vul het e-mailadres in."),
    )
    contact_phone = f.PhoneField(
        label=_("Telefoonnummer"), required_msg=_("Vul het telefoonnummer in.")
    )


class PlaceForm(forms.Form):
    place_type = f.ChoiceField(
        label=_("Soort plek"), choices=PlaceType.choices, required_msg=_("Kies het soort plek.")
    )
    level = forms.ChoiceField(
        label=_("Niveau of doelgroep"),
        choices=[("", _("Kies een niveau")), *Level.choices],
        error_messages={
            "required": _("Kies het niveau of de doelgroep."),
            "invalid_choice": _("Kies een niveau uit de lijst."),
        },
    )
    number = f.NumberField(
        label=_("Aantal plekken"),
        min_value=1,
        max_value=99,
        required_msg=_("Vul het aantal plekken in."),
    )
    hours_per_week = f.NumberField(
        label=_("Uren per week"), min_value=1, max_value=60, required=False
    )
    start_date = f.DateField(
        label=_("Startdatum"), help_text=_("Bijvoorbeeld 1 9 2026"), required=False, past=False
    )
    location = f.TextField(
        label=_("Plaats van het werk"),
        max_length=100,
        required_msg=_("Vul de plaats van het werk in."),
    )
    supervisor_available = f.ChoiceField(
        label=_("Is er een werkbegeleider?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        required_msg=_("Kies of er een werkbegeleider is."),
    )
    description = f.LongTextField(
        label=_("Wat gaat de student of jongere doen?"),
        max_length=2000,
        required_msg=_("Beschrijf het werk."),
    )

    def clean_supervisor_available(self):
        return self.cleaned_data["supervisor_available"] == "ja"


class BasePlaceFormSet(forms.BaseFormSet):
    title = _("Plekken")
    intro = _(
        "Vul per soort plek de gegevens in. Heeft u meer soorten plekken? Kies dan 'Nog een plek toevoegen'."
    )
    answer_prefix = "places"

    def __init__(self, *args, initial=None, **kwargs):
        super().__init__(*args, initial=initial or None, **kwargs)


PlaceFormSet = forms.formset_factory(
    PlaceForm,
    formset=BasePlaceFormSet,
    extra=0,
    min_num=1,
    max_num=10,
    validate_min=True,
    validate_max=True,
    absolute_max=10,
)


class PublicationForm(forms.Form):
    title = _("Publicatie")
    intro = _(
        "We kunnen uw plekken tonen op de pagina Stageplaatsen. Daar staan alleen de plek, het niveau, de sector, de plaats en de omschrijving. Nooit de naam van uw contactpersoon."
    )

    consent_publication = f.ChoiceField(
        label=_("Mogen we uw plekken publiceren?"),
        choices=[
            ("ja", _("Ja, publiceer de plekken zonder persoonsgegevens")),
            ("nee", _("Nee, niet publiceren")),
        ],
        required_msg=_("Kies of we de plekken mogen publiceren."),
    )

    def clean_consent_publication(self):
        return self.cleaned_data["consent_publication"] == "ja"
