"""An employer's offer of internship or BBL places, and the places in it. The form only creates it
in its first status; the staff queue (moderation) moves it on.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Level, PlaceType, Sector, YesNoUnknown
from .base import Submission, status_field


class Stageaanbod(Submission):
    """An employer offering one or more internship or BBL places."""

    REFERENCE_PREFIX = "STG"
    FORM_LABEL = _("Stageplaats of leerwerkplek aanbieden")
    TEAM_EMAIL_SETTING = "stageaanbod_team_email"

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        BEOORDEELD = "beoordeeld", _("Beoordeeld")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        VERVULD = "vervuld", _("Vervuld")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    status = status_field(Status.choices)

    organisation_name = models.CharField(_("naam organisatie"), max_length=200)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8)
    street_address = models.CharField(_("straat en huisnummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("plaats"), max_length=100)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, db_index=True)
    website = models.URLField(_("website"), blank=True)
    sbb_recognised = models.CharField(
        _("erkend leerbedrijf (SBB)"), max_length=10, choices=YesNoUnknown.choices
    )
    sbb_id = models.CharField(_("leerbedrijf-ID"), max_length=20, blank=True)
    contact_first_name = models.CharField(_("voornaam contactpersoon"), max_length=100, blank=True)
    contact_last_name = models.CharField(_("achternaam contactpersoon"), max_length=150, blank=True)
    contact_role = models.CharField(_("functie"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    consent_publication = models.BooleanField(_("toestemming publicatie"), default=False)

    PERSONAL_FIELDS = (
        "submitter_name",
        "submitter_email",
        "contact_first_name",
        "contact_last_name",
        "contact_role",
        "contact_email",
        "contact_phone",
    )
    ANSWER_SECTIONS = (
        (
            _("Organisatie"),
            [
                "organisation_name",
                "kvk_number",
                "street_address",
                "postcode",
                "city",
                "municipality",
                "sector",
                "website",
            ],
        ),
        (_("Erkenning SBB"), ["sbb_recognised", "sbb_id"]),
        (
            _("Contactpersoon"),
            [
                "contact_first_name",
                "contact_last_name",
                "contact_role",
                "contact_email",
                "contact_phone",
            ],
        ),
        (_("Publicatie"), ["consent_publication"]),
    )

    class Meta(Submission.Meta):
        verbose_name = _("stageaanbod")
        verbose_name_plural = _("stageaanbod")

    def place_list(self):
        """Saved places, or the unsaved ones the wizard attached for the check page."""
        pending = getattr(self, "pending_places", None)
        return pending if pending is not None else list(self.places.all())

    def answer_sections(self):
        sections = super().answer_sections()
        places = self.place_list()
        for number, place in enumerate(places, start=1):
            title = _("Plek %(number)s") % {"number": number}
            sections.insert(-1, (title, place.answer_rows()))
        return sections


class Stageplaats(models.Model):
    """One kind of place in an offer; the public listing shows these once published."""

    offer = models.ForeignKey(
        Stageaanbod, verbose_name=_("aanbod"), on_delete=models.CASCADE, related_name="places"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    place_type = models.CharField(_("soort plek"), max_length=20, choices=PlaceType.choices)
    level = models.CharField(_("niveau of doelgroep"), max_length=10, choices=Level.choices)
    number = models.PositiveSmallIntegerField(_("aantal plekken"), default=1)
    hours_per_week = models.PositiveSmallIntegerField(_("uren per week"), null=True, blank=True)
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    location = models.CharField(_("plaats van het werk"), max_length=100)
    supervisor_available = models.BooleanField(_("werkbegeleider aanwezig"), default=False)
    description = models.TextField(_("omschrijving"))

    ANSWER_FIELDS = (
        "place_type",
        "level",
        "number",
        "hours_per_week",
        "start_date",
        "location",
        "supervisor_available",
        "description",
    )

    class Meta:
        ordering = ["offer", "position"]
        verbose_name = _("stageplaats")
        verbose_name_plural = _("stageplaatsen")

    def __str__(self):
        return f"{self.get_place_type_display()} ({self.location})"

    def answer_rows(self):
        rows = []
        for name in self.ANSWER_FIELDS:
            field = self._meta.get_field(name)
            value = getattr(self, name)
            if field.choices:
                shown = getattr(self, f"get_{name}_display")()
            elif isinstance(field, models.BooleanField):
                shown = _("Ja") if value else _("Nee")
            elif isinstance(field, models.DateField):
                from django.utils.formats import date_format

                shown = date_format(value, "j F Y") if value else ""
            else:
                shown = "" if value is None else str(value)
            rows.append((field.verbose_name, shown, f"places.{self.position}.{name}"))
        return rows
