from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events (evenementen), the agenda that lists them and their iCalendar downloads."""

    name = "events"
    verbose_name = _("Agenda")
