"""Internal links, checked without HTTP: a page link to a page that was deleted or is not
published, a document that was deleted or lost its file, an address on this site that neither
Django's URLs nor Wagtail's page routing serves (and no redirect catches)."""

import logging
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.db.models import F
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)
NOT_FOUND = 404


@dataclass
class Outcome:
    """What one check found; ``url`` is the address to show for the link."""

    broken: bool
    url: str = ""
    status_code: int | None = None
    error: str = ""
    final_url: str = ""


def _ids(targets, kind):
    prefix = f"{kind}:"
    return {int(t[len(prefix) :]) for t in targets if t.startswith(prefix)}


class InternalChecker:
    """Checks internal targets; pages and documents are read in two queries for the whole run."""

    def __init__(self, targets):
        targets = set(targets)
        self.pages = Page.objects.in_bulk(_ids(targets, "page"))
        self.documents = get_document_model().objects.in_bulk(_ids(targets, "document"))
        self.sites = list(Site.objects.select_related("root_page"))

    def check(self, target):
        kind, _sep, rest = target.partition(":")
        if kind == "page" and rest.isdigit():
            return self.check_page(int(rest))
        if kind == "document" and rest.isdigit():
            return self.check_document(int(rest))
        return self.check_address(target)

    def check_page(self, page_id):
        page = self.pages.get(page_id)
        if page is None:
            return Outcome(
                True,
                _("(pagina %(id)s)") % {"id": page_id},
                NOT_FOUND,
                _("De pagina bestaat niet meer."),
            )
        url = page.get_url() or page.url_path
        if not page.live:
            return Outcome(True, url, NOT_FOUND, _("De pagina is niet gepubliceerd."))
        return Outcome(False, url)

    def check_document(self, document_id):
        document = self.documents.get(document_id)
        if document is None:
            return Outcome(
                True,
                _("(document %(id)s)") % {"id": document_id},
                NOT_FOUND,
                _("Het document bestaat niet meer."),
            )
        if not document.file or not document.file.storage.exists(document.file.name):
            return Outcome(
                True, document.url, NOT_FOUND, _("Het bestand van het document ontbreekt.")
            )
        return Outcome(False, document.url)

    def check_address(self, url):
        """An address on this site (relative, or absolute with one of our host names)."""
        split = urlsplit(url)
        path = unquote(split.path) or "/"
        if path.startswith(settings.STATIC_URL):
            name = path[len(settings.STATIC_URL) :]
            found = bool(finders.find(name)) or staticfiles_storage.exists(name)
            return self._found(url, found)
        if path.startswith(settings.MEDIA_URL):
            return self._found(url, default_storage.exists(path[len(settings.MEDIA_URL) :]))
        site = self._site(split.hostname)
        try:
            match = resolve(path)
        except Resolver404:
            if not path.endswith("/"):
                # CommonMiddleware's APPEND_SLASH answers with a redirect to the address with "/".
                try:
                    resolve(f"{path}/")
                except Resolver404:
                    pass
                else:
                    slashed = split._replace(path=f"{split.path}/").geturl()
                    outcome = self.check_address(slashed)
                    if not outcome.broken:
                        outcome.final_url = outcome.final_url or slashed
                    outcome.url = url
                    return outcome
            return self._redirect_or_missing(url, split, site)
        if match.url_name == "wagtail_serve":
            try:
                self._route(site, path, split.hostname)
            except Http404:
                return self._redirect_or_missing(url, split, site)
            except Exception:
                # A page type whose routing fails here is not something to call broken.
                logger.exception("Could not route %s for the link check", url)
            return Outcome(False, url)
        document_id = match.kwargs.get("document_id")
        if document_id is None and match.url_name == "wagtaildocs_serve" and match.args:
            document_id = match.args[0]
        if document_id is not None and str(document_id).isdigit():
            document_id = int(document_id)
            if document_id not in self.documents:
                found = get_document_model().objects.filter(pk=document_id).first()
                if found is not None:
                    self.documents[document_id] = found
            outcome = self.check_document(document_id)
            outcome.url = url
            return outcome
        return Outcome(False, url)

    def _found(self, url, found):
        if found:
            return Outcome(False, url)
        return Outcome(True, url, NOT_FOUND, _("Niet gevonden op deze site."))

    def _site(self, hostname):
        for site in self.sites:
            if hostname and site.hostname == hostname:
                return site
        return next(
            (s for s in self.sites if s.is_default_site), self.sites[0] if self.sites else None
        )

    def _route(self, site, path, hostname):
        if site is None:
            raise Http404
        request = HttpRequest()
        request.method = "GET"
        request.path = request.path_info = path
        request.META["HTTP_HOST"] = hostname or site.hostname
        components = [part for part in path.split("/") if part]
        site.root_page.specific.route(request, components)

    def _redirect_or_missing(self, url, split, site):
        """Wagtail's redirects answer an address that is not found, as its middleware does."""
        full = split.path + (f"?{split.query}" if split.query else "")
        for candidate in dict.fromkeys(
            [Redirect.normalise_path(full), Redirect.normalise_path(split.path)]
        ):
            redirect = (
                Redirect.get_for_site(site)
                .filter(old_path=candidate)
                .order_by(F("site").asc(nulls_last=True))
                .first()
            )
            if redirect is not None and redirect.link:
                return Outcome(
                    False, url, 301 if redirect.is_permanent else 302, final_url=redirect.link
                )
        return Outcome(True, url, NOT_FOUND, _("Niet gevonden op deze site."))
