"""Form rendering for the wizards: one field include, one error summary (GOV.UK patterns)."""

from django import forms, template
from django.forms import formsets
from django.utils.translation import gettext as _

register = template.Library()


def field_kind(bound):
    widget = bound.field.widget
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.ClearableFileInput):
        return "file"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def anchor_id(bound):
    if field_kind(bound) in ("radio", "checkboxes", "date"):
        return f"{bound.auto_id}_0"
    return bound.auto_id


@register.inclusion_tag("aanmelden/includes/field.html")
def form_field(bound, show_errors=True, stored_files=None):
    form = bound.form
    kind = field_kind(bound)
    errors = list(bound.errors) if show_errors else []
    # Django's own ids (BoundField.aria_describedby), so its automatic attributes match ours.
    hint_id = f"{bound.auto_id}_helptext" if bound.help_text else ""
    error_id = f"{bound.auto_id}_error" if errors else ""
    described = " ".join(i for i in (hint_id, error_id) if i)
    conditional = getattr(form, "conditional_fields", ())
    optional = not bound.field.required and bound.name not in conditional and kind != "checkbox"
    css = {
        "input": "form-input",
        "file": "form-input",
        "select": "form-select",
        "textarea": "form-textarea",
    }.get(kind, "")
    widget_html = ""
    if kind in ("input", "file", "select", "textarea", "checkbox"):
        attrs = {}
        existing = bound.field.widget.attrs.get("class", "")
        if css:
            attrs["class"] = f"{css} {existing}".strip()
            if errors:
                attrs["class"] += f" {css}--error"
        if described:
            attrs["aria-describedby"] = described
        if errors:
            attrs["aria-invalid"] = "true"
        widget_html = bound.as_widget(attrs=attrs)
    hints = getattr(form, "choice_hints", {}).get(bound.name, {})
    choices = []
    if kind in ("radio", "checkboxes"):
        for option in bound:
            choices.append({"option": option, "hint": hints.get(str(option.data["value"]), "")})
    stored = None
    if kind == "file" and stored_files:
        key = f"{form.prefix}-{bound.name}" if form.prefix else bound.name
        stored = stored_files.get(key)
    return {
        "field": bound,
        "kind": kind,
        "errors": errors,
        "hint_id": hint_id,
        "error_id": error_id,
        "described": described,
        "optional": optional,
        "widget_html": widget_html,
        "choices": choices,
        "stored_file": stored,
    }


def hide_errors(form):
    """A step revisited with stored, still invalid input shows the input without errors.

    Django has no public way to drop a bound form's errors. An unbound copy with the stored data
    as `initial` was tried: it loses what the user typed that does not convert (a date like
    31-02), so the computed errors are replaced after full_clean instead."""
    if isinstance(form, formsets.BaseFormSet):
        if form.is_bound:
            form.errors  # noqa: B018 - runs full_clean once
            form._non_form_errors = form.error_class()
            for subform in form.forms:
                hide_errors(subform)
    elif form.is_bound:
        form.errors  # noqa: B018
        form._errors = forms.utils.ErrorDict()


def error_summary_items(form, show_errors=True):
    """[(message, '#anchor')] for every error on the step, in field order."""
    if not show_errors:
        return []
    items = []
    if isinstance(form, formsets.BaseFormSet):
        add_anchor = f"#{form.prefix}-add"
        for message in form.non_form_errors():
            items.append((message, add_anchor))
        for number, subform in enumerate(form.forms, start=1):
            for message, anchor in _form_items(subform):
                items.append(
                    (
                        _("Plek %(number)s: %(message)s") % {"number": number, "message": message},
                        anchor,
                    )
                )
        return items
    return _form_items(form)


# The step template's submit button: where an error without a field of its own points when the
# step has no visible question (the check step: rate limit, an expired submission key).
SUBMIT_ANCHOR = "#wizard-submit"


def _form_items(form):
    if not form.is_bound:
        return []
    items = []
    # The honeypot is hidden by CSS: a link to it would lead nowhere.
    honeypot = set(getattr(form, "honeypot_fields", ()))
    visible = [b for b in form if not b.is_hidden and b.name not in honeypot]
    first = f"#{anchor_id(visible[0])}" if visible else SUBMIT_ANCHOR
    for message in form.non_field_errors():
        items.append((message, first))
    for bound in form:
        if bound.is_hidden or bound.name in honeypot:
            for message in bound.errors:
                items.append((message, first))
            continue
        for message in bound.errors:
            items.append((message, f"#{anchor_id(bound)}"))
    return items
