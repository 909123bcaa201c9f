"""The leerwerkmakelaar wizard: self-registration or a referral by a professional."""

from django.utils import timezone

from .. import rules
from ..forms import leerwerkmakelaar as lw
from ..forms.check import CheckForm
from ..models import LeerwerkmakelaarAanmelding as M
from ..wizard import PortalWizard


def is_referral(wizard):
    data = wizard.get_cleaned_data_for_step("wie") or {}
    return data.get("filled_in_by") == M.FilledInBy.REFERRER


class LeerwerkmakelaarWizard(PortalWizard):
    submission_model = M
    form_list = [
        ("wie", lw.WhoForm),
        ("verwijzer", lw.ReferrerForm),
        ("jongere", lw.YoungPersonForm),
        ("situatie", lw.SituationForm),
        ("wensen", lw.WishesForm),
        ("beschikbaarheid", lw.AvailabilityForm),
        ("controleren", CheckForm),
    ]
    condition_dict = {"verwijzer": is_referral}
    # WishesForm.clean turns "looking_for" into one yes/no field per wish.
    derived_fields = {name: "wensen" for name, _label in lw.LOOKING_FOR}

    def get_form_kwargs(self, step=None):
        kwargs = super().get_form_kwargs(step)
        if step == "jongere":
            kwargs["filled_in_by_referrer"] = is_referral(self)
        return kwargs

    def complete_submission(self, instance, form_dict):
        if instance.is_referral:
            instance.submitter_name = instance.referrer_name
            instance.submitter_email = instance.referrer_email
        else:
            instance.submitter_name = f"{instance.first_name} {instance.last_name}".strip()
            instance.submitter_email = instance.email
            for name in M.REFERRER_FIELDS:
                setattr(instance, name, False if name == "young_person_agrees" else "")
        if instance.birth_date:
            instance.age_at_submission = rules.age_on(instance.birth_date, timezone.localdate())

    def step_context(self, context):
        if context["is_check_step"] and context["submission"].birth_date:
            return {
                "explanation": rules.leerwerkmakelaar_explanation(
                    context["submission"].birth_date, timezone.localdate()
                )
            }
        return {}
