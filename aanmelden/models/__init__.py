"""Aanmelden models: submissions (base.py, submissions.py), the mail outbox (mail.py), team
addresses (team_settings.py) and the form page types (pages.py)."""

from .base import Submission
from .mail import OutgoingMail
from .pages import (
    FormIndexPage,
    LeerwerkmakelaarFormPage,
    StageaanbodFormPage,
    StageplaatsenPage,
    VrijstellingFormPage,
    WizardFormPage,
)
from .submissions import LeerwerkmakelaarAanmelding, Stageaanbod, Stageplaats, VrijstellingMelding
from .team_settings import FormTeamSettings

SUBMISSION_MODELS = (VrijstellingMelding, Stageaanbod, LeerwerkmakelaarAanmelding)

__all__ = [
    "SUBMISSION_MODELS",
    "FormIndexPage",
    "StageplaatsenPage",
    "FormTeamSettings",
    "LeerwerkmakelaarFormPage",
    "StageaanbodFormPage",
    "VrijstellingFormPage",
    "WizardFormPage",
    "LeerwerkmakelaarAanmelding",
    "OutgoingMail",
    "Stageaanbod",
    "Stageplaats",
    "Submission",
    "VrijstellingMelding",
]

# The queue's own models (notes, retention settings); see aanmelden/queue/.
from .queue import QueueNote, RetentionSettings  # noqa: E402

__all__ += ["QueueNote", "RetentionSettings"]
