from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegelingenConfig(AppConfig):
    """Schemes (regelingen) and policy documents (beleidsdocumenten)."""

    name = "regelingen"
    verbose_name = _("Regelingen en beleid")
