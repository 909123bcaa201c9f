"""Benchmark of the public wizards on PostgreSQL: median time of a step POST and of the final
submit (mail queued in the outbox, not sent). One command, sets up its own throw-away database:

    DATABASE_URL=postgres://postgres@/bench_forms?host=/tmp/pgdev .venv/bin/python bench/forms.py

Writes bench/results/forms.md. Targets: step POST < 30 ms, final submit < 100 ms.
"""

import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOAD_BEFORE = " ".join(f"{value:.2f}" for value in os.getloadavg())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@/bench_forms?host=/tmp/pgdev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "60"))


def main():
    if not settings.IS_POSTGRES:
        sys.exit("bench/forms.py measures PostgreSQL: set DATABASE_URL=postgres://...")
    setup_test_environment()
    # Queue, do not send: the dummy backend stores the task and returns at once.
    from django.test import override_settings

    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        AANMELDEN_SUBMIT_RATE=(10**6, 3600),
    ).enable()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    write(results)


def run():
    from demo.factories.aanmelden import LeerwerkmakelaarFormPageFactory
    from outbox.models import OutgoingMail
    from tests.aanmelden.forms.helpers import (
        LEERWERKMAKELAAR,
        final_post,
        post_step,
        submission_key,
    )

    page = LeerwerkmakelaarFormPageFactory(team_email="team@example.org")
    step_times, submit_times = [], []
    for run_number in range(RUNS):
        client = Client()
        client.get(page.url)
        for step, data in LEERWERKMAKELAAR.items():
            started = time.perf_counter()
            response = post_step(client, page, step, data)
            step_times.append(time.perf_counter() - started)
            assert response.status_code == 302, (step, response.status_code)
        key = submission_key(client, page)
        started = time.perf_counter()
        response = final_post(client, page, key)
        submit_times.append(time.perf_counter() - started)
        assert response.status_code == 302
        if run_number == 0:
            # Warm-up run (imports, template loading) is not counted.
            step_times.clear()
            submit_times.clear()
    pending = OutgoingMail.objects.filter(status="pending").count()
    assert pending >= 2 * RUNS, (pending, OutgoingMail.objects.count())
    return {
        "step_median": statistics.median(step_times) * 1000,
        "step_p90": statistics.quantiles(step_times, n=10)[-1] * 1000,
        "submit_median": statistics.median(submit_times) * 1000,
        "submit_p90": statistics.quantiles(submit_times, n=10)[-1] * 1000,
        "steps": len(step_times),
        "submits": len(submit_times),
    }


def write(r):
    machine = (
        f"{platform.node()} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()})"
    )
    text = f"""# Forms benchmark

What: the leerwerkmakelaar wizard through Django's test client (full middleware, sessions in
the database, templates rendered), on PostgreSQL, {r["submits"]} complete runs after one warm-up.
"Final submit" = revalidating every step, storing the submission and queuing the receipt and
team mail in the outbox (django-tasks dummy backend: queued, not sent).

Command:
`DATABASE_URL=postgres://postgres@/bench_forms?host=/tmp/pgdev .venv/bin/python bench/forms.py`

| measure | median | p90 | target |
|---|---|---|---|
| step POST ({r["steps"]} requests) | {r["step_median"]:.1f} ms | {r["step_p90"]:.1f} ms \
| < 30 ms |
| final submit ({r["submits"]} requests) | {r["submit_median"]:.1f} ms \
| {r["submit_p90"]:.1f} ms | < 100 ms |

Machine: {machine}; {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}; load average
before the run {LOAD_BEFORE} (1, 5, 15 min; on 2 cores, above 1 means other work shared them).
"""
    (ROOT / "bench" / "results" / "forms.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
