"""The outbox on its own: a refused mail waits for its back-off and is sent once."""

import pytest

from outbox.mail import queue_mail
from outbox.models import OutgoingMail
from outbox.tasks import deliver, send_pending

pytestmark = pytest.mark.django_db


def test_pending_mail_waits_for_its_back_off(smtp_server):
    queue_mail("a@example.org", "Test", "aanmelden/mail/team_notification.txt", {})
    mail = OutgoingMail.objects.get()
    assert deliver(mail.pk) is False
    smtp_server.accept = True
    assert send_pending() == (0, 0)  # still in back-off
    assert send_pending(include_not_due=True) == (1, 0)
