"""The wizards through Django's test client: one submission per run, mails without sensitive
data, conditional steps, changes from the check page, abuse protection, the confirmation."""

import copy
import re

import pytest
from django.core.cache import cache

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from moderation.admin_urls import inspect_url
from outbox.models import OutgoingMail
from tests.staff_login import login_verified

from .helpers import (
    LEERWERKMAKELAAR,
    STAGEAANBOD,
    VRIJSTELLING,
    VRIJSTELLING_FILES,
    errors_in,
    fill_all,
    final_post,
    post_step,
    submission_key,
)

pytestmark = pytest.mark.django_db

CASES = {
    "vrijstelling": (VRIJSTELLING, VRIJSTELLING_FILES, VrijstellingMelding, "leerplicht@"),
    "stageaanbod": (STAGEAANBOD, {}, Stageaanbod, "wsp@"),
    "leerwerkmakelaar": (LEERWERKMAKELAAR, {}, LeerwerkmakelaarAanmelding, "lwm@"),
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.mark.parametrize("name", CASES)
def test_wizard_stores_one_submission_and_queues_safe_mails(
    name, client, form_pages, mailoutbox, django_capture_on_commit_callbacks
):
    steps, files, model, team = CASES[name]
    page = form_pages[name]
    key = fill_all(client, page, steps, files)
    with django_capture_on_commit_callbacks(execute=True):
        response = final_post(client, page, key)
    assert response.status_code == 302
    assert response.url == f"{page.url}bevestiging/"
    submission = model.objects.get()
    assert submission.status == model.Status.values[0]
    assert str(submission.idempotency_key) == key

    receipt = next(m for m in mailoutbox if m.to == [submission.submitter_email])
    assert submission.reference in receipt.subject and submission.reference in receipt.body
    notice = next(m for m in mailoutbox if m.to[0].startswith(team))
    # The notice links straight to the submission in the team's queue.
    assert inspect_url(submission) in notice.body
    for value in ("111222333", "van den Berg", "Bakker", "de Vries", "Frankrijk"):
        assert value not in notice.body
        assert value not in receipt.body or value in submission.submitter_name
    assert "111222333" not in receipt.body
    assert OutgoingMail.objects.filter(status="sent").count() == len(mailoutbox)

    confirmation = client.get(response.url)
    assert submission.reference in confirmation.text
    copy_page = client.get(f"{page.url}bevestiging/kopie/")
    for section_title, rows in submission.answer_sections():
        assert str(section_title) in copy_page.text
        for _label, value, _name in rows:
            if value and "\n" not in value:
                assert value.replace("'", "&#x27;") in copy_page.text


def test_only_the_chosen_ground_gets_its_step(client, form_pages):
    page = form_pages["vrijstelling"]
    steps = copy.deepcopy(VRIJSTELLING)
    steps["reden"]["ground"] = "5a"
    del steps["buitenland"]
    steps = {
        **{k: steps[k] for k in ("reden", "kind", "ouder")},
        "arts": {"medical_route": "aanvragen", "medical_explanation": "Langdurig ziek"},
        "verklaring": steps["verklaring"],
    }
    fill_all(client, page, steps)
    check = client.get(f"{page.url}stap/controleren/")
    assert "Stap 6 van 6" in check.text
    assert "Verklaring van een arts" in check.text
    assert "School in het buitenland" not in check.text
    # The 5c step is not part of this run: visiting it leads back into the wizard.
    response = client.get(f"{page.url}stap/buitenland/")
    assert response.status_code == 302


def test_change_from_check_page_returns_there_and_asks_new_ground_step(client, form_pages):
    page = form_pages["vrijstelling"]
    fill_all(client, page, VRIJSTELLING, VRIJSTELLING_FILES)
    check = client.get(f"{page.url}stap/controleren/")
    assert f'href="{page.url}stap/kind/?wijzig=1"' in check.text
    client.get(f"{page.url}stap/kind/?wijzig=1")
    changed = {**VRIJSTELLING["kind"], "child_city": "Bloemendaal"}
    response = post_step(client, page, "kind", changed)
    assert response.url == f"{page.url}stap/controleren/"
    assert "Bloemendaal" in client.get(response.url).text

    client.get(f"{page.url}stap/reden/?wijzig=1")
    response = post_step(client, page, "reden", {**VRIJSTELLING["reden"], "ground": "15"})
    assert response.url == f"{page.url}stap/ander-onderwijs/"
    response = post_step(
        client,
        page,
        "ander-onderwijs",
        {
            "alternative_provider": "Bouwbedrijf Jansen",
            "alternative_description": "Cursus metselen",
            "alternative_hours": "30",
        },
    )
    assert response.url == f"{page.url}stap/controleren/"
    text = client.get(response.url).text
    assert "Dit is een aanvraag" in text and "School in het buitenland" not in text


def test_back_button_keeps_invalid_input_without_showing_errors(client, form_pages):
    page = form_pages["vrijstelling"]
    post_step(client, page, "reden", VRIJSTELLING["reden"])
    response = post_step(
        client, page, "kind", {"child_first_name": "Özlem"}, wizard_goto_step="reden"
    )
    assert response.url == f"{page.url}stap/reden/"
    again = client.get(f"{page.url}stap/kind/")
    assert 'value="Özlem"' in again.text
    assert "error-summary" not in again.text and not again.context["error_items"]


def test_errors_are_dutch_next_to_the_field_and_in_the_title(client, form_pages):
    page = form_pages["vrijstelling"]
    post_step(client, page, "reden", VRIJSTELLING["reden"])
    data = {**VRIJSTELLING["kind"], "child_postcode": "0123 SA", "child_first_name": "R2D2"}
    response = post_step(client, page, "kind", data)
    assert response.status_code == 200
    assert re.search(r"<title>Fout: ", response.text)
    messages = errors_in(response)
    assert "Vul een postcode in zoals 1234 AB." in messages
    assert any("Gebruik alleen letters" in m for m in messages)
    assert 'href="#id_kind-child_postcode"' in response.text
    assert 'value="van den Berg"' in response.text


def test_double_submit_and_replay_give_one_submission(client, form_pages):
    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, LEERWERKMAKELAAR)
    first = final_post(client, page, key)
    second = final_post(client, page, key)
    assert first.url == second.url == f"{page.url}bevestiging/"
    assert LeerwerkmakelaarAanmelding.objects.count() == 1


def test_honeypot_refuses_without_losing_answers(client, form_pages):
    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, LEERWERKMAKELAAR)
    response = post_step(
        client, page, "controleren", {"submission_key": key, "hp_check": "http://spam"}
    )
    assert response.status_code == 200
    assert LeerwerkmakelaarAanmelding.objects.count() == 0
    assert final_post(client, page, key).status_code == 302
    assert LeerwerkmakelaarAanmelding.objects.count() == 1


def test_rate_limit_per_ip_on_final_submit(client, form_pages, settings):
    settings.AANMELDEN_SUBMIT_RATE = (1, 3600)
    page = form_pages["leerwerkmakelaar"]
    assert final_post(client, page, fill_all(client, page, LEERWERKMAKELAAR)).status_code == 302
    key = fill_all(client, page, LEERWERKMAKELAAR)
    response = final_post(client, page, key)
    assert response.status_code == 429
    assert "te vaak" in response.text
    assert LeerwerkmakelaarAanmelding.objects.count() == 1
    # Another address is not affected, and the blocked visitor keeps their answers.
    other = final_post(client, page, key, meta={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 302


def test_rate_limit_behind_the_proxy_counts_the_address_the_proxy_wrote(
    client, form_pages, settings
):
    """Behind our proxy (same REMOTE_ADDR for everyone) each visitor has their own limit, taken
    from the right-most X-Forwarded-For entry; a forged left-most entry does not reset it."""
    settings.AANMELDEN_SUBMIT_RATE = (1, 3600)
    settings.TRUSTED_PROXY_COUNT = 1
    page = form_pages["leerwerkmakelaar"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def submit(forwarded):
        key = fill_all(client, page, LEERWERKMAKELAAR)
        return final_post(client, page, key, meta={**proxy, "HTTP_X_FORWARDED_FOR": forwarded})

    assert submit("198.51.100.1").status_code == 302
    # Same visitor, a made-up address in front of the one our proxy appended: still limited.
    assert submit("203.0.113.99, 198.51.100.1").status_code == 429
    # Another visitor behind the same proxy has a limit of their own.
    assert submit("198.51.100.2").status_code == 302
    assert LeerwerkmakelaarAanmelding.objects.count() == 2


def test_confirmation_needs_the_submitting_session(client, form_pages):
    page = form_pages["stageaanbod"]
    assert client.get(f"{page.url}bevestiging/").url == page.url
    assert client.get(f"{page.url}bevestiging/kopie/").url == page.url


def test_tampered_management_data_is_not_a_server_error(client, form_pages):
    page = form_pages["stageaanbod"]
    response = client.post(f"{page.url}stap/organisatie/", {"junk": "x"})
    assert response.status_code in (200, 302)
    response = client.post(f"{page.url}stap/bestaat-niet/", {"junk": "x"})
    assert response.status_code in (200, 302)


def test_add_and_remove_a_place_without_javascript(client, form_pages):
    page = form_pages["stageaanbod"]
    for step in ("organisatie", "erkenning", "contactpersoon"):
        post_step(client, page, step, STAGEAANBOD[step])
    places = STAGEAANBOD["plekken"]
    response = post_step(client, page, "plekken", places, add_form="1")
    assert response.status_code == 302
    form = client.get(f"{page.url}stap/plekken/")
    assert 'name="plekken-1-description"' in form.text
    assert "Brood bakken" in form.text
    assert "Plek 2" in form.text
    data = {**places, "TOTAL_FORMS": "2", "1-location": "Velsen"}
    response = post_step(client, page, "plekken", data, remove_form="0")
    form = client.get(f"{page.url}stap/plekken/")
    assert 'name="plekken-1-description"' not in form.text
    assert 'value="Velsen"' in form.text


def test_check_page_queries_do_not_grow_with_places(client, form_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = form_pages["stageaanbod"]

    def check_queries(count):
        client.cookies.clear()
        steps = copy.deepcopy(STAGEAANBOD)
        for index in range(1, count):
            for key, value in list(STAGEAANBOD["plekken"].items()):
                if key.startswith("0-"):
                    steps["plekken"][f"{index}-" + key[2:]] = value
        steps["plekken"]["TOTAL_FORMS"] = str(count)
        fill_all(client, page, steps)
        client.get(f"{page.url}stap/controleren/")  # the header and footer are cached after this
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{page.url}stap/controleren/")
        assert response.content.count(b"Plek ") >= count
        return len(queries)

    assert check_queries(1) == check_queries(5)


def test_submission_key_page_renders(client, form_pages):
    page = form_pages["stageaanbod"]
    fill_all(client, page, STAGEAANBOD)
    assert submission_key(client, page) == submission_key(client, page)


def test_employer_website_is_asked_stored_and_shown(client, form_pages):
    """The offer's website is a visible question (not the hidden honeypot), and the final submit
    keeps it: on the check page, in the stored offer and on the printable copy."""
    page = form_pages["stageaanbod"]
    step = client.get(f"{page.url}stap/organisatie/")
    assert 'name="organisatie-website"' in step.text
    assert 'class="hp"' not in step.text
    key = fill_all(client, page, STAGEAANBOD)
    check = client.get(f"{page.url}stap/controleren/")
    assert "https://www.example.org" in check.text
    # The only hidden field on the check page is the honeypot itself.
    hidden = re.findall(r'<div class="hp"[^>]*>.*?</div>\s*</div>', check.text, re.S)
    assert len(hidden) == 1 and 'name="controleren-hp_check"' in hidden[0]
    assert final_post(client, page, key).status_code == 302
    assert Stageaanbod.objects.get().website == "https://www.example.org"
    copy_page = client.get(f"{page.url}bevestiging/kopie/")
    assert "https://www.example.org" in copy_page.text


@pytest.mark.parametrize("cause", ["rate_limit", "stale_key"])
def test_check_step_error_without_a_field_links_to_the_send_button(
    cause, client, form_pages, settings
):
    """The rate limit and an expired submission key belong to no question: the error summary
    links to the send button, never to the hidden honeypot."""
    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, LEERWERKMAKELAAR)
    if cause == "rate_limit":
        settings.AANMELDEN_SUBMIT_RATE = (0, 3600)
        response = final_post(client, page, key)
        assert response.status_code == 429
    else:
        response = final_post(client, page, "00000000-0000-4000-8000-000000000000")
        assert response.status_code == 200
    assert response.context["error_items"]
    assert [anchor for _message, anchor in response.context["error_items"]] == [
        "#wizard-submit"
    ] * len(response.context["error_items"])
    assert re.search(r'<button type="submit"[^>]*id="wizard-submit"[^>]*>Versturen', response.text)
    assert "#id_controleren-hp_check" not in response.text
    assert LeerwerkmakelaarAanmelding.objects.count() == 0


def test_check_step_control_fields_never_reach_the_submission():
    """Whatever the check step carries (idempotency key, honeypot), even under a name a model
    field has, the answers come from the question steps only."""
    from types import SimpleNamespace

    from aanmelden.forms.stageaanbod import OrganisationForm
    from aanmelden.wizards.stageaanbod import StageaanbodWizard

    organisation = OrganisationForm(data=STAGEAANBOD["organisatie"])
    assert organisation.is_valid(), organisation.errors
    check = SimpleNamespace(
        cleaned_data={"submission_key": "x", "website": "", "organisation_name": "Spam"}
    )
    offer = StageaanbodWizard().build_submission(
        {"organisatie": organisation, "controleren": check}
    )
    assert offer.website == "https://www.example.org"
    assert offer.organisation_name == "Bakkerij 't Hart"


def _vrijstelling_path(ground_step, ground_answers, second_parent="geen", extra=None):
    steps = copy.deepcopy(VRIJSTELLING)
    del steps["buitenland"]
    steps["reden"]["ground"] = ground_step
    steps["ouder"]["second_parent"] = second_parent
    ordered = {k: steps[k] for k in ("reden", "kind", "ouder")}
    ordered.update(extra or {})
    ordered.update(ground_answers)
    ordered["verklaring"] = steps["verklaring"]
    return ordered


SECOND_PARENT = {
    "tweede-ouder": {
        "second_parent_first_name": "Karim",
        "second_parent_last_name": "Amrani",
        "second_parent_email": "",
        "second_parent_phone": "",
    }
}
REFERRAL = {
    "wie": {"filled_in_by": "verwijzer"},
    "verwijzer": {
        "referrer_name": "Fatima el Amrani",
        "referrer_organisation": "Nova College",
        "referrer_role": "Loopbaancoach",
        "referrer_email": "coach@example.org",
        "referrer_phone": "",
        "young_person_agrees": "on",
    },
    **{k: v for k, v in LEERWERKMAKELAAR.items() if k != "wie"},
}


CHECK_PAGE_PATHS = {
    "vrijstelling-5c": ("vrijstelling", VRIJSTELLING, VRIJSTELLING_FILES),
    "vrijstelling-5a-namens-beide": (
        "vrijstelling",
        _vrijstelling_path(
            "5a", {"arts": {"medical_route": "aanvragen"}}, second_parent="namens_beide"
        ),
        {},
    ),
    "vrijstelling-5b-tweede-ouder": (
        "vrijstelling",
        _vrijstelling_path(
            "5b",
            {"bezwaar": {"objections_statement": "Richting", "attended_school_last_year": "nee"}},
            second_parent="gegevens",
            extra=SECOND_PARENT,
        ),
        {},
    ),
    "vrijstelling-15": (
        "vrijstelling",
        _vrijstelling_path(
            "15",
            {
                "ander-onderwijs": {
                    "alternative_provider": "Bouwbedrijf Jansen",
                    "alternative_description": "Cursus metselen",
                    "alternative_hours": "30",
                }
            },
        ),
        {},
    ),
    "vrijstelling-3a3b": (
        "vrijstelling",
        _vrijstelling_path(
            "3a3b",
            {
                "vervangend": {
                    "programme_kind": "3a",
                    "programme_provider": "Praktijkschool",
                    "programme_description": "2 dagen school, 3 dagen werk",
                }
            },
        ),
        {},
    ),
    "stageaanbod": ("stageaanbod", STAGEAANBOD, {}),
    "leerwerkmakelaar-zelf": ("leerwerkmakelaar", LEERWERKMAKELAAR, {}),
    "leerwerkmakelaar-verwijzer": ("leerwerkmakelaar", REFERRAL, {}),
}


@pytest.mark.parametrize("path", CHECK_PAGE_PATHS)
def test_every_answer_on_the_check_page_has_a_change_link_to_its_step(path, client, form_pages):
    name, steps, files = CHECK_PAGE_PATHS[path]
    page = form_pages[name]
    fill_all(client, page, steps, files)
    check = client.get(f"{page.url}stap/controleren/")
    rows = [row for section in check.context["sections"] for row in section["rows"]]
    assert rows
    run_steps = set(check.context["wizard"]["steps"].all) - {"controleren"}
    for row in rows:
        match = re.fullmatch(rf"{page.url}stap/([\w-]+)/\?wijzig=1", row["change_url"])
        assert match, f"no Wijzig link for {row['name']} ({row['label']})"
        assert match.group(1) in run_steps, (row["name"], match.group(1))
    assert check.text.count('?wijzig=1"') == len(rows)
    for url in {row["change_url"] for row in rows}:
        assert client.get(url).status_code == 200, url


def test_on_behalf_of_both_parents_shows_no_empty_second_parent_answers(client, form_pages):
    page = form_pages["vrijstelling"]
    _name, steps, _files = CHECK_PAGE_PATHS["vrijstelling-5a-namens-beide"]
    key = fill_all(client, page, steps)
    check = client.get(f"{page.url}stap/controleren/")
    rows = {row["name"]: row for s in check.context["sections"] for row in s["rows"]}
    assert str(rows["on_behalf_of_both"]["value"]) == "Ja"
    assert not [name for name in rows if name.startswith("second_parent_")]
    assert final_post(client, page, key).status_code == 302
    copy_page = client.get(f"{page.url}bevestiging/kopie/")
    assert "Voornaam tweede ouder" not in copy_page.text

    # With the second parent's details, they are shown.
    client.cookies.clear()
    _name, steps, _files = CHECK_PAGE_PATHS["vrijstelling-5b-tweede-ouder"]
    fill_all(client, page, steps)
    check = client.get(f"{page.url}stap/controleren/")
    assert "Karim" in check.text and "Voornaam tweede ouder" in check.text


@pytest.mark.parametrize("has_email", [True, False])
def test_referred_young_person_is_informed_by_mail_or_staff_are_told_to(
    has_email, client, form_pages, mailoutbox, django_capture_on_commit_callbacks
):
    """AVG art. 14: with an e-mail address the young person gets a message; with only a phone
    number the leerwerkmakelaar sees on the detail view that they must inform them."""
    from django.contrib.auth.models import Group, User

    steps = copy.deepcopy(REFERRAL)
    if not has_email:
        steps["jongere"]["email"] = ""
    page = form_pages["leerwerkmakelaar"]
    key = fill_all(client, page, steps)
    with django_capture_on_commit_callbacks(execute=True):
        assert final_post(client, page, key).status_code == 302
    aanmelding = LeerwerkmakelaarAanmelding.objects.get()
    to_young = [m for m in mailoutbox if m.to == ["sem@example.org"]]
    assert len(to_young) == (1 if has_email else 0)

    staff = User.objects.create_user(username="lwm", password="pw")
    staff.groups.add(Group.objects.get(name="Leerwerkmakelaars"))
    login_verified(client, staff)
    detail = client.get(inspect_url(aanmelding))
    timeline = detail.context["timeline"]
    flagged = [e for e in timeline if "Jongere nog informeren (geen e-mailadres)" in e["what"]]
    assert len(flagged) == (0 if has_email else 1)
    if not has_email:
        assert "Jongere nog informeren (geen e-mailadres)" in detail.content.decode()


def _autocomplete_of(html, name):
    """{input name: its autocomplete attribute} for the inputs of one field (date parts too)."""
    found = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        field = re.search(r'name="([^"]+)"', tag)
        if field and re.fullmatch(rf"{re.escape(name)}(_\d)?", field.group(1)):
            value = re.search(r'autocomplete="([^"]*)"', tag)
            found[field.group(1)] = value.group(1) if value else None
    return found


YOUNG_PERSON_AUTOCOMPLETE = {
    "first_name": {"given-name"},
    "last_name": {"family-name"},
    "birth_date": {"bday-day", "bday-month", "bday-year"},
    "email": {"email"},
    "phone": {"tel"},
}


@pytest.mark.parametrize("filled_in_by", ["zelf", "verwijzer"])
def test_young_person_step_autocompletes_only_the_own_details(filled_in_by, client, form_pages):
    """The browser may fill in the young person's own details, never a referring
    professional's: for a referral those fields have autocomplete="off"."""
    page = form_pages["leerwerkmakelaar"]
    steps = REFERRAL if filled_in_by == "verwijzer" else LEERWERKMAKELAAR
    for step in ("wie", "verwijzer"):
        if step in steps:
            assert post_step(client, page, step, steps[step]).status_code == 302
    html = client.get(f"{page.url}stap/jongere/").text
    for name, tokens in YOUNG_PERSON_AUTOCOMPLETE.items():
        values = _autocomplete_of(html, f"jongere-{name}")
        assert values, name
        if filled_in_by == "zelf":
            assert set(values.values()) == tokens, (name, values)
        else:
            assert set(values.values()) == {"off"}, (name, values)
    assert ("bday-" in html) is (filled_in_by == "zelf")
