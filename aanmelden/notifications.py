"""Mails after a submission: a receipt for the submitter, a bare notice for the team.

Neither carries a BSN, health or belief details; the team notice carries only a link to the
queue (WMEBV receipt duty, AVG data minimisation; DOMAIN.md section 5)."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .mail import queue_mail


def queue_url(submission):
    """Where staff open the submission: its detail page in the queue (login required)."""
    meta = submission._meta
    path = reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_inspect", args=[submission.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def team_address(submission, page):
    if page is not None and getattr(page, "team_email", ""):
        return page.team_email
    from .models import FormTeamSettings

    site = page.get_site() if page is not None else None
    if site is None:
        return ""
    team_settings = FormTeamSettings.for_site(site)
    return getattr(team_settings, submission.TEAM_EMAIL_SETTING, "")


def notify_new_submission(submission, page):
    context = {
        "submission": submission,
        "form_label": submission.FORM_LABEL,
        "what_happens_next": strip_tags(getattr(page, "what_happens_next", "") or "").strip(),
        "queue_url": queue_url(submission),
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
    if getattr(submission, "is_referral", False):
        # AVG art. 14: the young person hears that someone registered them.
        if young_email:
            queue_mail(
                young_email,
                _("Je bent aangemeld bij de leerwerkmakelaar (%(reference)s)")
                % {"reference": submission.reference},
                "aanmelden/mail/referral_notice.txt",
                context,
                reference=submission.reference,
            )
        else:
            # Only a phone number: the timeline of the queue's detail view tells staff to call.
            from .queue import audit

            audit.log_young_person_to_inform(submission)
    team = team_address(submission, page)
    if team:
        queue_mail(
            team,
            _("Nieuw in de wachtrij: %(form)s %(reference)s")
            % {"form": submission.FORM_LABEL, "reference": submission.reference},
            "aanmelden/mail/team_notification.txt",
            context,
            reference=submission.reference,
        )
