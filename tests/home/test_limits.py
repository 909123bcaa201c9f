"""Per-visitor limits: every way to log in refuses an address that tried too often, and the
address counted behind our proxies is the one they wrote, never one the visitor made up."""

import pytest
from django.test import RequestFactory

from home.limits import client_ip

NO_ADDRESS = "0.0.0.0"  # noqa: S104 - a limit's bucket, not a bind address
LOGINS = ["/admin/login/", "/_util/login/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGINS)
def test_login_attempts_are_limited_per_address(client, settings, url, django_user_model):
    settings.ADMIN_LOGIN_RATE = (2, 3600)
    django_user_model.objects.create_user("beheer", password="juist-wachtwoord", is_staff=True)
    wrong = {"username": "beheer", "password": "fout"}
    assert client.post(url, wrong).status_code == 200
    assert client.post(url, wrong).status_code == 200
    refused = client.post(url, {"username": "beheer", "password": "juist-wachtwoord"})
    assert refused.status_code == 429
    assert "Te veel inlogpogingen" in refused.text
    assert not refused.wsgi_request.user.is_authenticated
    # The form itself still shows, and another address is not affected.
    assert client.get(url).status_code == 200
    other = client.post(
        url, {"username": "beheer", "password": "juist-wachtwoord"}, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_page_password_form_is_limited_too(client, settings):
    from wagtail.models import PageViewRestriction, Site

    settings.ADMIN_LOGIN_RATE = (1, 3600)
    home = Site.objects.get(is_default_site=True).root_page
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{home.pk}/"
    assert client.post(url, {"password": "fout", "return_url": "/"}).status_code == 200
    assert client.post(url, {"password": "geheim", "return_url": "/"}).status_code == 429


def test_without_any_address_all_such_requests_share_one_limit(settings):
    """Behind a proxy on a Unix socket, without trusted proxies, there is no address to count."""
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="")) == NO_ADDRESS


@pytest.mark.django_db
def test_an_ipv6_visitor_is_counted_per_network(client, settings):
    """One /64 is one visitor: stepping through its addresses does not reset the limit."""
    settings.ADMIN_LOGIN_RATE = (1, 3600)
    wrong = {"username": "beheer", "password": "fout"}
    assert client.post("/admin/login/", wrong, REMOTE_ADDR="2001:db8::1").status_code == 200
    assert client.post("/admin/login/", wrong, REMOTE_ADDR="2001:db8::2").status_code == 429
    assert client.post("/admin/login/", wrong, REMOTE_ADDR="2001:db8:0:1::1").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.1"),  # no proxy trusted: the header is the visitor's own
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "203.0.113.99, 198.51.100.1", "198.51.100.1"),  # a made-up entry in front
        (2, "203.0.113.99, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "198.51.100.1", "10.0.0.1"),  # did not pass both proxies
        (1, "", "10.0.0.1"),
        (1, "geen-adres, 198.51.100.1", "198.51.100.1"),
    ],
)
def test_the_address_counted_is_the_one_our_proxies_wrote(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **meta)) == expected
