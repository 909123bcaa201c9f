"""Local development: `make run`. DEBUG on, mail printed to the console."""

from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Demo content, factories and reportlab: dev and test only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# Mail goes to the console unless EMAIL_BACKEND is set.
EMAIL_BACKEND = EMAIL_BACKEND_CHOSEN or "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL or "http://127.0.0.1:8000"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WHITENOISE_AUTOREFRESH = True
