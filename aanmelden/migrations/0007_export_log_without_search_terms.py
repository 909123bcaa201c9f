"""Export log entries stored every GET parameter, including the list's search term (usually a
person's name), and anonymisation never touches log entries. Keep only whether a search was used
(as aanmelden.queue.audit.export_data does from now on)."""

from django.db import migrations

EXPORT = "aanmelden.export"
SEARCH_PARAM = "q"


def scrub_search_terms(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = ModelLogEntry.objects.filter(action=EXPORT, data__filters__has_key=SEARCH_PARAM)
    changed = []
    for entry in entries.iterator():
        filters = dict(entry.data.get("filters") or {})
        term = filters.pop(SEARCH_PARAM, "")
        entry.data = {**entry.data, "filters": filters, "search": bool(str(term).strip())}
        changed.append(entry)
    ModelLogEntry.objects.bulk_update(changed, ["data"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelden", "0006_leerwerkmakelaars_special_category"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(scrub_search_terms, migrations.RunPython.noop)]
