"""Rank keys in the layout that holds every publication time the model accepts (1900-2099):
seconds since the last day of 1899 in 33 bits, the article id in 30 (search.backends). Every
document's key is computed again and its index row written under the new key; going back
empties the index (run `rebuild_search_index` with the older code).
"""

from django.db import migrations

CHUNK = 1000


def rekey(apps, schema_editor):
    from search import backends

    connection = schema_editor.connection
    if connection.vendor not in backends.BACKENDS:
        return
    documents = apps.get_model("search", "SearchDocument").objects.using(connection.alias)
    backend = backends.backend(connection)
    backend.clear()
    ids = list(documents.exclude(publish_at=None).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = list(documents.filter(pk__in=ids[start : start + CHUNK]))
        for document in chunk:
            document.rank = backends.rank_key(document.publish_at, document.article_id)
        documents.bulk_update(chunk, ["rank"])
        backend.insert([(d.rank, d.headline, d.text) for d in chunk])
    documents.filter(publish_at=None).delete()


def empty(apps, schema_editor):
    from search import backends

    connection = schema_editor.connection
    if connection.vendor in backends.BACKENDS:
        backends.backend(connection).clear()
        apps.get_model("search", "SearchDocument").objects.using(connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(rekey, empty)]
