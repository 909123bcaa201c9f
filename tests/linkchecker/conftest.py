"""A local HTTP server that plays the outside world, and a guard that lets the link check reach
nothing else: no test of the link check ever touches the network beyond this machine."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LOCAL = {"127.0.0.1", "::1"}


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /missing 404, /moved 301 to /ok, /moved-to-missing 302 to /missing, /slow
    answers after 2 s, /no-head 405 to HEAD and 200 to GET, /loop redirects to itself; every
    request is logged."""

    def _answer(self, body):
        self.server.log.append((time.monotonic(), self.command, self.path, dict(self.headers)))
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(2)
            status, headers = 200, {}
        elif path == "/moved":
            status, headers = 301, {"Location": "/ok"}
        elif path == "/loop":
            status, headers = 302, {"Location": "/loop"}
        elif path == "/moved-to-missing":
            status, headers = 302, {"Location": "/missing"}
        elif path == "/no-head" and self.command == "HEAD":
            status, headers = 405, {"Allow": "GET"}
        elif path == "/missing":
            status, headers = 404, {}
        else:
            status, headers = 200, {}
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2" if body else "0")
            self.end_headers()
            if body:
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up (timeout) before the answer

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def outside():
    """The server's base URL on 127.0.0.1 (not a host name of the portal's sites) and its log."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.log = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Connections and name look-ups beyond this machine fail the test."""
    connect = socket.socket.connect
    getaddrinfo = socket.getaddrinfo

    def local_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
            raise AssertionError(f"the link check tried to reach {address}")
        return connect(sock, address)

    def local_getaddrinfo(host, *args, **kwargs):
        if host not in LOCAL and host != "localhost":
            raise AssertionError(f"the link check tried to look up {host}")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", local_connect)
    monkeypatch.setattr(socket, "getaddrinfo", local_getaddrinfo)
