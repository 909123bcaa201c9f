"""Internal notes on a submission (never shown to the submitter)."""

from .models import QueueNote


def add_note(instance, user, text):
    from . import audit

    note = QueueNote.objects.create(
        reference=instance.reference,
        user=user if user and user.is_authenticated else None,
        text=text,
    )
    audit.log_note(instance, user)
    return note
