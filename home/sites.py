"""Which Wagtail Site answers a request, without a database query per request.

Wagtail matches the host against the sites table on every request, with a query that costs
more to build than to run. The sites (with their root pages) are kept in the cache instead, as
Wagtail does with the site root paths: cleared when a site is saved or deleted, and at most an
hour old otherwise (the same bound Wagtail uses). The matching rules are Wagtail's.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

CACHE_KEY = "portal_sites"
CACHE_SECONDS = 3600

# Wagtail's order of preference (wagtail.models.sites.get_site_for_hostname).
HOSTNAME_PORT, HOSTNAME_DEFAULT, DEFAULT, HOSTNAME = range(4)


def all_sites():
    sites = cache.get(CACHE_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        cache.set(CACHE_KEY, sites, CACHE_SECONDS)
    return sites


def site_for_host(hostname, port):
    """The site for hostname:port by Wagtail's rules, or None."""
    ranked = []
    for site in all_sites():
        if site.hostname == hostname and site.port == port:
            ranked.append((HOSTNAME_PORT, site))
        elif site.hostname == hostname and site.is_default_site:
            ranked.append((HOSTNAME_DEFAULT, site))
        elif site.is_default_site:
            ranked.append((DEFAULT, site))
        elif site.hostname == hostname:
            ranked.append((HOSTNAME, site))
    ranked.sort(key=lambda pair: pair[0])
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (HOSTNAME_PORT, HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == DEFAULT:
        # one other site with this hostname wins over the default; several do not
        return ranked[len(ranked) == 2][1]
    return None


def site_for_request(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    return site_for_host(hostname, request.get_port())


def _clear(**kwargs):
    cache.delete(CACHE_KEY)


post_save.connect(_clear, sender=Site, dispatch_uid="portal_sites_saved")
post_delete.connect(_clear, sender=Site, dispatch_uid="portal_sites_deleted")
