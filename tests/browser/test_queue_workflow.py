"""A leerplicht officer works a new exemption in the real admin (Chromium): opens it, assigns it,
asks for more information, completes it. The parent gets the mails; the timeline shows each step
and every time the detail was viewed. Queue pages and the public listing are scanned with axe."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from aanmelden.models import VrijstellingMelding
from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)
from moderation.admin_urls import index_url, report_url
from outbox.models import OutgoingMail
from tests.browser.navigation import click_and_wait
from tests.staff_login import browser_login

pytestmark = pytest.mark.django_db(transaction=True)


def admin_axe(axe_check, page, context):
    """axe on an admin page once Wagtail's messages have finished fading in (mid-animation
    colours would be measured otherwise)."""
    page.wait_for_timeout(600)
    axe_check(page, context)


@pytest.fixture
def officer():
    user = User.objects.create_user(
        "leerplicht1", password="geheim-wachtwoord-1", first_name="Lotte", last_name="Leerplicht"
    )
    user.groups.add(Group.objects.get(name="Leerplicht"))
    return user


def press(page, name):
    click_and_wait(page.get_by_role("button", name=name, exact=True))


def test_officer_works_a_new_exemption(officer, browser_page, axe_check):
    melding = VrijstellingMeldingFactory(
        ground="5a", submitter_email="ouder@example.org", submitter_name="Anna de Vries"
    )
    page = browser_page
    browser_login(page, "leerplicht1", "geheim-wachtwoord-1")
    assert page.locator("#queue_vrijstellingmelding-section").is_visible()

    page.goto(index_url(VrijstellingMelding))
    admin_axe(axe_check, page, "queue list")
    page.get_by_role("link", name=melding.reference).first.click()
    page.wait_for_url(f"**/inspect/{melding.pk}/")
    admin_axe(axe_check, page, "queue detail")
    assert "111222333" in page.content()  # the team sees the BSN on the detail view

    page.select_option("#queue-assignee", label="Lotte Leerplicht")
    press(page, "Toewijzen")
    assert page.get_by_test_id("assignee").inner_text() == "Lotte Leerplicht"

    press(page, "In behandeling nemen")
    assert page.get_by_test_id("status").inner_text() == "In behandeling"

    # Asking for more information without a note is refused, with a clear message.
    press(page, "Aanvulling vragen (notitie verplicht)")
    assert "Schrijf een notitie" in page.content()
    assert page.get_by_test_id("status").inner_text() == "In behandeling"
    page.fill("#queue-transition-note", "Verklaring van de GGD ontbreekt; moeder gebeld.")
    press(page, "Aanvulling vragen (notitie verplicht)")
    assert page.get_by_test_id("status").inner_text() == "Aanvulling gevraagd"

    press(page, "Aanvulling ontvangen")
    press(page, "Afhandelen: geregistreerd")
    assert page.get_by_test_id("status").inner_text() == "Afgehandeld: Geregistreerd"
    admin_axe(axe_check, page, "queue detail after completion")

    timeline = page.get_by_test_id("timeline").inner_text()
    for step in (
        "Ontvangen via het formulier",
        "Toegewezen aan leerplicht1",
        "Status: Ontvangen → In behandeling",
        "Status: In behandeling → Aanvulling gevraagd",
        "Notitie: Verklaring van de GGD ontbreekt",
        "Status: Aanvulling gevraagd → In behandeling",
        "Status: In behandeling → Afgehandeld (Geregistreerd)",
        "Detailpagina bekeken",
        "E-mail",
    ):
        assert step in timeline, step
    assert timeline.count("Detailpagina bekeken") >= 6  # every (re)load of the detail view
    assert "Lotte Leerplicht" in timeline

    # The parent got two mails (more information asked, completed), both really sent.
    to_parent = [m for m in mail.outbox if m.to == ["ouder@example.org"]]
    assert len(to_parent) == 2
    assert all(m.status == "sent" for m in OutgoingMail.objects.filter(reference=melding.reference))
    assert all("111222333" not in m.body and "GGD" not in m.body for m in to_parent)

    page.goto(report_url())
    admin_axe(axe_check, page, "yearly figures")
    assert page.locator("svg.queue-chart").count() >= 1


def test_public_listing_without_javascript_passes_axe(
    chromium, live_server, axe_check, stageplaatsen_page
):
    offer = StageaanbodFactory(status="gepubliceerd", sector="zorg", municipality="Haarlem")
    StageplaatsFactory(offer=offer, place_type="bbl", description="Helpen in de thuiszorg")
    StageplaatsFactory(
        offer=StageaanbodFactory(status="gepubliceerd", sector="techniek"),
        place_type="bol",
        description="Monteur in opleiding",
    )
    LeerwerkmakelaarAanmeldingFactory()
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/stageplaatsen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Stageplaatsen"
    page.get_by_label("Soort plek").select_option("bbl")
    page.get_by_role("button", name="Toon plekken").click()
    page.wait_for_url("**/stageplaatsen/?soort=bbl**")
    assert "Helpen in de thuiszorg" in page.content()
    assert "Monteur in opleiding" not in page.content()
    assert offer.contact_last_name not in page.content()
    context.close()
    js_page = chromium.new_page(base_url=live_server.url)
    js_page.goto("/stageplaatsen/")
    axe_check(js_page, "public listing")
    js_page.goto("/stageplaatsen/?soort=ongeldig")
    axe_check(js_page, "public listing with a filter error")
    js_page.close()
