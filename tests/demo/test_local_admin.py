"""`make run` prints a working admin login (both factors), the same password on every re-run,
never in production."""

import io

import pytest
from django.core.management import CommandError, call_command

from demo.management.commands import ensure_local_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / ".local-admin"
    monkeypatch.setattr(ensure_local_admin, "PASSWORD_FILE", path)
    return path


def printed_login():
    """(password, recovery codes) as `make run` prints them."""
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    text = out.getvalue()
    password = text.split("wachtwoord: ", 1)[1].split()[0]
    codes = text.split("(elk één keer): ", 1)[1].splitlines()[0].split()
    return password, codes


def sign_in(client, password, code):
    """The admin's own forms, as the developer uses them: password, then the second step."""
    response = client.post("/admin/login/", {"username": "admin", "password": password})
    assert response.status_code == 302
    verify = client.get("/admin/", follow=True)
    assert verify.redirect_chain[-1][0].startswith("/admin/tweestapsverificatie/controleren/")
    client.post("/admin/tweestapsverificatie/controleren/", {"code": code})
    return client.get("/admin/")


def test_the_printed_login_works_and_a_rerun_prints_the_same(client, settings, password_file):
    settings.DEBUG = True
    first, _codes = printed_login()
    password, codes = printed_login()
    assert password == first
    assert sign_in(client, password, codes[0]).status_code == 200
    assert password_file.stat().st_mode & 0o077 == 0


def test_a_rerun_replaces_the_printed_recovery_codes(client, settings, password_file):
    settings.DEBUG = True
    _password, old_codes = printed_login()
    password, codes = printed_login()
    assert len(codes) == 10
    assert sign_in(client, password, old_codes[0]).status_code == 302


def test_a_changed_password_is_reset_to_the_printed_one(client, settings, password_file):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    password, _codes = printed_login()
    user = get_user_model().objects.get(username="admin")
    user.set_password("iets anders")
    user.save()
    password_again, codes = printed_login()
    assert password_again == password
    assert sign_in(client, password, codes[0]).status_code == 200


def test_refuses_without_debug(settings, password_file):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_local_admin", stdout=io.StringIO())
    assert not password_file.exists()
