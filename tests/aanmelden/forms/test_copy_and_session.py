"""The citizen's copy of the answers (BSN, special-category answers) opens only in the browser
session that submitted, for two hours; sessions end with the browser; a session lost in the
middle of a wizard is explained in Dutch and what the last step sent is kept."""

import pytest

from aanmelden import confirmation

from .helpers import VRIJSTELLING, VRIJSTELLING_FILES, fill_all, final_post, post_step

pytestmark = pytest.mark.django_db

BSN = VRIJSTELLING["kind"]["child_id_number"]


@pytest.fixture
def submitted(client, form_pages):
    page = form_pages["vrijstelling"]
    final_post(client, page, fill_all(client, page, VRIJSTELLING, VRIJSTELLING_FILES))
    return page


def test_the_copy_opens_after_submitting_and_is_never_stored(client, submitted):
    confirmation_page = client.get(f"{submitted.url}bevestiging/")
    assert f'href="{submitted.url}bevestiging/kopie/"' in confirmation_page.text
    response = client.get(f"{submitted.url}bevestiging/kopie/")
    assert response.status_code == 200
    assert BSN in response.text
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control


def test_another_browser_never_sees_the_copy(client, submitted):
    other = client.__class__()
    response = other.get(f"{submitted.url}bevestiging/kopie/")
    assert response.status_code == 302
    assert response.url == submitted.url


def test_the_copy_closes_two_hours_after_submitting(client, submitted, monkeypatch):
    opened = confirmation.time.time()
    monkeypatch.setattr(confirmation.time, "time", lambda: opened + 2 * 3600 - 60)
    assert client.get(f"{submitted.url}bevestiging/kopie/").status_code == 200
    monkeypatch.setattr(confirmation.time, "time", lambda: opened + 2 * 3600 + 60)
    response = client.get(f"{submitted.url}bevestiging/kopie/")
    assert response.status_code == 302
    assert response.url == f"{submitted.url}bevestiging/"
    page = client.get(response.url)
    assert "niet meer te zien" in page.text
    assert "bevestiging/kopie/" not in page.text
    assert BSN not in page.text


def test_the_session_cookie_ends_with_the_browser(client, submitted, settings):
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]


def test_a_session_lost_mid_wizard_starts_again_and_says_why(client, form_pages):
    page = form_pages["vrijstelling"]
    post_step(client, page, "reden", VRIJSTELLING["reden"])
    post_step(client, page, "kind", VRIJSTELLING["kind"])
    client.cookies.clear()  # the session ran out, or the browser was closed

    response = post_step(client, page, "ouder", VRIJSTELLING["ouder"])
    assert response.status_code == 302
    assert response.url == f"{page.url}stap/reden/?verlopen=1"
    restart = client.get(response.url)
    assert restart.status_code == 200
    assert "Uw sessie is verlopen" in restart.text
    assert "Begin hieronder opnieuw bij stap 1." in restart.text

    # What the last step sent is there again when the person gets back to it.
    post_step(client, page, "reden", VRIJSTELLING["reden"])
    post_step(client, page, "kind", VRIJSTELLING["kind"])
    again = client.get(f"{page.url}stap/ouder/")
    assert 'value="anna@example.org"' in again.text
    assert "Uw sessie is verlopen" not in again.text


@pytest.mark.parametrize("step", ["kind", "buitenland", "verklaring", "controleren"])
def test_any_later_step_posted_without_a_session_restarts_at_step_one(client, form_pages, step):
    page = form_pages["vrijstelling"]
    data = {"submission_key": "3f2b1c4d-0000-4000-8000-000000000000", "hp_check": ""}
    response = post_step(client, page, step, VRIJSTELLING.get(step, data))
    assert response.status_code == 302
    assert response.url == f"{page.url}stap/reden/?verlopen=1"


def test_the_first_step_of_a_fresh_session_is_just_the_start(client, form_pages):
    page = form_pages["vrijstelling"]
    response = post_step(client, page, "reden", VRIJSTELLING["reden"])
    assert response.status_code == 302
    assert "verlopen" not in response.url
