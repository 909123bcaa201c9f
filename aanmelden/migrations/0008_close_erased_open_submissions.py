"""Submissions whose personal data was erased while still open stayed open for ever (an erased
submission takes no further step): close them as erasure now does (see
aanmelden.queue.workflow.ERASURE_CLOSINGS), at the moment they were erased, with a log entry for
their timeline."""

from django.db import migrations
from django.utils import timezone

TRANSITION = "aanmelden.transition"
ERASURE_KEY = "erased"
# model name: (open statuses, closing status, outcome), as in workflow.py at this migration.
CLOSINGS = {
    "vrijstellingmelding": (
        ("ontvangen", "in_behandeling", "aanvulling_gevraagd"),
        "afgehandeld",
        "ingetrokken",
    ),
    "stageaanbod": (("nieuw", "beoordeeld", "gepubliceerd"), "ingetrokken", ""),
    "leerwerkmakelaaraanmelding": (("nieuw", "intake_gepland", "in_traject"), "teruggetrokken", ""),
}


def close_erased_open_submissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    now = timezone.now()
    for model_name, (open_statuses, status, outcome) in CLOSINGS.items():
        model = apps.get_model("aanmelden", model_name)
        stuck = list(model.objects.filter(anonymised_at__isnull=False, status__in=open_statuses))
        if not stuck:
            continue
        content_type, _created = ContentType.objects.get_or_create(
            app_label="aanmelden", model=model_name
        )
        entries = []
        for instance in stuck:
            entries.append(
                ModelLogEntry(
                    content_type=content_type,
                    object_id=str(instance.pk),
                    label=instance.reference,
                    action=TRANSITION,
                    timestamp=now,
                    data={
                        "from": instance.status,
                        "to": status,
                        "outcome": outcome,
                        "transition": ERASURE_KEY,
                        "note": False,
                    },
                )
            )
            instance.status = status
            instance.outcome = outcome
            instance.closed_at = instance.anonymised_at
        model.objects.bulk_update(stuck, ["status", "outcome", "closed_at"], batch_size=1000)
        ModelLogEntry.objects.bulk_create(entries, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelden", "0007_export_log_without_search_terms"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(close_erased_open_submissions, migrations.RunPython.noop)]
