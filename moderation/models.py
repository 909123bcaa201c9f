"""The queue's own models: internal notes and the retention periods per submission type."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class QueueNote(models.Model):
    """An internal note on a submission. Never shown or mailed to the submitter; deleted when
    the submission is anonymised (it may describe the person)."""

    # References are unique across types (VRY-/STG-/LWM- prefixes), so no generic relation.
    reference = models.CharField(_("kenmerk"), max_length=16, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("notitie"))
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        # The tables keep the names they had in the forms app, so moving here moved no data.
        db_table = "aanmelden_queuenote"
        ordering = ["created_at"]
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")
        # Queue-wide permissions; they live here because this is the queue's own model.
        permissions = [
            ("view_special_category", _("Mag BSN en gezondheids- of geloofsgegevens zien")),
            ("manage_personal_data", _("Mag gegevens van betrokkenen exporteren en wissen")),
        ]

    def __str__(self):
        return f"{self.reference}: {self.text[:40]}"


def _months(verbose_name, default, help_text):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=help_text,
    )


@register_setting(icon="time")
class RetentionSettings(BaseSiteSetting):
    """Months after closing before a submission is anonymised; defaults and reasons in
    docs/queue.md."""

    vrijstelling_months = _months(
        _("vrijstelling leerplicht (maanden na afsluiten)"),
        24,
        _(
            "Standaard 24 maanden: een vrijstelling wordt elk schooljaar opnieuw gemeld en de "
            "melding van vorig jaar is nodig om de nieuwe te beoordelen; een besluit kan in "
            "bezwaar en beroep gaan."
        ),
    )
    stageaanbod_months = _months(
        _("stageaanbod (maanden na afsluiten)"),
        12,
        _(
            "Standaard 12 maanden: contactgegevens van de werkgever zijn alleen nodig zolang de "
            "plek openstaat en voor de nazorg van dat schooljaar."
        ),
    )
    leerwerkmakelaar_months = _months(
        _("leerwerkmakelaar (maanden na afsluiten)"),
        24,
        _(
            "Standaard 24 maanden: jongeren komen vaak binnen twee jaar terug; de "
            "leerwerkmakelaar moet dan het eerdere traject kunnen zien."
        ),
    )

    panels = [
        HelpPanel(
            content=_(
                "Na deze termijn worden afgesloten aanmeldingen geanonimiseerd: persoonsgegevens "
                "gewist en bijlagen verwijderd. Alleen wat de jaarcijfers tellen blijft bewaard; "
                "bij een vrijstelling zijn dat de grond, de uitkomst, de gemeente en de datums, "
                "dus niet het geslacht of de geboortedatum van het kind."
            )
        ),
        FieldPanel("vrijstelling_months"),
        FieldPanel("stageaanbod_months"),
        FieldPanel("leerwerkmakelaar_months"),
    ]

    class Meta:
        db_table = "aanmelden_retentionsettings"
        verbose_name = _("bewaartermijnen aanmeldingen")

    FIELD_BY_MODEL = {
        "vrijstellingmelding": "vrijstelling_months",
        "stageaanbod": "stageaanbod_months",
        "leerwerkmakelaaraanmelding": "leerwerkmakelaar_months",
    }

    def months_for(self, model):
        return getattr(self, self.FIELD_BY_MODEL[model._meta.model_name])
