"""The wizard engine shared by the three forms.

django-formtools' NamedUrlSessionWizardView, served by a Wagtail page (RoutablePageMixin) at
``<page>/stap/<step>/``, with what GOV.UK / NL Design System ask of a question page:

- the back button stores what was typed on the current step before going back;
- errors only after a POST (or a redirect that asks for them), summarised above the form;
- a check step with "Wijzig" links that come back to the check step after the change;
- an idempotent final submit (a per-run key, stored as Submission.idempotency_key);
- a honeypot and a per-IP rate limit on the final submit.
"""

import uuid

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.forms import formsets
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from formtools.wizard.storage.session import SessionStorage
from formtools.wizard.views import NamedUrlSessionWizardView, WizardView

from home.limits import over_limit

from .confirmation import CONFIRMED_SESSION_KEY, remember_confirmation
from .forms.check import CheckForm
from .notifications import send_receipts
from .signals import submission_received
from .storage import wizard_temp_storage

DONE_STEP = "verzonden"


class SafeSessionStorage(SessionStorage):
    """Session storage that forgets an upload whose temporary file was purged."""

    def get_step_files(self, step):
        try:
            return super().get_step_files(step)
        except (FileNotFoundError, OSError):
            self.data[self.step_files_key].pop(step, None)
            return None


def rate_limited(request):
    """True when this address has submitted too often in the window (AANMELDEN_SUBMIT_RATE)."""
    return over_limit(request, "aanmelden-submit", settings.AANMELDEN_SUBMIT_RATE)


class PortalWizard(NamedUrlSessionWizardView):
    """Subclasses set form_list, condition_dict, submission_model and build_submission()."""

    page = None
    submission_model = None
    storage_name = "aanmelden.wizard.SafeSessionStorage"
    template_name = "aanmelden/wizard/step.html"
    check_step = "controleren"
    # Model fields no step has as a form field, but an answer on a step decides:
    # {model field: step}. Their check-page row gets that step's "Wijzig" link.
    derived_fields = {}

    @classmethod
    def get_initkwargs(cls, *args, **kwargs):
        kwargs.setdefault("url_name", "aanmelden-wizard")
        kwargs.setdefault("done_step_name", DONE_STEP)
        return super().get_initkwargs(*args, **kwargs)

    @property
    def file_storage(self):
        return wizard_temp_storage()

    def get_prefix(self, request, *args, **kwargs):
        return f"wizard_{self.page.pk}"

    def get_step_url(self, step):
        return self.page.get_url(self.request) + f"stap/{step}/"

    # --- GET ------------------------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step == DONE_STEP:
            return HttpResponseRedirect(self.get_step_url(self.check_step))
        if "wijzig" in request.GET and step in self.get_form_list():
            self.storage.extra_data = {**self.storage.extra_data, "changing": True}
        if step == self.check_step:
            missing = self.first_incomplete_step()
            if missing:
                self.storage.current_step = missing
                return HttpResponseRedirect(self.get_step_url(missing) + "?fout=1")
            self.storage.extra_data = {**self.storage.extra_data, "changing": False}
        return super().get(request, *args, **kwargs)

    # --- POST -----------------------------------------------------------------------------------
    def post(self, *args, **kwargs):
        request = self.request
        key = request.POST.get(f"{self.check_step}-submission_key", "")
        confirmed = request.session.get(CONFIRMED_SESSION_KEY, {})
        if key and key in confirmed:
            # A replayed or double-clicked final submit: same confirmation, no new submission.
            return HttpResponseRedirect(self.page.get_url(request) + "bevestiging/")
        step = kwargs.get("step")
        lost = step != self.steps.first and not self.storage.data.get(self.storage.step_data_key)
        if step not in self.get_form_list():
            if lost and step in self.form_list:
                # A step the lost answers had made apply.
                return self.session_lost(None)
            return HttpResponseRedirect(self.get_step_url(self.steps.current or self.steps.first))
        if lost:
            return self.session_lost(step)
        if step != self.steps.current:
            self.storage.current_step = step
        # The URL names the step; a tampered management field must not point elsewhere.
        data = request.POST.copy()
        data[f"{self.prefix}-current_step"] = step
        request.POST = data
        goto = request.POST.get("wizard_goto_step")
        if goto and goto in self.get_form_list():
            # Back: keep what was typed on this step, valid or not (files only when valid).
            self.storage.set_step_data(self.steps.current, request.POST)
            return self.render_goto_step(goto)
        formset_action = self.formset_action()
        if formset_action:
            return formset_action
        if self.steps.current == self.check_step and key:
            if self.submission_model.objects.filter(idempotency_key=_as_uuid(key)).exists():
                return self.already_submitted(key)
            if rate_limited(request):
                form = self.get_form(data=request.POST)
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "U heeft vanaf dit adres te vaak een formulier verstuurd. Probeer het "
                        "over een uur opnieuw of bel ons."
                    ),
                )
                response = self.render(form)
                response.status_code = 429
                return response
        try:
            return super().post(*args, **kwargs)
        except SuspiciousOperation:
            # Tampered or missing management data: start this step again instead of a 400/500.
            return HttpResponseRedirect(self.get_step_url(self.steps.current or self.steps.first))

    def session_lost(self, step):
        """A later step posted to a session that holds no earlier answers: the session ran out
        (or the browser was closed) in the middle. Keep what this step sent (not its files:
        those only live in the lost session), start again at step 1 and say why."""
        if step not in (None, self.check_step):
            data = self.request.POST.copy()
            for name in ("csrfmiddlewaretoken", "wizard_goto_step"):
                data.pop(name, None)
            self.storage.set_step_data(step, data)
        self.storage.current_step = self.steps.first
        return HttpResponseRedirect(self.get_step_url(self.steps.first) + "?verlopen=1")

    def already_submitted(self, key):
        submission = self.submission_model.objects.get(idempotency_key=_as_uuid(key))
        if str(self.storage.extra_data.get("submission_key")) == key:
            remember_confirmation(self.request, self.page, submission)
            self.storage.reset()
            return HttpResponseRedirect(self.page.get_url(self.request) + "bevestiging/")
        return HttpResponseRedirect(self.get_step_url(self.steps.first))

    def formset_action(self):
        """'Add another' / 'remove' buttons on a formset step (works without JavaScript)."""
        form_class = self.get_form_list().get(self.steps.current)
        if not (isinstance(form_class, type) and issubclass(form_class, formsets.BaseFormSet)):
            return None
        prefix = self.get_form_prefix(self.steps.current, form_class)
        data = self.request.POST.copy()
        total_key = f"{prefix}-TOTAL_FORMS"
        try:
            total = max(0, min(int(data.get(total_key, "1")), form_class.max_num))
        except ValueError:
            return None
        if "add_form" in data:
            data[total_key] = str(min(total + 1, form_class.max_num))
            anchor = f"#{prefix}-{total}"
        elif "remove_form" in data:
            try:
                index = int(data["remove_form"])
            except ValueError:
                return None
            if not 0 <= index < total or total <= 1:
                return None
            shifted = data.copy()
            for key in list(shifted.keys()):
                if key.startswith(f"{prefix}-") and key.split("-")[1].isdigit():
                    del shifted[key]
            for new, old in enumerate(i for i in range(total) if i != index):
                for key, values in data.lists():
                    head = f"{prefix}-{old}-"
                    if key.startswith(head):
                        shifted.setlist(f"{prefix}-{new}-" + key[len(head) :], values)
            shifted[total_key] = str(total - 1)
            data = shifted
            anchor = ""
        else:
            return None
        self.storage.set_step_data(self.steps.current, data)
        return HttpResponseRedirect(self.get_step_url(self.steps.current) + anchor)

    def get_form(self, step=None, data=None, files=None):
        if files is not None and files is self.request.FILES:
            # A step re-posted without a new file keeps the file chosen earlier.
            merged = dict(self.storage.get_step_files(step or self.steps.current) or {})
            merged.update({name: files[name] for name in files})
            files = merged
        return super().get_form(step, data, files)

    def process_step_files(self, form):
        return self.request.FILES

    def get_form_initial(self, step):
        if step == self.check_step:
            extra = self.storage.extra_data
            if not extra.get("submission_key"):
                self.storage.extra_data = {**extra, "submission_key": str(uuid.uuid4())}
            return {"submission_key": self.storage.extra_data["submission_key"]}
        return super().get_form_initial(step)

    def get_form_kwargs(self, step=None):
        kwargs = super().get_form_kwargs(step)
        if step == self.check_step:
            kwargs["expected_key"] = self.storage.extra_data.get("submission_key")
        return kwargs

    def first_incomplete_step(self):
        for step in self.get_form_list():
            if step == self.check_step:
                return None
            if self.get_cleaned_data_for_step(step) is None:
                return step
        return None

    def render_next_step(self, form, **kwargs):
        if self.storage.extra_data.get("changing"):
            next_step = self.first_incomplete_step() or self.check_step
            self.storage.current_step = next_step
            return HttpResponseRedirect(self.get_step_url(next_step))
        return super().render_next_step(form, **kwargs)

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        self.storage.current_step = failed_step
        return HttpResponseRedirect(self.get_step_url(failed_step) + "?fout=1")

    def render_done(self, form, **kwargs):
        # Skip formtools' redirect to a GET "done" URL: the final submit stays a POST.
        return WizardView.render_done(self, form, **kwargs)

    # --- done -----------------------------------------------------------------------------------
    def done(self, form_list, form_dict=None, **kwargs):
        key = _as_uuid(form_dict[self.check_step].cleaned_data["submission_key"])
        submission = self.build_submission(form_dict)
        submission.idempotency_key = key
        submission.received_at = timezone.now()
        try:
            with transaction.atomic():
                submission.save()
                self.save_related(submission, form_dict)
                send_receipts(submission, self.page)
                submission_received.send(type(submission), submission=submission, page=self.page)
        except IntegrityError:
            submission = self.submission_model.objects.filter(idempotency_key=key).first()
            if submission is None:
                raise
        remember_confirmation(self.request, self.page, submission)
        return HttpResponseRedirect(self.page.get_url(self.request) + "bevestiging/")

    def build_submission(self, form_dict):
        """An unsaved submission from the cleaned data of every step (also for the check page)."""
        instance = self.submission_model()
        field_names = {f.name for f in instance._meta.get_fields() if getattr(f, "concrete", False)}
        for step, form in form_dict.items():
            if step == self.check_step:
                # Control fields only (idempotency key, honeypot): never answers.
                continue
            data = getattr(form, "cleaned_data", None)
            if not isinstance(data, dict):
                continue
            for name, value in data.items():
                if name in field_names:
                    setattr(instance, name, value if value is not None else _empty(instance, name))
                if isinstance(value, UploadedFile) and f"{name}_name" in field_names:
                    # The stored file gets a random name; the one shown is kept beside it.
                    setattr(instance, f"{name}_name", value.name)
        self.complete_submission(instance, form_dict)
        return instance

    def complete_submission(self, instance, form_dict):
        """Derived values (submitter, municipality...): per wizard."""

    def save_related(self, submission, form_dict):
        """Child rows (places): per wizard."""

    # --- rendering ------------------------------------------------------------------------------
    def valid_forms(self):
        forms = {}
        for step in self.get_form_list():
            if step == self.check_step:
                continue
            form = self.get_form(
                step=step,
                data=self.storage.get_step_data(step),
                files=self.storage.get_step_files(step),
            )
            if form.is_valid():
                forms[step] = form
        return forms

    def field_steps(self):
        """{answer name: the step that asks it}, for the steps of this run only."""
        form_list = self.get_form_list()
        steps = {name: step for name, step in self.derived_fields.items() if step in form_list}
        for step, form_class in form_list.items():
            if isinstance(form_class, type) and issubclass(form_class, formsets.BaseFormSet):
                steps[getattr(form_class, "answer_prefix", step)] = step
                continue
            for name in form_class.base_fields:
                steps[name] = step
        return steps

    def check_context(self):
        forms = self.valid_forms()
        submission = self.build_submission(forms)
        steps = self.field_steps()
        sections = []
        for title, rows in submission.answer_sections():
            out = []
            for label, value, name in rows:
                step = steps.get(name) or steps.get(name.split(".", 1)[0])
                url = self.get_step_url(step) + "?wijzig=1" if step else ""
                out.append({"label": label, "value": value, "name": name, "change_url": url})
            sections.append({"title": title, "rows": out})
        return {"sections": sections, "submission": submission}

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        request = self.request
        form_list = list(self.get_form_list())
        current = self.steps.current
        index = form_list.index(current) if current in form_list else 0
        form_class = self.get_form_list()[current]
        context.update(
            {
                "page": self.page,
                "self": self.page,
                "step_title": getattr(form_class, "title", ""),
                "step_intro": getattr(form_class, "intro", ""),
                "step_number": index + 1,
                "step_count": len(form_list),
                "previous_step": form_list[index - 1] if index else None,
                "start_url": self.page.get_url(request),
                "show_errors": request.method == "POST" or "fout" in request.GET,
                "session_lost": "verlopen" in request.GET and current == self.steps.first,
                "is_formset": isinstance(form, formsets.BaseFormSet),
                "is_check_step": current == self.check_step,
                "honeypot_fields": getattr(form_class, "honeypot_fields", ()),
                "stored_files": self.storage.get_step_files(current) or {},
            }
        )
        from .templatetags.aanmelden_tags import error_summary_items, hide_errors

        if not context["show_errors"]:
            hide_errors(form)
        context["error_items"] = error_summary_items(form, context["show_errors"])
        if current == self.check_step:
            context.update(self.check_context())
        context.update(self.step_context(context))
        return context

    def step_context(self, context):
        return {}

    def render(self, form=None, **kwargs):
        form = form or self.get_form()
        context = self.get_context_data(form=form, **kwargs)
        return TemplateResponse(self.request, self.get_template_names(), context)


def _as_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return uuid.UUID(int=0)


def _empty(instance, name):
    field = instance._meta.get_field(name)
    if field.null:
        return None
    return "" if field.get_internal_type() in ("CharField", "TextField", "EmailField") else None


__all__ = ["CheckForm", "PortalWizard"]
