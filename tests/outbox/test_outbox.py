"""The outbox on its own: a refused mail waits for its back-off and is sent once."""

import datetime
import email
import re
import smtplib

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.mail import queue_mail
from outbox.models import OutgoingMail
from outbox.tasks import claim, deliver, send_outgoing_mail, send_pending

pytestmark = pytest.mark.django_db


def test_pending_mail_waits_for_its_back_off(smtp_server):
    queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    mail = OutgoingMail.objects.get()
    assert deliver(mail.pk) is False
    smtp_server.accept = True
    assert send_pending() == (0, 0)  # still in back-off
    assert send_pending(include_not_due=True) == (1, 0)


def message_ids(handler):
    return [email.message_from_bytes(e.original_content)["Message-ID"] for e in handler.messages]


def test_a_mail_has_its_message_id_from_the_moment_it_is_queued(smtp_server):
    mail = queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    assert re.fullmatch(r"<[^@<>]+@testserver>", mail.message_id)
    smtp_server.accept = True
    assert deliver(mail.pk) is True
    assert message_ids(smtp_server) == [mail.message_id]


@pytest.mark.django_db(transaction=True)
def test_no_database_transaction_is_open_while_talking_smtp(smtp_server, monkeypatch):
    """The claim is committed before the conversation starts and the result after it ends."""
    smtp_server.accept = True
    in_transaction = []
    sendmail = smtplib.SMTP.sendmail

    def watched(self, *args, **kwargs):
        in_transaction.append(connection.in_atomic_block)
        return sendmail(self, *args, **kwargs)

    monkeypatch.setattr(smtplib.SMTP, "sendmail", watched)
    mail = queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
    assert in_transaction == [False]
    assert message_ids(smtp_server) == [mail.message_id]


def test_a_claimed_mail_waits_for_its_lease_and_then_goes_once(smtp_server):
    """A worker that claimed a mail and died leaves it claimed; no other worker sends it while
    the lease lasts, and one sends it, with the same Message-ID, once the lease has run out."""
    mail = queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    smtp_server.accept = True
    until = claim(mail.pk)
    assert until is not None
    assert claim(mail.pk) is None  # a second worker does not get it
    assert send_pending(include_not_due=True) == (0, 0)
    assert deliver(mail.pk) is False
    OutgoingMail.objects.filter(pk=mail.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert send_pending() == (1, 0)
    assert send_pending() == (0, 0)
    assert message_ids(smtp_server) == [mail.message_id]
    assert OutgoingMail.objects.get().attempts == 2  # the crashed attempt counts


@pytest.mark.django_db(transaction=True)
def test_a_refused_mail_is_retried_by_the_database_task_worker(smtp_server, settings):
    """The retry path on the production task backend: the refusal queues a retry task for
    after the back-off, and the worker sends the mail then, once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mail = queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    assert DBTaskResult.objects.count() == 1

    def run_worker():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    run_worker()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.claimed_until) == (
        OutgoingMail.Status.PENDING,
        1,
        None,
    )
    assert "451" in mail.last_error
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.filter(run_after=mail.next_attempt_at).count() == 1  # the retry

    # The back-off ends.
    smtp_server.accept = True
    past = timezone.now() - datetime.timedelta(seconds=1)
    OutgoingMail.objects.update(next_attempt_at=past)
    waiting.update(run_after=past)
    run_worker()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (OutgoingMail.Status.SENT, 2)
    assert message_ids(smtp_server) == [mail.message_id]


@pytest.mark.django_db(transaction=True)
def test_a_send_task_that_finds_the_mail_held_looks_again_when_the_lease_ends(settings):
    """Another worker holds the mail (and may have died): the task comes back just after that
    worker's lease, whatever its clock said, instead of leaving the mail to cron."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():  # queued without its first task, as if that had run already
        mail = OutgoingMail.objects.create(to="a@example.org", subject="Test", body="Hallo")
    until = claim(mail.pk)
    DBTaskResult.objects.all().delete()  # also the holder's own check
    assert send_outgoing_mail.call(mail.pk) is False
    (again,) = DBTaskResult.objects.all()
    assert again.run_after == until + datetime.timedelta(seconds=1)
    assert again.args_kwargs["args"] == [mail.pk]
