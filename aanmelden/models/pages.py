"""Page types for the three forms and the page that lists them.

Staff edit the words around a wizard (intro, help, what happens next, the non-digital
alternative); the steps themselves are code (aanmelden/wizards/), served under the page:
``stap/<step>/``, ``bevestiging/`` and ``bevestiging/kopie/``.
"""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage
from home.visibility import public


class FormIndexPage(BasePage):
    """/aanmelden/: the three forms, each with what it is for."""

    intro = RichTextField(_("introductie"), blank=True)

    subpage_types = [
        "aanmelden.VrijstellingFormPage",
        "aanmelden.StageaanbodFormPage",
        "aanmelden.LeerwerkmakelaarFormPage",
    ]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    template = "aanmelden/form_index_page.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("overzicht formulieren")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["forms"] = public(self.get_children().live()).specific()
        return context


class WizardFormPage(RoutablePageMixin, BasePage):
    """A page that serves one wizard: `wizard_class`, set per page type in the app's ready()."""

    wizard_class = None

    intro = RichTextField(_("introductie"), blank=True)
    before_you_start = RichTextField(
        _("wat heeft u nodig"),
        blank=True,
        help_text=_("Wat iemand bij de hand moet hebben, en hoe lang het invullen duurt."),
    )
    help_text = RichTextField(
        _("hulp bij invullen"), blank=True, help_text=_("Staat onder elke stap.")
    )
    what_happens_next = RichTextField(
        _("wat gebeurt er na het versturen"),
        blank=True,
        help_text=_("Staat op de bevestiging en in de ontvangstbevestiging per e-mail."),
    )
    contact_alternative = RichTextField(
        _("liever niet digitaal"),
        blank=True,
        help_text=_("Hoe iemand het formulier per telefoon of post kan doorgeven (verplicht)."),
    )
    team_email = models.EmailField(
        _("e-mail team"),
        blank=True,
        help_text=_(
            "Krijgt een bericht bij elke inzending (alleen een link, geen gegevens). Leeg: het "
            "adres uit de instellingen 'E-mail teams formulieren'."
        ),
    )

    parent_page_types = ["aanmelden.FormIndexPage", "home.HomePage"]
    subpage_types = []
    template = "aanmelden/form_page.html"
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("before_you_start"),
        FieldPanel("help_text"),
        FieldPanel("what_happens_next"),
        FieldPanel("contact_alternative"),
    ]
    settings_panels = [
        MultiFieldPanel([FieldPanel("team_email")], heading=_("Meldingen")),
        *BasePage.settings_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def submission_model(self):
        return self.wizard_class.submission_model

    @property
    def first_step_url(self):
        return self.url + "stap/" + next(iter(self.wizard_class.form_list))[0] + "/"

    @path("")
    @method_decorator(never_cache)
    def start(self, request):
        return self.render(request)

    @path("stap/<slug:step>/")
    @method_decorator(never_cache)
    def step(self, request, step):
        view = self.wizard_class.as_view(page=self)
        return view(request, step=step)

    @path("bevestiging/")
    @method_decorator(never_cache)
    def confirmation(self, request):
        return self._confirmation(request, "aanmelden/confirmation.html")

    # Not named `copy`: that is Wagtail's Page.copy, which copying and translating a page use.
    @path("bevestiging/kopie/")
    @method_decorator(never_cache)
    def confirmation_copy(self, request):
        from ..confirmation import confirmed_reference, copy_available

        if confirmed_reference(request, self) and not copy_available(request, self):
            # Too late for the copy: the confirmation says so.
            return redirect(self.url + "bevestiging/")
        response = self._confirmation(request, "aanmelden/copy.html")
        response["Cache-Control"] = "no-store, private"
        return response

    def _confirmation(self, request, template):
        from ..confirmation import confirmed_reference, copy_available

        reference = confirmed_reference(request, self)
        if not reference:
            return redirect(self.url)
        submission = self.submission_model.objects.filter(reference=reference).first()
        if submission is None:
            raise Http404
        context = self.get_context(request)
        context.update(
            {
                "submission": submission,
                "sections": submission.answer_sections(),
                "copy_available": copy_available(request, self),
            }
        )
        return TemplateResponse(request, template, context)


class VrijstellingFormPage(WizardFormPage):
    template = "aanmelden/form_page.html"

    class Meta:
        verbose_name = _("formulier vrijstelling leerplicht")


class StageaanbodFormPage(WizardFormPage):
    template = "aanmelden/form_page.html"

    class Meta:
        verbose_name = _("formulier stageplaats aanbieden")


class LeerwerkmakelaarFormPage(WizardFormPage):
    template = "aanmelden/form_page.html"

    class Meta:
        verbose_name = _("formulier leerwerkmakelaar")


class StageplaatsenPage(BasePage):
    """/stageplaatsen/: the employer places the Werkgeversservicepunt published, filterable.

    A page (not a fixed URL), so editors write its intro and place it in the menu; the places
    themselves come from the queue (aanmelden/stageplaatsen.py decides which are public).
    """

    intro = RichTextField(_("introductie"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "aanmelden/stageplaatsen.html"
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("overzicht stageplaatsen")

    def get_context(self, request, *args, **kwargs):
        from ..stageplaatsen import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request))
        return context
