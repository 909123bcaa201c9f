"""A young person's request for a leerwerkmakelaar (or a referral by a professional). The form only
creates it in its first status; the staff queue (moderation) moves it on.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Sector
from .base import Submission, outcome_field, status_field


class LeerwerkmakelaarAanmelding(Submission):
    """A young person (16-27) looking for a BBL place, internship, job or school."""

    REFERENCE_PREFIX = "LWM"
    FORM_LABEL = _("Aanmelden bij de leerwerkmakelaar")
    TEAM_EMAIL_SETTING = "leerwerkmakelaar_team_email"

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        INTAKE_GEPLAND = "intake_gepland", _("Intake gepland")
        IN_TRAJECT = "in_traject", _("In traject")
        GEPLAATST = "geplaatst", _("Geplaatst")
        NIET_GEPLAATST = "niet_geplaatst", _("Niet geplaatst")
        TERUGGETROKKEN = "teruggetrokken", _("Teruggetrokken")

    class Outcome(models.TextChoices):
        GEPLAATST_BBL = "geplaatst_bbl", _("Geplaatst in BBL")
        GEPLAATST_WERK = "geplaatst_werk", _("Geplaatst in werk")
        GEPLAATST_SCHOOL = "geplaatst_school", _("Geplaatst op school")
        GEPLAATST_ANDERS = "geplaatst_anders", _("Anders geplaatst")

    status = status_field(Status.choices)
    outcome = outcome_field(Outcome.choices)

    class FilledInBy(models.TextChoices):
        SELF = "zelf", _("Ik meld mezelf aan")
        REFERRER = "verwijzer", _("Ik meld iemand anders aan (als professional)")

    class Situation(models.TextChoices):
        SCHOOL = "school", _("Ik zit op school")
        LEFT_SCHOOL = "gestopt", _("Ik ben gestopt met school of van school af")
        WORKING = "werk", _("Ik werk")
        OTHER = "anders", _("Anders")

    filled_in_by = models.CharField(_("ingevuld door"), max_length=10, choices=FilledInBy.choices)
    first_name = models.CharField(_("voornaam"), max_length=100, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=150, blank=True)
    birth_date = models.DateField(_("geboortedatum"), null=True)
    # Kept after anonymisation for the yearly figures.
    age_at_submission = models.PositiveSmallIntegerField(_("leeftijd bij aanmelding"), null=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    situation = models.CharField(_("situatie nu"), max_length=10, choices=Situation.choices)
    school_name = models.CharField(_("school"), max_length=200, blank=True)
    school_level = models.CharField(_("opleiding en niveau"), max_length=200, blank=True)
    situation_other = models.TextField(_("toelichting situatie"), blank=True)
    wants_bbl = models.BooleanField(_("zoekt BBL-plek"), default=False)
    wants_internship = models.BooleanField(_("zoekt stage"), default=False)
    wants_job = models.BooleanField(_("zoekt baan"), default=False)
    wants_school = models.BooleanField(_("zoekt opleiding"), default=False)
    sectors = models.JSONField(_("sectoren"), default=list, blank=True)
    availability = models.TextField(_("beschikbaarheid"), blank=True)
    support_needs = models.TextField(_("hulp of ondersteuning"), blank=True)
    referrer_name = models.CharField(_("naam verwijzer"), max_length=200, blank=True)
    referrer_organisation = models.CharField(_("organisatie verwijzer"), max_length=200, blank=True)
    referrer_role = models.CharField(_("functie verwijzer"), max_length=100, blank=True)
    referrer_email = models.EmailField(_("e-mailadres verwijzer"), blank=True)
    referrer_phone = models.CharField(_("telefoonnummer verwijzer"), max_length=20, blank=True)
    young_person_agrees = models.BooleanField(_("jongere weet ervan en is akkoord"), default=False)

    LIST_CHOICES = {"sectors": Sector.choices}
    PERSONAL_FIELDS = (
        "submitter_name",
        "submitter_email",
        "first_name",
        "last_name",
        "email",
        "phone",
        "school_name",
        "situation_other",
        "availability",
        "support_needs",
        "referrer_name",
        "referrer_email",
        "referrer_phone",
    )
    # "Hulp of ondersteuning" often reveals health (AVG art. 9): on the detail view for the
    # Leerwerkmakelaars only, never in a list, export or mail.
    SPECIAL_CATEGORY_FIELDS = ("support_needs",)
    REFERRER_FIELDS = (
        "referrer_name",
        "referrer_organisation",
        "referrer_role",
        "referrer_email",
        "referrer_phone",
        "young_person_agrees",
    )
    ANSWER_SECTIONS = (
        (_("Wie vult het formulier in"), ["filled_in_by"]),
        (_("Verwijzer"), list(REFERRER_FIELDS)),
        (_("Jongere"), ["first_name", "last_name", "birth_date", "email", "phone", "municipality"]),
        (_("Situatie nu"), ["situation", "school_name", "school_level", "situation_other"]),
        (
            _("Wat zoekt de jongere"),
            ["wants_bbl", "wants_internship", "wants_job", "wants_school", "sectors"],
        ),
        (_("Beschikbaarheid en hulp"), ["availability", "support_needs"]),
    )

    class Meta(Submission.Meta):
        verbose_name = _("aanmelding leerwerkmakelaar")
        verbose_name_plural = _("aanmeldingen leerwerkmakelaar")

    @property
    def is_referral(self):
        return self.filled_in_by == self.FilledInBy.REFERRER

    def section_is_relevant(self, title, field_names):
        if field_names == list(self.REFERRER_FIELDS):
            return self.is_referral
        return True

    def field_is_relevant(self, field_name):
        if field_name in ("school_name", "school_level"):
            return self.situation == self.Situation.SCHOOL
        if field_name == "situation_other":
            return self.situation == self.Situation.OTHER
        return True
