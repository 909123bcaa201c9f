"""The sign-in and password-reset limits count the same visitor address as the forms' limit:
behind our proxy (TRUSTED_PROXY_COUNT=1, or its older spelling AANMELDEN_TRUST_X_FORWARDED_FOR=1)
the address it appended to
X-Forwarded-For, otherwise the connecting address, whatever X-Forwarded-For a client sends.
Run in a subprocess, because settings are read once per process."""

import json

import pytest

from tests.home.test_settings import manage

CODE = """
import json, django
django.setup()
from axes.helpers import get_client_ip_address
from django.test import RequestFactory
factory = RequestFactory()
print(json.dumps([
    get_client_ip_address(factory.post("/", **meta))
    for meta in (
        {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.66, 203.0.113.9"},
        {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.9"},
        {"REMOTE_ADDR": "203.0.113.5"},
    )
]))
"""


@pytest.mark.parametrize(
    ("extra_env", "expected"),
    [
        ({}, ["10.0.0.2", "10.0.0.2", "203.0.113.5"]),
        (
            {"AANMELDEN_TRUST_X_FORWARDED_FOR": "1"},
            ["203.0.113.9", "203.0.113.9", "203.0.113.5"],
        ),
        ({"TRUSTED_PROXY_COUNT": "1"}, ["203.0.113.9", "203.0.113.9", "203.0.113.5"]),
    ],
)
def test_the_counted_address_follows_the_proxy_setting(tmp_path, extra_env, expected):
    result = manage(tmp_path, code=CODE, extra_env=extra_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected
