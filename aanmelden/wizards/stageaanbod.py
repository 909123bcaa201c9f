"""The employer offer wizard: one or more places on one step ("add another" without JS)."""

from ..forms import stageaanbod as s
from ..forms.check import CheckForm
from ..models import Stageaanbod, Stageplaats
from ..wizard import PortalWizard


class StageaanbodWizard(PortalWizard):
    submission_model = Stageaanbod
    form_list = [
        ("organisatie", s.OrganisationForm),
        ("erkenning", s.RecognitionForm),
        ("contactpersoon", s.ContactForm),
        ("plekken", s.PlaceFormSet),
        ("publicatie", s.PublicationForm),
        ("controleren", CheckForm),
    ]
    # complete_submission: the municipality is the organisation's place.
    derived_fields = {"municipality": "organisatie"}

    def complete_submission(self, instance, form_dict):
        instance.submitter_name = (
            f"{instance.contact_first_name} {instance.contact_last_name}".strip()
        )
        instance.submitter_email = instance.contact_email
        instance.municipality = instance.city
        places = form_dict.get("plekken")
        instance.pending_places = [
            Stageplaats(position=index, **data)
            for index, data in enumerate(places.cleaned_data if places is not None else [])
            if data
        ]

    def save_related(self, submission, form_dict):
        for place in submission.pending_places:
            place.offer = submission
        Stageplaats.objects.bulk_create(submission.pending_places)
