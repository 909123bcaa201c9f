from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """The staff queue behind the forms: triage, workflow, audit, export, reports, retention."""

    name = "moderation"
    verbose_name = _("Behandeling aanmeldingen")

    def ready(self):
        # The forms announce a submission; the queue tells the team. The forms never import this.
        from aanmelden.signals import submission_received

        from .notifications import notify_team

        submission_received.connect(notify_team, dispatch_uid="moderation.notify_team")
