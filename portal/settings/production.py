"""Production: PostgreSQL via DATABASE_URL, gunicorn + whitenoise, `manage.py db_worker`.

Only tightens base.py, which reads the environment: refuses to start without SECRET_KEY,
ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL (a wrong default here would be silent, a localhost address
in every mail) or with a cache of each process's own, and turns on the HTTPS settings with the
values base.py read.
"""

from django.core.exceptions import ImproperlyConfigured

from portal.environment import FILE_CACHE, REDIS_CACHE

from .base import *

for _name, _value in (
    ("SECRET_KEY", SECRET_KEY),
    ("ALLOWED_HOSTS", ALLOWED_HOSTS),
    ("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL.strip()),
):
    if not _value:
        raise ImproperlyConfigured(f"{_name} must be set in production.")

# The per-visitor limits (home/limits.py) and the publish version (home/cache.py) count only when
# every process sees the same cache: with one of each process's own, every process would allow the
# full limit. Redis for several processes or machines; a folder for a one-machine install.
if CACHES["default"]["BACKEND"] not in (REDIS_CACHE, FILE_CACHE):
    raise ImproperlyConfigured(
        "CACHE_URL must be set in production to a cache every process shares: "
        "redis://host:6379/1, or file:///var/cache/portal on a single machine."
    )

DEBUG = False

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# HTTPS: the proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_REDIRECT
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING["root"]["level"] = LOG_LEVEL or "INFO"
