"""Factories for the form pages: used by the tests and by load_demo_content alike."""

import factory
import wagtail_factories

from aanmelden.models import (
    FormIndexPage,
    LeerwerkmakelaarFormPage,
    StageaanbodFormPage,
    StageplaatsenPage,
    VrijstellingFormPage,
)
from demo.factories.home import site_home


class FormIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aanmelden"
    slug = "aanmelden"
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = FormIndexPage
        django_get_or_create = ("slug", "parent")


class _FormPageFactory(wagtail_factories.PageFactory):
    intro = "<p>Vul het formulier in. Het duurt ongeveer 10 minuten.</p>"
    what_happens_next = "<p>We nemen binnen 10 werkdagen contact met u op.</p>"
    contact_alternative = (
        "<p>Liever niet digitaal? Bel 023 123 45 67 (maandag tot en met vrijdag, 9.00 tot 17.00 "
        "uur) of schrijf naar Postbus 1234, 2000 AB Haarlem.</p>"
    )
    parent = factory.LazyFunction(lambda: FormIndexPageFactory())

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "parent")


class VrijstellingFormPageFactory(_FormPageFactory):
    title = "Vrijstelling van de leerplicht melden"
    slug = "vrijstelling"

    class Meta:
        model = VrijstellingFormPage


class StageaanbodFormPageFactory(_FormPageFactory):
    title = "Stageplaats of BBL-plek aanbieden"
    slug = "stageplaats"

    class Meta:
        model = StageaanbodFormPage


class LeerwerkmakelaarFormPageFactory(_FormPageFactory):
    title = "Aanmelden bij de leerwerkmakelaar"
    slug = "leerwerkmakelaar"

    class Meta:
        model = LeerwerkmakelaarFormPage


class StageplaatsenPageFactory(wagtail_factories.PageFactory):
    title = "Stageplaatsen"
    slug = "stageplaatsen"
    summary = "Stageplaatsen en BBL-leerwerkplekken bij werkgevers in de regio."
    intro = (
        "<p>Werkgevers in de regio bieden deze plekken aan via het Werkgeversservicepunt. "
        "Interesse? Neem contact op met je school, je leerwerkmakelaar of het "
        "Werkgeversservicepunt.</p>"
    )
    show_in_menus = True
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = StageplaatsenPage
        django_get_or_create = ("slug", "parent")
