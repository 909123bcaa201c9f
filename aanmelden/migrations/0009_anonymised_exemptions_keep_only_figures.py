"""Anonymised exemptions kept the child's sex and birth year, and answers about the family,
next to municipality and ground. Clear them as anonymisation now does (see
aanmelden.queue.retention.KEPT_FIELDS): keep only what the yearly figures and the queue need."""

from django.db import migrations

KEPT = {
    "id",
    "reference",
    "received_at",
    "status",
    "outcome",
    "assigned_to",
    "closed_at",
    "anonymised_at",
    "municipality",
    "idempotency_key",
    "ground",
}


def _empty_value(model_field):
    if model_field.null:
        return None
    if model_field.has_default():
        return model_field.get_default()
    return ""


def clear_anonymised_exemptions(apps, schema_editor):
    model = apps.get_model("aanmelden", "VrijstellingMelding")
    cleared = {
        model_field.attname: _empty_value(model_field)
        for model_field in model._meta.concrete_fields
        if model_field.name not in KEPT
    }
    model.objects.filter(anonymised_at__isnull=False).update(**cleared)


class Migration(migrations.Migration):
    dependencies = [("aanmelden", "0008_close_erased_open_submissions")]

    operations = [migrations.RunPython(clear_anonymised_exemptions, migrations.RunPython.noop)]
