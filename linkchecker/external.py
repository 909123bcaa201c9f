"""External links, checked politely: a HEAD request (GET when the server refuses HEAD), a
timeout, a User-Agent that names the portal and whom to contact, and at most a set number of
requests per second to any one host, redirects included (each hop is a request of its own).

A redirect is not broken: its final address is kept so the editor can update the link. A status
of 400 or more, a timeout or a failed connection is."""

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from .internal import Outcome

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
ERROR_LENGTH = 300


def user_agent():
    """ "Leerwerkportaal-linkcontrole/1.0 (+https://…; mailto:…)"."""
    details = "; ".join(
        part for part in (settings.WAGTAILADMIN_BASE_URL, settings.LINKCHECKER_CONTACT) if part
    )
    return f"{settings.WAGTAIL_SITE_NAME}-linkcontrole/1.0" + (f" (+{details})" if details else "")


@dataclass
class HostRateLimiter:
    """At most ``per_second`` request starts per host: waits until the host's next slot."""

    per_second: float
    clock: object = time.monotonic
    sleep: object = time.sleep
    next_slot: dict = field(default_factory=dict)

    def wait(self, host):
        now = self.clock()
        slot = self.next_slot.get(host, now)
        if slot > now:
            self.sleep(slot - now)
            now = slot
        self.next_slot[host] = now + 1 / self.per_second


class ExternalChecker:
    def __init__(self, timeout, per_second, session=None):
        self.timeout = timeout
        self.limiter = HostRateLimiter(per_second)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent()

    def _request(self, method, url):
        self.limiter.wait((urlsplit(url).hostname or "").lower())
        response = self.session.request(
            method, url, timeout=self.timeout, allow_redirects=False, stream=True
        )
        response.close()
        return response

    def check(self, url):
        current = url
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                response = self._request("HEAD", current)
                if response.status_code in (405, 501):
                    response = self._request("GET", current)
                location = response.headers.get("Location")
                if response.status_code in REDIRECT_STATUSES and location:
                    current = urljoin(current, location)
                    continue
                status = response.status_code
                final = current if current != url else ""
                if status >= 400:
                    reason = response.reason or ""
                    return Outcome(True, url, status, f"HTTP {status} {reason}".strip(), final)
                return Outcome(False, url, status, final_url=final)
            return Outcome(True, url, None, _("Te veel doorverwijzingen."), current)
        except requests.Timeout:
            message = _("Geen antwoord binnen %(seconds)s seconden.") % {"seconds": self.timeout}
            return Outcome(True, url, None, message, current if current != url else "")
        except (ValueError, requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema):
            return Outcome(True, url, None, _("Ongeldig adres."), current if current != url else "")
        except requests.RequestException as error:
            message = _("Geen verbinding: %(error)s") % {"error": error}
            return Outcome(
                True, url, None, message[:ERROR_LENGTH], current if current != url else ""
            )
