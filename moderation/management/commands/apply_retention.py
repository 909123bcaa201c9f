"""Anonymise closed submissions past their retention period. Dry run unless --apply."""

from django.core.management.base import BaseCommand

from moderation.retention import apply_retention


class Command(BaseCommand):
    help = "Anonimiseer afgesloten aanmeldingen na de bewaartermijn (proefrun zonder --apply)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="Echt anonimiseren (anders alleen tonen)."
        )

    def handle(self, *args, **options):
        run = apply_retention(apply=options["apply"])
        prefix = "" if run.applied else "[proefrun] "
        for model, references in run.due.items():
            verb = "geanonimiseerd" if run.applied else "zou worden geanonimiseerd"
            self.stdout.write(
                f"{prefix}{model._meta.verbose_name_plural}: {len(references)} {verb}"
            )
            for reference in references:
                self.stdout.write(f"  {reference}")
        if not run.applied:
            self.stdout.write(
                "Proefrun: er is niets gewijzigd. Gebruik --apply om te anonimiseren."
            )
