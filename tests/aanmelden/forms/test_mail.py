"""The outbox with the forms: a submission is stored even when SMTP refuses; the mail goes out
once it accepts."""

import pytest
from django.core.management import call_command

from aanmelden.models import LeerwerkmakelaarAanmelding
from outbox.models import OutgoingMail

from .helpers import LEERWERKMAKELAAR, fill_all, final_post

pytestmark = pytest.mark.django_db


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


def test_a_failing_listener_rolls_the_submission_and_its_mails_back(client, form_pages):
    """The team notice is queued inside the submit's transaction: whatever a listener of
    submission_received writes commits with the submission, or neither does."""
    from aanmelden.signals import submission_received

    def broken(sender, **kwargs):
        raise RuntimeError("listener failed")

    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, LEERWERKMAKELAAR)
    submission_received.connect(broken)
    try:
        with pytest.raises(RuntimeError):
            final_post(client, page, key)
    finally:
        submission_received.disconnect(broken)
    assert not LeerwerkmakelaarAanmelding.objects.exists()
    assert not OutgoingMail.objects.exists()
    # The visitor's retry goes through once the listener works: one submission, its mails.
    assert final_post(client, page, key).status_code == 302
    submission = LeerwerkmakelaarAanmelding.objects.get()
    assert set(OutgoingMail.objects.values_list("reference", flat=True)) == {submission.reference}
    assert OutgoingMail.objects.filter(template_name__endswith="team_notification.txt").count() == 1
