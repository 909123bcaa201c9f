"""Final submits under real concurrency (PostgreSQL): 50 people at once get 50 submissions with
distinct references; one person's double click gives one submission and the same page."""

import threading

import pytest
from django.db import connections
from django.test import Client

from aanmelden.models import LeerwerkmakelaarAanmelding

from .helpers import LEERWERKMAKELAAR, fill_all, final_post

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(calls):
    """Start every call at the same moment; each thread closes its own connection."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_fifty_concurrent_final_submits(form_pages, settings):
    settings.AANMELDEN_SUBMIT_RATE = (1000, 3600)
    page = form_pages["leerwerkmakelaar"]
    ready = []
    for _ in range(50):
        client = Client()
        ready.append((client, fill_all(client, page, LEERWERKMAKELAAR)))
    results = run_together([lambda c=c, k=k: final_post(c, page, k) for c, k in ready])
    assert [getattr(r, "status_code", r) for r in results] == [302] * 50
    references = set(LeerwerkmakelaarAanmelding.objects.values_list("reference", flat=True))
    assert len(references) == 50


def test_double_click_gives_one_submission(form_pages, settings):
    settings.AANMELDEN_SUBMIT_RATE = (1000, 3600)
    page = form_pages["leerwerkmakelaar"]
    first = Client()
    key = fill_all(first, page, LEERWERKMAKELAAR)
    second = Client()
    second.cookies = first.cookies
    results = run_together(
        [lambda: final_post(first, page, key), lambda: final_post(second, page, key)]
    )
    assert [getattr(r, "status_code", r) for r in results] == [302, 302]
    assert LeerwerkmakelaarAanmelding.objects.count() == 1
    reference = LeerwerkmakelaarAanmelding.objects.get().reference
    for client in (first, second):
        assert reference in client.get(f"{page.url}bevestiging/").text
