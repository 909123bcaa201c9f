"""The three wizards end to end in Chromium: an error on each step (axe in the error state too),
the back button keeping input and a change from the check page in each wizard, an upload, the
check page, the confirmation and the copy."""

import re

import pytest

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from tests.aanmelden.forms.helpers import PDF
from tests.browser.navigation import click_and_wait

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_forms():
    from django.core.cache import cache
    from django.core.management import call_command

    cache.clear()  # the per-IP submit limit
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def next_step(page):
    click_and_wait(page.get_by_role("button", name="Volgende stap", exact=True).last)


def expect_error(page, axe_check, text):
    """The summary is focused, lists the message as a link, the title starts with 'Fout: '."""
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert text in summary.inner_text(), summary.inner_text()
    assert page.title().startswith("Fout: ")
    assert summary.evaluate("el => el === document.activeElement")
    field_text = re.sub(r"^Plek \d+: ", "", text)
    assert page.locator(".form-error", has_text=field_text).first.is_visible()
    axe_check(page, f"error state of {page.url}")


def test_vrijstelling_end_to_end(demo_forms, browser_page, axe_check, tmp_path):
    page = browser_page
    page.goto("/aanmelden/")
    axe_check(page)
    click_and_wait(page.get_by_role("link", name="Vrijstelling van de leerplicht melden"))
    axe_check(page)
    click_and_wait(page.get_by_role("button", name="Start het formulier"))

    # Step 1: reason; an empty submit first.
    assert "Stap 1 van" in page.locator("h1").inner_text()
    axe_check(page)
    next_step(page)
    expect_error(page, axe_check, "Kies de reden van uw melding.")
    page.get_by_label("Ouder", exact=True).check()
    page.get_by_label(re.compile("^Artikel 5 onder c")).check()
    page.get_by_label("Nee", exact=True).check()
    next_step(page)

    # Step 2: child; the back button keeps what was typed here.
    assert page.locator("h1").inner_text().endswith("Gegevens van uw kind")
    axe_check(page)
    page.get_by_label("Voornaam", exact=True).fill("Özlem")
    click_and_wait(page.get_by_role("button", name="Vorige stap"))
    assert "Over uw melding" in page.locator("h1").inner_text()
    next_step(page)
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Özlem"
    page.get_by_label("Achternaam", exact=True).fill("van den Berg")
    page.get_by_label("Burgerservicenummer (BSN)").check()
    page.get_by_label("Nummer", exact=True).fill("123456789")
    page.fill("#id_kind-child_birth_date_0", "4")
    page.fill("#id_kind-child_birth_date_1", "3")
    page.fill("#id_kind-child_birth_date_2", "2015")
    page.get_by_label("Meisje", exact=True).check()
    page.get_by_label("Straat en huisnummer", exact=True).fill("Dorpsstraat 1")
    page.get_by_label("Postcode", exact=True).fill("2011ab")
    page.get_by_label("Woonplaats", exact=True).fill("Haarlem")
    page.get_by_label("Gemeente", exact=True).fill("Haarlem")
    next_step(page)
    expect_error(page, axe_check, "Dit is geen geldig burgerservicenummer")
    assert page.get_by_label("Achternaam", exact=True).input_value() == "van den Berg"
    page.get_by_label("Nummer", exact=True).fill("1112 22 333")
    next_step(page)

    # Step 3: parent.
    page.get_by_label("Voornaam", exact=True).fill("Anna")
    page.get_by_label("Achternaam", exact=True).fill("'t Hart")
    page.get_by_label("E-mailadres", exact=True).fill("anna@")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Nee, ik meld alleen").check()
    next_step(page)
    expect_error(page, axe_check, "Vul een e-mailadres in zoals naam@voorbeeld.nl.")
    page.get_by_label("E-mailadres", exact=True).fill("anna@example.org")
    next_step(page)

    # Step 4: school abroad with an upload; first without the file.
    assert page.locator("h1").inner_text().endswith("School in het buitenland")
    page.get_by_label("Naam van de school", exact=True).fill("École Jean Jaurès")
    page.get_by_label("Plaats", exact=True).fill("Lille")
    page.get_by_label("Land", exact=True).fill("Frankrijk")
    for field, values in (("abroad_start", "1 9 2025"), ("abroad_end", "31 7 2026")):
        for index, value in enumerate(values.split()):
            page.fill(f"#id_buitenland-{field}_{index}", value)
    next_step(page)
    expect_error(page, axe_check, "Kies een bestand om te uploaden.")
    proof = tmp_path / "inschrijving.pdf"
    proof.write_bytes(PDF)
    page.get_by_label("Bewijs van inschrijving").set_input_files(str(proof))
    next_step(page)

    # Step 5: declaration.
    next_step(page)
    expect_error(page, axe_check, "Vink aan dat u het formulier naar waarheid heeft ingevuld.")
    page.get_by_label(re.compile("naar waarheid")).check()
    next_step(page)

    # Check page: explanation of the deadline, then a change that comes back here.
    assert page.locator("h1").inner_text().endswith("Controleer uw antwoorden")
    assert page.get_by_text("Goed om te weten").is_visible()
    axe_check(page)
    click_and_wait(page.get_by_role("link", name="Wijzig woonplaats", exact=True))
    page.get_by_label("Woonplaats", exact=True).fill("Bloemendaal")
    next_step(page)
    assert page.locator("h1").inner_text().endswith("Controleer uw antwoorden")
    assert page.get_by_text("Bloemendaal").first.is_visible()
    assert page.get_by_text("inschrijving.pdf").is_visible()
    click_and_wait(page.get_by_role("button", name="Versturen"))

    # Confirmation and the printable copy.
    reference = page.locator("[data-reference]").inner_text()
    assert re.fullmatch(r"VRY-[A-Z0-9]{6}", reference)
    assert page.get_by_text("Dit is een kennisgeving").is_visible()
    axe_check(page)
    click_and_wait(page.get_by_role("link", name=re.compile("Bekijk al uw antwoorden")))
    page.wait_for_url("**/bevestiging/kopie/")
    page.wait_for_load_state()
    assert page.get_by_text("111222333").is_visible()
    assert page.get_by_text("Bloemendaal").first.is_visible()
    axe_check(page)
    melding = VrijstellingMelding.objects.get(reference=reference)
    assert melding.child_city == "Bloemendaal"
    # Stored under a random name of the detected type; the chosen name kept beside it.
    assert re.fullmatch(
        r"aanmelden/vrijstellingmelding/[0-9a-f]{32}\.pdf", melding.abroad_proof.name
    )
    assert melding.abroad_proof_name == "inschrijving.pdf"


def test_stageaanbod_with_two_places(demo_forms, browser_page, axe_check):
    page = browser_page
    page.goto("/aanmelden/stageplaats/")
    axe_check(page)
    click_and_wait(page.get_by_role("button", name="Start het formulier"))
    axe_check(page)
    page.get_by_label("Naam van de organisatie", exact=True).fill("Bakkerij 't Hart")
    page.get_by_label("KvK-nummer", exact=True).fill("1234")
    page.get_by_label("Straat en huisnummer", exact=True).fill("Dorpsstraat 1")
    page.get_by_label("Postcode", exact=True).fill("1234 AB")
    page.get_by_label("Plaats", exact=True).fill("Haarlem")
    page.get_by_label("Sector", exact=True).select_option("horeca")
    # The website is a visible question (it was once hidden as if it were the honeypot).
    page.get_by_label("Website (optioneel)", exact=True).fill("www.bakkerij.example")
    next_step(page)
    expect_error(page, axe_check, "Een KvK-nummer heeft 8 cijfers")
    page.get_by_label("KvK-nummer", exact=True).fill("01234567")
    next_step(page)

    next_step(page)
    expect_error(page, axe_check, "Kies of uw organisatie erkend leerbedrijf is.")
    page.get_by_label("Weet ik niet", exact=True).check()
    next_step(page)

    # "Vorige stap" keeps what was typed here, also when the step is not complete yet.
    page.get_by_label("Voornaam", exact=True).fill("Jan")
    click_and_wait(page.get_by_role("button", name="Vorige stap"))
    assert page.locator("h1").inner_text().endswith("Erkend leerbedrijf")
    assert page.get_by_label("Weet ik niet", exact=True).is_checked()
    next_step(page)
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Jan"
    page.get_by_label("Achternaam", exact=True).fill("de Vries")
    page.get_by_label("E-mailadres", exact=True).fill("jan@example.org")
    page.get_by_label("Telefoonnummer", exact=True).fill("12")
    next_step(page)
    expect_error(page, axe_check, "Vul een telefoonnummer in")
    page.get_by_label("Telefoonnummer", exact=True).fill("023 123 4567")
    next_step(page)

    # Places: fill one, add another without JavaScript, leave it empty -> errors, then fill.
    page.get_by_label("BBL-leerwerkplek").check()
    page.locator("#id_plekken-0-level").select_option("mbo2")
    page.locator("#id_plekken-0-number").fill("2")
    page.locator("#id_plekken-0-location").fill("Haarlem")
    page.locator("#id_plekken-0-supervisor_available_0").check()
    page.locator("#id_plekken-0-description").fill("Brood bakken")
    click_and_wait(page.get_by_role("button", name="Nog een plek toevoegen"))
    assert page.locator("#id_plekken-0-description").input_value() == "Brood bakken"
    page.locator("#id_plekken-1-number").fill("0")
    next_step(page)
    expect_error(page, axe_check, "Plek 2: Vul een getal in van 1 of meer.")
    page.locator("#id_plekken-1-place_type_0").check()
    page.locator("#id_plekken-1-level").select_option("pro")
    page.locator("#id_plekken-1-number").fill("1")
    page.locator("#id_plekken-1-location").fill("Velsen")
    page.locator("#id_plekken-1-supervisor_available_1").check()
    page.locator("#id_plekken-1-description").fill("Meelopen in de winkel")
    next_step(page)

    next_step(page)
    expect_error(page, axe_check, "Kies of we de plekken mogen publiceren.")
    page.get_by_label(re.compile("^Ja, publiceer")).check()
    next_step(page)

    assert page.get_by_role("heading", name="Plek 2").is_visible()
    assert page.get_by_text("https://www.bakkerij.example").is_visible()
    axe_check(page)
    # "Wijzig" on a derived answer (the municipality comes from the place) leads to the step
    # that asks it, and back to the check page.
    click_and_wait(page.get_by_role("link", name="Wijzig gemeente", exact=True))
    assert page.locator("h1").inner_text().endswith("Uw organisatie")
    assert page.get_by_label("Naam van de organisatie", exact=True).input_value() == (
        "Bakkerij 't Hart"
    )
    page.get_by_label("Plaats", exact=True).fill("Bloemendaal")
    next_step(page)
    assert page.locator("h1").inner_text().endswith("Controleer uw antwoorden")
    assert page.get_by_text("Bloemendaal").first.is_visible()
    click_and_wait(page.get_by_role("button", name="Versturen"))
    reference = page.locator("[data-reference]").inner_text()
    offer = Stageaanbod.objects.get(reference=reference)
    assert [p.location for p in offer.places.all()] == ["Haarlem", "Velsen"]
    assert offer.sbb_recognised == "weet_niet"
    assert offer.website == "https://www.bakkerij.example"
    assert offer.city == offer.municipality == "Bloemendaal"
    axe_check(page)
    click_and_wait(page.get_by_role("link", name=re.compile("Bekijk al uw antwoorden")))
    assert page.get_by_text("https://www.bakkerij.example").is_visible()


def test_leerwerkmakelaar_referral(demo_forms, browser_page, axe_check):
    page = browser_page
    page.goto("/aanmelden/leerwerkmakelaar/")
    axe_check(page)
    click_and_wait(page.get_by_role("button", name="Start het formulier"))
    next_step(page)
    expect_error(page, axe_check, "Kies wie het formulier invult.")
    page.get_by_label(re.compile("iemand anders")).check()
    next_step(page)

    page.get_by_label("Je naam", exact=True).fill("Fatima el Amrani")
    page.get_by_label("Organisatie", exact=True).fill("Nova College")
    page.get_by_label("Functie", exact=True).fill("Loopbaancoach")
    page.get_by_label("E-mailadres", exact=True).fill("coach@example.org")
    next_step(page)
    expect_error(page, axe_check, "Vink aan dat de jongere van de aanmelding weet")
    page.get_by_label(re.compile("De jongere weet van deze aanmelding")).check()
    next_step(page)

    # "Vorige stap" keeps what was typed here; the referrer's answers are still there too.
    page.get_by_label("Voornaam", exact=True).fill("Sem")
    click_and_wait(page.get_by_role("button", name="Vorige stap"))
    assert page.locator("h1").inner_text().endswith("Over jou als verwijzer")
    assert page.get_by_label("Je naam", exact=True).input_value() == "Fatima el Amrani"
    next_step(page)
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Sem"
    page.get_by_label("Achternaam", exact=True).fill("Bakker")
    page.fill("#id_jongere-birth_date_0", "12")
    page.fill("#id_jongere-birth_date_1", "5")
    page.fill("#id_jongere-birth_date_2", "2009")
    page.get_by_label("Woonplaats (gemeente)").fill("Velsen")
    next_step(page)
    expect_error(page, axe_check, "Vul een e-mailadres of een telefoonnummer in")
    page.get_by_label("Telefoonnummer", exact=True).fill("06 1234 5678")
    next_step(page)

    page.get_by_label("Ik zit op school", exact=True).check()
    next_step(page)
    expect_error(page, axe_check, "Vul de naam van je school in.")
    page.get_by_label("Naam van de school", exact=True).fill("Nova College")
    next_step(page)

    next_step(page)
    expect_error(page, axe_check, "Kies minstens één ding dat je zoekt.")
    page.get_by_label(re.compile("Een BBL-plek")).check()
    page.get_by_label("ICT", exact=True).check()
    next_step(page)

    axe_check(page)
    next_step(page)
    assert page.locator("h1").inner_text().endswith("Controleer uw antwoorden")
    assert page.get_by_text("kwalificatieplicht").is_visible()
    axe_check(page)
    # "Wijzig" on a derived answer ("Zoekt stage" comes from "Wat zoek je?") and back.
    click_and_wait(page.get_by_role("link", name="Wijzig zoekt stage", exact=True))
    assert page.locator("h1").inner_text().endswith("Wat zoek je?")
    assert page.get_by_label(re.compile("Een BBL-plek")).is_checked()
    page.get_by_label("Een stage", exact=True).check()
    next_step(page)
    assert page.locator("h1").inner_text().endswith("Controleer uw antwoorden")
    click_and_wait(page.get_by_role("button", name="Versturen"))
    reference = page.locator("[data-reference]").inner_text()
    axe_check(page)
    aanmelding = LeerwerkmakelaarAanmelding.objects.get(reference=reference)
    assert aanmelding.is_referral and aanmelding.young_person_agrees
    assert aanmelding.submitter_email == "coach@example.org"
    assert aanmelding.sectors == ["ict"]
    assert aanmelding.wants_bbl and aanmelding.wants_internship
    assert aanmelding.first_name == "Sem"
