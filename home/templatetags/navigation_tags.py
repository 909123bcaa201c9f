"""Main navigation and breadcrumbs, built from the page tree. base.html keeps their HTML in the
fragment cache (they only change when pages do), so these queries run once per publish."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from wagtail.models import Page

from home.languages import home_page, language_links, live_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def site_header(context):
    """The header: logo, search form, language switch and main menu (live children of the home
    page in the active language marked 'show in menus', the current section marked)."""
    request = context.get("request")
    home = home_page(request) if request else None
    current = context.get("page")
    items = []
    if home is not None:
        menu = Page.objects.child_of(home).live().in_menu()
        for page in menu.only("id", "title", "url_path", "path", "depth"):
            items.append(
                {
                    "page": page,
                    "active": bool(current and current.path.startswith(page.path)),
                    "exact": bool(current and current.pk == page.pk),
                }
            )
    header = context.template.engine.get_template("navigation/header.html")
    # On the English 404 of a page that exists in Dutch, the switch leads to that page.
    shown = current or context.get("dutch_page")
    switch = language_links(request, shown) if request else {"links": []}
    home_url = home.get_url(request) if home is not None else "/"
    with context.push(menu_items=items, language_switch=switch, home_url=home_url):
        return header.render(context)


@register.inclusion_tag("navigation/alternate_links.html", takes_context=True)
def alternate_links(context, page):
    """<link rel="alternate" hreflang> for each live language version of a translated page."""
    translations = live_translations(page)
    request = context.get("request")
    if len(translations) < 2:
        return {"alternates": []}
    alternates = [
        {"code": code, "url": translation.get_full_url(request)}
        for code, translation in translations.items()
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append({"code": "x-default", "url": default.get_full_url(request)})
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the active language (the Dutch one when there is none)."""
    request = context.get("request")
    home = home_page(request) if request else None
    return home.get_url(request) if home is not None else "/"


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors of the page below the tree root."""
    page = page or context.get("page")
    ancestors = []
    if page is not None and page.depth > 2:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2)
        ancestors = list(ancestors.only("id", "title", "url_path", "path", "depth"))
    return render_to_string(
        "navigation/breadcrumbs.html",
        {"ancestors": ancestors, "page": page, "request": context.get("request")},
    )
