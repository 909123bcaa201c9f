"""One run of the link check: collect the links of every published page, check each distinct
target once, and store the outcome per link (``CheckedLink``) for the admin report.

Runs from ``manage.py check_links`` and its task only; nothing here is reached from a request."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from itertools import zip_longest
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from .collect import published_links
from .external import ExternalChecker
from .internal import InternalChecker, Outcome
from .models import CheckedLink

logger = logging.getLogger(__name__)
SKIPPED_SCHEMES = ("mailto:", "tel:", "sms:", "javascript:", "data:", "#")
URL_LENGTH = 2000


@dataclass
class Summary:
    pages: int = 0
    links: int = 0
    broken: int = 0
    external_checked: int = 0


def own_hosts():
    """Host names of this portal: links to them are checked as internal links, never by HTTP."""
    hosts = {site.hostname.lower() for site in Site.objects.all()}
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL or "").hostname
    return hosts | ({base.lower()} if base else set())


def classify(target, base, hosts):
    """(kind, target) of a link, the target made absolute for a relative address; None for
    links that lead nowhere to check (mail, phone, an anchor on the same page)."""
    if target.startswith(("page:", "document:")):
        return CheckedLink.Kind.INTERNAL, target
    if target.lower().startswith(SKIPPED_SCHEMES):
        return None
    try:
        split = urlsplit(target)
        hostname = (split.hostname or "").lower()
    except ValueError:
        return CheckedLink.Kind.EXTERNAL, target
    if split.scheme in ("http", "https") or target.startswith("//"):
        if hostname in hosts:
            return CheckedLink.Kind.INTERNAL, target
        return CheckedLink.Kind.EXTERNAL, target if split.scheme else f"https:{target}"
    if split.scheme:
        return None  # ftp:, a custom app scheme: nothing a browser check could say
    return CheckedLink.Kind.INTERNAL, urljoin(base, target)


def interleaved_by_host(urls):
    """The addresses, one host after another, so the rate limit per host rarely has to wait."""
    per_host = defaultdict(list)
    for url in sorted(urls):
        try:
            per_host[urlsplit(url).hostname or ""].append(url)
        except ValueError:
            per_host[""].append(url)
    rounds = zip_longest(*per_host.values())
    return [url for group in rounds for url in group if url is not None]


def check_external(urls, timeout, per_second):
    checker = ExternalChecker(timeout=timeout, per_second=per_second)
    return {url: checker.check(url) for url in interleaved_by_host(urls)}


def run_check(internal_only=False, timeout=None, per_second=None):
    """Check every link on the published pages; returns a Summary."""
    timeout = settings.LINKCHECKER_TIMEOUT if timeout is None else timeout
    per_second = settings.LINKCHECKER_REQUESTS_PER_SECOND if per_second is None else per_second
    started = timezone.now()
    addresses, found = published_links()
    hosts = own_hosts()
    classified = []
    for link in found:
        kind_target = classify(link.target, addresses.get(link.page_id, "/"), hosts)
        if kind_target is not None:
            classified.append((link, *kind_target))

    internal = InternalChecker(t for _l, kind, t in classified if kind == "internal")
    outcomes = {t: internal.check(t) for _l, kind, t in classified if kind == "internal"}
    external = {t for _l, kind, t in classified if kind == "external"}
    if not internal_only:
        outcomes.update(check_external(external, timeout, per_second))

    summary = Summary(pages=len(addresses), links=len(classified))
    summary.external_checked = 0 if internal_only else len(external)
    store(classified, outcomes, started)
    summary.broken = CheckedLink.objects.filter(broken=True).count()
    return summary


@transaction.atomic
def store(classified, outcomes, started):
    """Write one row per link; a link no longer on a published page is removed."""
    now = timezone.now()
    keys = {}
    for link, kind, target in classified:
        key = CheckedLink.make_key(link.page_id, link.field, target, link.text)
        keys[key] = (link, kind, target)
    # A page deleted while the run went on takes its links with it.
    pages = set(Page.objects.values_list("pk", flat=True))
    keys = {key: value for key, value in keys.items() if value[0].page_id in pages}
    existing = CheckedLink.objects.in_bulk(list(keys), field_name="key")
    new, changed = [], []
    for key, (link, kind, target) in keys.items():
        row = existing.get(key)
        if row is None:
            row = CheckedLink(
                key=key,
                page_id=link.page_id,
                field=link.field[:100],
                text=link.text,
                kind=kind,
                url=target[:URL_LENGTH],
            )
            new.append(row)
        else:
            changed.append(row)
        row.last_seen_at = now
        outcome = outcomes.get(target)
        if outcome is not None:
            apply_outcome(row, outcome, now)
    CheckedLink.objects.bulk_create(new, batch_size=500)
    CheckedLink.objects.bulk_update(changed, FIELDS, batch_size=500)
    CheckedLink.objects.filter(last_seen_at__lt=started).delete()


FIELDS = [
    "url",
    "broken",
    "status_code",
    "error",
    "final_url",
    "last_checked_at",
    "first_broken_at",
    "last_seen_at",
]


def apply_outcome(row, outcome: Outcome, now):
    row.url = (outcome.url or row.url)[:URL_LENGTH]
    row.broken = outcome.broken
    row.status_code = outcome.status_code
    row.error = outcome.error[:500]
    row.final_url = outcome.final_url[:URL_LENGTH]
    row.last_checked_at = now
    if outcome.broken:
        row.first_broken_at = row.first_broken_at or now
    else:
        row.first_broken_at = None
    if outcome.broken:
        logger.info("Broken link on page %s: %s (%s)", row.page_id, row.url, row.error)
