"""factory_boy factories for news: used by the tests and by load_demo_content.

Pages are get-or-create on (parent, slug), so the demo content can be rebuilt."""

import datetime

import factory
import wagtail_factories

from demo.factories.home import site_home, stream
from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = "nieuws"
    summary = "Wat er speelt rond de overstap van school naar werk in de regio."
    parent = factory.LazyFunction(site_home)
    show_in_menus = True

    class Meta:
        model = NewsIndexPage
        django_get_or_create = ("slug", "parent")


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    summary = "Kort nieuws."
    date = factory.LazyFunction(datetime.date.today)
    body = factory.LazyFunction(lambda: stream(("paragraph", "<p>Het bericht.</p>")))
    parent = factory.SubFactory(NewsIndexPageFactory)

    class Meta:
        model = NewsPage
        django_get_or_create = ("slug", "parent")
