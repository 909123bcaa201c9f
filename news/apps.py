from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News items (nieuwsberichten) and their list, newest first."""

    name = "news"
    verbose_name = _("Nieuws")
