"""Build the demo site from the source documents. Idempotent: pages that exist are left alone,
so editors' changes survive a re-run; --reset removes the demo tree first and builds it anew."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.content.home import add_listing, link_highlights, order_main_menu
from home import cache

# Each demo content module exposes build(stdout) and reset(); the order follows dependencies
# (taxonomy and pages before the pages that link to them).
DEMO_MODULES = [
    "demo.content.home",
    "demo.content.aanmelden",
    "demo.content.goodpractices",
    "demo.content.regelingen",
    "demo.content.agenda",
    "demo.content.queue",
    "demo.content.english",
]


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (idempotent). Met --reset eerst de demo-inhoud verwijderen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Verwijder de demo-inhoud en bouw opnieuw op."
        )

    def handle(self, *args, reset=False, **options):
        modules = [import_module(name) for name in DEMO_MODULES]
        with transaction.atomic():
            if reset:
                for module in reversed(modules):
                    module.reset()
            for module in modules:
                module.build(self.stdout)
            # Last: the home page links to the forms and sections the modules above created.
            link_highlights(self.stdout)
            add_listing(self.stdout)
            order_main_menu()
        # Factories create live pages without Wagtail's publish signals.
        cache.new_version()
        self.stdout.write(self.style.SUCCESS("Demo-inhoud staat klaar."))
