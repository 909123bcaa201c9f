"""What the forms announce to whoever listens (the staff queue), so they never import it."""

from django.dispatch import Signal

# Sent inside the transaction that saves a new submission, after its related rows and the
# submitter's receipt: a receiver's writes (mails queued in the outbox, log entries) commit or
# roll back with the submission, so a retried submit never notifies twice. Arguments:
# ``submission`` and ``page`` (the form page it came through); sender is the submission class.
submission_received = Signal()
