"""Trigram indexes for the queue's name search on PostgreSQL.

The queue search (modeladmin search_fields, `icontains`) runs `UPPER(col::text) LIKE UPPER('%x%')`
over reference and names: a sequential scan of every submission, 150+ ms at 100,000 rows. A GIN
trigram index on exactly that expression answers it in a few ms (bench/staff_queue.py). pg_trgm
is a trusted extension (PostgreSQL 13+): the database owner may create it. SQLite has no such
index and needs none at demo sizes.
"""

from django.db import migrations

# (model, search fields) as in aanmelden/queue/admin.py, frozen here.
SEARCHED = {
    "vrijstellingmelding": ("reference", "child_last_name", "child_first_name", "submitter_name"),
    "stageaanbod": ("reference", "organisation_name", "contact_last_name", "submitter_name"),
    "leerwerkmakelaaraanmelding": ("reference", "last_name", "first_name", "submitter_name"),
}


def index_names(apps):
    for model_name, fields in SEARCHED.items():
        table = apps.get_model("aanmelden", model_name)._meta.db_table
        for field in fields:
            yield table, field, f"{table}_{field}_trgm"[:63]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for table, field, name in index_names(apps):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
            f"USING gin ((UPPER({quote(field)}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _field, name in index_names(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [("aanmelden", "0009_anonymised_exemptions_keep_only_figures")]

    operations = [migrations.RunPython(create, drop)]
