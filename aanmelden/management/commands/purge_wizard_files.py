"""Delete temporary wizard uploads that no live session refers to (abandoned wizards).

formtools keeps an upload in ``PRIVATE_MEDIA_ROOT/wizard_tmp`` until the wizard finishes; when
the visitor walks away, nothing removes it. Schedule this daily.
"""

import datetime
import time
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone


def referenced_files():
    """Temporary file names that unexpired sessions still point at."""
    names = set()
    sessions = Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500)
    for session in sessions:
        try:
            data = session.get_decoded()
        except Exception:  # noqa: S112 - a corrupt session refers to nothing
            continue
        for key, value in data.items():
            if not key.startswith("wizard_") or not isinstance(value, dict):
                continue
            for step_files in value.get("step_files", {}).values():
                for file_dict in step_files.values():
                    names.add(file_dict.get("tmp_name"))
    return names


def purge(min_age=datetime.timedelta(hours=1), dry_run=False):
    root = Path(settings.PRIVATE_MEDIA_ROOT) / "wizard_tmp"
    if not root.exists():
        return []
    keep = referenced_files()
    cutoff = time.time() - min_age.total_seconds()
    removed = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        name = str(path.relative_to(root))
        if name in keep or path.stat().st_mtime > cutoff:
            continue
        if not dry_run:
            path.unlink(missing_ok=True)
        removed.append(name)
    return removed


class Command(BaseCommand):
    help = "Verwijder tijdelijke uploads van formulieren die niet zijn afgemaakt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=1.0,
            help="Leave younger files alone (a visitor may be uploading right now).",
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        removed = purge(datetime.timedelta(hours=options["min_age_hours"]), options["dry_run"])
        verb = "would remove" if options["dry_run"] else "removed"
        self.stdout.write(f"{verb} {len(removed)} temporary wizard file(s)")
