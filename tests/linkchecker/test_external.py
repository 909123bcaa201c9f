"""What an external check reports for the ways another site can fail."""

import socket

from linkchecker.external import MAX_REDIRECTS, ExternalChecker


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def checker():
    return ExternalChecker(timeout=1, per_second=1000)


def test_a_redirect_loop_is_broken_after_a_bounded_number_of_hops(outside):
    outcome = checker().check(f"{outside.base}/loop")
    assert outcome.broken
    assert outcome.error == "Te veel doorverwijzingen."
    assert len(outside.log) == MAX_REDIRECTS + 1


def test_a_refused_connection_is_broken(outside):
    outcome = checker().check(f"http://127.0.0.1:{closed_port()}/")
    assert outcome.broken
    assert outcome.error.startswith("Geen verbinding")
    assert outcome.status_code is None


def test_an_address_that_is_no_address_is_broken():
    for url in ("http://[kapot", "http://"):
        outcome = checker().check(url)
        assert (outcome.broken, outcome.error) == (True, "Ongeldig adres."), url
