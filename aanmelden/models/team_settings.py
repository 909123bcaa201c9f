"""Where each form's team notification goes; editable by staff per site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class FormTeamSettings(BaseSiteSetting):
    vrijstelling_team_email = models.EmailField(
        _("e-mail team leerplicht"),
        blank=True,
        help_text=_("Krijgt een bericht (zonder persoonsgegevens) bij elke nieuwe melding."),
    )
    stageaanbod_team_email = models.EmailField(_("e-mail Werkgeversservicepunt"), blank=True)
    leerwerkmakelaar_team_email = models.EmailField(_("e-mail leerwerkmakelaars"), blank=True)

    panels = [
        FieldPanel("vrijstelling_team_email"),
        FieldPanel("stageaanbod_team_email"),
        FieldPanel("leerwerkmakelaar_team_email"),
    ]

    class Meta:
        verbose_name = _("e-mail teams formulieren")
