"""Build the demo site from the source documents. Idempotent: pages that exist are left alone,
so editors' changes survive a re-run; --reset removes the demo tree first and builds it anew."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from home import cache as publish_cache
from home.demo_content import link_highlights, order_main_menu

# Each app that has demo content exposes build(stdout) and reset(); the order follows dependencies
# (taxonomy and pages before the pages that link to them).
DEMO_MODULES = [
    "home.demo_content",
    "aanmelden.demo_content",
    "goodpractices.demo_content",
    "regelingen.demo_content",
    "aanmelden.queue.demo_content",
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
            order_main_menu()
        # Factories create live pages without Wagtail's publish signals.
        publish_cache.new_version()
        self.stdout.write(self.style.SUCCESS("Demo-inhoud staat klaar."))
