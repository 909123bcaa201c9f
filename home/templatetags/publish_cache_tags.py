"""`{% publishcache "name" vary_on... %}...{% endpublishcache %}`: HTML that only changes when
editors publish, rendered once per publish instead of on every view (home/publish_cache.py).

Like Django's `{% cache %}`, but retired by the publish generation instead of a timeout, keyed
on the site and the address asked for as well, and skipped for editors and previews. Wrap only
what is the same for every visitor: never the user bar, a form or anything that reads the query
string. A page to vary on stands for its live revision and place (`page_version`), so vary on
`page` for what the page itself shows.
"""

from django import template
from wagtail.models import Page, Site

from home.publish_cache import fragment, page_version

register = template.Library()


class PublishCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        parts = [self.name.resolve(context), site.pk if site else "-"]
        for value in self.vary_on:
            value = value.resolve(context)
            parts.append(page_version(value) if isinstance(value, Page) else value)
        return fragment(request, ":".join(map(str, parts)), lambda: self.nodelist.render(context))


@register.tag
def publishcache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endpublishcache",))
    parser.delete_first_token()
    return PublishCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
