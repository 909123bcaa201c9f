"""Fixtures of the outbox tests."""

from tests.outbox.smtp import smtp_server  # noqa: F401 - a fixture
