"""The outbox: every mail is a row first, so an SMTP failure never loses it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op verzending")
        SENT = "sent", _("Verzonden")

    to = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=250)
    body = models.TextField(_("tekst"))
    template_name = models.CharField(_("sjabloon"), max_length=200, blank=True)
    # Reference of what the mail belongs to (for a timeline, and deleted with it); no personal
    # data.
    reference = models.CharField(_("kenmerk"), max_length=16, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("volgende poging"), default=timezone.now)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        # The table it had when the outbox lived in the forms app; kept, so no data moves.
        db_table = "aanmelden_outgoingmail"
        ordering = ["created_at"]
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")

    def __str__(self):
        return f"{self.subject} -> {self.to} ({self.get_status_display()})"
