r"""What the staff second factor, the login lockout and the shared limiter cost.

Django's test client (full middleware, sessions in the database), Django's default password
hasher (PBKDF2, as in production; the test settings use a fast one), a throw-away database:

    .venv/bin/python bench/sign_in.py                        # SQLite
    DATABASE_URL=postgres://postgres@/bench_sign_in?host=/tmp/pgdev \
        .venv/bin/python bench/sign_in.py
    BENCH_REDIS_URL=redis://127.0.0.1:6390/0 .venv/bin/python bench/sign_in.py   # + Redis rows

Measures the median of
- the password step of the admin sign-in, with django-axes counting and without it;
- the second step (the authenticator code), which a sign-in now costs on top;
- the final submit of a wizard with its limit counted in per-process memory, and in Redis.

Writes bench/results/sign_in.md.
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
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench_sign_in.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "40"))
PASSWORD = "een-lang-wachtwoord-voor-de-bench"  # noqa: S105 - a throw-away bench account
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")


def median_ms(times):
    return statistics.median(times[1:]) * 1000  # the first run warms imports and templates


def sign_in(user, address):
    """(password step, code step) in seconds, for one sign-in from one address."""
    from tests.staff_login import app_device, current_code

    client = Client(REMOTE_ADDR=address)
    started = time.perf_counter()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    password_step = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    verify_url = client.get("/admin/")["Location"]  # the middleware asks for the code
    device = app_device(user)
    # One code per time step: a used code is refused, so start each run with a fresh counter.
    device.last_t = -1
    device.save(update_fields=["last_t"])
    started = time.perf_counter()
    response = client.post(verify_url, {"code": current_code(device)})
    code_step = time.perf_counter() - started
    assert response.status_code == 302, (response.status_code, response.content[:300])
    return password_step, code_step


def measure_sign_in(user, axes_enabled):
    password_times, code_times = [], []
    with override_settings(AXES_ENABLED=axes_enabled):
        for run in range(RUNS):
            password_step, code_step = sign_in(user, f"192.0.2.{run % 250 + 1}")
            password_times.append(password_step)
            code_times.append(code_step)
    return median_ms(password_times), median_ms(code_times)


def measure_submit(cache_settings):
    from demo.factories.aanmelden import LeerwerkmakelaarFormPageFactory
    from tests.aanmelden.forms.helpers import (
        LEERWERKMAKELAAR,
        final_post,
        post_step,
        submission_key,
    )

    times = []
    with override_settings(CACHES=cache_settings, AANMELDEN_SUBMIT_RATE=(10**6, 3600)):
        caches["default"].clear()
        page = LeerwerkmakelaarFormPageFactory(team_email="team@example.org")
        for _run in range(RUNS):
            client = Client()
            client.get(page.url)
            for step, data in LEERWERKMAKELAAR.items():
                assert post_step(client, page, step, data).status_code == 302
            key = submission_key(client, page)
            started = time.perf_counter()
            assert final_post(client, page, key).status_code == 302
            times.append(time.perf_counter() - started)
    return median_ms(times)


def run():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", PASSWORD)
    results = {}
    results["password_axes"], results["code"] = measure_sign_in(user, axes_enabled=True)
    results["password_plain"], _code = measure_sign_in(user, axes_enabled=False)
    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    results["submit_local"] = measure_submit(local)
    if REDIS_URL:
        redis = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
            }
        }
        results["submit_redis"] = measure_submit(redis)
    return results


def main():
    setup_test_environment()
    override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    ).enable()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    write(results)


def write(r):
    machine = (
        f"{platform.node()} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()})"
    )
    database = "PostgreSQL" if settings.IS_POSTGRES else "SQLite"
    redis_row = (
        f"| final submit, limit counted in Redis (`CACHE_URL=redis://`) | "
        f"{r['submit_redis']:.1f} ms | {r['submit_redis'] - r['submit_local']:+.1f} ms |\n"
        if "submit_redis" in r
        else "| final submit, limit counted in Redis | not measured (set BENCH_REDIS_URL) | |\n"
    )
    text = f"""# Sign-in and submit benchmark

What the staff second factor, django-axes and the shared limiter cost, through Django's test
client on {database}, {RUNS - 1} runs after one warm-up, PBKDF2 password hashing as in
production. Command: `BENCH_REDIS_URL=redis://… .venv/bin/python bench/sign_in.py`.

| measure | median | cost |
|---|---|---|
| password step, without django-axes | {r["password_plain"]:.1f} ms | |
| password step, with django-axes counting | {r["password_axes"]:.1f} ms \
| {r["password_axes"] - r["password_plain"]:+.1f} ms |
| second step (authenticator code) | {r["code"]:.1f} ms | one more request per sign-in |
| final submit, limit counted in per-process memory | {r["submit_local"]:.1f} ms | |
{redis_row}
Machine: {machine}; {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}; load average
before the run {LOAD_BEFORE} (1, 5, 15 min; on 2 cores, above 1 means other work shared them).
"""
    (ROOT / "bench" / "results" / "sign_in.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
