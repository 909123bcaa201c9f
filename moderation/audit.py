"""Audit trail of the queue on Wagtail's log entries (ModelLogEntry), so every staff view,
change, transition, download and export shows in the submission's timeline and in Wagtail's
site history, with user and time."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

# Stored in every log entry and used in site-history filter URLs: the names predate this app and
# stay as they are.
VIEW = "aanmelden.view"
ASSIGN = "aanmelden.assign"
NOTE = "aanmelden.note"
TRANSITION = "aanmelden.transition"
DOWNLOAD = "aanmelden.download"
EXPORT = "aanmelden.export"
SUBJECT_EXPORT = "aanmelden.subject_export"
ERASE = "aanmelden.erase"
ANONYMISE = "aanmelden.anonymise"
# At receipt: a referred young person without an e-mail address got no message (AVG art. 14).
INFORM_YOUNG_PERSON = "aanmelden.inform_young_person"

# (action, label in filters, message in history)
ACTIONS = (
    (VIEW, _("Aanmelding bekeken"), _("Detailpagina bekeken")),
    (ASSIGN, _("Behandelaar gewijzigd"), _("Behandelaar gewijzigd")),
    (NOTE, _("Notitie toegevoegd"), _("Interne notitie toegevoegd")),
    (TRANSITION, _("Status gewijzigd"), _("Status gewijzigd")),
    (DOWNLOAD, _("Bijlage gedownload"), _("Bijlage gedownload")),
    (EXPORT, _("Lijst geëxporteerd"), _("Lijst geëxporteerd")),
    (SUBJECT_EXPORT, _("Gegevens betrokkene geëxporteerd"), _("Alle gegevens geëxporteerd")),
    (ERASE, _("Gegevens betrokkene gewist"), _("Persoonsgegevens gewist op verzoek")),
    (ANONYMISE, _("Geanonimiseerd (bewaartermijn)"), _("Geanonimiseerd na de bewaartermijn")),
    (
        INFORM_YOUNG_PERSON,
        _("Jongere nog informeren"),
        _(
            "Jongere nog informeren (geen e-mailadres): laat de jongere weten dat die is "
            "aangemeld en door wie (AVG art. 14)"
        ),
    ),
)


def register_actions(actions):
    """Called from the ``register_log_actions`` hook in admin.py."""
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


def _user(user):
    return user if user is not None and user.is_authenticated else None


def log_view(instance, user):
    log(instance, VIEW, user=_user(user))


def log_assign(instance, user, assignee):
    data = {"assigned_to": assignee.get_username() if assignee else None}
    log(instance, ASSIGN, user=_user(user), data=data)


def log_note(instance, user):
    log(instance, NOTE, user=_user(user))


def log_transition(instance, user, previous, transition, with_note=False):
    data = {
        "from": previous,
        "to": transition.target,
        "outcome": transition.outcome,
        "transition": transition.key,
        "note": with_note,
    }
    log(instance, TRANSITION, user=_user(user), data=data)


def log_download(instance, user, field_name):
    log(instance, DOWNLOAD, user=_user(user), data={"field": field_name})


# The list's search box (wagtail-modeladmin's IndexView.SEARCH_VAR): usually a person's name.
SEARCH_PARAM = "q"
# Parameters that say nothing about what was exported.
NOT_FILTERS = ("export", SEARCH_PARAM)


def export_data(export_format, count, params):
    """What the log keeps of an export: format, row count and the filters, but of the search only
    whether one was used. Log entries outlive the submissions' personal data (anonymisation does
    not touch them), so the searched name must never be stored in them."""
    return {
        "format": export_format,
        "count": count,
        "filters": {k: v for k, v in params.items() if k not in NOT_FILTERS},
        "search": bool(params.get(SEARCH_PARAM, "").strip()),
    }


def log_export(model, objects, user, export_format, params):
    """One log entry per exported submission (one bulk insert), so each submission's timeline
    says it left the system in an export, and by whom. An export without rows is logged once,
    on the model (object id 0: no submission has it), so it too shows who exported what."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    now = timezone.now()
    data = export_data(export_format, len(objects), params)
    shared_uuid = uuid.uuid4()
    targets = [(str(obj.pk), obj.reference) for obj in objects] or [
        ("0", str(model._meta.verbose_name_plural))
    ]
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=object_id,
                label=label,
                action=EXPORT,
                timestamp=now,
                data=data,
                user=_user(user),
                uuid=shared_uuid,
            )
            for object_id, label in targets
        ],
        batch_size=1000,
    )


def log_subject_export(instance, user):
    log(instance, SUBJECT_EXPORT, user=_user(user))


def log_erase(instance, user):
    log(instance, ERASE, user=_user(user))


def log_anonymise(instance):
    log(instance, ANONYMISE, user=None)


def log_young_person_to_inform(instance):
    """The system's note at receipt: staff must tell the referred young person themselves."""
    log(instance, INFORM_YOUNG_PERSON, user=None)
