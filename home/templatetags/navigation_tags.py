"""Main navigation and breadcrumbs, built from the page tree with a fixed number of queries and
rendered once per publish (home/publish_cache.py): they only change when pages do."""

from django import template
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from home.publish_cache import fragment, menu_pages, page_version

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live children of the site root marked 'show in menus'; the current section is marked.

    The rendering depends only on which item is the current section (or page), so there are as
    many cached versions as menu items, not as pages."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site is not None:
        for item in menu_pages(site, request):
            active = bool(current and getattr(current, "path", "").startswith(item.path))
            items.append(
                {"page": item, "active": active, "exact": bool(current and current.pk == item.pk)}
            )
    active = [item["page"].pk for item in items if item["active"]]
    exact = [item["page"].pk for item in items if item["exact"]]
    at_home = bool(request and request.path == "/")
    return fragment(
        request,
        f"menu:{site.pk if site else '-'}:{active}:{exact}:{at_home}",
        lambda: render_to_string("navigation/main_menu.html", {"items": items, "request": request}),
    )


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors of the page below the tree root: those routing found, else one query."""
    request = context.get("request")
    page = page or context.get("page")

    def render():
        ancestors = []
        if page is not None and page.depth > 2:
            ancestors = getattr(page, "route_ancestors", None)
            if ancestors is None:
                ancestors = Page.objects.ancestor_of(page).only(
                    "id", "title", "url_path", "path", "depth"
                )
            ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
        return render_to_string(
            "navigation/breadcrumbs.html",
            {"ancestors": ancestors, "page": page, "request": request},
        )

    if page is None:
        return render()
    site = Site.find_for_request(request) if request else None
    return fragment(request, f"breadcrumbs:{site.pk if site else '-'}:{page_version(page)}", render)
