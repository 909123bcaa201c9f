"""What the browser session that submitted a form remembers: the confirmation it may show, and
for how long the copy of the answers (with BSN and special-category answers) stays open."""

import time

CONFIRMED_SESSION_KEY = "aanmelden_confirmed"
# How long after the submit the copy of the answers can be opened.
COPY_SECONDS = 2 * 60 * 60


def remember_confirmation(request, page, submission):
    confirmed = request.session.get(CONFIRMED_SESSION_KEY, {})
    confirmed[str(submission.idempotency_key)] = [page.pk, submission.reference]
    confirmed[f"page-{page.pk}"] = submission.reference
    # When the copy of the answers opens for this browser session (see copy_available).
    confirmed[f"copy-{page.pk}"] = [submission.reference, int(time.time())]
    request.session[CONFIRMED_SESSION_KEY] = confirmed


def confirmed_reference(request, page):
    return request.session.get(CONFIRMED_SESSION_KEY, {}).get(f"page-{page.pk}")


def copy_available(request, page):
    """The copy (with BSN and special-category answers) only in the session that submitted, and
    only for COPY_SECONDS after the submit: a shared computer does not show it later."""
    confirmed = request.session.get(CONFIRMED_SESSION_KEY, {})
    entry = confirmed.get(f"copy-{page.pk}")
    if not (isinstance(entry, list) and len(entry) == 2):
        return False
    reference, submitted_at = entry
    if reference != confirmed.get(f"page-{page.pk}") or not isinstance(submitted_at, int):
        return False
    return 0 <= time.time() - submitted_at <= COPY_SECONDS
