"""Queue views behind the admin registration (admin.py): detail context, workflow, assignment,
notes, downloads, data-subject requests and the yearly figures."""

import functools
import json
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import registry as log_registry

from aanmelden import uploads
from aanmelden.models import Stageaanbod
from home.validators import without_control_characters
from home.views import permission_denied
from outbox.models import OutgoingMail

from . import admin_urls, audit, export, notes, permissions, reports, retention
from .charts import bar_chart
from .forms import AssignForm, NoteForm, TransitionForm, first_error
from .models import QueueNote
from .schoolyear import SchoolYear, current_school_year
from .workflow import (
    ERASURE_KEY,
    TransitionRefused,
    apply_transition,
    erasure_status_label,
    erasure_transition,
    transitions_for,
)

DRAFTS_SESSION_KEY = "queue_drafts"


def forbidden_as_403(view):
    """Wagtail's admin answers a refused permission with a redirect to the dashboard; the queue
    answers 403 with the Dutch page, so staff see why and the address stays in the browser."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exception:
            return permission_denied(request, exception)

    return wrapped


# --- detail -----------------------------------------------------------------------------------


def staff_for(model):
    """Users who may work this queue (assignment choices)."""
    User = get_user_model()
    perm = Q(codename=f"change_{model._meta.model_name}", content_type__app_label=permissions.APP)
    from django.contrib.auth.models import Permission

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
                "who": _user_label(entry.user),
                "kind": entry.action.replace("aanmelden.", ""),
            }
        )
    for note in QueueNote.objects.filter(reference=instance.reference).select_related("user"):
        events.append(
            {
                "when": note.created_at,
                "what": _("Notitie: %(text)s") % {"text": note.text},
                "who": _user_label(note.user),
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


def _user_label(user):
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


# --- actions ----------------------------------------------------------------------------------


def _instance_for_change(request, model, instance_pk):
    if not permissions.can_change(request.user, model):
        raise PermissionDenied
    instance = get_object_or_404(model, pk=instance_pk)
    if instance.anonymised_at:
        raise PermissionDenied
    return instance


def _back(instance):
    return redirect(admin_urls.inspect_url(instance))


def _keep_draft(request, box, text, error=""):
    """Put what was typed back in its box on the detail view, with the reason it was refused.
    Invisible control characters are taken out, so saving again works."""
    drafts = request.session.get(DRAFTS_SESSION_KEY, {})
    drafts[box] = {"text": without_control_characters(text), "error": error}
    request.session[DRAFTS_SESSION_KEY] = drafts


@login_required
@require_POST
def transition_view(request, model, instance_pk):
    instance = _instance_for_change(request, model, instance_pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        _keep_draft(request, "note", request.POST.get("note", ""), first_error(form, "note"))
        if not form.has_error("note"):
            messages.error(request, _("Kies een van de stappen."))
        return _back(instance)
    try:
        transition = apply_transition(
            instance, form.cleaned_data["transition"], request.user, form.cleaned_data["note"]
        )
    except TransitionRefused as error:
        messages.error(request, " ".join(error.messages))
        # Keep what was typed (the detail view puts it back in the note field).
        _keep_draft(request, "note", form.cleaned_data["note"])
        return _back(instance)
    messages.success(
        request,
        _("%(reference)s: %(step)s.") % {"reference": instance.reference, "step": transition.label},
    )
    return _back(instance)


@login_required
@require_POST
def assign_view(request, model, instance_pk):
    instance = _instance_for_change(request, model, instance_pk)
    form = AssignForm(request.POST, staff_for(model))
    if not form.is_valid():
        messages.error(request, _("Deze medewerker kan deze aanmelding niet behandelen."))
        return _back(instance)
    assignee = form.cleaned_data["user"]
    instance.assigned_to = assignee
    instance.save(update_fields=["assigned_to"])
    audit.log_assign(instance, request.user, assignee)
    messages.success(request, _("Behandelaar opgeslagen."))
    return _back(instance)


@login_required
@require_POST
def note_view(request, model, instance_pk):
    instance = _instance_for_change(request, model, instance_pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        _keep_draft(request, "text", request.POST.get("text", ""), first_error(form, "text"))
        return _back(instance)
    notes.add_note(instance, request.user, form.cleaned_data["text"])
    messages.success(request, _("Notitie opgeslagen."))
    return _back(instance)


@login_required
def download_view(request, model, instance_pk):
    instance = get_object_or_404(model, pk=instance_pk)
    field_name = request.GET.get("veld", "")
    if not permissions.can_download(request.user, instance, field_name):
        raise PermissionDenied
    file = getattr(instance, field_name)
    if not file or not file.storage.exists(file.name):
        raise Http404
    audit.log_download(instance, request.user, field_name)
    handle = file.storage.open(file.name, "rb")
    kind = uploads.detect_type(handle)
    # Served as what the bytes are: never inline, never sniffed, and sandboxed should a browser
    # render it anyway. A file of no accepted type (none is stored so) is plain bytes.
    stem = get_valid_filename(PurePath(instance.display_value(field_name)).stem)[:80] or "bestand"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stem + (kind.extension if kind else ".bin"),
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def subject_data(instance):
    """Everything held about the person behind a submission, for a data-subject access request."""
    data = {}
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if isinstance(model_field, models.FileField):
            value = value.name if value else ""
        data[model_field.name] = value
    if isinstance(instance, Stageaanbod):
        data["places"] = [
            {f.name: getattr(place, f.attname) for f in place._meta.concrete_fields}
            for place in instance.places.all()
        ]
    data["internal_notes"] = [
        {"created_at": n.created_at, "text": n.text}
        for n in QueueNote.objects.filter(reference=instance.reference)
    ]
    data["mails"] = [
        {"created_at": m.created_at, "to": m.to, "subject": m.subject, "body": m.body}
        for m in OutgoingMail.objects.filter(reference=instance.reference)
    ]
    data["log"] = [
        {"timestamp": e.timestamp, "action": e.action, "user": _user_label(e.user)}
        for e in log_registry.get_logs_for_instance(instance).select_related("user")
    ]
    return data


@login_required
def subject_export_view(request, model, instance_pk):
    instance = get_object_or_404(model, pk=instance_pk)
    if not permissions.can_manage_personal_data(request.user, model):
        raise PermissionDenied
    audit.log_subject_export(instance, request.user)
    payload = json.dumps(
        subject_data(instance), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
    )
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{instance.reference}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def erase_view(request, model, instance_pk):
    instance = get_object_or_404(model, pk=instance_pk)
    if not permissions.can_manage_personal_data(request.user, model):
        raise PermissionDenied
    if request.method == "POST" and not instance.anonymised_at:
        closed = retention.erase(instance, request.user)
        message = _("De persoonsgegevens van %(ref)s zijn gewist.") % {"ref": instance.reference}
        if closed:
            message += " " + _("De aanmelding is gesloten met status “%(status)s”.") % {
                "status": erasure_status_label(model)
            }
        messages.success(request, message)
        return _back(instance)
    return TemplateResponse(
        request,
        "moderation/erase_confirm.html",
        {
            "instance": instance,
            "back_url": admin_urls.inspect_url(instance),
            "closes": erasure_transition(model).applies_to(instance),
            "closing_status": erasure_status_label(model),
        },
    )


# --- yearly figures ---------------------------------------------------------------------------


@login_required
def report_view(request):
    if not permissions.can_view_report(request.user):
        raise PermissionDenied
    school_year = SchoolYear.parse(request.GET.get("jaar")) or current_school_year()
    figures = reports.yearly_figures(school_year, permissions.visible_queue_models(request.user))
    if request.GET.get("format") == "csv":
        headers = [_("Schooljaar"), _("Onderdeel"), _("Categorie"), _("Kolom"), _("Aantal")]
        return export.csv_response(
            f"jaarcijfers-{school_year.label}", headers, reports.csv_rows(figures)
        )
    current = current_school_year()
    years = [SchoolYear(current.start_year - offset) for offset in range(6)]
    charts = [
        {"table": table, "svg": bar_chart(table.title, table.chart_bars(), f"chart-{table.key}")}
        for table in figures["tables"]
    ]
    return TemplateResponse(
        request,
        "moderation/report.html",
        {"figures": figures, "charts": charts, "years": years, "school_year": school_year},
    )
