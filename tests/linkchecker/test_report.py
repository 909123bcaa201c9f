"""The admin report "Linkcontrole": an Eindredacteur sees the broken links with the page (linked
to its editor), the link text, what is wrong and who last edited the page; a redirect shows only
when asked for. Users without the report's permission are refused. Opening the report asks no
other site anything."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.models import ContentPage
from linkchecker.models import CheckedLink
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db

URL = reverse("linkchecker_report")


def member_of(django_user_model, group_name, username=None, **kwargs):
    user = django_user_model.objects.create_user(
        username=username or group_name, password="x", **kwargs
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def rows(django_user_model):
    """A published page, last edited by a Redacteur, with a broken and a redirected link."""
    author = member_of(
        django_user_model, "Redacteuren", username="rita", first_name="Rita", last_name="Vos"
    )
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=ContentPage(title="Stages zoeken", slug="stages"))
    page.save_revision(user=author).publish()
    now = timezone.now()

    def link(text, url, **kwargs):
        return CheckedLink.objects.create(
            key=CheckedLink.make_key(page.pk, "body", url, text),
            page=page,
            field="body",
            url=url,
            text=text,
            last_seen_at=now,
            last_checked_at=now,
            **kwargs,
        )

    broken = link(
        "Werkgeversloket",
        "https://example.org/weg",
        kind="external",
        broken=True,
        status_code=404,
        error="HTTP 404 Not Found",
        first_broken_at=now,
    )
    moved = link(
        "Nieuwe regeling",
        "https://example.org/oud",
        kind="external",
        status_code=200,
        final_url="https://example.org/nieuw",
    )
    internal = link(
        "Aanmelden",
        "(pagina 999)",
        kind="internal",
        broken=True,
        status_code=404,
        error="De pagina bestaat niet meer.",
        first_broken_at=now,
    )
    return {"page": page, "broken": broken, "moved": moved, "internal": internal}


def test_an_eindredacteur_sees_the_broken_links(client, django_user_model, rows):
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Linkcontrole" in html
    for text in ("Werkgeversloket", "https://example.org/weg", "HTTP 404 Not Found", "Aanmelden"):
        assert text in html
    assert "De pagina bestaat niet meer." in html
    assert reverse("wagtailadmin_pages:edit", args=[rows["page"].pk]) in html
    assert "Rita Vos" in html  # who last edited the page
    assert "Nieuwe regeling" not in html  # a redirect is not broken


def test_the_report_filters_on_kind_and_shows_redirects_on_request(client, django_user_model, rows):
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    external = client.get(URL, {"kind": "external"}).content.decode()
    assert "Werkgeversloket" in external
    assert "Aanmelden" not in external
    redirects = client.get(URL, {"state": "redirected"}).content.decode()
    assert "Nieuwe regeling" in redirects
    assert "https://example.org/nieuw" in redirects
    assert "Werkgeversloket" not in redirects
    results = client.get(reverse("linkchecker_report_results"), {"kind": "internal"})
    assert results.status_code == 200
    assert "Aanmelden" in results.content.decode()


def test_odd_report_parameters_never_fail(client, django_user_model, rows):
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    for params in (
        {"kind": "iets"},
        {"state": "<script>"},
        {"ordering": "wachtwoord"},
        {"ordering": "-first_broken_at"},
        {"ordering": "page__title"},
        {"p": "9999"},
        {"p": "x"},
    ):
        assert client.get(URL, params).status_code == 200, params


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_report_exports(client, django_user_model, rows, export):
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    response = client.get(URL, {"export": export})
    assert response.status_code == 200
    assert "kapotte-links-" in response["Content-Disposition"]
    if export == "csv":
        content = b"".join(response.streaming_content).decode()
        assert "Werkgeversloket" in content
        assert "Nieuwe regeling" not in content


def test_the_report_is_in_the_reports_menu_of_an_eindredacteur_only(client, django_user_model):
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    login_verified(client, member_of(django_user_model, "Redacteuren"))
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("group_name", ["Redacteuren", "Leerplicht", "Functioneel beheer"])
def test_others_are_refused(client, django_user_model, rows, group_name):
    login_verified(client, member_of(django_user_model, group_name))
    for url in (URL, reverse("linkchecker_report_results")):
        response = client.get(url)
        assert response.status_code in (302, 403), (group_name, url)
        assert b"Werkgeversloket" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, rows):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_opening_the_report_asks_no_other_site(client, django_user_model, rows, outside):
    rows["broken"].url = f"{outside.base}/missing"
    rows["broken"].save()
    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    assert client.get(URL).status_code == 200
    assert outside.log == []


def test_the_report_costs_the_same_queries_for_more_pages(
    client, django_user_model, rows, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login_verified(client, member_of(django_user_model, "Eindredacteuren"))
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    home = Site.objects.get(is_default_site=True).root_page
    for number in range(10):
        page = home.add_child(instance=ContentPage(title=f"Pagina {number}", slug=f"p{number}"))
        page.save_revision(user=rows["broken"].page.latest_revision.user).publish()
        CheckedLink.objects.create(
            key=CheckedLink.make_key(page.pk, "body", "/weg/", "Weg"),
            page=page,
            url="/weg/",
            text="Weg",
            kind="internal",
            broken=True,
            error="Niet gevonden op deze site.",
            last_seen_at=timezone.now(),
        )
    with django_assert_max_num_queries(len(few)):
        assert client.get(URL).status_code == 200
