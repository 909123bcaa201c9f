"""Local development: `make run`. DEBUG on, mail printed to the console."""

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Demo content, factories and reportlab: dev and test only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_AUTOREFRESH = True
