"""Clicks that load a new page.

Playwright's click returns as soon as the click is sent, not when the page it starts has loaded;
a check right after it can still read the old page (a missing error summary), and a second click
can hit the old page's button. Every click that submits a form or follows a link goes through
`click_and_wait`.
"""


def click_and_wait(locator):
    """Click, then wait until the page the click started has loaded."""
    with locator.page.expect_navigation(wait_until="load"):
        locator.click()
