"""manage.py import_plone PATH: bring a Plone site (pages, files, images, old URLs) into Wagtail."""

import os

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
        check_paths(options["path"], options["report"])
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
            try:
                report.write_json(options["report"])
            except OSError as exc:
                raise CommandError(
                    f"verslag niet geschreven naar {printable(options['report'])}: {exc.strerror}"
                ) from exc
        self.stdout.write(printable(report.summary()))
        if report.errors and not report.items_read:
            raise CommandError("niets geïmporteerd")


def printable(text):
    """A file name as the terminal can show it: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become replacement characters instead of an encoding error."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def check_paths(path, report_path):
    """Refuse, with a message, what no file system takes: a NUL byte in a path, an export that
    is not there."""
    for value in (path, report_path):
        if value and "\x00" in value:
            raise CommandError(f"pad met een NUL-teken: {printable(value)!r}")
    if not os.path.exists(path):
        raise CommandError(f"{printable(path)!r} bestaat niet")
