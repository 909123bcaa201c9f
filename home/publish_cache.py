"""What public pages show that only changes when editors publish: kept in the cache, so a page
view does not query it again.

Everything here sits under one generation token. Publishing, unpublishing, moving or deleting a
page, changing a view restriction, saving the organisation settings or a registered snippet
(the taxonomy) replaces the token, which retires every entry at once in the cache it lives in.
With the default per-process memory cache the other web processes see the change within
TIMEOUT seconds; with a shared cache (CACHE_URL) all of them at once.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

TIMEOUT = 60
GENERATION_KEY = "portal_publish_generation"


def _generation():
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.set(GENERATION_KEY, token, None)
    return token


def cached(name, compute):
    """compute(), kept until the next publish (or TIMEOUT)."""
    key = f"portal_published:{_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def clear(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def clear_on_change(*models):
    """Retire the cache whenever an instance of one of these models is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(clear, sender=model, dispatch_uid=f"publish_cache_save_{label}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"publish_cache_delete_{label}")


def menu_pages(site):
    """Live children of the site root marked 'show in menus', as light Page objects."""
    return cached(
        f"menu:{site.pk}",
        lambda: list(
            Page.objects.child_of(site.root_page)
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth")
        ),
    )


def use_cached_settings(request, site):
    """Let `{{ settings.home.OrganisationSettings }}` read the cached settings this request."""
    from .models import OrganisationSettings

    instance = cached(f"settings:{site.pk}", lambda: OrganisationSettings.for_site(site))
    instance._request = request  # as BaseSiteSetting.for_request does, for page URLs
    setattr(request, OrganisationSettings.get_cache_attr_name(), instance)


def connect_signals():
    from .models import OrganisationSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear, dispatch_uid=f"publish_cache_{signal!r}")
    post_delete.connect(clear, sender=Page, dispatch_uid="publish_cache_page_deleted")
    clear_on_change(OrganisationSettings, PageViewRestriction)
