"""Check the links on every published page and store what is broken for the admin report."""

from django.core.management.base import BaseCommand, CommandError

from linkchecker.run import run_check


class Command(BaseCommand):
    help = (
        "Controleer de links op alle gepubliceerde pagina's; kapotte links staan daarna in het "
        "rapport Linkcontrole in de beheeromgeving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--internal-only",
            action="store_true",
            help="Alleen interne links (pagina's, documenten, adressen op deze site); "
            "geen verzoeken naar andere sites.",
        )
        parser.add_argument("--timeout", type=float, help="Seconden wachten op een antwoord.")
        parser.add_argument(
            "--rate", type=float, help="Hoogstens zoveel verzoeken per seconde per host."
        )

    def handle(self, *args, **options):
        for name in ("timeout", "rate"):
            if options[name] is not None and not options[name] > 0:
                raise CommandError(f"--{name} moet groter zijn dan 0.")
        summary = run_check(
            internal_only=options["internal_only"],
            timeout=options["timeout"],
            per_second=options["rate"],
        )
        self.stdout.write(
            f"{summary.pages} pagina's, {summary.links} links, "
            f"{summary.external_checked} externe adressen opgevraagd; {summary.broken} kapot."
        )
