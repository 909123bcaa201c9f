"""The admin in a real browser: an editor's own session that keeps every console error, the side
panels of the page editor, and a live server the editor's parallel requests cannot trip up."""

import contextlib
import threading

from django.db import connection

from tests.staff_login import browser_login

PASSWORD = "geheim-wachtwoord-1"


class AdminSession:
    """One editor's own browser (cookies) with every console error and page error kept."""

    def __init__(self, chromium, live_server, username):
        self.context = chromium.new_context(
            base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 800}
        )
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.errors = []
        self.checker_reports = []
        self.refused_autosaves = set()
        self.page.route("**/admin/**", self.note_refused_autosave)
        self.page.on("console", self.keep_console_error)
        self.page.on("pageerror", lambda exc: self.errors.append(f"{self.page.url}: {exc}"))
        browser_login(self.page, username, PASSWORD)

    def note_refused_autosave(self, route):
        """Wagtail autosaves the form as the editor types and answers 400 with the validation
        errors while it is incomplete (a block added, its image not yet chosen); the browser logs
        that answer as a failed resource. Only that answer is expected."""
        request = route.request
        if request.method != "POST" or "application/json" not in request.headers.get("accept", ""):
            route.continue_()
            return
        response = route.fetch()
        if response.status == 400 and response.json().get("error_code") == "validation_error":
            self.refused_autosaves.add(request.url)
        route.fulfill(response=response)

    def keep_console_error(self, message):
        if message.type != "error":
            return
        if message.text.startswith("axe.run results"):
            # Wagtail's content checker logs what it found as an error, by design.
            self.checker_reports.append(self.page.url)
            return
        failed_url = message.location.get("url", "")
        if "status of 400" in message.text and failed_url in self.refused_autosaves:
            return
        self.errors.append(f"{self.page.url}: {message.text} ({failed_url})")

    def close(self):
        self.context.close()


def toggle_side_panel(page, name):
    page.get_by_role("button", name=name).click()


def preview(page):
    """The preview's document (Wagtail swaps the iframe for a fresh one on every refresh, so it is
    looked up again for every use)."""
    return page.frame_locator("#w-preview-iframe")


class Server:
    """On in-memory SQLite the live server's request threads share one database connection with
    the test, and the editor's browser sends requests side by side (autosave, preview, editing
    session pings), whose transactions would interleave on it: there the server answers one
    request at a time, and the test's own queries wait for `quiet()`. PostgreSQL gives every
    thread its own connection and keeps the parallel requests."""

    def __init__(self, live_server):
        self.lock = None
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            self.lock = threading.Lock()
            self.httpd = live_server.thread.httpd
            self.app = self.httpd.get_app()
            self.httpd.set_app(self.serialized)

    def serialized(self, environ, start_response):
        with self.lock:
            return self.app(environ, start_response)

    def quiet(self):
        return self.lock or contextlib.nullcontext()

    def restore(self):
        if self.lock:
            self.httpd.set_app(self.app)


def show_side_panel(page, name):
    """Open a side panel of the page editor (Wagtail may have reopened the last one already)."""
    toggle = page.get_by_role("button", name=name)
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
