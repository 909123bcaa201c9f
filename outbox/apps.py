from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Mails stored in the sender's transaction and delivered by the worker, exactly once.

    Knows nothing of forms or queues: a mail is an address, a subject, a rendered body and the
    reference it belongs to."""

    name = "outbox"
    verbose_name = _("Uitgaande e-mail")
