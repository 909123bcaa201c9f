"""Shared fixtures: database flavour, the real headless Chromium and the axe accessibility scan.

Transactional tests (live server, concurrency) get a serialised rollback, so the data that
migrations create (home page, site, groups, workflow) is there again for the next test.
"""

import os
import shutil

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI") == "true"


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return [f"database: {engine}", f"chromium: {CHROMIUM if shutil.which(CHROMIUM) else 'missing'}"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = "live_server" in item.fixturenames or (
            marker is not None and marker.kwargs.get("transaction")
        )
        if transactional:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
        if "live_server" in item.fixturenames or "browser_page" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("postgres") and not settings.IS_POSTGRES:
            item.add_marker(
                pytest.mark.skip(reason="needs PostgreSQL; runs in the PostgreSQL pass")
            )


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the migration data (site, home page, groups) back after a transactional test.

    A transactional test ends with a flush; the next transactional test restores the data itself,
    but a plain test does not. pytest-xdist sends the biggest test files first, so a plain test
    can follow a transactional one on the same worker.
    """
    yield
    if not _transactional(item) or (nextitem is not None and _transactional(nextitem)):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session (Debian's package; Playwright never downloads)."""
    if not shutil.which(CHROMIUM):
        if IN_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _chromium_before_database_work(request):
    """Start Chromium before any test touches the database when browser tests are collected.

    Starting Playwright switches the context Django keeps its connection in; when that happened
    in a test that needed its serialised-rollback data restored, the test saw an empty database
    (no Site) on PostgreSQL.
    """
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("chromium")


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh browser tab (own cookies) with base_url pointing at the live server."""
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def axe_check():
    """Scan the current page with axe-core; serious or critical violations fail the test."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page, context=""):
        results = axe.run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not bad, f"axe on {context or page.url}:\n" + "\n".join(bad)
        return results.response

    return check
