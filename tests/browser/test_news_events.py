"""News and the agenda in a real Chromium: every page passes axe, and the agenda's links to past
events and to the calendar feed are found by their names."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    ("/nieuws/", "Nieuws"),
    (
        "/nieuws/leerwerkmakelaar-helpt-44-jongeren-aan-een-plek/",
        "Leerwerkmakelaar helpt 44 jongeren aan een plek",
    ),
    ("/agenda/", "Agenda"),
    ("/agenda/?periode=afgelopen", "Agenda: afgelopen evenementen"),
    (
        "/agenda/informatieavond-ouders-stage-en-werk/",
        "Informatieavond voor ouders: na school aan het werk",
    ),
    ("/agenda/banenmarkt-leerwerkplekken/", "Banenmarkt leerwerkplekken"),
]


def test_news_and_agenda_pages_pass_axe(live_server, browser_page, axe_check):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = browser_page
    for path, heading in PAGES:
        page.goto(path)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        axe_check(page, path)
    page.goto("/agenda/")
    page.get_by_role("link", name="Bekijk afgelopen evenementen").click()
    page.wait_for_url("**/agenda/?periode=afgelopen")
    assert page.locator(".card-grid h2").all_inner_texts() == [
        "Werkgeversontbijt: de praktijkverklaring"
    ]
    feed = page.get_by_role("link", name="Abonneer op de agenda in uw eigen agenda (iCal-feed)")
    assert feed.get_attribute("href") == "/agenda/ics/"
