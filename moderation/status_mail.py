"""Status mails to the submitter, through the outbox (outbox.mail.queue_mail): stored
in the same transaction as the status change and sent by a background task after commit.

The mail names the reference, the form and the new status only: no BSN, no health or belief
details, no internal note.

A leerwerkmakelaar referral is submitted by a professional (school, coach, municipality), so the
submitter address is theirs, while the leerwerkmakelaar's status mails are written to the young
person ("je intake", "je hebt een plek"). Those go to the young person's own address, if the
referral gave one. The referrer only hears, in their own register, that the referral was picked
up (on "intake gepland"), so they can stop chasing it and tell the young person to expect the
invitation. How the route goes on and how it ends (placed in BBL, work, school) is the young
person's to share: the referrer's statement that the young person agrees covers the referral,
not reports about them afterwards."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from aanmelden.models import LeerwerkmakelaarAanmelding
from outbox.mail import queue_mail

# Transition mail stem -> stem of the referrer's notice. Steps not listed: the referrer gets none.
REFERRER_NOTICES = {"intake_gepland": "intake_gepland_verwijzer"}


@dataclass(frozen=True)
class StatusMail:
    to: str
    name: str
    template: str
    subject: str


def template_name(stem):
    stem = getattr(stem, "mail", stem)  # a Transition or a stem
    return f"aanmelden/mail/status_{stem}.txt"


def status_subject(instance):
    return _("%(reference)s: %(status)s") % {
        "reference": instance.reference,
        "status": instance.outcome_label() or instance.get_status_display(),
    }


def status_mails(instance, transition):
    """Who is told about ``transition``, with which template (nobody: an empty list)."""
    is_referral = isinstance(instance, LeerwerkmakelaarAanmelding) and instance.is_referral
    if not is_referral:
        if not instance.submitter_email:
            return []
        return [
            StatusMail(
                instance.submitter_email,
                instance.submitter_name,
                template_name(transition),
                status_subject(instance),
            )
        ]
    mails = []
    referrer_email = instance.submitter_email
    young_email = instance.email
    # The referrer's own address typed as the young person's is not the young person's.
    if young_email and young_email.casefold() != referrer_email.casefold():
        name = f"{instance.first_name} {instance.last_name}".strip()
        mails.append(
            StatusMail(young_email, name, template_name(transition), status_subject(instance))
        )
    notice = REFERRER_NOTICES.get(transition.mail)
    if notice and referrer_email:
        mails.append(
            StatusMail(
                referrer_email,
                instance.submitter_name,
                template_name(notice),
                _("%(reference)s: in behandeling bij de leerwerkmakelaar")
                % {"reference": instance.reference},
            )
        )
    return mails


def send_status_mail(instance, transition):
    mails = status_mails(instance, transition)
    if not mails:
        return []
    from wagtail.models import Site

    from home.models import OrganisationSettings

    site = Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    context = {
        "submission": instance,
        "reference": instance.reference,
        "form_label": instance.FORM_LABEL,
        "status_label": instance.get_status_display(),
        "outcome_label": instance.outcome_label(),
        "organisation": organisation,
    }
    return [
        queue_mail(
            mail.to,
            mail.subject,
            mail.template,
            {**context, "recipient_name": mail.name},
            reference=instance.reference,
        )
        for mail in mails
    ]
