"""Exactly once through crashes: a real mail worker (``manage.py db_worker`` on the database task
backend) is killed with SIGKILL at many points of a batch of mails while it talks to a real SMTP
server, and started again each time. Every mail arrives; a mail arrives twice only when the kill
fell between the server accepting it and the worker recording that, and then both copies carry
the Message-ID the mail got when it was queued."""

import email
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from outbox.mail import queue_mail
from outbox.models import OutgoingMail
from tests.shared_database import shared_database_url

ROOT = Path(__file__).resolve().parent.parent.parent
MAILS = 20
LEASE_SECONDS = 1
# (SMTP step, its n-th occurrence over the whole run): the worker dies there. "MAIL" holds a
# claimed mail without data, "DATA-before" dies before the server accepted the message,
# "DATA-after" after it accepted it but before the 250 reached the worker, "QUIT" after the
# 250 but before the worker recorded the mail as sent.
KILLS = [
    ("MAIL", 2),
    ("DATA-before", 4),
    ("DATA-after", 7),
    ("QUIT", 10),
    ("MAIL", 13),
    ("DATA-after", 15),
    ("QUIT", 18),
]
# Kills after which the server holds a copy the worker does not know about.
ACCEPTED_BEFORE_KILL = {"DATA-after", "QUIT"}
TIME_LIMIT = 90


class KillingHandler:
    """Accepts every message, and kills the worker at the planned steps."""

    def __init__(self):
        self.lock = threading.Lock()
        self.worker_pid = None
        self.counts = defaultdict(int)
        self.plan = set(KILLS)
        self.messages = []
        # Message-IDs the server accepted from a worker that was then killed.
        self.accepted_then_killed = Counter()
        self.kills = []

    def _step(self, name):
        with self.lock:
            self.counts[name] += 1
            if (name, self.counts[name]) in self.plan and self.worker_pid:
                os.kill(self.worker_pid, signal.SIGKILL)
                self.kills.append(name)
                return True
        return False

    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802
        self._step("MAIL")
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self._step("DATA-before"):
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.original_content)
        with self.lock:
            self.messages.append(message)
        if self._step("DATA-after"):
            self.accepted_then_killed[message["Message-ID"]] += 1
        session.last_message_id = message["Message-ID"]
        return "250 OK"

    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        if self._step("QUIT") and getattr(session, "last_message_id", None):
            self.accepted_then_killed[session.last_message_id] += 1
        return "221 Bye"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mail_states(sqlite_path):
    """{Message-ID: status} as the worker left it (read from the worker's database)."""
    if sqlite_path is None:
        return dict(OutgoingMail.objects.values_list("message_id", "status"))
    with sqlite3.connect(sqlite_path, timeout=10) as db:
        return dict(db.execute("SELECT message_id, status FROM aanmelden_outgoingmail"))


@pytest.mark.django_db(transaction=True)
def test_every_mail_arrives_once_through_killed_workers(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued = {}
    for number in range(MAILS):
        mail = queue_mail(
            f"ontvanger{number}@example.org",
            f"Bericht {number}",
            "aanmelden/mail/team_notification.txt",
            {},
        )
        queued[mail.message_id] = (mail.to, mail.subject)

    handler = KillingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    database_url, sqlite_path = shared_database_url(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "tests.outbox.worker_settings",
        "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
    }

    def standby():
        return subprocess.Popen(  # noqa: S603 - our own script, no shell
            [sys.executable, str(Path(__file__).with_name("standby_worker.py"))],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    # One worker for the start and one to replace each killed one, all started (and so loading
    # Django) at once; each waits for its turn.
    standbys = [standby() for _kill in range(len(KILLS) + 1)]
    started = []
    deadline = time.monotonic() + TIME_LIMIT
    try:
        while time.monotonic() < deadline:
            if not started or started[-1].poll() is not None:
                if started:
                    assert started[-1].returncode == -signal.SIGKILL, started[-1].stderr.read()
                worker = standbys[len(started)]
                handler.worker_pid = worker.pid
                worker.stdin.write("go\n")
                worker.stdin.flush()
                started.append(worker)
            states = mail_states(sqlite_path)
            if states and set(states.values()) == {OutgoingMail.Status.SENT}:
                break
            time.sleep(0.1)
    finally:
        for process in standbys:
            process.stdin.close()
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=30)
        controller.stop()

    assert sorted(handler.kills) == sorted(step for step, _n in KILLS), "every kill happened"
    assert len(started) == len(KILLS) + 1
    assert mail_states(sqlite_path) == dict.fromkeys(queued, OutgoingMail.Status.SENT)

    received = defaultdict(list)
    for message in handler.messages:
        received[(message["To"], message["Subject"])].append(message["Message-ID"])
    # Every mail arrived, with the Message-ID it was queued with; a twin carries that same ID.
    assert {(to, subject): {message_id} for message_id, (to, subject) in queued.items()} == {
        key: set(ids) for key, ids in received.items()
    }
    # A copy more only for each time the server had accepted the mail from a worker that was
    # then killed before it recorded the mail as sent.
    for message_id, _recipient in queued.items():
        copies = Counter(message["Message-ID"] for message in handler.messages)[message_id]
        assert copies <= 1 + handler.accepted_then_killed[message_id]
