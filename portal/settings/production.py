"""Production: PostgreSQL via DATABASE_URL, gunicorn + whitenoise, `manage.py db_worker`.

Only tightens base.py, which reads the environment: refuses to start without SECRET_KEY,
ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL (a wrong default here would be silent, a localhost address
in every mail), and turns on the HTTPS settings. The variables read here exist only in production.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

for _name, _value in (
    ("SECRET_KEY", SECRET_KEY),
    ("ALLOWED_HOSTS", ALLOWED_HOSTS),
    ("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL.strip()),
):
    if not _value:
        raise ImproperlyConfigured(f"{_name} must be set in production.")

DEBUG = False

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# HTTPS: the proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.str("SECURE_SSL_REDIRECT", default="1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING["root"]["level"] = LOG_LEVEL or "INFO"

# The forms' per-IP limit on final submits (aanmelden/wizard.py: client_ip, rate_limited).
# Behind the proxy every request comes from the proxy's own address, so without "1" here all
# visitors share one limit. Set it only when a proxy you control always sits in front of the app
# and appends the client's address to X-Forwarded-For (nginx: $proxy_add_x_forwarded_for).
AANMELDEN_TRUST_X_FORWARDED_FOR = env.str("AANMELDEN_TRUST_X_FORWARDED_FOR", default="0") == "1"


def _submit_rate(value):
    """'10/3600': at most 10 final submits per address per 3600 seconds."""
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"AANMELDEN_SUBMIT_RATE must look like 10/3600 (submits/seconds), not {value!r}."
        ) from None
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured("AANMELDEN_SUBMIT_RATE needs at least 1 submit in 1 second.")
    return (count, seconds)


AANMELDEN_SUBMIT_RATE = _submit_rate(env.str("AANMELDEN_SUBMIT_RATE", default="10/3600"))
