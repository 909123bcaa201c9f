"""Wagtail loads this module; the queue's whole admin registration is in admin.py."""

from . import admin  # noqa: F401
