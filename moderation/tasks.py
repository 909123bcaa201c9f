"""Scheduled work of the queue as django-tasks tasks (enqueue from cron or a scheduler; see
docs/queue.md)."""

from django.core.management import call_command, get_commands
from django_tasks import task

from .retention import apply_retention


@task()
def apply_retention_task():
    """Anonymise what is past its retention period and purge abandoned wizard uploads."""
    run = apply_retention(apply=True)
    if "purge_wizard_files" in get_commands():
        call_command("purge_wizard_files")
    return run.total
