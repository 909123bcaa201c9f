"""The demo's news and agenda: three news items, four events (one whole-day, one past), built
once however often the demo is loaded, and in the main menu."""

import re

import pytest
from django.core.management import call_command

from events.models import EventPage
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_demo_content", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_news_and_agenda(client):
    load()
    load()
    assert NewsPage.objects.live().count() == 3
    events = list(EventPage.objects.live())
    assert len(events) == 4
    assert [e.all_day for e in events].count(True) == 1
    assert [e.is_past for e in events].count(True) == 1
    news = client.get("/nieuws/").content.decode()
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', news)
    assert titles[0] == "Leerwerkmakelaar helpt 44 jongeren aan een plek"
    agenda = client.get("/agenda/").content.decode()
    assert len(re.findall(r'<li class="card">', agenda)) == 3
    assert client.get("/agenda/?periode=afgelopen").status_code == 200
    assert client.get("/agenda/ics/").content.count(b"BEGIN:VEVENT") == 4
    menu = client.get("/").content.decode().split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert 'href="/nieuws/"' in menu and 'href="/agenda/"' in menu
