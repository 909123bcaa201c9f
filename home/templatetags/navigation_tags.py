"""Main navigation and breadcrumbs, built from the page tree. base.html keeps their HTML in the
fragment cache (they only change when pages do), so these queries run once per publish."""

from django import template
from django.template.loader import render_to_string
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_header(context):
    """The header: logo, search form and main menu (live children of the site root marked 'show
    in menus', the current section marked)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site is not None:
        menu = Page.objects.child_of(site.root_page).live().in_menu()
        for page in menu.only("id", "title", "url_path", "path", "depth"):
            items.append(
                {
                    "page": page,
                    "active": bool(current and current.path.startswith(page.path)),
                    "exact": bool(current and current.pk == page.pk),
                }
            )
    header = context.template.engine.get_template("navigation/header.html")
    with context.push(menu_items=items):
        return header.render(context)


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
