"""Wagtail hooks of the aanmelden app. The staff queue registers itself in aanmelden/queue/admin.py
(one module, so it can move to a ModelViewSet later)."""

from .queue import admin as queue_admin  # noqa: F401
