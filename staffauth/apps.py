from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffAuthConfig(AppConfig):
    """Staff sign-in: the second factor every admin account uses, and the sign-in limits."""

    name = "staffauth"
    verbose_name = _("Aanmelden beheer")
