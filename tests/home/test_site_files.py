"""The fixed public files and endpoints that crawlers, load balancers and researchers rely on."""

import pytest

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


def test_security_txt(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.content.decode().startswith("Contact: ")
    assert "Expires: " in response.content.decode()


def test_sitemap_lists_live_pages(client):
    from home.factories import ContentPageFactory

    ContentPageFactory(slug="over-ons", title="Over ons")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/over-ons/</loc>" in response.content


def test_unknown_url_gets_a_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert 'lang="nl"' in html


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
