"""Test settings: fast hasher, in-memory mail, immediate tasks, plain static storage."""

import atexit
import os
import shutil
import tempfile

from .base import *

# Playwright's sync API runs an event loop in the test thread; Django's async-safety check would
# otherwise refuse the ORM calls that set up test data next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Demo content, factories and reportlab: dev and test only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_tmp = Path(tempfile.mkdtemp(prefix="portal-test-"))
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private_media"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
STATIC_ROOT = _tmp / "static"
STATIC_ROOT.mkdir()
WHITENOISE_AUTOREFRESH = True
