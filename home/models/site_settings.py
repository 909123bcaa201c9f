"""Who runs the portal: shown in the footer and on every form as the non-digital alternative."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="home")
class OrganisationSettings(BaseSiteSetting):
    # The footer links to both pages on every page: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page"]

    name = models.CharField(_("naam organisatie"), max_length=200, default="Leerwerkportaal")
    street_address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode_city = models.CharField(_("postcode en plaats"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    phone_hours = models.CharField(
        _("bereikbaar"), max_length=200, blank=True, help_text=_("Bijv. ma-vr 9.00-17.00 uur")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("street_address"),
                FieldPanel("postcode_city"),
                FieldPanel("phone"),
                FieldPanel("phone_hours"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Verklaringen"),
        ),
    ]

    class Meta:
        verbose_name = _("organisatie en contact")
