"""Steps of the exemption notification (Leerplichtwet art. 5, 15, 3a/3b; docs/forms.md)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import YesNoUnknown
from ..models import VrijstellingMelding as M
from . import fields as f

GROUND_HINTS = {
    "5a": _(
        "Uw kind kan door ziekte of een beperking niet naar school. Een onafhankelijke arts, psycholoog of pedagoog moet dit bevestigen."
    ),
    "5b": _(
        "U heeft ernstige bezwaren tegen de godsdienst of levensovertuiging van alle scholen in de buurt."
    ),
    "5c": _(
        "Uw kind staat ingeschreven op een school in het buitenland en gaat daar echt naar toe."
    ),
    "15": _(
        "Uw kind is 16 of 17 jaar en krijgt op een andere manier genoeg onderwijs, bijvoorbeeld een cursus bij een bedrijf. De gemeente beslist."
    ),
    "3a3b": _(
        "Uw kind volgt een aangepast programma met praktijk (vanaf 14 jaar), of een mbo-opleiding in het laatste leerplichtjaar. De gemeente beslist."
    ),
}


class ReasonForm(forms.Form):
    title = _("Over uw melding")
    intro = _(
        "Met dit formulier meldt u dat uw kind vrijstelling heeft van de plicht om op een school ingeschreven te staan, of vraagt u vervangende leerplicht aan."
    )

    notifier_role = f.ChoiceField(
        label=_("Wat is uw relatie tot het kind?"),
        choices=M.NotifierRole.choices,
        required_msg=_("Kies wat uw relatie tot het kind is."),
        help_text=_("Alleen een ouder, voogd of verzorger kan dit melden, niet het kind zelf."),
    )
    ground = f.ChoiceField(
        label=_("Om welke reden meldt u?"),
        choices=M.Ground.choices,
        required_msg=_("Kies de reden van uw melding."),
    )
    previous_exemption = f.ChoiceField(
        label=_("Heeft uw kind eerder vrijstelling gehad?"),
        choices=YesNoUnknown.choices,
        required_msg=_("Kies of uw kind eerder vrijstelling had."),
    )
    choice_hints = {"ground": GROUND_HINTS}


class ChildForm(forms.Form):
    title = _("Gegevens van uw kind")

    child_first_name = f.NameField(
        label=_("Voornaam"), required_msg=_("Vul de voornaam van uw kind in.")
    )
    child_last_name = f.NameField(
        label=_("Achternaam"),
        help_text=_("Met tussenvoegsel, zoals van den Berg."),
        required_msg=_("Vul de achternaam van uw kind in."),
    )
    child_id_kind = f.ChoiceField(
        label=_("Welk nummer heeft uw kind?"),
        choices=M.IdKind.choices,
        required_msg=_("Kies of u een BSN of een onderwijsnummer invult."),
        help_text=_("Heeft uw kind geen BSN? Dan heeft de school een onderwijsnummer."),
    )
    child_id_number = f.TextField(
        label=_("Nummer"),
        max_length=20,
        help_text=_("9 cijfers. Het BSN staat op het paspoort, de ID-kaart of de zorgpas."),
        required_msg=_("Vul het BSN of onderwijsnummer van uw kind in."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "form-input--width-10", "autocomplete": "off"}
        ),
    )
    child_birth_date = f.BirthDateField(
        label=_("Geboortedatum"),
        help_text=_("Bijvoorbeeld 27 3 2015"),
        required_msg=_("Vul de geboortedatum van uw kind in."),
        autocomplete=False,
    )
    child_sex = f.ChoiceField(
        label=_("Geslacht"), choices=M.Sex.choices, required_msg=_("Kies het geslacht van uw kind.")
    )
    child_street_address = f.TextField(
        label=_("Straat en huisnummer"), required_msg=_("Vul de straat en het huisnummer in.")
    )
    child_postcode = f.PostcodeField(label=_("Postcode"), required_msg=_("Vul de postcode in."))
    child_city = f.TextField(
        label=_("Woonplaats"), max_length=100, required_msg=_("Vul de woonplaats in.")
    )
    municipality = f.TextField(
        label=_("Gemeente"),
        max_length=100,
        help_text=_("De gemeente waar uw kind staat ingeschreven."),
        required_msg=_("Vul de gemeente in."),
    )
    school_name = f.TextField(
        label=_("School (nu of straks)"),
        required=False,
        help_text=_("De school waar uw kind nu op zit of naartoe zou gaan."),
    )
    school_city = f.TextField(label=_("Plaats van de school"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        kind, number = data.get("child_id_kind"), data.get("child_id_number")
        if kind and number:
            number = f.normalise_person_number(number)
            validator = f.validate_bsn if kind == M.IdKind.BSN else f.validate_onderwijsnummer
            try:
                validator(number)
            except forms.ValidationError as error:
                self.add_error("child_id_number", error)
            else:
                data["child_id_number"] = number
        return data


SECOND_PARENT_CHOICES = [
    ("geen", _("Nee, ik meld alleen")),
    ("namens_beide", _("Ik meld namens beide ouders of verzorgers")),
    ("gegevens", _("Ik vul ook de gegevens van de tweede ouder of verzorger in")),
]


class ParentForm(forms.Form):
    title = _("Uw gegevens")

    parent_first_name = f.NameField(
        label=_("Voornaam"),
        required_msg=_("Vul uw voornaam in."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    parent_last_name = f.NameField(
        label=_("Achternaam"),
        required_msg=_("Vul uw achternaam in."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    parent_email = f.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hier sturen we de ontvangstbevestiging naartoe."),
        required_msg=_("Vul uw e-mailadres in."),
    )
    parent_phone = f.PhoneField(label=_("Telefoonnummer"), required=False)
    parent_same_address = f.ChoiceField(
        label=_("Woont u op hetzelfde adres als uw kind?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        required_msg=_("Kies of u op hetzelfde adres woont als uw kind."),
    )
    parent_street_address = f.TextField(
        label=_("Uw straat en huisnummer"),
        required=False,
        help_text=_("Alleen invullen als u op een ander adres woont."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    parent_postcode = f.PostcodeField(label=_("Uw postcode"), required=False)
    parent_city = f.TextField(
        label=_("Uw woonplaats"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    second_parent = f.ChoiceField(
        label=_("Is er een tweede ouder of verzorger?"),
        choices=SECOND_PARENT_CHOICES,
        required_msg=_("Kies of er een tweede ouder of verzorger is."),
    )
    # Optional only when the address is the same: the label must not say "(optioneel)".
    conditional_fields = ("parent_street_address", "parent_postcode", "parent_city")

    def clean_parent_same_address(self):
        return self.cleaned_data["parent_same_address"] == "ja"

    def clean(self):
        data = super().clean()
        if data.get("parent_same_address") is False:
            messages = {
                "parent_street_address": _("Vul uw straat en huisnummer in."),
                "parent_postcode": _("Vul uw postcode in."),
                "parent_city": _("Vul uw woonplaats in."),
            }
            for name, message in messages.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        return data


class SecondParentForm(forms.Form):
    title = _("Tweede ouder of verzorger")

    second_parent_first_name = f.NameField(
        label=_("Voornaam"), required_msg=_("Vul de voornaam van de tweede ouder in.")
    )
    second_parent_last_name = f.NameField(
        label=_("Achternaam"), required_msg=_("Vul de achternaam van de tweede ouder in.")
    )
    second_parent_email = f.EmailField(
        label=_("E-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    second_parent_phone = f.PhoneField(
        label=_("Telefoonnummer"),
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )


class MedicalForm(forms.Form):
    title = _("Verklaring van een arts")
    intro = _(
        "Voor deze vrijstelling is een verklaring nodig van een arts, psycholoog of pedagoog die de gemeente aanwijst. Dat is niet de eigen behandelaar van uw kind. Vaak is dat een arts van de GGD."
    )

    medical_route = f.ChoiceField(
        label=_("Heeft u al zo'n verklaring?"),
        choices=M.MedicalRoute.choices,
        required_msg=_("Kies of u al een verklaring heeft."),
    )
    medical_practitioner = f.TextField(
        label=_("Naam van de arts of organisatie"),
        required=False,
        help_text=_("Bijvoorbeeld: GGD, jeugdarts mevrouw De Vries."),
    )
    medical_explanation = f.LongTextField(
        label=_("Korte toelichting"),
        required=False,
        help_text=_("Waarom kan uw kind niet naar school? U hoeft geen medische details te geven."),
    )
    medical_statement = f.UploadField(
        label=_("Verklaring uploaden"),
        required=False,
        help_text=_("PDF, JPG of PNG, maximaal 10 MB. U kunt de verklaring ook later sturen."),
    )


class ObjectionsForm(forms.Form):
    title = _("Bezwaar tegen de richting van de scholen")

    objections_statement = f.LongTextField(
        label=_("Wat is uw bezwaar?"),
        help_text=_(
            "Schrijf op waarom u bezwaar heeft tegen de godsdienst of levensovertuiging van de scholen."
        ),
        required_msg=_("Schrijf op wat uw bezwaar is."),
    )
    schools_considered = f.LongTextField(
        label=_("Welke scholen in de buurt heeft u bekeken?"),
        required=False,
    )
    attended_school_last_year = f.ChoiceField(
        label=_("Ging uw kind het afgelopen jaar naar een school?"),
        choices=YesNoUnknown.choices,
        required_msg=_("Kies of uw kind het afgelopen jaar naar school ging."),
    )


class AbroadForm(forms.Form):
    title = _("School in het buitenland")
    intro = _(
        "Het bewijs van inschrijving moet in het Nederlands, Engels, Duits of Frans zijn (of beëdigd vertaald). Er moeten op staan: de naam en geboortedatum van uw kind, de naam, plaats en het land van de school en de periode. Woont uw kind langer dan 8 maanden in het buitenland? Dan moet u het uitschrijven bij de gemeente."
    )

    abroad_school_name = f.TextField(
        label=_("Naam van de school"), required_msg=_("Vul de naam van de school in.")
    )
    abroad_school_city = f.TextField(
        label=_("Plaats"), max_length=100, required_msg=_("Vul de plaats van de school in.")
    )
    abroad_country = f.TextField(
        label=_("Land"),
        max_length=100,
        required_msg=_("Vul het land in."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    abroad_start = f.DateField(
        label=_("Ingeschreven vanaf"),
        help_text=_("Bijvoorbeeld 1 9 2025"),
        required_msg=_("Vul in vanaf wanneer uw kind is ingeschreven."),
    )
    abroad_end = f.DateField(
        label=_("Ingeschreven tot"),
        help_text=_("Bijvoorbeeld 31 7 2026"),
        required_msg=_("Vul in tot wanneer uw kind is ingeschreven."),
    )
    abroad_proof = f.UploadField(
        label=_("Bewijs van inschrijving"),
        help_text=_("PDF, JPG of PNG, maximaal 10 MB."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("abroad_start"), data.get("abroad_end")
        if start and end and end < start:
            self.add_error("abroad_end", _("De einddatum moet na de begindatum liggen."))
        return data


class AlternativeEducationForm(forms.Form):
    title = _("Het andere onderwijs")

    alternative_provider = f.TextField(
        label=_("Wie geeft het onderwijs?"),
        help_text=_("Bijvoorbeeld het bedrijf of de opleider."),
        required_msg=_("Vul in wie het onderwijs geeft."),
    )
    alternative_description = f.LongTextField(
        label=_("Wat leert uw kind daar?"), required_msg=_("Beschrijf wat uw kind leert.")
    )
    alternative_hours = f.NumberField(
        label=_("Hoeveel uur per week?"),
        min_value=1,
        max_value=60,
        required_msg=_("Vul het aantal uren per week in."),
    )


class ProgrammeForm(forms.Form):
    title = _("Het vervangende programma")

    programme_kind = f.ChoiceField(
        label=_("Welk programma?"),
        choices=M.ProgrammeKind.choices,
        required_msg=_("Kies het soort programma."),
    )
    programme_provider = f.TextField(
        label=_("School of aanbieder"), required_msg=_("Vul de school of aanbieder in.")
    )
    programme_description = f.LongTextField(
        label=_("Beschrijf het programma"),
        help_text=_("Bijvoorbeeld: 2 dagen school en 3 dagen werken bij een bedrijf."),
        required_msg=_("Beschrijf het programma."),
    )


class DeclarationForm(forms.Form):
    title = _("Verklaring")

    declaration = f.YesField(
        label=_("Ik verklaar dat ik dit formulier naar waarheid heb ingevuld."),
        required_msg=_("Vink aan dat u het formulier naar waarheid heeft ingevuld."),
    )
