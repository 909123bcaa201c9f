"""The outbox API: ``queue_mail()`` stores the mail in the caller's transaction and sends it in a
background task after commit, so a rolled-back caller sends nothing and a committed one loses
nothing."""

from django.db import transaction
from django.template.loader import render_to_string

from .models import OutgoingMail


def queue_mail(to, subject, template_name, context, reference=""):
    """Store one mail (rendered now, so later template edits do not change it) and enqueue it."""
    body = render_to_string(template_name, context)
    mail = OutgoingMail.objects.create(
        to=to, subject=subject[:250], body=body, template_name=template_name, reference=reference
    )

    def enqueue():
        from .tasks import send_outgoing_mail

        send_outgoing_mail.enqueue(mail.pk)

    transaction.on_commit(enqueue)
    return mail
