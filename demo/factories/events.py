"""factory_boy factories for the agenda: used by the tests and by load_demo_content.

Pages are get-or-create on (parent, slug), so the demo content can be rebuilt."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from demo.factories.home import site_home, stream
from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    summary = "Bijeenkomsten, open dagen en trainingen in de regio."
    parent = factory.LazyFunction(site_home)
    show_in_menus = True

    class Meta:
        model = EventIndexPage
        django_get_or_create = ("slug", "parent")


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evenement {n}")
    summary = "Een bijeenkomst."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    all_day = False
    location = "Stadhuis, Haarlem"
    organiser = "Leerwerkportaal"
    body = factory.LazyFunction(lambda: stream(("paragraph", "<p>Het programma.</p>")))
    parent = factory.SubFactory(EventIndexPageFactory)

    class Meta:
        model = EventPage
        django_get_or_create = ("slug", "parent")
