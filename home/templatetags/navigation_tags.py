"""Main navigation and breadcrumbs, built from the page tree with a fixed number of queries."""

from django import template
from wagtail.models import Page, Site

from home.publish_cache import menu_pages

register = template.Library()


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """Live children of the site root marked 'show in menus'; the current section is marked."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site is not None:
        for item in menu_pages(site):
            active = bool(current and getattr(current, "path", "").startswith(item.path))
            items.append(
                {"page": item, "active": active, "exact": bool(current and current.pk == item.pk)}
            )
    return {"items": items, "request": request}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors of the page below the tree root: those routing found, else one query."""
    page = page or context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": context.get("request")}
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = Page.objects.ancestor_of(page).only("id", "title", "url_path", "path", "depth")
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}
