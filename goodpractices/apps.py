from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodpracticesConfig(AppConfig):
    """Good-practice examples and their taxonomy (regio, doelgroep, thema, organisatie)."""

    name = "goodpractices"
    verbose_name = _("Goede voorbeelden")

    def ready(self):
        from home.cache import retire_on_change

        from .models import Doelgroep, Organisatie, Regio, Thema

        # Lists and pages show term names from cached fragments.
        retire_on_change(Doelgroep, Organisatie, Regio, Thema)
