"""The access matrix: every queue URL, detail view, download, export, report and data-subject
request, for anonymous, each team, functional admins and a plain Wagtail editor."""

import pytest
from django.contrib.auth.models import User

ALL = {"leerplicht", "wsp", "lwm", "beheer"}
EXEMPTION = {"leerplicht", "beheer"}
OFFER = {"wsp", "beheer"}
YOUNG = {"lwm", "beheer"}

# (name, method, url template, roles allowed). {exemption} etc. are submission pks.
MATRIX = [
    ("exemption list", "get", "/admin/aanmelden/vrijstellingmelding/", EXEMPTION),
    ("offer list", "get", "/admin/aanmelden/stageaanbod/", OFFER),
    ("young list", "get", "/admin/aanmelden/leerwerkmakelaaraanmelding/", YOUNG),
    (
        "exemption detail",
        "get",
        "/admin/aanmelden/vrijstellingmelding/inspect/{exemption}/",
        EXEMPTION,
    ),
    ("offer detail", "get", "/admin/aanmelden/stageaanbod/inspect/{offer}/", OFFER),
    (
        "young detail",
        "get",
        "/admin/aanmelden/leerwerkmakelaaraanmelding/inspect/{young}/",
        YOUNG,
    ),
    # The medical statement is special-category data: the leerplicht team only.
    (
        "medical download",
        "get",
        "/admin/aanmelden/vrijstellingmelding/download/{exemption}/?veld=medical_statement",
        {"leerplicht"},
    ),
    (
        "proof download",
        "get",
        "/admin/aanmelden/vrijstellingmelding/download/{abroad}/?veld=abroad_proof",
        EXEMPTION,
    ),
    ("exemption csv", "get", "/admin/aanmelden/vrijstellingmelding/?export=csv", EXEMPTION),
    ("offer xlsx", "get", "/admin/aanmelden/stageaanbod/?export=xlsx", OFFER),
    ("young csv", "get", "/admin/aanmelden/leerwerkmakelaaraanmelding/?export=csv", YOUNG),
    ("report", "get", "/admin/aanmeldingen/jaarcijfers/", ALL),
    ("report csv", "get", "/admin/aanmeldingen/jaarcijfers/?format=csv", ALL),
    (
        "exemption subject export",
        "get",
        "/admin/aanmelden/vrijstellingmelding/subject_export/{exemption}/",
        {"beheer"},
    ),
    (
        "young erase page",
        "get",
        "/admin/aanmelden/leerwerkmakelaaraanmelding/erase/{young}/",
        {"beheer"},
    ),
    (
        "exemption note",
        "post",
        "/admin/aanmelden/vrijstellingmelding/note/{exemption}/",
        EXEMPTION,
    ),
    ("offer assign", "post", "/admin/aanmelden/stageaanbod/assign/{offer}/", OFFER),
    (
        "young transition",
        "post",
        "/admin/aanmelden/leerwerkmakelaaraanmelding/transition/{young}/",
        YOUNG,
    ),
    (
        "retention settings",
        "get",
        "/admin/settings/aanmelden/retentionsettings/{site}/",
        {"beheer"},
    ),
]

POST_DATA = {"text": "Gebeld met de aanvrager.", "user": "", "transition": "intake"}


def _url(template, submissions):
    from wagtail.models import Site

    keys = {key: obj.pk for key, obj in submissions.items()}
    return template.format(site=Site.objects.get(is_default_site=True).pk, **keys)


@pytest.mark.parametrize("role", ["anonymous", "leerplicht", "wsp", "lwm", "beheer", "editor"])
def test_access_matrix(client, staff, submissions, role):
    """Allowed: 200 (GET) or a redirect back to the detail view (POST). Refused: Wagtail sends
    staff without the permission back to the dashboard; anonymous visitors to the login page."""
    if role != "anonymous":
        client.force_login(User.objects.get(username=role))
    problems = []
    for name, method, template, allowed in MATRIX:
        url = _url(template, submissions)
        response = client.get(url) if method == "get" else client.post(url, POST_DATA)
        if role == "anonymous":
            ok = response.status_code == 302 and "/login/" in response["Location"]
        elif role in allowed:
            ok = response.status_code == (200 if method == "get" else 302)
            if method == "post":
                ok = ok and "/inspect/" in response["Location"]
        else:
            ok = response.status_code == 302 and response["Location"] == "/admin/"
        if not ok:
            problems.append(f"{name}: {response.status_code} {response.get('Location', '')}")
    assert not problems, f"{role}: " + "; ".join(problems)


def test_menu_shows_only_own_queues_with_open_counts(client, staff, submissions):
    client.force_login(staff["wsp"])
    html = client.get("/admin/").content.decode()
    assert "Stageaanbod (1)" in html
    assert "Aanmeldingen (1)" in html
    assert "Vrijstellingen" not in html
    client.force_login(staff["beheer"])
    html = client.get("/admin/").content.decode()
    assert "Aanmeldingen (4)" in html
    assert "Vrijstellingen (2)" in html


def test_special_category_fields_only_for_leerplicht_on_the_detail_view(client, staff, submissions):
    exemption = submissions["exemption"]
    detail = f"/admin/aanmelden/vrijstellingmelding/inspect/{exemption.pk}/"
    client.force_login(staff["leerplicht"])
    html = client.get(detail).content.decode()
    assert "111222333" in html
    assert "Ernstige chronische aandoening" in html
    # Never in the list, even for the team.
    listing = client.get("/admin/aanmelden/vrijstellingmelding/").content.decode()
    assert "111222333" not in listing
    assert "aandoening" not in listing
    client.force_login(staff["beheer"])
    html = client.get(detail).content.decode()
    assert "111222333" not in html
    assert "Ernstige chronische aandoening" not in html
    assert "verborgen" in html
    assert "Kind" in html  # the other answers are there


def test_anonymous_gets_no_upload_by_any_path(client, submissions):
    exemption = submissions["exemption"]
    name = exemption.medical_statement.name
    for url in (f"/media/{name}", f"/private_media/{name}", f"/{name}"):
        assert client.get(url).status_code == 404


SUPPORT = "Hulp bij plannen vanwege ADHD"


def test_support_needs_only_on_the_leerwerkmakelaar_detail_view_for_its_team(client, staff):
    """'Hulp of ondersteuning' often reveals health (AVG art. 9): the Leerwerkmakelaars need it
    on the detail view; functional admins do not see it; it is never in a list or an export."""
    import io

    from openpyxl import load_workbook

    from aanmelden.queue.factories import LeerwerkmakelaarAanmeldingFactory

    young = LeerwerkmakelaarAanmeldingFactory(support_needs=SUPPORT, municipality="Velsen")
    base = "/admin/aanmelden/leerwerkmakelaaraanmelding/"
    detail = f"{base}inspect/{young.pk}/"
    client.force_login(staff["lwm"])
    html = client.get(detail).content.decode()
    assert SUPPORT in html
    assert "verborgen" not in html
    assert SUPPORT not in client.get(base).content.decode()
    assert SUPPORT not in client.get(f"{base}?export=csv").content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(client.get(f"{base}?export=xlsx").content)).active
    assert young.reference in [c.value for row in sheet.iter_rows() for c in row]
    assert not any(SUPPORT in str(c.value) for row in sheet.iter_rows() for c in row)

    client.force_login(staff["beheer"])
    html = client.get(detail).content.decode()
    assert SUPPORT not in html
    assert "alleen de groep Leerwerkmakelaars ziet ze" in html
    assert young.first_name in html  # the other answers are there
    # The person's right of access covers everything, this too.
    subject = client.get(f"{base}subject_export/{young.pk}/").content.decode()
    assert SUPPORT in subject
