"""The Wagtail admin speaks Dutch to staff, and the health check tells load balancers when the
database is gone."""

from unittest import mock

import pytest
from django.db import connection

from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def test_admin_login_and_dashboard_are_in_dutch(client, django_user_model):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert "Inloggen" in login.content.decode()
    login_verified(client, django_user_model.objects.create_superuser("beheer", password="x"))
    dashboard = client.get("/admin/").content.decode()
    assert 'lang="nl"' in dashboard
    assert "Pagina's" in dashboard


def test_admin_sends_no_staff_address_to_gravatar(client, django_user_model):
    """A staff member's email hash must not leave the portal for a third-party avatar service."""
    user = django_user_model.objects.create_superuser("beheer", "lotte@gemeente.example", "x")
    login_verified(client, user)
    dashboard = client.get("/admin/").content.decode()
    assert "gravatar" not in dashboard


def test_healthz_answers_503_when_the_database_is_unreachable(client):
    with mock.patch.object(connection, "cursor", side_effect=Exception("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
