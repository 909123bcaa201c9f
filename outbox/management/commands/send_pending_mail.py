"""Retry the outbox: send every pending mail that is due (schedule every few minutes)."""

from django.core.management.base import BaseCommand

from outbox.tasks import send_pending


class Command(BaseCommand):
    help = "Verstuur e-mails uit de outbox die nog niet verzonden zijn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Also mails whose back-off has not ended yet."
        )

    def handle(self, *args, **options):
        sent, failed = send_pending(include_not_due=options["all"])
        self.stdout.write(f"sent: {sent}, still pending: {failed}")
