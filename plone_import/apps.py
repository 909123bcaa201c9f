from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PloneImportConfig(AppConfig):
    """Migration of an old Plone/Volto site: `manage.py import_plone`."""

    name = "plone_import"
    verbose_name = _("Plone-import")
