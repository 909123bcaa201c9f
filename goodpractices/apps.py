from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodpracticesConfig(AppConfig):
    """Good-practice examples and their taxonomy (regio, doelgroep, thema, organisatie)."""

    name = "goodpractices"
    verbose_name = _("Goede voorbeelden")
