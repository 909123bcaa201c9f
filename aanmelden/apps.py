from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanmeldenConfig(AppConfig):
    """The three public wizards and their submissions; the staff queue lives in moderation."""

    name = "aanmelden"
    verbose_name = _("Aanmeldingen")
