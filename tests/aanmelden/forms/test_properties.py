"""Property-based: arbitrary text, huge inputs and tampered step data at every step of every
wizard never cause a server error; every rejected field gets a Dutch message; fields that were
accepted keep what was typed."""

import html

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanmelden.wizards.leerwerkmakelaar import LeerwerkmakelaarWizard
from aanmelden.wizards.stageaanbod import StageaanbodWizard
from aanmelden.wizards.vrijstelling import VrijstellingWizard

from .helpers import (
    LEERWERKMAKELAAR,
    STAGEAANBOD,
    VRIJSTELLING,
    VRIJSTELLING_FILES,
    post_step,
    submission_key,
)

pytestmark = pytest.mark.django_db

ENGLISH = ("This field", "Enter a", "Select a", "Ensure this", "valid", "required")

# (page key, wizard, valid answers in order, the step under attack). Every step, the check step
# too: its final submit (submission key, honeypot) is tampered with like any other.
TARGETS = []
for key, wizard, answers in (
    ("vrijstelling", VrijstellingWizard, VRIJSTELLING),
    ("stageaanbod", StageaanbodWizard, STAGEAANBOD),
    ("leerwerkmakelaar", LeerwerkmakelaarWizard, LEERWERKMAKELAAR),
):
    for step, _form in wizard.form_list:
        TARGETS.append((key, wizard, answers, step))

FILES = {"vrijstelling": VRIJSTELLING_FILES}
CHECK_STEP = "controleren"

OPENERS = {
    "tweede-ouder": {"ouder": {**VRIJSTELLING["ouder"], "second_parent": "gegevens"}},
    "arts": {"reden": {**VRIJSTELLING["reden"], "ground": "5a"}},
    "bezwaar": {"reden": {**VRIJSTELLING["reden"], "ground": "5b"}},
    "ander-onderwijs": {"reden": {**VRIJSTELLING["reden"], "ground": "15"}},
    "vervangend": {"reden": {**VRIJSTELLING["reden"], "ground": "3a3b"}},
    "verwijzer": {"wie": {"filled_in_by": "verwijzer"}},
}

text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet="0123456789 -+./", max_size=20),
    st.just("x" * 100_000),
    st.sampled_from(["", " ", "'t Hart", "<script>alert(1)</script>", "1234 AB", "06-12345678"]),
)


def field_names(form_class):
    """POST names (without step prefix) for every field, date parts split, formset form 0."""
    if issubclass(form_class, forms.BaseFormSet):
        names = {f"0-{n}": f for n, f in form_class.form.base_fields.items()}
        names["TOTAL_FORMS"] = None
    else:
        names = dict(form_class.base_fields)
    out = {}
    for name, field in names.items():
        if isinstance(field, forms.MultiValueField):
            for index in range(3):
                out[f"{name}_{index}"] = field
        else:
            out[name] = field
    return out


def values_for(field):
    if field is not None and getattr(field, "choices", None):
        return st.one_of(st.sampled_from([str(v) for v, _l in field.choices]), text)
    return text


@pytest.mark.parametrize(
    ("key", "wizard", "answers", "step"), TARGETS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_any_input_at_any_step(key, wizard, answers, step, client, form_pages):
    page = form_pages[key]
    form_class = dict(wizard.form_list)[step]
    for earlier, data in answers.items():
        if earlier == step or list(dict(wizard.form_list)).index(earlier) > list(
            dict(wizard.form_list)
        ).index(step):
            break
        files = FILES.get(key, {}).get(earlier)
        post_step(client, page, earlier, OPENERS.get(step, {}).get(earlier, data), files)
    for opener_step, opener in OPENERS.get(step, {}).items():
        post_step(client, page, opener_step, opener)
    names = field_names(form_class)
    values = {name: values_for(field) for name, field in names.items()}
    if step == CHECK_STEP:
        # Every answer is in: the real key of this run, someone else's, or junk.
        real_key = submission_key(client, page)
        values["submission_key"] = st.one_of(
            st.just(real_key), st.uuids().map(str), values["submission_key"]
        )
    strategy = st.fixed_dictionaries(
        values,
        optional={
            "__tamper_step": st.text(max_size=20),
            "__goto": st.text(max_size=10),
            "__extra": st.text(max_size=20),
        },
    )

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def attack(data):
        extra = {}
        if "__tamper_step" in data:
            extra[f"wizard_{page.pk}-current_step"] = data.pop("__tamper_step")
        if "__goto" in data:
            extra["wizard_goto_step"] = data.pop("__goto")
        if "__extra" in data:
            extra[f"{step}-unexpected"] = data.pop("__extra")
        response = post_step(client, page, step, data, **extra)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code != 200:
            return
        form = response.context["wizard"]["form"]
        subforms = form.forms if isinstance(form, forms.BaseFormSet) else [form]
        for subform in subforms:
            for errors in subform.errors.values():
                for message in errors:
                    assert message and not any(word in message for word in ENGLISH), message
            for bound in subform:
                value = data.get(
                    bound.name[len(step) + 1 :] if bound.name.startswith(step) else bound.name
                )
                if (
                    bound.errors
                    or not isinstance(value, str)
                    or not value.strip()
                    or isinstance(
                        bound.field.widget,
                        (
                            forms.RadioSelect,
                            forms.Select,
                            forms.CheckboxInput,
                            forms.MultiWidget,
                            forms.FileInput,
                        ),
                    )
                    or len(value) > 1000
                ):
                    continue
                # Line breaks as a browser sends them (CRLF) come back as sent; compare the text.
                shown = response.text.replace("\r\n", "\n")
                assert html.escape(value.replace("\r\n", "\n")) in shown, bound.name

    attack()
