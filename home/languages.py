"""The second language: which pages exist in which language, for the language switch, the
alternate links in the head and the note on pages that are only in Dutch.

Dutch is the site's language (no address prefix); English translations (Wagtail's simple
translation) live under /en/ below the English home page, the translation of the Dutch one. A
page without a live translation is Dutch-only, and the switch says so.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from home.cache import cached_data


def locale_codes():
    """Locale id: language code, from the cache (a saved locale replaces the publish version)."""
    return cached_data(
        "locale_codes", lambda: dict(Locale.objects.values_list("id", "language_code"))
    )


def live_translations(page):
    """Language code: the live page in that language (the page itself included), one query."""
    if page is None or not getattr(page, "translation_key", None):
        return {}
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
        .only("id", "url_path", "path", "depth", "title", "locale__language_code")
    )
    return {item.locale.language_code: item for item in pages}


def home_page(request, language=None):
    """The site's live home page in the language (the active one by default), else None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    if site.root_page.locale.language_code == (language or get_language()):
        return site.root_page
    return live_translations(site.root_page).get(language or get_language())


def language_links(request, page=None):
    """The switch: one entry per language (code, name, url, current), and whether the page on
    show is only in Dutch. Another language links to the page's translation, or, when there is
    none, to that language's home page (in English: with the note that this page is only in
    Dutch); a language without a live home page is left out."""
    current = get_language()
    translations = live_translations(page)
    links = []
    only_in_default = (
        set(translations) <= {settings.LANGUAGE_CODE}
        if page is not None
        else current == settings.LANGUAGE_CODE
    )
    for code, name in settings.LANGUAGES:
        if code == current:
            links.append({"code": code, "name": name, "url": None, "current": True})
            continue
        target = translations.get(code) or home_page(request, code)
        if target is None:
            continue
        links.append({"code": code, "name": name, "url": target.get_url(request), "current": False})
    return {"links": links, "only_in_dutch": only_in_default and len(links) > 1}


def dutch_page_for(request, path):
    """The live Dutch page at the Dutch address of an English path that has no page (for the
    English 404: 'only available in Dutch'), or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [part for part in path.split("/") if part]
    try:
        page, _args, _kwargs = site.root_page.specific.route(request, components)
    except Http404:
        return None
    return page if page.live else None
