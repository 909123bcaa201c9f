"""The queue list, a filtered list, the detail view and the dashboard cost the same number of
queries with 5 or 50 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)
from moderation.admin_urls import index_url
from tests.staff_login import login_verified

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stageplaatsen_page")]


def pages():
    return [
        index_url(VrijstellingMelding),
        index_url(VrijstellingMelding) + "?grond=5a&behandelaar=mij&periode=week",
        index_url(Stageaanbod) + "?soort=bbl&status=alle",
        index_url(LeerwerkmakelaarAanmelding) + "?q=Bakker",
        reverse("wagtailadmin_home"),
        "/stageplaatsen/",
    ]


def build(count, assignee):
    for index in range(count):
        VrijstellingMeldingFactory(ground="5a", assigned_to=assignee if index % 2 else None)
        StageplaatsFactory(offer=StageaanbodFactory(status="gepubliceerd", assigned_to=assignee))
        LeerwerkmakelaarAanmeldingFactory(assigned_to=assignee)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_do_not_grow_with_rows(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    login_verified(client, admin)
    build(5, admin)
    for _ in range(2):  # warm caches (content types, site settings, the publish cache)
        for url in pages():
            count_queries(client, url)
    few = {url: count_queries(client, url) for url in pages()}
    build(45, admin)
    many = {url: count_queries(client, url) for url in pages()}
    assert few == many


def test_oldest_open_first_and_closed_hidden_by_default(client, staff):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    old = VrijstellingMeldingFactory(received_at=now - datetime.timedelta(days=20))
    new = VrijstellingMeldingFactory(received_at=now - datetime.timedelta(days=1))
    closed = VrijstellingMeldingFactory(
        received_at=now - datetime.timedelta(days=40), status="afgehandeld", outcome="geregistreerd"
    )
    login_verified(client, staff["leerplicht"])
    queue = index_url(VrijstellingMelding)
    html = client.get(queue).content.decode()
    assert old.reference in html and new.reference in html
    assert closed.reference not in html
    assert html.index(old.reference) < html.index(new.reference)
    html = client.get(queue + "?status=alle").content.decode()
    assert closed.reference in html
    html = client.get(f"{queue}?q={new.reference}").content.decode()
    assert new.reference in html and old.reference not in html


def test_dashboard_panels_per_visible_queue(client, staff):
    VrijstellingMeldingFactory()
    LeerwerkmakelaarAanmeldingFactory()
    login_verified(client, staff["leerplicht"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="queue_vrijstellingmelding-section"' in html
    assert "queue_leerwerkmakelaaraanmelding" not in html
    assert "Nieuw deze week" in html
    login_verified(client, staff["editor"])
    assert "queue_" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("model", "query", "index"),
    [
        (VrijstellingMelding, "?q=Berg&status=alle", "child_last_name_trgm"),
        (Stageaanbod, "?q=Bakkerij&status=alle", "organisation_name_trgm"),
        (LeerwerkmakelaarAanmelding, "?q=Bakker&status=alle", "last_name_trgm"),
    ],
)
def test_name_search_can_use_the_trigram_indexes(client, staff, model, query, index):
    """A search by (part of) a name must not read every submission: at 100,000 rows that is the
    difference between ~20 ms and ~230 ms (bench/staff_queue.py). With sequential scans switched
    off, the planner shows whether the index fits the exact SQL of the queue's search."""
    login_verified(client, staff["beheer"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(index_url(model) + query).status_code == 200
    searches = [q["sql"] for q in queries if "LIKE UPPER(" in q["sql"] and "COUNT(" in q["sql"]]
    assert searches, "no search query found"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + searches[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
