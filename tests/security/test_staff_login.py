"""Staff sign in with a password and a second factor: enrolment is forced, every admin address
asks for it, recovery codes work once, failed sign-ins and password resets are limited without
telling whether an account exists, and only a superuser resets a colleague's factor."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from staffauth.devices import new_recovery_codes
from tests.staff_login import app_device, current_code, login_verified

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-1"
ENROL = "/admin/tweestapsverificatie/instellen/"
VERIFY = "/admin/tweestapsverificatie/controleren/"
LOCKED = "Te veel mislukte pogingen om in te loggen."


def admin_paths():
    """Every admin address without parameters (Wagtail's, the queue's, the hooks'), except the
    ones a signed-in but unverified user may still use."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or "(?P" in route or "\\" in route:
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route.lstrip("^"))
            elif isinstance(pattern, URLPattern):
                yield pattern.name, "/" + prefix + route.lstrip("^").rstrip("$")

    open_names = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "staffauth_enrol",
        "staffauth_verify",
    }
    return sorted(
        {
            path
            for name, path in walk(get_resolver().url_patterns, "")
            if path.startswith("/admin/") and name not in open_names
        }
    )


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "red@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)


def sign_in(client, username, password=PASSWORD, address="127.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_staff_without_a_device_is_sent_to_enrolment_from_every_admin_address(client, editor):
    assert sign_in(client, "redacteur").status_code == 302
    paths = admin_paths()
    assert len(paths) > 40  # the walk found the admin, not just a handful of addresses
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(ENROL), path


def test_an_enrolled_but_unverified_session_is_sent_to_the_verify_page(client, editor):
    app_device(editor)
    sign_in(client, "redacteur")
    for path in ("/admin/", "/admin/pages/", "/admin/documents/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"{VERIFY}?next={path}"
    # The enrolment page does not let an enrolled user add a second app unverified.
    assert client.get(ENROL)["Location"].startswith(VERIFY)


def test_enrolment_with_the_apps_code_shows_the_recovery_codes_once(client, editor):
    sign_in(client, "redacteur")
    page = client.get(ENROL, {"next": "/admin/pages/"})
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html
    assert 'for="id_code"' in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    done = client.post(ENROL, {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in done.content.decode() for code in codes)
    assert 'href="/admin/pages/"' in done.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200
    # Shown once: back on the enrolment page the user is simply sent on, no codes again.
    again = client.get(ENROL)
    assert again.status_code == 302
    assert codes[0] not in client.get(again["Location"], follow=True).content.decode()


def test_a_wrong_enrolment_code_is_refused_in_dutch_next_to_the_field(client, editor):
    sign_in(client, "redacteur")
    client.get(ENROL)
    response = client.post(ENROL, {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    field = html[html.index('for="id_code"') : html.index('id="id_code"', html.index("<input"))]
    assert "Deze code klopt niet." in field
    assert 'aria-invalid="true"' in html
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_an_empty_code_is_asked_for(client, editor):
    sign_in(client, "redacteur")
    response = client.post(ENROL, {"code": " - "})
    assert "Vul de code in." in response.content.decode()


def test_the_apps_code_verifies_a_new_session(client, editor):
    device = app_device(editor)
    sign_in(client, "redacteur")
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_repeated_wrong_codes_must_wait(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 60
    app_device(editor)
    sign_in(client, "redacteur")
    first = client.post(VERIFY, {"code": "000000"}).content.decode()
    assert "Deze code klopt niet." in first
    second = client.post(VERIFY, {"code": "000000"}).content.decode()
    assert "Te veel onjuiste codes na elkaar." in second
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_verified_session_never_goes_to_another_host(client, editor):
    device = app_device(editor)
    sign_in(client, "redacteur")
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_a_recovery_code_works_once(client, editor):
    app_device(editor)
    code = new_recovery_codes(editor)[0]
    sign_in(client, "redacteur")
    assert client.post(VERIFY, {"code": code.upper()})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    sign_in(client, "redacteur")
    again = client.post(VERIFY, {"code": code})
    assert again.status_code == 200
    assert "Deze code klopt niet." in again.content.decode()


def failures(client, usernames, address="127.0.0.1"):
    return [sign_in(client, name, "fout", address) for name in usernames]


def test_an_account_is_locked_after_five_failures_from_any_address(client, editor):
    answers = failures(client, ["redacteur"] * 4, address="203.0.113.1")
    assert all(LOCKED not in a.content.decode() for a in answers)
    locked = sign_in(client, "redacteur", "fout", address="203.0.113.2")
    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()
    # Now even the right password from a third address is refused.
    right = sign_in(client, "redacteur", address="203.0.113.3")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_five_failures_for_any_usernames(client, editor):
    failures(client, ["a", "b", "c", "d"], address="198.51.100.7")
    assert LOCKED in sign_in(client, "e", "fout", address="198.51.100.7").content.decode()
    assert sign_in(client, "redacteur", address="198.51.100.7").status_code == 429
    # Another address signs the same account in as usual.
    assert sign_in(client, "redacteur", address="198.51.100.8").status_code == 302


def test_the_lockout_says_the_same_for_a_known_and_an_unknown_username(client, editor):
    def lockout_text(username, address):
        failures(client, [username] * 4, address=address)
        response = sign_in(client, username, "fout", address=address)
        assert response.status_code == 429
        return main(response)

    known = lockout_text("redacteur", "192.0.2.1")
    unknown = lockout_text("niemand", "192.0.2.2")
    assert known == unknown
    assert LOCKED in known


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    failures(client, ["redacteur"] * 4)
    assert sign_in(client, "redacteur").status_code == 302
    client.post("/admin/logout/")
    failures(client, ["redacteur"] * 4)
    assert sign_in(client, "redacteur").status_code == 302


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, editor):
    known = client.post("/admin/password_reset/", {"email": "red@example.org"})
    unknown = client.post("/admin/password_reset/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_password_reset_is_limited_per_email_address(client, editor):
    for _ in range(5):
        client.post("/admin/password_reset/", {"email": "red@example.org"})
    limited = client.post("/admin/password_reset/", {"email": "RED@example.org "})
    assert limited.status_code == 429
    assert "te veel verzoeken" in limited.content.decode()
    assert len(mail.outbox) == 5


def main(response):
    """The page's own content, without the tokens that differ on every answer."""
    html = response.content.decode()
    return re.sub(r'value="[^"]*"', "", html[html.index("<main") : html.index("</main>")])


def test_password_reset_is_limited_per_address_with_the_same_answer_for_anyone(client, editor):
    for number in range(5):
        client.post("/admin/password_reset/", {"email": f"iemand{number}@example.org"})
    known = client.post("/admin/password_reset/", {"email": "red@example.org"})
    unknown = client.post("/admin/password_reset/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 429
    assert main(known) == main(unknown)
    assert "te veel verzoeken" in main(known)
    assert mail.outbox == []
    other = client.post(
        "/admin/password_reset/", {"email": "red@example.org"}, REMOTE_ADDR="192.0.2.9"
    )
    assert other.status_code == 302


def test_a_superuser_resets_a_colleagues_factor_and_it_is_logged(client, superuser, editor):
    app_device(editor)
    new_recovery_codes(editor)
    login_verified(client, superuser)
    users = client.get(reverse("wagtailusers_users:index")).content.decode()
    url = reverse("staffauth_reset", args=[editor.pk])
    assert url in users

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "redacteur" in confirm.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    entry = ModelLogEntry.objects.get(action="staffauth.reset_second_factor")
    assert (entry.user, entry.object_id) == (superuser, str(editor.pk))
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Tweestapsverificatie hersteld" in history

    # The colleague enrols again at the next sign-in.
    colleague = Client()
    sign_in(colleague, "redacteur")
    assert colleague.get("/admin/")["Location"].startswith(ENROL)


def test_only_a_superuser_may_reset_a_factor(client, superuser, editor, django_user_model):
    manager = django_user_model.objects.create_user("personeelszaken", password=PASSWORD)
    manager.groups.add(Group.objects.get(name="Moderators"))
    manager.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="auth", codename__in=["change_user", "add_user"]
        ),
        Permission.objects.get(codename="access_admin"),
    )
    device = app_device(superuser)
    login_verified(client, manager)
    url = reverse("staffauth_reset", args=[superuser.pk])
    assert url not in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not ModelLogEntry.objects.filter(action="staffauth.reset_second_factor").exists()


def test_django_admin_is_gone(client, superuser):
    login_verified(client, superuser)
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/auth/user/").status_code == 404


def test_odd_input_never_breaks_the_steps(client, editor, superuser):
    sign_in(client, "redacteur")
    assert client.post(ENROL, {"code": "9" * 500}).status_code == 200
    assert client.post(ENROL, {"code": "\x00<script>"}).status_code == 200
    assert client.get(VERIFY, {"next": "/admin/?a=1&b=2"})["Location"].startswith(ENROL)
    app_device(editor)
    for next_url in ("javascript:alert(1)", "//evil.example/", "/admin/pages/?x=<b>"):
        response = client.post(VERIFY, {"code": "abc", "next": next_url})
        assert response.status_code == 200
    assert client.get(ENROL, {"next": "/admin/?a=1&b=2"})["Location"] == (
        f"{VERIFY}?next=%2Fadmin%2F%3Fa%3D1%26b%3D2"
    )
    login_verified(client, superuser)
    assert client.get(reverse("staffauth_reset", args=[999999])).status_code == 404


def test_staff_replace_their_own_recovery_codes_from_their_account(client, editor):
    old = new_recovery_codes(editor)
    login_verified(client, editor)
    url = reverse("staffauth_new_codes")
    assert url in client.get(reverse("wagtailadmin_account")).content.decode()
    assert "nog 10 ongebruikte herstelcodes" in client.get(url).content.decode()
    page = client.post(url).content.decode()
    fresh = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(fresh) == 10
    assert all(code in page for code in fresh)
    assert not set(old) & set(fresh)
    assert ModelLogEntry.objects.filter(
        action="staffauth.new_recovery_codes", object_id=str(editor.pk)
    ).exists()

    other = Client()
    sign_in(other, "redacteur")
    assert other.post(VERIFY, {"code": old[0]}).status_code == 200
    assert other.get(url)["Location"].startswith(VERIFY)
