from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanmeldenConfig(AppConfig):
    """The three public wizards, their submissions and the staff moderation queue."""

    name = "aanmelden"
    verbose_name = _("Aanmeldingen")
