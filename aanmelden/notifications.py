"""Mails after a submission to the people it is about: a receipt for the submitter and, for a
referral, a notice to the young person (AVG art. 14). The team hears of it through the
``submission_received`` signal (see signals.py), not from here.

Neither carries a BSN, health or belief details (WMEBV receipt duty, AVG data minimisation)."""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from outbox.mail import queue_mail


def send_receipts(submission, page):
    context = {
        "submission": submission,
        "form_label": submission.FORM_LABEL,
        "what_happens_next": strip_tags(getattr(page, "what_happens_next", "") or "").strip(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    if submission.submitter_email:
        queue_mail(
            submission.submitter_email,
            _("Ontvangen: %(form)s (%(reference)s)")
            % {"form": submission.FORM_LABEL, "reference": submission.reference},
            "aanmelden/mail/receipt.txt",
            context,
            reference=submission.reference,
        )
    young_email = getattr(submission, "email", "")
    if getattr(submission, "is_referral", False) and young_email:
        queue_mail(
            young_email,
            _("Je bent aangemeld bij de leerwerkmakelaar (%(reference)s)")
            % {"reference": submission.reference},
            "aanmelden/mail/referral_notice.txt",
            context,
            reference=submission.reference,
        )
