"""A Django process for test_cross_process.py: reads one JSON command a line from stdin and
answers one JSON line. {"get": url} -> {"status", "body"} through the test client (the whole
middleware stack); {"run": code} executes code (with `result` for an answer) -> {"result"}."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.home.cross_process_settings")
django.setup()

from django.test import Client  # noqa: E402

client = Client()
namespace = {}
for line in sys.stdin:
    command = json.loads(line)
    if "get" in command:
        response = client.get(command["get"])
        answer = {"status": response.status_code, "body": response.content.decode()}
    else:
        namespace["result"] = None
        exec(command["run"], namespace)  # noqa: S102 - code from the test that started us
        answer = {"result": namespace["result"]}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
