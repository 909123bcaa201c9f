"""Aanmelden models: the submissions (base.py, and one module per form: vrijstelling.py,
stageaanbod.py, leerwerkmakelaar.py), team addresses (team_settings.py) and the form page types
(pages.py)."""

from .base import Submission
from .leerwerkmakelaar import LeerwerkmakelaarAanmelding
from .pages import (
    FormIndexPage,
    LeerwerkmakelaarFormPage,
    StageaanbodFormPage,
    StageplaatsenPage,
    VrijstellingFormPage,
    WizardFormPage,
)
from .stageaanbod import Stageaanbod, Stageplaats
from .team_settings import FormTeamSettings
from .vrijstelling import VrijstellingMelding

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
