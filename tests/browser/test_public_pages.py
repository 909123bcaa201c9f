"""Every public page type in a real Chromium: it renders, is keyboard usable and passes axe."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_site():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_home_page_is_accessible_and_has_navigation(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert page.get_by_role("main").is_visible()
    assert page.get_by_role("contentinfo").is_visible()
    axe_check(page)


def test_skip_link_moves_focus_to_the_content(demo_site, browser_page):
    page = browser_page
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_content_page_has_breadcrumbs_and_passes_axe(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto("/privacyverklaring/")
    crumbs = page.get_by_role("navigation", name="Kruimelpad")
    assert crumbs.get_by_role("link", name="Home").is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Privacyverklaring"
    axe_check(page)


def test_search_without_javascript(demo_site, chromium, live_server, axe_check):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("searchbox", name="Zoeken op de site").fill("privacyverklaring")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=privacyverklaring")
    assert page.get_by_role("link", name="Privacyverklaring").first.is_visible()
    context.close()


def test_search_results_and_404_pass_axe(demo_site, browser_page, axe_check):
    page = browser_page
    page.goto("/zoeken/?q=gegevens")
    axe_check(page)
    page.goto("/bestaat-niet/")
    assert page.get_by_role("heading", name="Pagina niet gevonden").is_visible()
    axe_check(page)


def test_the_language_switch_leads_between_translations_and_passes_axe(
    demo_site, browser_page, axe_check
):
    page = browser_page
    page.goto("/contact/")
    switch = page.get_by_role("navigation", name="Taal")
    switch.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/contact/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Language").is_visible()
    axe_check(page)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/contact/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.goto("/regelingen/")
    assert page.get_by_text("This page is only available in Dutch.").is_visible()
    axe_check(page)
    page.goto("/en/regelingen/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "This page is only available in Dutch."
    )
    axe_check(page)
