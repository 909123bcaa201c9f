from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page, generic content pages, site settings, search and navigation."""

    name = "home"
    verbose_name = _("Algemeen")

    def ready(self):
        # The app wires its models to the caches, so home.cache imports none of home's modules
        # (the page models read it when they route).
        from wagtail.models import Locale

        from .cache import connect_signals
        from .models import OrganisationSettings

        connect_signals(OrganisationSettings, Locale)
