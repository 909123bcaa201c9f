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
    skip = ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "AANMELDEN_", "CACHE_", *drop)
    skip += ("TRUSTED_PROXY_COUNT", "ADMIN_LOGIN_RATE", "OUTBOX_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k not in drop})
    if "CACHE_URL" not in drop:
        env["CACHE_URL"] = f"file://{tmp_path / 'cache'}"
    env.update(extra_env or {})
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"])
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
    "middleware": s.MIDDLEWARE[:3], "static": s.STORAGES["staticfiles"]["BACKEND"],
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
            "portal.middleware.PermissionsPolicyMiddleware",
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
        ],
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "tasks": "django_tasks_db.DatabaseBackend",
        "hsts": 60 * 60 * 24 * 365,
        "search": "wagtail.search.backends.database",
    }


# Settings and the cache only: no django.setup(), which would load every app for nothing.
SETTINGS_CODE = """
import json
from django.conf import settings as s
from django.core.cache import caches
names = {names!r}
values = {{name: getattr(s, name) for name in names}}
values["cache_class"] = type(caches["default"]).__name__
print(json.dumps(values, default=str))
"""


def read_settings(tmp_path, *names, module="portal.settings.production", extra_env=None):
    """The named settings as a fresh process with PRODUCTION_ENV plus extra_env sees them."""
    env = {"DJANGO_SETTINGS_MODULE": module, **(extra_env or {})}
    result = manage(tmp_path, code=SETTINGS_CODE.format(names=names), extra_env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("cache_url", "expected", "cache_class"),
    [
        (
            "redis://cache.internal:6379/1",
            {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://cache.internal:6379/1",
            },
            "RedisCache",
        ),
        (
            "file:///tmp/x",
            {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": "/tmp/x",
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
            "FileBasedCache",
        ),
    ],
)
def test_cache_url_chooses_the_shared_cache(tmp_path, cache_url, expected, cache_class):
    """redis:// runs on Django's own Redis backend, file:// on a folder."""
    values = read_settings(tmp_path, "CACHES", extra_env={"CACHE_URL": cache_url})
    assert values == {"CACHES": {"default": expected}, "cache_class": cache_class}


@pytest.mark.parametrize("cache_url", [None, "locmemcache://portal", "dummycache://"])
def test_production_refuses_a_cache_of_each_process(tmp_path, cache_url):
    """The visitor limits count in the cache: with one per process, each process would allow
    the whole limit, so production does not start with one."""
    extra_env = {"CACHE_URL": cache_url} if cache_url else {}
    result = manage(tmp_path, "check", drop=("CACHE_URL",), extra_env=extra_env)
    assert result.returncode != 0
    assert "CACHE_URL must be set in production to a cache every process shares" in result.stderr


def test_development_reads_the_same_cache_url(tmp_path):
    values = read_settings(
        tmp_path,
        "CACHES",
        "WAGTAILADMIN_BASE_URL",
        module="portal.settings.dev",
        extra_env={"CACHE_URL": "file:///var/tmp/portal-cache", "CACHE_MAX_ENTRIES": "50"},
    )
    assert values["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": "/var/tmp/portal-cache",
        "OPTIONS": {"MAX_ENTRIES": 50},
    }
    assert values["WAGTAILADMIN_BASE_URL"] == "https://leerwerkportaal.example.nl"


def test_development_defaults_without_any_variable(tmp_path):
    code = SETTINGS_CODE.format(
        names=("WAGTAILADMIN_BASE_URL", "SECRET_KEY", "EMAIL_BACKEND", "ALLOWED_HOSTS")
    )
    drop = (*PRODUCTION_ENV, "CACHE_URL")
    result = manage(
        tmp_path, code=code, drop=drop, extra_env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000",
        "SECRET_KEY": "dev-only-not-secret",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "ALLOWED_HOSTS": ["127.0.0.1", "localhost", "[::1]"],
        "cache_class": "LocMemCache",
    }


def test_every_documented_variable_reaches_its_setting(tmp_path):
    """The README's environment table, variable by variable (values read literally, also one
    that starts with "$", which django-environ would otherwise take for another variable)."""
    extra_env = {
        "ALLOWED_HOSTS": "a.example.nl, b.example.nl",
        "CSRF_TRUSTED_ORIGINS": "https://a.example.nl,https://b.example.nl",
        "EMAIL_HOST": "smtp.example.nl",
        "EMAIL_PORT": "587",
        "EMAIL_HOST_USER": "portal",
        "EMAIL_HOST_PASSWORD": "$ecret",
        "EMAIL_USE_TLS": "1",
        "DEFAULT_FROM_EMAIL": "Portal <portal@example.nl>",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "SERVE_MEDIA": "0",
        "PAGE_CACHE_SECONDS": "30",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "60",
        "DB_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "DEBUG",
        "OUTBOX_LEASE_SECONDS": "600",
    }
    names = (
        "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT",
        "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL",
        "MEDIA_ROOT", "STATIC_ROOT", "PRIVATE_MEDIA_ROOT", "SERVE_MEDIA", "PAGE_CACHE_SECONDS",
        "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "DATABASES", "LOGGING",
        "WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL", "OUTBOX_LEASE_SECONDS",
    )  # fmt: skip
    values = read_settings(tmp_path, *names, extra_env=extra_env)
    assert values["ALLOWED_HOSTS"] == ["a.example.nl", "b.example.nl"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://a.example.nl", "https://b.example.nl"]
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("smtp.example.nl", 587)
    assert (values["EMAIL_HOST_USER"], values["EMAIL_HOST_PASSWORD"]) == ("portal", "$ecret")
    assert values["EMAIL_USE_TLS"] is True
    assert values["DEFAULT_FROM_EMAIL"] == "Portal <portal@example.nl>"
    assert values["MEDIA_ROOT"] == str(tmp_path / "media")
    assert values["STATIC_ROOT"] == str(tmp_path / "static")
    assert values["PRIVATE_MEDIA_ROOT"] == str(tmp_path / "private")
    assert values["SERVE_MEDIA"] is False
    assert values["PAGE_CACHE_SECONDS"] == 30
    assert values["OUTBOX_LEASE_SECONDS"] == 600
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 60
    assert values["DATABASES"]["default"]["NAME"] == str(tmp_path / "db.sqlite3")
    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 0
    assert values["LOGGING"]["root"]["level"] == "DEBUG"
    assert values["WAGTAILAPI_BASE_URL"] == values["WAGTAILADMIN_BASE_URL"]


def test_production_defaults(tmp_path):
    names = ("EMAIL_PORT", "EMAIL_USE_TLS", "SERVE_MEDIA", "PAGE_CACHE_SECONDS", "LOGGING")
    values = read_settings(tmp_path, *names, "SECURE_SSL_REDIRECT", "DATABASES")
    assert values["EMAIL_PORT"] == 25
    assert values["EMAIL_USE_TLS"] is False
    assert values["SERVE_MEDIA"] is True
    assert values["PAGE_CACHE_SECONDS"] == 0
    assert values["LOGGING"]["root"]["level"] == "INFO"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 60


RATE_LIMIT_CODE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps([s.TRUSTED_PROXY_COUNT, s.AANMELDEN_SUBMIT_RATE, s.ADMIN_LOGIN_RATE]))
"""


@pytest.mark.parametrize(
    ("extra_env", "expected"),
    [
        ({}, [0, [10, 3600], [10, 900]]),
        (
            {
                "TRUSTED_PROXY_COUNT": "2",
                "AANMELDEN_SUBMIT_RATE": "30/600",
                "ADMIN_LOGIN_RATE": "5/60",
            },
            [2, [30, 600], [5, 60]],
        ),
        # The older spelling of one trusted proxy.
        ({"AANMELDEN_TRUST_X_FORWARDED_FOR": "1"}, [1, [10, 3600], [10, 900]]),
    ],
)
def test_production_limits_come_from_the_environment(tmp_path, extra_env, expected):
    """Behind the proxy the per-visitor limits need X-Forwarded-For; every knob is set from the
    environment (README, docs/forms.md)."""
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


def test_admin_pages_may_frame_themselves_with_a_valid_policy(admin_client):
    """The preview panel frames the page from the admin itself; 'none' may not stand beside
    'self' (the browser reports that as an error on every admin page)."""
    csp = admin_client.get("/admin/")["Content-Security-Policy"]
    frame_ancestors = next(d for d in csp.split(";") if d.strip().startswith("frame-ancestors"))
    assert frame_ancestors.split() == ["frame-ancestors", "'self'"]


def test_production_sessions_end_with_the_browser(tmp_path):
    values = read_settings(
        tmp_path, "SESSION_EXPIRE_AT_BROWSER_CLOSE", "SESSION_COOKIE_AGE", "SESSION_COOKIE_SECURE"
    )
    assert values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    # The server forgets a session in a browser left open within a working day.
    assert 0 < values["SESSION_COOKIE_AGE"] <= 12 * 3600
