"""Benchmark of the staff queue on PostgreSQL with 100,000 submissions.

Times (median of N requests through Django's test client, in-process, so no network) and counts
the queries of: the exemption queue list, a filtered list (ground + municipality + school year +
search), the admin dashboard with the queue panels, and the public /stageplaatsen/ listing.

Single command, sets up its own database (dropped and recreated each run):

    .venv/bin/python bench/staff_queue.py            # writes bench/results/queue.md
    BENCH_DB=queue_bench BENCH_PGHOST=/tmp/pgdev BENCH_ROWS=100000 \
        .venv/bin/python bench/staff_queue.py

Needs a PostgreSQL server on BENCH_PGHOST (socket folder; default /tmp/pgdev, user postgres).
"""

import datetime
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_BEFORE = " ".join(f"{value:.2f}" for value in os.getloadavg())
sys.path.insert(0, str(ROOT))
DB = os.environ.get("BENCH_DB", "queue_bench")
PGHOST = os.environ.get("BENCH_PGHOST", "/tmp/pgdev")
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "25"))
os.environ["DATABASE_URL"] = f"postgres://postgres@/{DB}?host={PGHOST}"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"


def recreate_database():
    for sql in (f'DROP DATABASE IF EXISTS "{DB}"', f'CREATE DATABASE "{DB}"'):
        subprocess.run(["psql", "-h", PGHOST, "-U", "postgres", "-qc", sql], check=True)


def main():
    # BENCH_REUSE=1 measures again on the data of the previous run.
    reuse = os.environ.get("BENCH_REUSE") == "1"
    if not reuse:
        recreate_database()
    import django

    django.setup()
    from django.core.management import call_command

    if not reuse:
        call_command("migrate", verbosity=0)
        build_data()
    results = measure()
    write_results(results)


def build_data():
    from django.utils import timezone

    from aanmelden.models import (
        LeerwerkmakelaarAanmelding,
        Stageaanbod,
        Stageplaats,
        VrijstellingMelding,
    )
    from aanmelden.references import new_reference
    from demo.factories.queue import MUNICIPALITIES

    rng = random.Random(42)
    now = timezone.now()
    grounds = [g.value for g in VrijstellingMelding.Ground]
    refs = set()

    def reference(prefix):
        while True:
            value = new_reference(prefix)
            if value not in refs:
                refs.add(value)
                return value

    def when():
        return now - datetime.timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))

    exemptions, offers, young = [], [], []
    # 70% exemptions, 15% offers, 15% young people; about 8% of each still open.
    for index in range(ROWS):
        received = when()
        is_open = rng.random() < 0.08
        kind = index % 20
        common = {
            "reference": "",
            "received_at": received,
            "municipality": rng.choice(MUNICIPALITIES),
            "submitter_name": f"Indiener {index}",
            "submitter_email": f"indiener{index}@example.org",
            "idempotency_key": uuid.uuid4(),
        }
        if kind < 14:
            common["reference"] = reference("VRY")
            exemptions.append(
                VrijstellingMelding(
                    **common,
                    status="in_behandeling" if is_open else "afgehandeld",
                    outcome="" if is_open else "geregistreerd",
                    closed_at=None if is_open else received + datetime.timedelta(days=10),
                    notifier_role="ouder",
                    ground=rng.choice(grounds),
                    previous_exemption="nee",
                    child_first_name="Kind",
                    child_last_name=f"Achternaam{index}",
                    child_birth_date=datetime.date(2015, 1, 1),
                    child_sex="jongen",
                    declaration=True,
                )
            )
        elif kind < 17:
            common["reference"] = reference("STG")
            offers.append(
                Stageaanbod(
                    **common,
                    status="gepubliceerd" if is_open else "vervuld",
                    closed_at=None if is_open else received + datetime.timedelta(days=30),
                    organisation_name=f"Bedrijf {index}",
                    kvk_number="01234567",
                    street_address="Weg 1",
                    postcode="2011 AA",
                    city="Haarlem",
                    sector="zorg",
                    sbb_recognised="ja",
                    consent_publication=True,
                )
            )
        else:
            common["reference"] = reference("LWM")
            young.append(
                LeerwerkmakelaarAanmelding(
                    **common,
                    status="in_traject" if is_open else "geplaatst",
                    outcome="" if is_open else "geplaatst_bbl",
                    closed_at=None if is_open else received + datetime.timedelta(days=60),
                    filled_in_by="zelf",
                    first_name="Jongere",
                    last_name=f"Achternaam{index}",
                    age_at_submission=19,
                    situation="gestopt",
                )
            )
    VrijstellingMelding.objects.bulk_create(exemptions, batch_size=2000)
    Stageaanbod.objects.bulk_create(offers, batch_size=2000)
    LeerwerkmakelaarAanmelding.objects.bulk_create(young, batch_size=2000)
    places = [
        Stageplaats(
            offer_id=offer.pk,
            place_type="bbl",
            level="mbo2",
            number=1,
            start_date=(now + datetime.timedelta(days=30)).date(),
            location="Haarlem",
            description="Plek",
        )
        for offer in Stageaanbod.objects.only("pk")
    ]
    Stageplaats.objects.bulk_create(places, batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure():
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user, _created = User.objects.get_or_create(username="bench-leerplicht")
    user.groups.add(Group.objects.get(name="Leerplicht"))
    client = Client()
    client.force_login(user)
    from moderation.schoolyear import current_school_year

    year = current_school_year().label
    from aanmelden.models import VrijstellingMelding

    reference = VrijstellingMelding.objects.order_by("pk")[500].reference
    from django.urls import reverse

    from moderation.admin_urls import index_url, report_url

    queue = index_url(VrijstellingMelding)
    urls = {
        "Queue list (exemptions, open, oldest first)": queue,
        "Filtered list (ground 5a, Haarlem, school year)": (
            f"{queue}?grond=5a&gemeente=Haarlem&periode={year}"
        ),
        "Filtered list, all statuses, page 20": f"{queue}?status=alle&grond=5b&p=20",
        "Search by full reference (exact, unique index)": f"{queue}?q={reference}&status=alle",
        "Search by name (icontains over reference and names)": f"{queue}?q=Achternaam12",
        "Dashboard (/admin/) with queue panel": reverse("wagtailadmin_home"),
        "Jaarcijfers (current school year)": report_url(),
        "Public /stageplaatsen/": "/stageplaatsen/",
    }
    from demo.factories.aanmelden import StageplaatsenPageFactory

    StageplaatsenPageFactory()  # the public listing is a page editors place (get or create)
    results = []
    for label, url in urls.items():
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results.append((label, url, statistics.median(timings), max(timings), len(queries)))
        print(f"{label}: median {statistics.median(timings):.1f} ms, {len(queries)} queries")
    return results


def write_results(results):
    from django.db import connection

    from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding

    counts = {
        m._meta.verbose_name_plural: m.objects.count()
        for m in (VrijstellingMelding, Stageaanbod, LeerwerkmakelaarAanmelding)
    }
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    lines = [
        "# Queue benchmark",
        "",
        "What: median and worst wall time of one request through Django's test client "
        f"(in-process, {RUNS} runs after 3 warm-ups) and the number of SQL queries, on "
        f"PostgreSQL {pg_version} with {sum(counts.values()):,} submissions "
        f"({', '.join(f'{v:,} {k}' for k, v in counts.items())}; about 8% open, spread over "
        "five years). Logged in as a Leerplicht user. Target: median < 150 ms each.",
        "",
        "How: `make bench` (or `BENCH_PGHOST=<socket folder> .venv/bin/python "
        f"bench/staff_queue.py`): creates the database `{DB}`, migrates, bulk-loads, ANALYZE, "
        "measures. PostgreSQL runs on the same machine.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC. "
        f"Load average before the run: {LOAD_BEFORE} (1, 5, 15 min).",
        "",
        "| Request | Median (ms) | Worst (ms) | Queries |",
        "|---|---:|---:|---:|",
    ]
    for label, url, median, worst, queries in results:
        lines.append(f"| {label} (`{url}`) | {median:.1f} | {worst:.1f} | {queries} |")
    lines.append("")
    lines.append(
        "Queries are independent of the number of rows: tests/moderation/test_queries.py "
        "asserts equal counts with 5 and 50 rows per queue for these pages."
    )
    out = ROOT / "bench" / "results" / "queue.md"
    out.write_text("\n".join(lines) + "\n")
    print(f"written {out}")


if __name__ == "__main__":
    main()
