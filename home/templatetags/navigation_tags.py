"""Main navigation and breadcrumbs, built from the page tree with a fixed number of queries and
rendered once per publish (home/publish_cache.py): they only change when pages do."""

from django import template
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from home.publish_cache import fragment, menu_entries, menu_pages, page_version

register = template.Library()


@register.simple_tag(takes_context=True)
def site_header(context):
    """The header: logo, search form and main menu (live children of the site root marked 'show
    in menus', the current section marked).

    Rendered once per publish for each menu item that can be the current one, not per page;
    on the search page (which fills in the search box) every time."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    current_path = getattr(current, "path", "") if current else ""
    entries = menu_entries(site, request) if site else []
    active = [pk for pk, path in entries if current and current_path.startswith(path)]
    exact = [pk for pk, _path in entries if current and current.pk == pk]

    def render():
        items = [
            {"page": page, "active": page.pk in active, "exact": page.pk in exact}
            for page in (menu_pages(site, request) if site else [])
        ]
        header = context.template.engine.get_template("navigation/header.html")
        with context.push(menu_items=items):
            return header.render(context)

    if context.get("search_query"):
        return render()
    at_home = bool(request and request.path == "/")
    return fragment(
        request, f"header:{site.pk if site else '-'}:{active}:{exact}:{at_home}", render
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
