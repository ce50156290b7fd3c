"""Indexes for the staff case list's search box, so a search does not read every case.

The list's `?q=` matches part of the reference, the resident's name, email or postcode (typed with
or without its space), in any case: `UPPER(field) LIKE UPPER('%words%')`. A B-tree cannot help a
match in the middle of a word; PostgreSQL's trigram indexes (the `pg_trgm` extension, which
ships with PostgreSQL and any database owner may enable) can, one for each expression the search
compares, which PostgreSQL combines for the OR. SQLite and other databases get nothing.
"""

from django.db import migrations

# Each index's name and the expression it holds, exactly as the case list's search compares it.
INDEXES = {
    "case_search_reference_trgm": 'UPPER("reference")',
    "case_search_name_trgm": 'UPPER("resident_name")',
    "case_search_email_trgm": 'UPPER("resident_email")',
    "case_search_postcode_trgm": "UPPER(REPLACE(\"resident_postcode\", ' ', ''))",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("cases", "Case")._meta.db_table)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_case_work_order_perf")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
