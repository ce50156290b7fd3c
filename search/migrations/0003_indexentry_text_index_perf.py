"""An index for the words of a whole page, so a search on PostgreSQL does not read every page.

Wagtail's database backend finds pages with `(title || body) @@ query` on its index table. Its own
GIN indexes are on `title` and on `body` apart, which PostgreSQL cannot use for the two joined, so
every search read the whole table (about 100 ms at 10,000 pages). This one matches the expression
exactly. SQLite and other databases search differently and get nothing.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_synonym_language"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
