"""Production settings: refuse to start half-configured, pass Django's deployment check, and
send the security headers. Run in a subprocess, because settings are read once per process."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x7!k2#q9vR$mZ4pL8wN1cT6yB3hF0jD5sG-aE_uQoXiVnMrKtYbWzC",
    "ALLOWED_HOSTS": "leerwerkportaal.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://leerwerkportaal.example.nl",
    "WAGTAILADMIN_BASE_URL": "https://leerwerkportaal.example.nl",
}


def manage(tmp_path, *args, drop=(), code=None, extra_env=None):
    # The test run's own variables (database, Playwright's DJANGO_ALLOW_ASYNC_UNSAFE) stay out.
    skip = ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "AANMELDEN_", *drop)
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k not in drop})
    env.update(extra_env or {})
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(tmp_path, missing):
    result = manage(tmp_path, "check", drop=(missing,))
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_deployment_check_is_clean_with_the_documented_variables(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_that_visitors_rely_on(tmp_path):
    code = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "language": s.LANGUAGE_CODE, "time_zone": s.TIME_ZONE, "debug": s.DEBUG,
    "middleware": s.MIDDLEWARE[:2], "static": s.STORAGES["staticfiles"]["BACKEND"],
    "tasks": s.TASKS["default"]["BACKEND"], "hsts": s.SECURE_HSTS_SECONDS,
    "search": s.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
}))
"""
    result = manage(tmp_path, code=code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "language": "nl",
        "time_zone": "Europe/Amsterdam",
        "debug": False,
        "middleware": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
        ],
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "tasks": "django_tasks_db.DatabaseBackend",
        "hsts": 60 * 60 * 24 * 365,
        "search": "wagtail.search.backends.database",
    }


RATE_LIMIT_CODE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps([s.AANMELDEN_TRUST_X_FORWARDED_FOR, s.AANMELDEN_SUBMIT_RATE]))
"""


@pytest.mark.parametrize(
    ("extra_env", "expected"),
    [
        ({}, [False, [10, 3600]]),
        (
            {"AANMELDEN_TRUST_X_FORWARDED_FOR": "1", "AANMELDEN_SUBMIT_RATE": "30/600"},
            [True, [30, 600]],
        ),
    ],
)
def test_production_submit_limit_comes_from_the_environment(tmp_path, extra_env, expected):
    """Behind the proxy the forms' per-visitor limit needs X-Forwarded-For; both knobs are set
    from the environment (README, docs/forms.md)."""
    result = manage(tmp_path, code=RATE_LIMIT_CODE, extra_env=extra_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


def test_production_refuses_a_malformed_submit_rate(tmp_path):
    result = manage(tmp_path, "check", extra_env={"AANMELDEN_SUBMIT_RATE": "ten per hour"})
    assert result.returncode != 0
    assert "AANMELDEN_SUBMIT_RATE must look like 10/3600" in result.stderr


def test_dutch_stemming_in_search_on_postgresql():
    search = settings.WAGTAILSEARCH_BACKENDS["default"]
    if settings.IS_POSTGRES:
        assert search["SEARCH_CONFIG"] == "dutch"
    else:
        assert "SEARCH_CONFIG" not in search


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp or response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
