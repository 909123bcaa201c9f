"""Test settings for a mail worker process started by the crash test: the real database task
backend (``manage.py db_worker``) and SMTP to the server the test runs (EMAIL_HOST/EMAIL_PORT)."""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
