"""The outbox: a submission is stored even when SMTP refuses; the mail goes out once it accepts."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from aanmelden.models import LeerwerkmakelaarAanmelding, OutgoingMail

from .helpers import LEERWERKMAKELAAR, fill_all, final_post

pytestmark = pytest.mark.django_db


class SwitchableHandler:
    """A real SMTP server that says "try again later" until told to accept."""

    def __init__(self):
        self.accept = False
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if not self.accept:
            return "451 4.3.0 Mailbox temporarily unavailable"
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = SwitchableHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    yield handler
    controller.stop()


def test_refused_mail_stays_pending_and_is_delivered_later(
    client, form_pages, smtp_server, django_capture_on_commit_callbacks
):
    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, LEERWERKMAKELAAR)
    with django_capture_on_commit_callbacks(execute=True):
        response = final_post(client, page, key)
    assert response.status_code == 302
    submission = LeerwerkmakelaarAanmelding.objects.get()
    pending = OutgoingMail.objects.filter(reference=submission.reference)
    assert pending.count() == 2
    assert all(m.status == "pending" and m.attempts == 1 and "451" in m.last_error for m in pending)
    assert smtp_server.messages == []

    smtp_server.accept = True
    call_command("send_pending_mail", "--all", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {m.status for m in pending.all()} == {"sent"}
    recipients = sorted(e.rcpt_tos[0] for e in smtp_server.messages)
    assert recipients == ["lwm@example.org", "sem@example.org"]
    # Sent mails are never sent twice.
    call_command("send_pending_mail", "--all", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(smtp_server.messages) == 2


def test_pending_mail_waits_for_its_back_off(smtp_server):
    from aanmelden.mail import queue_mail
    from aanmelden.tasks import send_pending

    queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    mail = OutgoingMail.objects.get()
    from aanmelden.tasks import deliver

    assert deliver(mail.pk) is False
    smtp_server.accept = True
    assert send_pending() == (0, 0)  # still in back-off
    assert send_pending(include_not_due=True) == (1, 0)
