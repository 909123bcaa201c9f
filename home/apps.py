from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page, generic content pages, site settings, search and navigation."""

    name = "home"
    verbose_name = _("Algemeen")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
