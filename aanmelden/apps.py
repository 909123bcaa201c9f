from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanmeldenConfig(AppConfig):
    """The three public wizards and their submissions; the staff queue lives in moderation."""

    name = "aanmelden"
    verbose_name = _("Aanmeldingen")

    def ready(self):
        # Each form page serves its wizard; the wizards import the models, so the models do not
        # import them back: the pairing is made here.
        from .models import LeerwerkmakelaarFormPage, StageaanbodFormPage, VrijstellingFormPage
        from .wizards.leerwerkmakelaar import LeerwerkmakelaarWizard
        from .wizards.stageaanbod import StageaanbodWizard
        from .wizards.vrijstelling import VrijstellingWizard

        VrijstellingFormPage.wizard_class = VrijstellingWizard
        StageaanbodFormPage.wizard_class = StageaanbodWizard
        LeerwerkmakelaarFormPage.wizard_class = LeerwerkmakelaarWizard
