"""factory_boy factories for the taxonomy and good practices: used by tests and demo content.

Terms are get-or-create on slug and pages on (parent, slug), so the demo content can be rebuilt.
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from demo.factories.home import site_home
from goodpractices.models import (
    Doelgroep,
    GoodPracticeIndexPage,
    GoodPracticePage,
    Organisatie,
    Regio,
    Thema,
)


class TermFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)


class RegioFactory(TermFactory):
    class Meta:
        model = Regio


class DoelgroepFactory(TermFactory):
    class Meta:
        model = Doelgroep


class ThemaFactory(TermFactory):
    class Meta:
        model = Thema


class OrganisatieFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Organisatie
        django_get_or_create = ("slug",)


def set_relations(page, **relations):
    """Set many-to-many taxonomy on a page and save it, so the search index sees the terms too."""
    changed = False
    for name, values in relations.items():
        if values is not None:
            getattr(page, name).set(values)
            changed = True
    if changed:
        page.save()


class GoodPracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Goede voorbeelden"
    slug = "goede-voorbeelden"
    summary = "Aanpakken uit het hele land die jongeren helpen bij de stap van school naar werk."
    parent = factory.LazyFunction(site_home)
    show_in_menus = True

    class Meta:
        model = GoodPracticeIndexPage
        django_get_or_create = ("slug", "parent")


class GoodPracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Goed voorbeeld {n}")
    summary = "Een aanpak die werkt."
    approach = "<p>Zo pakken zij het aan.</p>"
    parent = factory.SubFactory(GoodPracticeIndexPageFactory)

    class Meta:
        model = GoodPracticePage
        django_get_or_create = ("slug", "parent")
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomy(obj, create, extracted, **kwargs):
        """taxonomy={"regions": [...], "target_groups": [...], "themes": [...], ...}"""
        if create and extracted:
            set_relations(obj, **extracted)
