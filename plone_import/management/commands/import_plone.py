"""manage.py import_plone PATH: bring a Plone site (pages, files, images, old URLs) into Wagtail."""

from django.core.management.base import BaseCommand, CommandError

from home import cache
from plone_import.importer import Importer


class Command(BaseCommand):
    help = (
        "Importeer een Plone-export (plone.exportimport-map of collective.exportimport-JSON) "
        "als pagina's, documenten, afbeeldingen en doorverwijzingen."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="exportmap (met content/) of JSON-bestand met items")
        parser.add_argument("--parent", dest="parent", help="slug van de pagina waaronder")
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen laten zien wat er zou gebeuren"
        )
        parser.add_argument("--report", dest="report", help="schrijf het verslag als JSON")
        parser.add_argument(
            "--old-url",
            action="append",
            default=[],
            dest="old_urls",
            help="adres van de oude site (herhaalbaar), voor absolute links in de inhoud",
        )

    def handle(self, *args, **options):
        importer = Importer(
            options["path"],
            parent_slug=options["parent"],
            dry_run=options["dry_run"],
            old_urls=options["old_urls"],
            # The stream under Django's OutputWrapper (a private attribute): the wrapper itself,
            # the public alternative, ends every write with a newline, which turns the bar's
            # carriage returns into one line per step.
            progress_stream=self.stderr._out,
        )
        try:
            report = importer.run()
        except Exception as exc:
            raise CommandError(str(exc)) from exc
        # Imported pages go live without Wagtail's publish signals: retire the publish cache.
        cache.new_version()
        if options["report"]:
            report.write_json(options["report"])
        self.stdout.write(report.summary())
        if report.errors and not report.items_read:
            raise CommandError("niets geïmporteerd")
