"""The access matrix, table-driven: every URL of the three queues (modeladmin's own and the
queue's extra views, found from the registration so a new URL cannot slip through untested), the
exports in both formats, the data-subject requests (GET and POST), the yearly figures and the
retention settings, for anonymous visitors, each team, functional admins, a plain Wagtail editor
and a superuser. An allowed change must take effect; a refused one must change nothing."""

from collections.abc import Callable
from typing import NamedTuple

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.urls import reverse

from moderation import admin_urls
from moderation.admin import ADMIN_BY_MODEL
from moderation.models import QueueNote
from tests.staff_login import login_verified

ROLES = ["anonymous", "leerplicht", "wsp", "lwm", "beheer", "editor", "superuser"]
ALL = {"leerplicht", "wsp", "lwm", "beheer"}
EXEMPTION = {"leerplicht", "beheer"}
OFFER = {"wsp", "beheer"}
YOUNG = {"lwm", "beheer"}
PERSONAL_DATA = {"beheer"}  # data-subject export and erasure
# Nothing is created, edited through a generic form or deleted in the queue (changes go through
# the workflow, erasure through a data-subject request): refused to everyone, superusers too.
NOBODY = set()

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON = "application/json"


class Row(NamedTuple):
    queue: str  # model name, "" for URLs outside the queues
    action: str  # the modeladmin URL name's action
    method: str
    url: Callable  # {"exemption"|"offer"|"young"|"abroad": pk, "site": pk} -> the URL
    allowed: set
    target: str = ""  # the submission a POST may change
    data: dict | None = None
    content_type: str = ""  # what an allowed GET must return (not the list page by mistake)


QUEUES = (
    # (model name, submission, team, a step allowed from the first status, a field not an upload)
    ("vrijstellingmelding", "exemption", EXEMPTION, "start", "child_id_number"),
    ("stageaanbod", "offer", OFFER, "assess", "contact_email"),
    ("leerwerkmakelaaraanmelding", "young", YOUNG, "intake", "email"),
)


def queue_url(queue, action, key=None, query=""):
    """The URL of a queue action, by its name; ``key`` names the submission whose pk it takes."""
    model = apps.get_model("aanmelden", queue)
    name = admin_urls.url_name(model, action)
    return lambda ids: reverse(name, args=[ids[key]] if key else []) + query


def queue_rows(queue, key, team, step, not_an_upload):
    change = {"municipality": "Gewijzigd", "status": "afgehandeld", "reference": "X"}
    return [
        Row(queue, "index", "get", queue_url(queue, "index"), team),
        Row(
            queue,
            "index",
            "get",
            queue_url(queue, "index", query="?export=csv"),
            team,
            content_type=CSV,
        ),
        Row(
            queue,
            "index",
            "get",
            queue_url(queue, "index", query="?export=xlsx"),
            team,
            content_type=XLSX,
        ),
        Row(queue, "inspect", "get", queue_url(queue, "inspect", key), team),
        Row(queue, "create", "get", queue_url(queue, "create"), NOBODY),
        Row(queue, "create", "post", queue_url(queue, "create"), NOBODY, key, change),
        Row(queue, "edit", "get", queue_url(queue, "edit", key), NOBODY),
        Row(queue, "edit", "post", queue_url(queue, "edit", key), NOBODY, key, change),
        Row(queue, "delete", "get", queue_url(queue, "delete", key), NOBODY),
        Row(queue, "delete", "post", queue_url(queue, "delete", key), NOBODY, key, {}),
        Row(queue, "note", "post", queue_url(queue, "note", key), team, key, {"text": "Gebeld."}),
        Row(queue, "assign", "post", queue_url(queue, "assign", key), team, key, {"user": "{me}"}),
        Row(
            queue,
            "transition",
            "post",
            queue_url(queue, "transition", key),
            team,
            key,
            {"transition": step},
        ),
        # Only upload fields can be downloaded; any other field name is refused.
        Row(
            queue,
            "download",
            "get",
            queue_url(queue, "download", key, f"?veld={not_an_upload}"),
            NOBODY,
        ),
        Row(
            queue,
            "subject_export",
            "get",
            queue_url(queue, "subject_export", key),
            PERSONAL_DATA,
            content_type=JSON,
        ),
        Row(queue, "erase", "get", queue_url(queue, "erase", key), PERSONAL_DATA),
    ]


MATRIX = [
    *(row for queue in QUEUES for row in queue_rows(*queue)),
    # The medical statement is special-category data: the leerplicht team only.
    Row(
        "vrijstellingmelding",
        "download",
        "get",
        queue_url("vrijstellingmelding", "download", "exemption", "?veld=medical_statement"),
        {"leerplicht"},
    ),
    Row(
        "vrijstellingmelding",
        "download",
        "get",
        queue_url("vrijstellingmelding", "download", "abroad", "?veld=abroad_proof"),
        EXEMPTION,
    ),
    Row("", "report", "get", lambda ids: admin_urls.report_url(), ALL),
    Row(
        "",
        "report",
        "get",
        lambda ids: admin_urls.report_url() + "?format=csv",
        ALL,
        content_type=CSV,
    ),
    Row(
        "",
        "settings",
        "get",
        lambda ids: admin_urls.retention_settings_url(ids["site"]),
        {"beheer"},
    ),
    # Last: an erased submission takes no further step.
    *(
        Row(
            queue,
            "erase",
            "post",
            queue_url(queue, "erase", key),
            PERSONAL_DATA,
            key,
            {},
        )
        for queue, key, *_rest in QUEUES
    ),
]


def allowed(row, role):
    """Superusers have every permission, so every URL someone may use; NOBODY stays nobody."""
    if role == "superuser":
        return bool(row.allowed)
    return role in row.allowed


def snapshot(submissions, key):
    """What a POST could change about a submission (None: it is gone)."""
    obj = submissions[key]
    current = type(obj).objects.filter(pk=obj.pk).first()
    if current is None:
        return None
    return (
        type(obj).objects.count(),
        current.reference,
        current.status,
        current.municipality,
        current.assigned_to_id,
        current.anonymised_at,
        QueueNote.objects.filter(reference=current.reference).count(),
    )


def _ids(submissions):
    from wagtail.models import Site

    return {
        "site": Site.objects.get(is_default_site=True).pk,
        **{key: obj.pk for key, obj in submissions.items()},
    }


@pytest.fixture
def users(staff, db):
    return {
        **staff,
        "superuser": User.objects.create_superuser("super", "super@example.org", "pw"),
    }


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, users, submissions, role):
    """Allowed: a GET gives 200 (with the right file type for exports), a POST redirects to the
    detail view and takes effect. Refused: staff without the permission get the Dutch 403 page
    on the queue's addresses (Wagtail's own retention settings send them back to the dashboard),
    anonymous visitors go to the login page, and nothing changes."""
    me = users[role].pk if role != "anonymous" else users["beheer"].pk
    if role != "anonymous":
        login_verified(client, users[role])
    problems = []
    ids = _ids(submissions)
    dashboard = reverse("wagtailadmin_home")
    for row in MATRIX:
        url = row.url(ids)
        before = snapshot(submissions, row.target) if row.target else None
        if row.method == "get":
            response = client.get(url)
        else:
            data = {k: v.format(me=me) for k, v in row.data.items()}
            response = client.post(url, data)
        after = snapshot(submissions, row.target) if row.target else None
        location = response.get("Location", "")
        if role == "anonymous":
            ok = response.status_code == 302 and "/login/" in location
        elif allowed(row, role) and row.method == "get":
            ok = response.status_code == 200
            if row.content_type:
                ok = ok and response["Content-Type"].startswith(row.content_type)
        elif allowed(row, role):
            ok = response.status_code == 302 and "/inspect/" in location and after != before
        elif row.action == "settings":
            ok = response.status_code == 302 and location == dashboard
        else:
            ok = response.status_code == 403 and "Geen toegang" in response.content.decode()
        if row.target and not allowed(row, role) and after != before:
            ok = False
        if not ok:
            problems.append(
                f"{row.method.upper()} {url}: {response.status_code} {location}"
                + (" (changed)" if row.target and after != before else "")
            )
    assert not problems, f"{role}: " + "; ".join(problems)


def test_matrix_covers_every_url_of_every_queue():
    """A URL added to a queue fails here until the matrix says who may use it."""
    for model, model_admin in ADMIN_BY_MODEL.items():
        queue = model._meta.model_name
        prefix = admin_urls.url_name(model, "")
        registered = {
            pattern.name.removeprefix(prefix)
            for pattern in model_admin.get_admin_urls_for_registration()
        }
        assert registered == {row.action for row in MATRIX if row.queue == queue}, queue
        methods = {(row.action, row.method) for row in MATRIX if row.queue == queue}
        for action in ("create", "edit", "delete", "erase"):
            assert {(action, "get"), (action, "post")} <= methods, (queue, action)


def test_menu_shows_only_own_queues_with_open_counts(client, staff, submissions):
    login_verified(client, staff["wsp"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Stageaanbod (1)" in html
    assert "Aanmeldingen (1)" in html
    assert "Vrijstellingen" not in html
    login_verified(client, staff["beheer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Aanmeldingen (4)" in html
    assert "Vrijstellingen (2)" in html


def test_special_category_fields_only_for_leerplicht_on_the_detail_view(client, staff, submissions):
    exemption = submissions["exemption"]
    detail = admin_urls.inspect_url(exemption)
    login_verified(client, staff["leerplicht"])
    html = client.get(detail).content.decode()
    assert "111222333" in html
    assert "Ernstige chronische aandoening" in html
    # Never in the list, even for the team.
    listing = client.get(admin_urls.index_url(type(exemption))).content.decode()
    assert "111222333" not in listing
    assert "aandoening" not in listing
    login_verified(client, staff["beheer"])
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

    from demo.factories.queue import LeerwerkmakelaarAanmeldingFactory

    young = LeerwerkmakelaarAanmeldingFactory(support_needs=SUPPORT, municipality="Velsen")
    base = admin_urls.index_url(type(young))
    detail = admin_urls.inspect_url(young)
    login_verified(client, staff["lwm"])
    html = client.get(detail).content.decode()
    assert SUPPORT in html
    assert "verborgen" not in html
    assert SUPPORT not in client.get(base).content.decode()
    assert SUPPORT not in client.get(f"{base}?export=csv").content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(client.get(f"{base}?export=xlsx").content)).active
    assert young.reference in [c.value for row in sheet.iter_rows() for c in row]
    assert not any(SUPPORT in str(c.value) for row in sheet.iter_rows() for c in row)

    login_verified(client, staff["beheer"])
    html = client.get(detail).content.decode()
    assert SUPPORT not in html
    assert "alleen de groep Leerwerkmakelaars ziet ze" in html
    assert young.first_name in html  # the other answers are there
    # The person's right of access covers everything, this too.
    subject = client.get(admin_urls.action_url(type(young), "subject_export", young.pk))
    subject = subject.content.decode()
    assert SUPPORT in subject


def test_old_retention_settings_urls_forward_to_the_new_ones(client, staff):
    from wagtail.models import Site

    from moderation.admin_urls import retention_settings_url

    site = Site.objects.get(is_default_site=True)
    login_verified(client, staff["beheer"])
    old = client.get(f"/admin/settings/aanmelden/retentionsettings/{site.pk}/")
    assert old.status_code == 301
    assert old["Location"] == retention_settings_url(site.pk)
    assert client.get(old["Location"]).status_code == 200
    assert client.get("/admin/settings/aanmelden/retentionsettings/")["Location"] == (
        retention_settings_url()
    )


def test_the_queue_keeps_its_addresses():
    """The one place that spells the paths out: moving the queue to its own app kept them."""
    from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding

    assert admin_urls.index_url(VrijstellingMelding) == "/admin/aanmelden/vrijstellingmelding/"
    assert admin_urls.index_url(Stageaanbod) == "/admin/aanmelden/stageaanbod/"
    assert admin_urls.action_url(LeerwerkmakelaarAanmelding, "inspect", 7) == (
        "/admin/aanmelden/leerwerkmakelaaraanmelding/inspect/7/"
    )
    assert admin_urls.report_url() == "/admin/aanmeldingen/jaarcijfers/"
