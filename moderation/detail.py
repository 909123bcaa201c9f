"""What the detail view of a case shows: the answers each user may see, the timeline of
everything that happened to it, who it can be assigned to, and the refused text to put back."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.log_actions import registry as log_registry

from aanmelden.models import Stageaanbod
from outbox.models import OutgoingMail

from . import admin_urls, audit, permissions
from .models import QueueNote
from .workflow import ERASURE_KEY, transitions_for

# Refused text waiting to go back in its box on the detail view ({box: {"text", "error"}}).
DRAFTS_SESSION_KEY = "queue_drafts"


def staff_for(model):
    """Users who may work this queue (assignment choices)."""
    User = get_user_model()
    perm = Q(codename=f"change_{model._meta.model_name}", content_type__app_label=permissions.APP)
    perm_ids = list(Permission.objects.filter(perm).values_list("pk", flat=True))
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=perm_ids)
            | Q(user_permissions__in=perm_ids)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def answer_sections(user, instance):
    """The wizard's sections, with special-category answers only for those allowed."""
    model = type(instance)
    sections = []
    for title, rows in instance.answer_sections():
        shown = []
        for label, value, field_name in rows:
            if not permissions.visible_field(user, model, field_name):
                continue
            download = None
            if field_name in model.UPLOAD_FIELDS and getattr(instance, field_name):
                download = field_name
            shown.append({"label": label, "value": value, "download": download})
        if shown:
            sections.append({"title": title, "rows": shown})
    return sections


def timeline(instance):
    """Everything that happened, oldest first: log entries, internal notes and mails."""
    events = [
        {
            "when": instance.received_at,
            "what": _("Ontvangen via het formulier"),
            "who": "",
            "kind": "received",
        }
    ]
    entries = log_registry.get_logs_for_instance(instance).select_related("user")
    for entry in entries:
        events.append(
            {
                "when": entry.timestamp,
                "what": describe_log_entry(instance, entry),
                "who": user_label(entry.user),
                "kind": entry.action.replace("aanmelden.", ""),
            }
        )
    for note in QueueNote.objects.filter(reference=instance.reference).select_related("user"):
        events.append(
            {
                "when": note.created_at,
                "what": _("Notitie: %(text)s") % {"text": note.text},
                "who": user_label(note.user),
                "kind": "note-text",
            }
        )
    for mail in OutgoingMail.objects.filter(reference=instance.reference):
        events.append(
            {
                "when": mail.created_at,
                "what": _("E-mail “%(subject)s” (%(status)s)")
                % {"subject": mail.subject, "status": mail.get_status_display()},
                "who": "",
                "kind": "mail",
            }
        )
    events.sort(key=lambda event: event["when"])
    return events


def user_label(user):
    if user is None:
        return _("systeem")
    return user.get_full_name() or user.get_username()


def describe_log_entry(instance, entry):
    model = type(instance)
    data = entry.data or {}
    if entry.action == audit.TRANSITION:
        status = dict(model.Status.choices)
        text = _("Status: %(from)s → %(to)s") % {
            "from": status.get(data.get("from"), data.get("from")),
            "to": status.get(data.get("to"), data.get("to")),
        }
        outcome_choices = getattr(model, "Outcome", None)
        if data.get("outcome") and outcome_choices:
            text += f" ({dict(outcome_choices.choices).get(data['outcome'], data['outcome'])})"
        if data.get("transition") == ERASURE_KEY:
            text += ", " + _("bij het wissen van de persoonsgegevens")
        return text
    if entry.action == audit.ASSIGN:
        return _("Toegewezen aan %(user)s") % {"user": data.get("assigned_to") or _("niemand")}
    if entry.action == audit.DOWNLOAD:
        field_name = data.get("field", "")
        try:
            label = model._meta.get_field(field_name).verbose_name
        except Exception:  # noqa: BLE001 - a field removed since: show its name
            label = field_name
        return _("Bijlage gedownload: %(field)s") % {"field": label}
    if entry.action == audit.EXPORT:
        return _("Opgenomen in export (%(format)s, %(count)s rijen)") % {
            "format": data.get("format", ""),
            "count": data.get("count", ""),
        }
    formatter = log_registry.get_formatter(entry)
    return str(formatter.format_message(entry)) if formatter else entry.action


def detail_context(request, instance):
    user = request.user
    model = type(instance)
    can_change = permissions.can_change(user, model)
    context = {
        "sections": answer_sections(user, instance),
        "timeline": timeline(instance),
        "can_change": can_change and not instance.anonymised_at,
        "transitions": transitions_for(instance) if can_change else [],
        "staff": staff_for(model) if can_change else [],
        "can_manage_personal_data": permissions.can_manage_personal_data(user, model),
        "special_hidden": bool(model.SPECIAL_CATEGORY_FIELDS)
        and not permissions.can_see_special_category(user, model),
        "special_team": permissions.TEAM_OF_MODEL.get(model, ""),
        "urls": {
            action: admin_urls.action_url(model, action, instance.pk)
            for action in ("transition", "assign", "note", "download", "subject_export", "erase")
        },
        "places": list(instance.places.all()) if isinstance(instance, Stageaanbod) else [],
        # Refused text, back in its box: "note" of the workflow step, "text" of a note.
        "drafts": request.session.pop(DRAFTS_SESSION_KEY, {}),
        "outcome_label": instance.outcome_label(),
        "status_label": instance.get_status_display(),
    }
    return context
