"""Background tasks (django-tasks): send one outbox mail; resend what is pending.

Exactly once, as far as SMTP allows: a worker first claims the row for a lease in a short
transaction of its own, talks SMTP outside any transaction, then marks the row sent in another
short one. A worker that dies in between leaves the lease to run out; the check task queued with
the claim then claims the row again, so no cron is needed for it. The one window that cannot be
closed is between the server's 250 and our commit: a crash there sends the mail twice, both times
with the Message-ID the row got when it was queued.

A failure is recorded on the row and never raised: the mail stays pending and is retried with
back-off (re-enqueued when the backend can defer, and by ``send_pending_mail``)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingMail

logger = logging.getLogger(__name__)
MAX_AUTOMATIC_ATTEMPTS = 8


def backoff(attempts):
    """1, 2, 4 ... minutes, capped at 6 hours."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def lease():
    return datetime.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def claim(mail_id, due_only=True):
    """Claim a pending mail for one lease; returns the lease's end, or None when another worker
    holds it, it was sent, or (with due_only) its back-off has not ended.

    One conditional UPDATE: the database lets only one of several workers change the row from
    unclaimed (or expired) to claimed, on SQLite and on PostgreSQL alike, so two workers on two
    nodes never both send it while the lease lasts. With a backend that defers, the same
    transaction queues a check for when the lease ends: it finds the row sent, or claims it again
    when this worker died on the way."""
    now = timezone.now()
    until = now + lease()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    mails = OutgoingMail.objects.filter(free, pk=mail_id, status=OutgoingMail.Status.PENDING)
    if due_only:
        mails = mails.filter(next_attempt_at__lte=now)
    with transaction.atomic():
        if not mails.update(claimed_until=until, attempts=F("attempts") + 1):
            return None
        if default_task_backend.supports_defer:
            send_outgoing_mail.using(run_after=until).enqueue(mail_id)
    return until


def deliver(mail_id, due_only=True):
    """Send one pending mail; returns True when sent (by this call)."""
    until = claim(mail_id, due_only=due_only)
    if until is None:
        return False
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None:  # removed meanwhile (retention)
        return False
    try:
        EmailMessage(
            subject=mail.subject,
            body=mail.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[mail.to],
            headers={"Message-ID": mail.message_id},
        ).send()
    except Exception as exc:  # SMTP, network, or a message the server refuses: retry later
        record_failure(mail, until, exc)
        return False
    # Sent: whoever holds the row now (should the lease have run out meanwhile), it is sent.
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=OutgoingMail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        claimed_until=None,
    )
    if timezone.now() > until:
        logger.warning("mail %s outlasted its lease: raise OUTBOX_LEASE_SECONDS", mail.pk)
    return True


def record_failure(mail, until, exc):
    """Keep the mail pending for a retry after its back-off (only while this worker still holds
    it); the retry task is queued in the same transaction, so a crash cannot lose it."""
    attempts = mail.attempts
    next_attempt_at = timezone.now() + backoff(attempts)
    with transaction.atomic():
        updated = OutgoingMail.objects.filter(pk=mail.pk, claimed_until=until).update(
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            next_attempt_at=next_attempt_at,
            claimed_until=None,
        )
        if updated and attempts < MAX_AUTOMATIC_ATTEMPTS and default_task_backend.supports_defer:
            send_outgoing_mail.using(run_after=next_attempt_at).enqueue(mail.pk)
    logger.warning("mail %s not sent (attempt %s): %s", mail.pk, attempts, exc)


@task()
def send_outgoing_mail(mail_id):
    """Send the mail; should another worker hold it, look again when its lease ends (its clock
    may run a little behind ours), so a worker that died never leaves the mail waiting for cron."""
    if deliver(mail_id):
        return True
    held_until = (
        OutgoingMail.objects.filter(
            pk=mail_id, status=OutgoingMail.Status.PENDING, claimed_until__gte=timezone.now()
        )
        .values_list("claimed_until", flat=True)
        .first()
    )
    if held_until and default_task_backend.supports_defer:
        run_after = held_until + datetime.timedelta(seconds=1)
        send_outgoing_mail.using(run_after=run_after).enqueue(mail_id)
    return False


def send_pending(include_not_due=False):
    """Try every pending mail that is due and not held by a live lease; returns (sent, failed)."""
    now = timezone.now()
    mails = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )
    if not include_not_due:
        mails = mails.filter(next_attempt_at__lte=now)
    sent = failed = 0
    for mail_id in mails.values_list("pk", flat=True):
        if deliver(mail_id, due_only=not include_not_due):
            sent += 1
        else:
            failed += 1
    return sent, failed


@task()
def send_pending_mail():
    """For a scheduler (cron running ``manage.py send_pending_mail`` does the same)."""
    return send_pending()
