"""Bad input gets a Dutch answer, never a 500: refused addresses, the API's parameters, the
search, and the queue's staff input, where a refused note comes back in its box."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from moderation import admin_urls
from moderation.forms import NOTE_MAX_CHARS
from moderation.models import QueueNote
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/zoeken/?q=%00",
        "/zoeken/?q=a%01b",
        "/zoeken/?q=%7F",
        "/zoeken/?q=%C2%85",
        "/zoeken/?q=%ff%fe",
        "/zoeken/?q=" + "a" * 100_000,
        "/zoeken/?" + "a" * 3000 + "=1",
        "/api/v2/pages/?search=%00",
        "/regelingen%00/",
        "/goede-voorbeelden/?doelgroep=%00",
    ],
)
def test_an_address_with_unreadable_input_gets_the_dutch_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="nl"' in html
    assert "Dit adres klopt niet" in html
    assert 'class="site-header"' in html  # in the site's layout


def test_a_pasted_search_with_a_line_break_or_quote_still_searches(client):
    for query in ("stage%0Aplaats", "%22stage", "stage%22s", "%22"):
        assert client.get(f"/zoeken/?q={query}").status_code == 200


def test_too_many_parameters_get_the_413_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.get("/zoeken/?" + "&".join(f"a{i}=1" for i in range(20)))
    assert response.status_code == 413
    assert "Te veel gegevens" in response.content.decode()


def test_a_body_over_the_limit_gets_the_dutch_413_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/admin/login/", {"username": "x" * 5000, "password": "x"})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Te veel gegevens in één keer" in html
    assert 'class="site-header"' in html


def test_an_expired_form_gets_the_dutch_csrf_page(db):
    response = Client(enforce_csrf_checks=True).post("/zoeken/", {"q": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Uw sessie is verlopen" in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("search=a&search_operator=%00", 400),
        ("search=a&search_operator=xor", 400),
        ("search=a&search_operator=or", 200),
        ("search=%22", 200),
        ("search=a%22b", 200),
        ("limit=abc", 400),
        ("type=x.y", 400),
        ("child_of=abc", 400),
        ("fields=%2A,title(x)", 400),
    ],
)
def test_the_api_answers_bad_parameters_with_400(client, query, status):
    for endpoint in ("pages", "documents", "images"):
        if endpoint != "pages" and query.startswith(("type", "child_of")):
            continue
        response = client.get(f"/api/v2/{endpoint}/?{query}")
        assert response.status_code == status, (endpoint, response.content[:200])


# --- the queue ---------------------------------------------------------------------------------


@pytest.fixture
def leerplicht(db):
    user = User.objects.create_user("lp", password="pw")
    user.groups.add(Group.objects.get(name="Leerplicht"))
    return user


@pytest.fixture
def exemption(db):
    from demo.factories.queue import VrijstellingMeldingFactory

    return VrijstellingMeldingFactory(ground="5a")


def _detail(client, exemption):
    return client.get(admin_urls.inspect_url(exemption)).content.decode()


@pytest.mark.parametrize(
    ("typed", "shown", "message"),
    [
        ("Gebeld met\x00 moeder", "Gebeld met moeder", "onzichtbare stuurtekens"),
        ("Ouder\x1b belt terug", "Ouder belt terug", "onzichtbare stuurtekens"),
        ("lang " * (NOTE_MAX_CHARS // 4), "lang " * (NOTE_MAX_CHARS // 4), "hoogstens"),
    ],
)
def test_a_refused_note_comes_back_in_its_box_with_the_reason(
    client, leerplicht, exemption, typed, shown, message
):
    login_verified(client, leerplicht)
    url = admin_urls.action_url(type(exemption), "note", exemption.pk)
    response = client.post(url, {"text": typed})
    assert response.status_code == 302
    assert not QueueNote.objects.exists()
    html = _detail(client, exemption)
    assert message in html
    assert 'aria-describedby="queue-note-error">' + shown + "</textarea>" in html
    # Once: the box is empty again on the next visit.
    assert message not in _detail(client, exemption)


def test_a_refused_step_note_comes_back_and_the_status_stays(client, leerplicht, exemption):
    login_verified(client, leerplicht)
    url = admin_urls.action_url(type(exemption), "transition", exemption.pk)
    status = exemption.status
    client.post(url, {"transition": "start", "note": "Eerst\x00 bellen"})
    exemption.refresh_from_db()
    assert exemption.status == status
    assert not QueueNote.objects.exists()
    html = _detail(client, exemption)
    assert "Eerst bellen</textarea>" in html
    assert 'aria-describedby="queue-transition-note-error"' in html


def test_an_assignment_to_no_known_member_is_refused_with_a_message(client, leerplicht, exemption):
    login_verified(client, leerplicht)
    url = admin_urls.action_url(type(exemption), "assign", exemption.pk)
    for value in ("abc", "\x00", "99999999999999999999999", "-1"):
        response = client.post(url, {"user": value}, follow=True)
        assert response.status_code == 200
        assert "Deze medewerker kan deze aanmelding niet behandelen." in response.content.decode()
    exemption.refresh_from_db()
    assert exemption.assigned_to is None


def test_a_submission_address_takes_only_a_number(client, leerplicht, exemption):
    login_verified(client, leerplicht)
    base = admin_urls.index_url(type(exemption))
    for pk in ("abc", "1-2", "9" * 30):
        assert client.get(f"{base}inspect/{pk}/").status_code == 404


def test_staff_without_the_permission_get_the_dutch_403_page(client, exemption):
    user = User.objects.create_user("wsp", password="pw")
    user.groups.add(Group.objects.get(name="Werkgeversservicepunt"))
    login_verified(client, user)
    for url in (
        admin_urls.index_url(type(exemption)),
        admin_urls.inspect_url(exemption),
        admin_urls.action_url(type(exemption), "subject_export", exemption.pk),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        html = response.content.decode()
        assert "Geen toegang" in html
        assert "Terug naar het beheer" in html
    response = client.post(
        admin_urls.action_url(type(exemption), "note", exemption.pk), {"text": "Gezien."}
    )
    assert response.status_code == 403
    assert not QueueNote.objects.exists()
