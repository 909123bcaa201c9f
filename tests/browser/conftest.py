"""Fixtures of the admin tests in the browser."""

import pytest

from tests.browser.admin_session import Server


@pytest.fixture
def server(live_server):
    """The live server, answering one request at a time on in-memory SQLite (see `Server`)."""
    server = Server(live_server)
    yield server
    server.restore()
