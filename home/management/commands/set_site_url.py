"""Point the default Wagtail site at the address the public uses.

The sitemap, canonical links and the API build absolute URLs from the Site record, which the
first migration creates as localhost:80. `make run` and every deploy call this after `migrate`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Zet het adres van de standaardsite (standaard: WAGTAILADMIN_BASE_URL)."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="bijvoorbeeld https://leerwerkportaal.nl")

    def handle(self, *args, url=None, **options):
        parts = urlsplit(url or settings.WAGTAILADMIN_BASE_URL)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"Geen geldig adres: {url or settings.WAGTAILADMIN_BASE_URL!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Er is geen standaardsite; draai eerst `manage.py migrate`.")
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Standaardsite: {site.root_url}")
