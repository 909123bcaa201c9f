"""factory_boy factories for the home app: used by the tests and by load_demo_content alike."""

import json

import factory
import wagtail_factories
from wagtail.models import Site

from home.models import ContentPage


def stream(*blocks):
    """StreamField raw data from (type, value) pairs, e.g. stream(("paragraph", "<p>Hoi</p>"))."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def site_home():
    """The HomePage at the root of the default site (created by home's data migration)."""
    return Site.objects.get(is_default_site=True).root_page.specific


class ContentPageFactory(wagtail_factories.PageFactory):
    """A content page; get-or-create on (parent, slug) so demo content can be rebuilt safely."""

    title = factory.Sequence(lambda n: f"Inhoudspagina {n}")
    summary = "Een korte samenvatting in gewone taal."
    body = factory.LazyFunction(lambda: stream(("paragraph", "<p>Tekst van de pagina.</p>")))
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = ContentPage
        django_get_or_create = ("slug", "parent")
