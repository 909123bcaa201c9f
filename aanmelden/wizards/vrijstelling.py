"""The exemption wizard: ground-specific steps only for the chosen ground (condition_dict)."""

from django.utils import timezone

from .. import rules
from ..forms import vrijstelling as v
from ..forms.check import CheckForm
from ..models import VrijstellingMelding
from ..wizard import PortalWizard

GROUND_STEPS = {
    "5a": "arts",
    "5b": "bezwaar",
    "5c": "buitenland",
    "15": "ander-onderwijs",
    "3a3b": "vervangend",
}


def ground_is(ground):
    def condition(wizard):
        data = wizard.get_cleaned_data_for_step("reden") or {}
        return data.get("ground") == ground

    return condition


def has_second_parent_details(wizard):
    data = wizard.get_cleaned_data_for_step("ouder") or {}
    return data.get("second_parent") == "gegevens"


class VrijstellingWizard(PortalWizard):
    submission_model = VrijstellingMelding
    form_list = [
        ("reden", v.ReasonForm),
        ("kind", v.ChildForm),
        ("ouder", v.ParentForm),
        ("tweede-ouder", v.SecondParentForm),
        ("arts", v.MedicalForm),
        ("bezwaar", v.ObjectionsForm),
        ("buitenland", v.AbroadForm),
        ("ander-onderwijs", v.AlternativeEducationForm),
        ("vervangend", v.ProgrammeForm),
        ("verklaring", v.DeclarationForm),
        ("controleren", CheckForm),
    ]
    condition_dict = {
        "tweede-ouder": has_second_parent_details,
        **{step: ground_is(ground) for ground, step in GROUND_STEPS.items()},
    }
    # complete_submission: from the "second_parent" choice on the parent step.
    derived_fields = {"on_behalf_of_both": "ouder"}

    def complete_submission(self, instance, form_dict):
        parent = form_dict.get("ouder")
        if parent is not None:
            choice = parent.cleaned_data.get("second_parent")
            instance.on_behalf_of_both = choice in ("namens_beide", "gegevens")
        instance.submitter_name = (
            f"{instance.parent_first_name} {instance.parent_last_name}".strip()
        )
        instance.submitter_email = instance.parent_email
        if instance.child_birth_date and instance.ground:
            explanation = rules.vrijstelling_explanation(
                instance.ground,
                instance.child_birth_date,
                instance.previous_exemption,
                timezone.localdate(),
            )
            instance.deadline_explanation = explanation.text

    def step_context(self, context):
        if not context["is_check_step"]:
            return {}
        submission = context["submission"]
        if not (submission.child_birth_date and submission.ground):
            return {}
        explanation = rules.vrijstelling_explanation(
            submission.ground,
            submission.child_birth_date,
            submission.previous_exemption,
            timezone.localdate(),
        )
        return {"explanation": explanation}
