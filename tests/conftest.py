"""Shared fixtures: database flavour, the real headless Chromium and the axe accessibility scan.

Transactional tests (live server, concurrency) get a serialised rollback, so the data that
migrations create (home page, site, groups, workflow) is there again for the next test.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.utils import translation

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


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    """LocaleMiddleware activates a request's language and leaves it active in the thread: after
    a test that asked for an English page, the next test starts in Dutch again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


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
def _chromium_before_database(request):
    """Start Chromium before the test database is set up.

    Playwright's sync API runs an event loop in the test thread, which gives Django a fresh
    connection object there; set up before it, the database's serialized contents stay on the
    old one, and a live-server test after a plain `db` test came back without Site and home.
    """
    if shutil.which(CHROMIUM) and any(
        item.get_closest_marker("browser") for item in request.session.items
    ):
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


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_for_every_context(django_db_setup, django_db_blocker):
    """Playwright's sync API runs tests in a greenlet with its own context, where Django opens a
    new connection object that lacks the serialized test data; transactional tests then could not
    restore it (empty database after the first browser test when a plain database test ran
    earlier in the same process). Share it on the connection class."""
    from django.db import connections
    from django.test import TransactionTestCase

    for conn in connections.all(initialized_only=True):
        contents = getattr(conn, "_test_serialized_contents", None)
        if contents is not None:
            type(conn)._test_serialized_contents = contents

    # xdist's loadfile scheduling can run a plain database test after a transactional one in the
    # same process; Django only restores the serialized data at the *next* serialized test's
    # set-up, so put it back right after the flush instead.
    flush = TransactionTestCase._fixture_teardown

    def flush_then_restore(self):
        flush(self)
        if not self.serialized_rollback:
            return
        for db_name in self._databases_names(include_mirrors=False):
            contents = getattr(connections[db_name], "_test_serialized_contents", None)
            if contents:
                connections[db_name].creation.deserialize_db_from_string(contents)

    TransactionTestCase._fixture_teardown = flush_then_restore
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.fixture
def stageplaatsen_page(db):
    """The public listing of employer places at /stageplaatsen/ (a page, as in the demo)."""
    from demo.factories.aanmelden import StageplaatsenPageFactory

    return StageplaatsenPageFactory()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: sites, Wagtail's root paths, rate limits and the
    page cache otherwise outlive the database rows of the test that filled them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with both factors (every admin URL asks for the
    second one)."""
    from tests.staff_login import login_verified

    login_verified(client, admin_user)
    return client
