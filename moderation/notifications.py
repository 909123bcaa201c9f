"""The team's notice of a new submission, on the forms' ``submission_received`` signal.

It carries only the form, the reference and a link to the queue, never a BSN, health or belief
details (AVG data minimisation). A referred young person without an e-mail address gets a note
on the timeline instead of a mail, so staff call them (AVG art. 14)."""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from aanmelden.models import FormTeamSettings
from outbox.mail import queue_mail

from . import audit
from .admin_urls import inspect_url


def queue_url(submission):
    """Where staff open the submission: its detail page in the queue (login required)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + inspect_url(submission)


def team_address(submission, page):
    if page is not None and getattr(page, "team_email", ""):
        return page.team_email
    site = page.get_site() if page is not None else None
    if site is None:
        return ""
    team_settings = FormTeamSettings.for_site(site)
    return getattr(team_settings, submission.TEAM_EMAIL_SETTING, "")


def notify_team(sender, submission, page, **kwargs):
    """Receiver of ``aanmelden.signals.submission_received``."""
    if getattr(submission, "is_referral", False) and not getattr(submission, "email", ""):
        audit.log_young_person_to_inform(submission)
    team = team_address(submission, page)
    if not team:
        return
    context = {
        "submission": submission,
        "form_label": submission.FORM_LABEL,
        "what_happens_next": strip_tags(getattr(page, "what_happens_next", "") or "").strip(),
        "queue_url": queue_url(submission),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    queue_mail(
        team,
        _("Nieuw in de wachtrij: %(form)s %(reference)s")
        % {"form": submission.FORM_LABEL, "reference": submission.reference},
        "aanmelden/mail/team_notification.txt",
        context,
        reference=submission.reference,
    )
