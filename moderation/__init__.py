"""The staff queue: triage, workflow, audit, export, reports and retention for the submissions.

The Wagtail admin registration lives in ``admin.py`` only, so it can move to a ModelViewSet later.
"""
