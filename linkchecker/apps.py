from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkcheckerConfig(AppConfig):
    """Broken links on published pages: found by a scheduled job, listed in an admin report.

    Checks run only from ``manage.py check_links`` or its task, never while a request is served,
    so a slow or unreachable site elsewhere can never slow the portal down."""

    name = "linkchecker"
    verbose_name = _("Linkcontrole")
