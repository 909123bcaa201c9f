"""A mail worker for the crash test that starts Django ahead of time, then waits: a line on
stdin starts the real ``db_worker`` loop. The test keeps the next one ready while the current
one runs, so a killed worker is replaced at once instead of after Django's start-up."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.outbox.worker_settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django_tasks_db.management.commands import db_worker  # noqa: E402, F401 - loaded ahead

import outbox.tasks  # noqa: E402, F401 - loaded ahead

if sys.stdin.readline():
    call_command("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1", verbosity=0)
