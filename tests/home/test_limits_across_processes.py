"""Limits that hold across processes: two Django processes share a real Redis server
(CACHE_URL=redis://..., Django's RedisCache) and a database; a visitor whose requests alternate
between them gets exactly the limit, not the limit once per process. scripts/run_tests.sh starts
the Redis server (scripts/temp_redis.sh) and sets TEST_REDIS_URL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from demo.factories.aanmelden import LeerwerkmakelaarFormPageFactory
from tests.shared_database import shared_database_url

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
LOGIN_LIMIT = 3
SUBMIT_LIMIT = 2

pytestmark = [
    pytest.mark.skipif(
        not REDIS_URL,
        reason="needs a Redis server: scripts/run_tests.sh starts one when redis-server is "
        "installed (apt-get install redis-server) and sets TEST_REDIS_URL",
    ),
    pytest.mark.django_db(transaction=True),
]

SETUP = """
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page
from tests.aanmelden.forms.helpers import LEERWERKMAKELAAR, fill_all, final_post
client = Client()
page = Page.objects.get(pk={page_pk}).specific
result = type(caches["default"]).__name__
"""
LOGIN = "result = client.post('/admin/login/', {'username': 'x', 'password': 'y'}).status_code"
SUBMIT = "result = final_post(client, page, fill_all(client, page, LEERWERKMAKELAAR)).status_code"


class Process:
    """A Django process of its own that runs the code it is sent (cross_process_worker.py)."""

    def __init__(self, env):
        self.process = subprocess.Popen(  # noqa: S603 - our own script, no shell
            [sys.executable, str(Path(__file__).with_name("cross_process_worker.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )

    def run(self, code):
        self.process.stdin.write(json.dumps({"run": code}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())["result"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def test_two_processes_allow_exactly_the_limit_together(tmp_path):
    page = LeerwerkmakelaarFormPageFactory()
    redis.Redis.from_url(REDIS_URL).flushdb()
    database_url, _sqlite_path = shared_database_url(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "CACHE_URL": REDIS_URL,
        "ADMIN_LOGIN_RATE": f"{LOGIN_LIMIT}/86400",
        "AANMELDEN_SUBMIT_RATE": f"{SUBMIT_LIMIT}/86400",
    }
    first, second = Process(env), Process(env)
    try:
        for process in (first, second):
            assert process.run(SETUP.format(page_pk=page.pk)) == "RedisCache"
        alternating = [first, second] * 3

        logins = [process.run(LOGIN) for process in alternating[: LOGIN_LIMIT + 2]]
        assert logins == [200] * LOGIN_LIMIT + [429, 429]

        submits = [process.run(SUBMIT) for process in alternating[: SUBMIT_LIMIT + 2]]
        assert submits == [302] * SUBMIT_LIMIT + [429, 429]
    finally:
        first.stop()
        second.stop()
