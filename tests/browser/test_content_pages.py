"""Schemes, policy documents and good practices in a real Chromium: every page type passes axe,
and the good-practice filters narrow the list without JavaScript."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    ("/regelingen/?status=lopend", "Regelingen"),
    ("/regelingen/impuls-baankansen/", "Impuls Baankansen 2019-2020"),
    ("/beleid/", "Beleid"),
    (
        "/beleid/jaarverslag-leerplein-2023-2024/",
        "Jaarverslag schoolverzuim en voortijdig schoolverlaten 2023-2024",
    ),
    ("/goede-voorbeelden/", "Goede voorbeelden"),
    ("/goede-voorbeelden/?doelgroep=vso&regio=haaglanden", "Goede voorbeelden"),
    ("/goede-voorbeelden/boris-brengt-je-bij-n-baan/", "Boris brengt je bij 'n baan"),
]


@pytest.fixture
def content_site(live_server):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return live_server


def test_every_content_page_type_passes_axe(content_site, browser_page, axe_check):
    page = browser_page
    page.goto("/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    for name in ("Regelingen", "Beleid", "Goede voorbeelden"):
        assert menu.get_by_role("link", name=name).is_visible()
    for path, heading in PAGES:
        page.goto(path)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        axe_check(page, path)
    # The FAQ opens with the keyboard (native <details>).
    page.goto("/regelingen/leerwerkmakelaar/")
    question = page.get_by_text("Voor wie is de leerwerkmakelaar?")
    question.focus()
    page.keyboard.press("Enter")
    assert page.get_by_text("Een begeleider of school mag je ook aanmelden.").is_visible()
    axe_check(page, "faq open")


def test_good_practice_filters_work_without_javascript(content_site, chromium):
    context = chromium.new_context(base_url=content_site.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/goede-voorbeelden/")
    cards = page.locator(".card-grid h2")
    assert cards.count() == 7
    filters = page.get_by_role("navigation", name="Filters")
    filters.get_by_role("link", name="Entree/MBO-1 (2)").click()
    page.wait_for_url("**/goede-voorbeelden/?doelgroep=entree-mbo-1")
    assert sorted(cards.all_inner_texts()) == [
        "De implementatiescan",
        "Productief Leren in de regio Hilversum",
    ]
    assert page.get_by_role("status").inner_text() == "2 goede voorbeelden"
    filters.get_by_role("link", name="Gooi en Vechtstreek (1)").click()
    page.wait_for_url(re.compile(r"doelgroep=entree-mbo-1&regio=gooi-en-vechtstreek"))
    assert cards.all_inner_texts() == ["Productief Leren in de regio Hilversum"]
    page.get_by_role("link", name="Alle filters wissen").click()
    assert cards.count() == 7
    context.close()
