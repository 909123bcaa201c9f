"""The parts of every page that rarely change: the organisation settings (header, footer) and
the main menu, kept in the cache so a page view does not query them.

Publishing, unpublishing, moving or deleting a page and saving the settings clear them at once
in the cache they live in. With the default per-process memory cache, the other web processes
see the change within CHROME_SECONDS; with a shared cache (CACHE_URL) all of them at once.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

CHROME_SECONDS = 60
MENU_KEY = "portal_menu_{site_id}"
SETTINGS_KEY = "portal_organisation_settings_{site_id}"


def menu_pages(site):
    """Live children of the site root marked 'show in menus', as light Page objects."""
    key = MENU_KEY.format(site_id=site.pk)
    pages = cache.get(key)
    if pages is None:
        pages = list(
            Page.objects.child_of(site.root_page)
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth")
        )
        cache.set(key, pages, CHROME_SECONDS)
    return pages


def organisation_settings(site):
    """OrganisationSettings.for_site(site), from the cache."""
    from .models import OrganisationSettings

    key = SETTINGS_KEY.format(site_id=site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = OrganisationSettings.for_site(site)
        cache.set(key, instance, CHROME_SECONDS)
    return instance


def use_cached_settings(request, site):
    """Let `{{ settings.home.OrganisationSettings }}` read the cached settings this request."""
    from .models import OrganisationSettings

    instance = organisation_settings(site)
    instance._request = request  # as BaseSiteSetting.for_request does, for page URLs
    setattr(request, OrganisationSettings.get_cache_attr_name(), instance)


def clear(**kwargs):
    from wagtail.models import Site

    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many(
        [key.format(site_id=site_id) for site_id in site_ids for key in (MENU_KEY, SETTINGS_KEY)]
    )


def connect_signals():
    from .models import OrganisationSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear, dispatch_uid=f"portal_chrome_{signal!r}")
    post_delete.connect(clear, sender=Page, dispatch_uid="portal_chrome_page_deleted")
    post_save.connect(clear, sender=OrganisationSettings, dispatch_uid="portal_chrome_settings")
