"""One version for everything public pages show from published content.

Rendered fragments (`{% wagtailpagecache %}` / `{% wagtailcache %}` in the templates), the data
of the list pages and the anonymous page cache (portal/middleware.py) all carry the version in
their keys. Publishing, unpublishing, moving or deleting a page, and saving anything a public
page shows (settings, a site, a view restriction, a document, an image, a taxonomy snippet),
replaces it, which retires every entry at once in every process that shares the cache
(CACHE_URL). What the page itself shows is also keyed on Wagtail's `Page.cache_key` (its id, URL
path and last publication), and routing reads the page from the database on every request, so a
page's own publish, unpublish or move shows at once even in a process with a cache of its own;
the rest follows there within FRAGMENT_CACHE_SECONDS.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal_publish_version"


def version():
    """The current version; made on first use (and after the cache lost it)."""
    value = cache.get(VERSION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, value, None):
            value = cache.get(VERSION_KEY, value)
    return value


def new_version(**kwargs):
    """Retire everything kept under the current version."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cached_data(name, compute):
    """compute() kept under the current version (for data a page needs outside its fragments)."""
    return cache.get_or_set(
        f"portal_data:{version()}:{name}", compute, settings.FRAGMENT_CACHE_SECONDS
    )


def fragment_context(request):
    """Context processor: `fragment_version` for the fragment keys in the templates.

    The version, the active language (a fragment holds translated text and links into its
    language's tree) and the address asked for (a link made absolute with the request holds
    it); read from the cache only when a template uses it."""
    return {
        "fragment_version": SimpleLazyObject(
            lambda: f"{version()}:{get_language()}:{request.scheme}://{request.get_host()}"
        ),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }


def _on_page_save(sender, instance, **kwargs):
    """Any saved page, also one saved without publishing (imports, scripts)."""
    if isinstance(instance, Page):
        new_version()


def retire_on_change(*models):
    """Replace the version whenever an instance of one of these models is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(new_version, sender=model, dispatch_uid=f"publish_version_save_{label}")
        post_delete.connect(
            new_version, sender=model, dispatch_uid=f"publish_version_delete_{label}"
        )


def connect_signals(*also_retire_on):
    """Connect the publish signals; also replace the version when an instance of one of
    `also_retire_on` (models that templates show, such as the site settings) changes."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_version, dispatch_uid=f"publish_version_{signal!r}")
    # post_save and post_delete name the page's own class as sender: listen to all, keep pages.
    post_save.connect(_on_page_save, dispatch_uid="publish_version_page_saved")
    post_delete.connect(_on_page_save, dispatch_uid="publish_version_page_deleted")
    retire_on_change(
        *also_retire_on, PageViewRestriction, Site, get_document_model(), get_image_model()
    )
