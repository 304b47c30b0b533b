"""Replace the term table (one row per bigram per article) with the database's own full-text
index: an FTS5 table on SQLite, tsvector columns with GIN indexes on PostgreSQL.

Documents are emptied: run `python manage.py rebuild_search_index` after migrating.
"""

from django.db import migrations, models

# The statements as of this migration (search.backends holds the live copy).
CREATE = {
    "sqlite": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "headline, body, content='', columnsize=0, detail=full, tokenize='unicode61')"
    ],
    "postgresql": [
        "CREATE TABLE IF NOT EXISTS search_pg ("
        "rank bigint PRIMARY KEY, headline tsvector NOT NULL, words tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS search_pg_headline ON search_pg USING gin (headline)",
        "CREATE INDEX IF NOT EXISTS search_pg_words ON search_pg USING gin (words)",
    ],
}
DROP = {
    "sqlite": ["DROP TABLE IF EXISTS search_fts"],
    "postgresql": ["DROP TABLE IF EXISTS search_pg"],
}


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor not in CREATE:
        return
    apps.get_model("search", "SearchDocument").objects.using(connection.alias).all().delete()
    for sql in CREATE[connection.vendor]:
        schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    for sql in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.DeleteModel(name="SearchTerm"),
        migrations.AddField(
            model_name="searchdocument",
            name="rank",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
