"""Status mails to the submitter, through the forms' outbox (aanmelden.mail.queue_mail): stored
in the same transaction as the status change and sent by a background task after commit.

The mail names the reference, the form and the new status only: no BSN, no health or belief
details, no internal note."""

from django.utils.translation import gettext as _

from ..mail import queue_mail
from .workflow import outcome_label, status_label


def template_name(transition):
    return f"aanmelden/mail/status_{transition.mail}.txt"


def send_status_mail(instance, transition):
    if not instance.submitter_email:
        return None
    from wagtail.models import Site

    from home.models import OrganisationSettings

    site = Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    context = {
        "submission": instance,
        "reference": instance.reference,
        "form_label": instance.FORM_LABEL,
        "status_label": status_label(instance),
        "outcome_label": outcome_label(instance),
        "organisation": organisation,
    }
    subject = _("%(reference)s: %(status)s") % {
        "reference": instance.reference,
        "status": context["outcome_label"] or context["status_label"],
    }
    return queue_mail(
        instance.submitter_email,
        subject,
        template_name(transition),
        context,
        reference=instance.reference,
    )
