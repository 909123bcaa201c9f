"""The virus scan: with CLAMAV_HOST set, every upload goes to clamd (INSTREAM) and is refused when
clamd finds something, and also when clamd cannot be asked (fail closed). Tested against a fake
clamd that speaks the protocol: a command, chunks each with a 4-byte big-endian length, a zero
length to end, one answer line."""

import logging
import socket
import socketserver
import struct
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aanmelden.forms.fields import UploadField

from .helpers import PDF, VRIJSTELLING, errors_in, post_step

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
VIRUS_MESSAGE = "In het bestand zit een virus"
LATER_MESSAGE = "Probeer het later opnieuw"


class FakeClamdHandler(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        command = b""
        while not command.endswith((b"\0", b"\n")):
            byte = self.rfile.read(1)
            if not byte:
                return
            command += byte
        if command[1:-1] != b"INSTREAM":
            self.wfile.write(b"UNKNOWN COMMAND" + command[-1:])
            return
        data = b""
        while True:
            (size,) = struct.unpack("!L", self.rfile.read(4))
            if size == 0:
                break
            data += self.rfile.read(size)
        server.scanned.append(data)
        if server.answer is not None:
            self.wfile.write(server.answer)
            return
        reply = b"stream: Eicar-Test-Signature FOUND" if EICAR in data else b"stream: OK"
        # clamd ends its answer the way the command was ended (z: NUL, n: newline).
        self.wfile.write(reply + command[-1:])


class FakeClamd(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FakeClamdHandler)
        self.scanned = []
        self.answer = None  # raw bytes to answer instead of a verdict


@pytest.fixture
def clamd(settings):
    server = FakeClamd()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CLAMAV_HOST, settings.CLAMAV_PORT = server.server_address
    settings.CLAMAV_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()


def pdf(content=PDF, name="verklaring.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_clean_file_is_sent_whole_and_accepted(clamd):
    content = PDF + b"x" * 5000  # more than one chunk
    assert UploadField().clean(pdf(content))
    assert clamd.scanned == [content]


def test_a_file_with_a_virus_is_refused(clamd):
    with pytest.raises(ValidationError, match=VIRUS_MESSAGE):
        UploadField().clean(pdf(PDF + EICAR))
    assert len(clamd.scanned) == 1


@pytest.mark.parametrize("answer", [b"", b"stream: Some error ERROR\n", b"gibberish\n"])
def test_an_unusable_answer_refuses_the_upload(clamd, answer, caplog):
    clamd.answer = answer
    with (
        caplog.at_level(logging.ERROR, logger="aanmelden.uploads"),
        pytest.raises(ValidationError, match=LATER_MESSAGE),
    ):
        UploadField().clean(pdf())
    assert caplog.records


def test_clamd_unreachable_refuses_the_upload_and_logs_it(settings, caplog):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CLAMAV_HOST, settings.CLAMAV_PORT = "127.0.0.1", port
    with (
        caplog.at_level(logging.ERROR, logger="aanmelden.uploads"),
        pytest.raises(ValidationError, match=LATER_MESSAGE),
    ):
        UploadField().clean(pdf())
    assert "Virus scan unavailable" in caplog.text


def test_without_clamav_host_nothing_is_scanned(clamd, settings):
    settings.CLAMAV_HOST = ""
    assert UploadField().clean(pdf(PDF + EICAR))
    assert clamd.scanned == []


@pytest.mark.django_db
def test_the_wizard_shows_the_virus_message_next_to_the_field(clamd, client, form_pages):
    page = form_pages["vrijstelling"]
    for step in ("reden", "kind", "ouder"):
        post_step(client, page, step, VRIJSTELLING[step])
    files = {"abroad_proof": lambda: pdf(PDF + EICAR)}
    response = post_step(client, page, "buitenland", VRIJSTELLING["buitenland"], files)
    assert response.status_code == 200
    assert any(VIRUS_MESSAGE in error for error in errors_in(response))
