"""Retention: closed submissions are anonymised once their type's period (RetentionSettings,
in months after closing) has passed. Personal and special-category fields are cleared (for an
exemption everything but what the yearly figures count: see KEPT_FIELDS), uploads deleted,
internal notes and outbox mails removed; status, outcome, ground, municipality, dates and places
stay, so the yearly figures still add up. Open submissions are never touched.

``now`` is a parameter so tests (and a dry run "as of" a date) can look ahead in time.
"""

from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db import models, transaction
from django.utils import timezone

from aanmelden.models import LeerwerkmakelaarAanmelding, VrijstellingMelding
from outbox.models import OutgoingMail

from . import audit
from .models import QueueNote, RetentionSettings
from .permissions import QUEUE_MODELS


def months_before(moment, months):
    """The same day ``months`` earlier (clamped to the month's last day)."""
    return moment - relativedelta(months=months)


def settings_for_default_site():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return RetentionSettings()
    return RetentionSettings.for_site(site)


def due(model, now=None, retention=None):
    """Closed, not yet anonymised submissions of ``model`` past their retention period."""
    now = now or timezone.now()
    retention = retention or settings_for_default_site()
    cutoff = months_before(now, retention.months_for(model))
    return model.objects.filter(
        closed_at__isnull=False, closed_at__lt=cutoff, anonymised_at__isnull=True
    ).order_by("closed_at")


# Fields an anonymised submission keeps, for types that keep only what is needed (listed, not
# cleared by exception, so a field added later is cleared unless someone decides otherwise):
# - the queue's own bookkeeping (reference, status, outcome, dates, the staff member) and the
#   municipality: each municipality reports its leerplicht figures (Leerplichtwet art. 25),
#   and the queue filters by it;
# - what the yearly figures count (reports.py): for an exemption the ground, with the outcome
#   and the date received. Not the child's sex or date of birth, nor anything about the family:
#   next to municipality and ground (5a health, 5b belief) they can single a child out, and the
#   figures read none of them.
KEPT_SUBMISSION_FIELDS = (
    "id",
    "reference",
    "received_at",
    "status",
    "outcome",
    "assigned_to",
    "closed_at",
    "anonymised_at",
    "municipality",
    "idempotency_key",
)
KEPT_FIELDS = {VrijstellingMelding: (*KEPT_SUBMISSION_FIELDS, "ground")}


def fields_to_clear(model):
    if model in KEPT_FIELDS:
        return [
            model_field.name
            for model_field in model._meta.concrete_fields
            if model_field.name not in KEPT_FIELDS[model]
        ]
    names = list(dict.fromkeys((*model.PERSONAL_FIELDS, *model.SPECIAL_CATEGORY_FIELDS)))
    if model is LeerwerkmakelaarAanmelding:
        # age_at_submission carries what the figures need.
        names.append("birth_date")
    return names


def _empty_value(model_field):
    if model_field.null:
        return None
    if model_field.has_default():
        return model_field.get_default()
    return ""


def anonymise(instance, now=None):
    """Erase what identifies the person; keep what the statistics count."""
    now = now or timezone.now()
    model = type(instance)
    files = []
    for name in fields_to_clear(model):
        model_field = model._meta.get_field(name)
        value = getattr(instance, name)
        if isinstance(model_field, models.FileField):
            if value:
                files.append((value.storage, value.name))
            setattr(instance, name, "")
        else:
            setattr(instance, name, _empty_value(model_field))
    for name in model.UPLOAD_FIELDS:
        value = getattr(instance, name)
        if value:
            files.append((value.storage, value.name))
        setattr(instance, name, "")
    instance.anonymised_at = now
    with transaction.atomic():
        instance.save()
        QueueNote.objects.filter(reference=instance.reference).delete()
        OutgoingMail.objects.filter(reference=instance.reference).delete()
        audit.log_anonymise(instance)
        # Files go only once the row no longer points at them.
        transaction.on_commit(lambda: _delete_files(files))
    return instance


def erase(instance, user, now=None):
    """A data-subject erasure: close the submission if it is still open (see
    workflow.ERASURE_CLOSINGS), then anonymise it as retention would, now. Logged. Returns the
    closing Transition, or None if the submission was closed already."""
    from .workflow import close_for_erasure

    now = now or timezone.now()
    model = type(instance)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=instance.pk)
        if locked.anonymised_at:
            return None
        closed = close_for_erasure(locked, user, now=now)
        anonymise(locked, now=now)
        audit.log_erase(locked, user)
    instance.refresh_from_db()
    return closed


def _delete_files(files):
    for storage, name in files:
        if storage.exists(name):
            storage.delete(name)


@dataclass
class RetentionRun:
    applied: bool
    due: dict = field(default_factory=dict)  # model -> [references]

    @property
    def total(self):
        return sum(len(refs) for refs in self.due.values())


def apply_retention(apply=False, now=None):
    """Find (dry run) or anonymise (``apply=True``) everything past its retention period."""
    now = now or timezone.now()
    retention = settings_for_default_site()
    run = RetentionRun(applied=apply)
    for model in QUEUE_MODELS:
        items = list(due(model, now=now, retention=retention))
        run.due[model] = [item.reference for item in items]
        if apply:
            for item in items:
                anonymise(item, now=now)
    return run
