"""The exemption notification or request (Leerplichtwet art. 5, 15, 3a/3b), with its typed answers
and its staff workflow. The form only creates it in its first status; the staff queue
(moderation) moves it on.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import YesNoUnknown
from ..storage import private_storage, submission_upload_to
from .base import Submission, outcome_field, status_field


class VrijstellingMelding(Submission):
    """A parent's notification (art. 5) or request (art. 15, 3a/3b) under the Leerplichtwet."""

    REFERENCE_PREFIX = "VRY"
    FORM_LABEL = _("Vrijstelling van leerplicht")
    TEAM_EMAIL_SETTING = "vrijstelling_team_email"

    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Ontvangen")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("Aanvulling gevraagd")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")
        BESLUIT = "besluit", _("Besluit genomen")

    class Outcome(models.TextChoices):
        GEREGISTREERD = "geregistreerd", _("Geregistreerd")
        ONVOLLEDIG = "onvolledig", _("Onvolledig")
        TE_LAAT = "te_laat", _("Te laat")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        # Closed when the person's data was erased on request before it was handled.
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    status = status_field(Status.choices)
    outcome = outcome_field(Outcome.choices)

    class Ground(models.TextChoices):
        ART_5A = "5a", _("Artikel 5 onder a: lichamelijk of psychisch niet geschikt voor school")
        ART_5B = "5b", _("Artikel 5 onder b: bezwaar tegen de richting van alle scholen")
        ART_5C = "5c", _("Artikel 5 onder c: staat ingeschreven op een school in het buitenland")
        ART_15 = "15", _("Artikel 15: op een andere manier genoeg onderwijs (16 of 17 jaar)")
        ART_3A3B = "3a3b", _("Artikel 3a of 3b: vervangende leerplicht")

    class NotifierRole(models.TextChoices):
        OUDER = "ouder", _("Ouder")
        VOOGD = "voogd", _("Voogd")
        VERZORGER = "verzorger", _("Verzorger (het kind woont bij mij)")

    class Sex(models.TextChoices):
        JONGEN = "jongen", _("Jongen")
        MEISJE = "meisje", _("Meisje")
        ANDERS = "anders", _("Anders of onbekend")

    class IdKind(models.TextChoices):
        BSN = "bsn", _("Burgerservicenummer (BSN)")
        ONDERWIJSNUMMER = "onderwijsnummer", _("Onderwijsnummer")

    class MedicalRoute(models.TextChoices):
        HAS_STATEMENT = (
            "verklaring",
            _("Ik heb al een verklaring van een onafhankelijke arts, psycholoog of pedagoog"),
        )
        NEEDS_REFERRAL = (
            "aanvragen",
            _("Ik heb nog geen verklaring: de gemeente verwijst ons naar een onafhankelijke arts"),
        )

    class ProgrammeKind(models.TextChoices):
        ART_3A = "3a", _("Artikel 3a: aangepast programma met praktijk (vanaf 14 jaar)")
        ART_3B = "3b", _("Artikel 3b: mbo-opleiding in het laatste jaar van de leerplicht")

    # Eligibility and ground
    notifier_role = models.CharField(_("u bent"), max_length=20, choices=NotifierRole.choices)
    ground = models.CharField(_("reden"), max_length=10, choices=Ground.choices, db_index=True)
    previous_exemption = models.CharField(
        _("eerder vrijstelling gehad"), max_length=10, choices=YesNoUnknown.choices
    )
    # Child
    child_first_name = models.CharField(_("voornaam kind"), max_length=100, blank=True)
    child_last_name = models.CharField(_("achternaam kind"), max_length=150, blank=True)
    child_id_kind = models.CharField(
        _("soort nummer"), max_length=20, choices=IdKind.choices, blank=True
    )
    child_id_number = models.CharField(_("BSN of onderwijsnummer"), max_length=9, blank=True)
    # Cleared on anonymisation with the child's sex: the yearly figures need neither (see
    # moderation/retention.py, KEPT_FIELDS).
    child_birth_date = models.DateField(_("geboortedatum kind"), null=True)
    child_sex = models.CharField(_("geslacht kind"), max_length=10, choices=Sex.choices)
    child_street_address = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    child_postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    child_city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    school_name = models.CharField(_("school (nu of straks)"), max_length=200, blank=True)
    school_city = models.CharField(_("plaats school"), max_length=100, blank=True)
    # Parent / carer
    parent_first_name = models.CharField(_("uw voornaam"), max_length=100, blank=True)
    parent_last_name = models.CharField(_("uw achternaam"), max_length=150, blank=True)
    parent_email = models.EmailField(_("uw e-mailadres"), blank=True)
    parent_phone = models.CharField(_("uw telefoonnummer"), max_length=20, blank=True)
    parent_same_address = models.BooleanField(_("zelfde adres als kind"), default=True)
    parent_street_address = models.CharField(
        _("uw straat en huisnummer"), max_length=200, blank=True
    )
    parent_postcode = models.CharField(_("uw postcode"), max_length=7, blank=True)
    parent_city = models.CharField(_("uw woonplaats"), max_length=100, blank=True)
    on_behalf_of_both = models.BooleanField(_("namens beide ouders"), default=False)
    second_parent_first_name = models.CharField(
        _("voornaam tweede ouder"), max_length=100, blank=True
    )
    second_parent_last_name = models.CharField(
        _("achternaam tweede ouder"), max_length=150, blank=True
    )
    second_parent_email = models.EmailField(_("e-mailadres tweede ouder"), blank=True)
    second_parent_phone = models.CharField(
        _("telefoonnummer tweede ouder"), max_length=20, blank=True
    )
    # 5a: the independent doctor route
    medical_route = models.CharField(
        _("verklaring arts"), max_length=20, choices=MedicalRoute.choices, blank=True
    )
    medical_practitioner = models.CharField(
        _("naam arts of organisatie"), max_length=200, blank=True
    )
    medical_explanation = models.TextField(_("toelichting gezondheid"), blank=True)
    medical_statement = models.FileField(
        _("verklaring (bestand)"),
        storage=private_storage,
        upload_to=submission_upload_to,
        max_length=255,
        blank=True,
    )
    medical_statement_name = models.CharField(
        _("bestandsnaam verklaring"), max_length=200, blank=True, editable=False
    )
    # 5b: objections to the direction of all schools
    objections_statement = models.TextField(_("verklaring van bezwaar"), blank=True)
    schools_considered = models.TextField(_("scholen in de buurt"), blank=True)
    attended_school_last_year = models.CharField(
        _("vorig schooljaar op een school"), max_length=10, choices=YesNoUnknown.choices, blank=True
    )
    # 5c: school abroad
    abroad_school_name = models.CharField(_("naam school buitenland"), max_length=200, blank=True)
    abroad_school_city = models.CharField(_("plaats school buitenland"), max_length=100, blank=True)
    abroad_country = models.CharField(_("land"), max_length=100, blank=True)
    abroad_start = models.DateField(_("ingeschreven vanaf"), null=True, blank=True)
    abroad_end = models.DateField(_("ingeschreven tot"), null=True, blank=True)
    abroad_proof = models.FileField(
        _("bewijs van inschrijving"),
        storage=private_storage,
        upload_to=submission_upload_to,
        max_length=255,
        blank=True,
    )
    abroad_proof_name = models.CharField(
        _("bestandsnaam bewijs"), max_length=200, blank=True, editable=False
    )
    # art. 15: other education
    alternative_provider = models.CharField(_("aanbieder opleiding"), max_length=200, blank=True)
    alternative_description = models.TextField(_("beschrijving opleiding"), blank=True)
    alternative_hours = models.PositiveSmallIntegerField(_("uren per week"), null=True, blank=True)
    # art. 3a / 3b: vervangende leerplicht
    programme_kind = models.CharField(
        _("soort programma"), max_length=5, choices=ProgrammeKind.choices, blank=True
    )
    programme_provider = models.CharField(_("school of aanbieder"), max_length=200, blank=True)
    programme_description = models.TextField(_("beschrijving programma"), blank=True)
    # Declaration and what we told the parent about the deadline
    declaration = models.BooleanField(_("naar waarheid ingevuld"), default=False)
    deadline_explanation = models.TextField(_("uitleg termijn bij indienen"), blank=True)

    PERSONAL_FIELDS = (
        "submitter_name",
        "submitter_email",
        "child_first_name",
        "child_last_name",
        "child_id_number",
        "child_street_address",
        "child_postcode",
        "child_city",
        "school_name",
        "school_city",
        "parent_first_name",
        "parent_last_name",
        "parent_email",
        "parent_phone",
        "parent_street_address",
        "parent_postcode",
        "parent_city",
        "second_parent_first_name",
        "second_parent_last_name",
        "second_parent_email",
        "second_parent_phone",
        "medical_practitioner",
        "medical_explanation",
        "objections_statement",
        "schools_considered",
        "abroad_school_name",
        "abroad_proof_name",
        "abroad_school_city",
        "alternative_provider",
        "alternative_description",
        "programme_provider",
        "programme_description",
    )
    SPECIAL_CATEGORY_FIELDS = (
        "child_id_number",
        "medical_route",
        "medical_practitioner",
        "medical_explanation",
        "medical_statement",
        "medical_statement_name",
        "objections_statement",
        "schools_considered",
    )
    UPLOAD_FIELDS = ("medical_statement", "abroad_proof")
    GROUND_FIELDS = {
        "5a": ("medical_route", "medical_practitioner", "medical_explanation", "medical_statement"),
        "5b": ("objections_statement", "schools_considered", "attended_school_last_year"),
        "5c": (
            "abroad_school_name",
            "abroad_school_city",
            "abroad_country",
            "abroad_start",
            "abroad_end",
            "abroad_proof",
        ),
        "15": ("alternative_provider", "alternative_description", "alternative_hours"),
        "3a3b": ("programme_kind", "programme_provider", "programme_description"),
    }
    ANSWER_SECTIONS = (
        (_("Reden"), ["notifier_role", "ground", "previous_exemption"]),
        (
            _("Uw kind"),
            [
                "child_first_name",
                "child_last_name",
                "child_id_kind",
                "child_id_number",
                "child_birth_date",
                "child_sex",
                "child_street_address",
                "child_postcode",
                "child_city",
                "municipality",
                "school_name",
                "school_city",
            ],
        ),
        (
            _("Uw gegevens"),
            [
                "parent_first_name",
                "parent_last_name",
                "parent_email",
                "parent_phone",
                "parent_same_address",
                "parent_street_address",
                "parent_postcode",
                "parent_city",
            ],
        ),
        (
            _("Tweede ouder of verzorger"),
            [
                "on_behalf_of_both",
                "second_parent_first_name",
                "second_parent_last_name",
                "second_parent_email",
                "second_parent_phone",
            ],
        ),
        (_("Verklaring van een arts"), list(GROUND_FIELDS["5a"])),
        (_("Bezwaar tegen de richting"), list(GROUND_FIELDS["5b"])),
        (_("School in het buitenland"), list(GROUND_FIELDS["5c"])),
        (_("Ander onderwijs"), list(GROUND_FIELDS["15"])),
        (_("Vervangende leerplicht"), list(GROUND_FIELDS["3a3b"])),
        (_("Verklaring"), ["declaration"]),
    )

    class Meta(Submission.Meta):
        verbose_name = _("melding vrijstelling")
        verbose_name_plural = _("meldingen vrijstelling")

    @property
    def is_request_for_decision(self):
        """Art. 15 and 3a/3b need a decision (besluit); art. 5 is a kennisgeving."""
        return self.ground in (self.Ground.ART_15, self.Ground.ART_3A3B)

    def section_is_relevant(self, title, field_names):
        for ground, fields in self.GROUND_FIELDS.items():
            if field_names == list(fields):
                return self.ground == ground
        return True

    def field_is_relevant(self, field_name):
        if field_name in ("parent_street_address", "parent_postcode", "parent_city"):
            return not self.parent_same_address
        if field_name.startswith("second_parent_"):
            # Only when the second parent's step was asked (its first name is required there);
            # "on behalf of both parents" alone asks no details.
            return bool(self.second_parent_first_name or self.second_parent_last_name)
        return True
