"""A real local SMTP server for the outbox tests, switchable between refusing and accepting."""

import socket

import pytest
from aiosmtpd.controller import Controller


class SwitchableHandler:
    """A real SMTP server that says "try again later" until told to accept."""

    def __init__(self):
        self.accept = False
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if not self.accept:
            return "451 4.3.0 Mailbox temporarily unavailable"
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = SwitchableHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    yield handler
    controller.stop()
