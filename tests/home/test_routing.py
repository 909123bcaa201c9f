"""Pages are found in a fixed number of queries at any depth, with Wagtail's rules intact:
unpublished pages and unknown paths answer 404, view restrictions on a page above still apply."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.factories.home import ContentPageFactory, site_home

pytestmark = pytest.mark.django_db


def queries(client, url):
    # Warm the caches (site root paths, content types, settings, the fragments); the first
    # request creates the site settings, which retires what the fragment cache held.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, len(ctx)


def chain(slugs, parent=None):
    page = parent or site_home()
    for slug in slugs:
        page = ContentPageFactory(parent=page, slug=slug, title=slug.title())
    return page


def test_a_deep_page_costs_as_many_queries_as_a_shallow_one(client):
    chain(["a"])
    chain(["b", "c", "d", "e", "f"])
    shallow, shallow_count = queries(client, "/a/")
    deep, deep_count = queries(client, "/b/c/d/e/f/")
    assert shallow.status_code == deep.status_code == 200
    # The site, the active language's locale (Wagtail's translated routing), the pages on the
    # path, the page as its own type.
    assert deep_count == shallow_count <= 5
    # The breadcrumbs: every page above, linked.
    html = deep.content.decode()
    for path in ("/b/", "/b/c/", "/b/c/d/", "/b/c/d/e/"):
        assert f'href="{path}"' in html


def test_unknown_and_unpublished_pages_answer_404(client):
    page = chain(["zichtbaar", "verborgen"])
    page.unpublish()
    assert client.get("/zichtbaar/").status_code == 200
    assert client.get("/zichtbaar/verborgen/").status_code == 404
    assert client.get("/zichtbaar/bestaat-niet/").status_code == 404
    assert client.get("/bestaat-niet/zichtbaar/").status_code == 404


def test_a_login_restriction_on_a_page_above_protects_the_pages_below(client, django_user_model):
    section = chain(["intern"])
    chain(["verslag"], parent=section)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/intern/verslag/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("lezer", password="x"))
    assert client.get("/intern/verslag/").status_code == 200


def test_an_alias_answers_with_its_source_page_restrictions(client):
    source = chain(["bron"])
    alias = source.create_alias(parent=chain(["elders"]), update_slug="kopie")
    assert client.get("/elders/kopie/").status_code == 200
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    assert alias.alias_of_id == source.pk
    assert client.get("/elders/kopie/").status_code == 302


def test_a_routable_page_on_the_path_gets_the_rest_of_it(client):
    from demo.factories.aanmelden import VrijstellingFormPageFactory

    form = VrijstellingFormPageFactory()
    assert client.get(form.url).status_code == 200
    step = client.get(f"{form.url}stap/bestaat-niet/")  # the wizard sends to its first step
    assert (step.status_code, step["Location"].startswith(f"{form.url}stap/")) == (302, True)
    assert client.get(f"{form.url}bestaat-niet/").status_code == 404


def test_a_login_restriction_on_the_home_page_protects_it(client):
    PageViewRestriction.objects.create(page=site_home(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/").status_code == 302


def test_a_login_restriction_added_to_a_visited_home_page_protects_it_at_once(client):
    assert client.get("/").status_code == 200  # what routing knows of restrictions is now kept
    restriction = PageViewRestriction.objects.create(
        page=site_home(), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/").status_code == 302
    restriction.delete()
    assert client.get("/").status_code == 200
