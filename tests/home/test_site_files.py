"""The fixed public files and endpoints that crawlers, load balancers and researchers rely on."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_healthz_checks_the_database(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_robots_txt_points_to_sitemap_and_hides_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_security_txt_expires_within_a_year(client):
    """RFC 9116: a file past its Expires date is to be ignored, so the date must move along."""
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith("Contact: ")
    expires = re.search(r"^Expires: (\S+)$", body, re.MULTILINE).group(1)
    expires_at = datetime.datetime.fromisoformat(expires)
    now = datetime.datetime.now(datetime.UTC)
    assert now + datetime.timedelta(days=30) < expires_at < now + datetime.timedelta(days=365)


def test_sitemap_and_canonical_link_use_the_configured_site_address(client):
    """Crawlers follow these absolute links: they must name the public address, not localhost."""
    from demo.factories.home import ContentPageFactory

    ContentPageFactory(slug="over-ons", title="Over ons")
    call_command("set_site_url", "https://leerwerkportaal.example.nl", stdout=io.StringIO())
    response = client.get("/sitemap.xml", HTTP_HOST="leerwerkportaal.example.nl")
    assert response.status_code == 200
    assert b"<loc>https://leerwerkportaal.example.nl/over-ons/</loc>" in response.content
    page = client.get("/over-ons/", HTTP_HOST="leerwerkportaal.example.nl").content.decode()
    assert '<link rel="canonical" href="https://leerwerkportaal.example.nl/over-ons/">' in page


def test_set_site_url_takes_the_port_of_a_local_address(settings):
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("set_site_url", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    with pytest.raises(CommandError):
        call_command("set_site_url", "leerwerkportaal.nl", stdout=io.StringIO())


@pytest.mark.urls("tests.home.urls_failing")
def test_a_server_error_gets_a_calm_dutch_page(client):
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="nl"' in html
    assert "Er ging iets mis" in html
    assert "database gone" not in html


def test_unknown_url_gets_a_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert 'lang="nl"' in html


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
