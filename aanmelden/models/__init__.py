"""Aanmelden models: submissions (base.py, submissions.py), team addresses (team_settings.py)
and the form page types (pages.py)."""

from .base import Submission
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
    "Stageaanbod",
    "Stageplaats",
    "Submission",
    "VrijstellingMelding",
]
