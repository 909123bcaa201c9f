"""Queue views behind the admin registration (admin.py): workflow, assignment, notes, downloads,
data-subject requests and the yearly figures. What the detail view shows is in detail.py."""

import functools
import json
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
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
from .detail import DRAFTS_SESSION_KEY, staff_for, user_label
from .forms import AssignForm, NoteForm, TransitionForm, first_error
from .models import QueueNote
from .schoolyear import SchoolYear, current_school_year
from .workflow import (
    TransitionRefused,
    apply_transition,
    erasure_status_label,
    erasure_transition,
)


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
        {"timestamp": e.timestamp, "action": e.action, "user": user_label(e.user)}
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
