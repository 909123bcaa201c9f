"""What public pages show that only changes when editors publish: kept in the cache, so a page
view does not query it again or render it again.

Everything here sits under one generation token. Publishing, unpublishing, moving, saving or
deleting a page, changing a view restriction, saving the organisation settings, a site, a
document, an image or a registered snippet (the taxonomy) replaces the token, which retires every
entry at once in the cache it lives in. With the default per-process memory cache the other web
processes see the change within TIMEOUT seconds; with a shared cache (CACHE_URL) all of them at
once. What belongs to the page itself is also keyed on its live revision (see `page_version`),
which routing reads from the database on every request, so a page's own edits show at once in
every process.

Rendered HTML (`fragment`, the `{% publishcache %}` tag) is shared by all visitors, so it is only
used for anonymous requests (see `anonymous_view`) and never holds a form's CSRF token.
"""

import operator
import uuid
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

TIMEOUT = 60
GENERATION_KEY = "portal_publish_generation"


def _generation(request=None):
    """The current token; read once per request when there is one."""
    token = getattr(request, "_publish_generation", None)
    if token is None:
        token = cache.get(GENERATION_KEY)
        if token is None:
            token = uuid.uuid4().hex
            cache.set(GENERATION_KEY, token, None)
        if request is not None:
            # A publish during this request only costs it a few cache misses.
            request._publish_generation = token
    return token


def cached(name, compute, request=None):
    """compute(), kept until the next publish (or TIMEOUT)."""
    key = f"portal_published:{_generation(request)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cached_context(name, compute, request, keys):
    """Template context entries from cached(name, compute), each read from the cache when the
    template first uses it: a page whose HTML comes from the fragment cache reads none."""
    values = SimpleLazyObject(lambda: cached(name, compute, request))
    return {key: SimpleLazyObject(partial(operator.getitem, values, key)) for key in keys}


def clear(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _clear_on_page_save(sender, instance, **kwargs):
    """Any saved page: also code that saves a live page without publishing it (imports, tests)."""
    if isinstance(instance, Page):
        clear()


def page_version(page):
    """Changes whenever the page is published again, unpublished or moved: part of every key
    that holds what the page itself shows."""
    return f"{page.pk}.{page.live_revision_id}.{int(page.live)}.{page.url_path}"


def anonymous_view(request):
    """Whether this request may use (and fill) what is shared by all visitors, the routed page
    and rendered HTML: anonymous GETs of the live site only. Editors (any session) and previews
    always get the page from the database and a fresh rendering."""
    return (
        request is not None
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
        and not getattr(request, "is_dummy", False)
    )


def fragment(request, name, render):
    """render() (a string of HTML), kept until the next publish when the request allows it.

    Keyed on the address asked for too (a link made absolute with the request holds it). Not
    kept on a page that asked for a CSRF token: the fragment might hold one visitor's."""
    if not anonymous_view(request):
        return render()
    origin = f"{request.scheme}://{request.get_host()}"
    key = f"portal_published:{_generation(request)}:html:{get_language()}:{origin}:{name}"
    html = cache.get(key)
    if html is None:
        html = render()
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            cache.set(key, html, TIMEOUT)
    return html


def clear_on_change(*models):
    """Retire the cache whenever an instance of one of these models is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(clear, sender=model, dispatch_uid=f"publish_cache_save_{label}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"publish_cache_delete_{label}")


def menu_pages(site, request=None):
    """Live children of the site root marked 'show in menus', as light Page objects."""
    return cached(
        f"menu:{site.pk}",
        lambda: list(
            Page.objects.child_of(site.root_page)
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth")
        ),
        request,
    )


def menu_entries(site, request=None):
    """(id, tree path) of the menu pages: enough to tell which is the current section, and
    cheaper to read from the cache than the pages."""
    return cached(
        f"menu_entries:{site.pk}",
        lambda: [(page.pk, page.path) for page in menu_pages(site, request)],
        request,
    )


def use_cached_settings(request, site):
    """Let `{{ settings.home.OrganisationSettings }}` read the cached settings this request."""
    from .models import OrganisationSettings

    instance = cached(f"settings:{site.pk}", lambda: OrganisationSettings.for_site(site), request)
    instance._request = request  # as BaseSiteSetting.for_request does, for page URLs
    setattr(request, OrganisationSettings.get_cache_attr_name(), instance)


def connect_signals():
    from .models import OrganisationSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear, dispatch_uid=f"publish_cache_{signal!r}")
    post_delete.connect(clear, sender=Page, dispatch_uid="publish_cache_page_deleted")
    # post_save names the page's own class as sender: listen to all, keep pages.
    post_save.connect(_clear_on_page_save, dispatch_uid="publish_cache_page_saved")
    clear_on_change(
        OrganisationSettings, PageViewRestriction, Site, get_document_model(), get_image_model()
    )
