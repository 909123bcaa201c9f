"""Background tasks (django-tasks): send one outbox mail; resend what is pending.

A failure is recorded on the row and never raised: the mail stays pending and is retried with
back-off (re-enqueued when the backend can defer, and by ``send_pending_mail``)."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingMail

logger = logging.getLogger(__name__)
MAX_AUTOMATIC_ATTEMPTS = 8


def backoff(attempts):
    """1, 2, 4 ... minutes, capped at 6 hours."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def deliver(mail_id):
    """Send one pending mail; returns True when sent. Locks the row so two workers never both
    send it."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=OutgoingMail.Status.PENDING)
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            EmailMessage(
                subject=mail.subject,
                body=mail.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[mail.to],
            ).send()
        except (smtplib.SMTPException, OSError) as exc:
            mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning("mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, exc)
            sent = False
        else:
            mail.status = OutgoingMail.Status.SENT
            mail.sent_at = timezone.now()
            mail.last_error = ""
            mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
            sent = True
    if not sent and mail.attempts < MAX_AUTOMATIC_ATTEMPTS and default_task_backend.supports_defer:
        send_outgoing_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
    return sent


@task()
def send_outgoing_mail(mail_id):
    return deliver(mail_id)


def send_pending(include_not_due=False):
    """Try every pending mail that is due; returns (sent, failed)."""
    mails = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
    if not include_not_due:
        mails = mails.filter(next_attempt_at__lte=timezone.now())
    sent = failed = 0
    for mail_id in mails.values_list("pk", flat=True):
        if deliver(mail_id):
            sent += 1
        else:
            failed += 1
    return sent, failed


@task()
def send_pending_mail():
    """For a scheduler (cron running ``manage.py send_pending_mail`` does the same)."""
    return send_pending()
