"""The link check as a django-tasks task, for a scheduler that enqueues instead of running
``manage.py check_links``; the worker runs it, never a web request."""

from django_tasks import task

from .run import run_check


@task()
def check_links_task(internal_only=False):
    """Check every link on the published pages; returns how many are broken."""
    return run_check(internal_only=internal_only).broken
