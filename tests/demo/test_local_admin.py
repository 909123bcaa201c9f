"""`make run` prints a working admin login, the same one on every re-run, never in production."""

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


def printed_password():
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    return out.getvalue().rsplit("wachtwoord: ", 1)[1].strip()


def test_the_printed_login_works_and_a_rerun_prints_the_same(client, settings, password_file):
    settings.DEBUG = True
    first = printed_password()
    assert printed_password() == first
    assert client.login(username="admin", password=first)
    assert client.get("/admin/").status_code == 200
    assert password_file.stat().st_mode & 0o077 == 0


def test_a_changed_password_is_reset_to_the_printed_one(client, settings, password_file):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    password = printed_password()
    user = get_user_model().objects.get(username="admin")
    user.set_password("iets anders")
    user.save()
    assert printed_password() == password
    assert client.login(username="admin", password=password)


def test_refuses_without_debug(settings, password_file):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_local_admin", stdout=io.StringIO())
    assert not password_file.exists()
