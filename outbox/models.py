"""The outbox: every mail is a row first, so an SMTP failure never loses it.

A row carries its Message-ID from the moment it is queued, so a retry after a crash sends the same
message again (a receiving system can tell the two copies are one mail). A worker claims a row for
a lease (``claimed_until``) before talking SMTP; a worker that dies leaves the lease to run out, and
the row is claimable again."""

from email.utils import make_msgid, parseaddr
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail.utils import DNS_NAME
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def site_domain():
    """The site's host name (WAGTAILADMIN_BASE_URL), else the sender's domain, else this host."""
    host = urlparse(settings.WAGTAILADMIN_BASE_URL).hostname
    sender_domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return host or sender_domain or str(DNS_NAME)


def new_message_id():
    return make_msgid(domain=site_domain())


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
    message_id = models.CharField(
        _("Message-ID"), max_length=255, unique=True, editable=False, default=new_message_id
    )
    # Set while a worker sends it; a row whose lease has run out may be claimed again.
    claimed_until = models.DateTimeField(_("geclaimd tot"), null=True, blank=True, editable=False)

    class Meta:
        # The table it had when the outbox lived in the forms app; kept, so no data moves.
        db_table = "aanmelden_outgoingmail"
        ordering = ["created_at"]
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")

    def __str__(self):
        return f"{self.subject} -> {self.to} ({self.get_status_display()})"
