"""What the article page reads, in two plain SQL statements.

The page is the site's busiest miss (the archive's long tail is read once per cache lifetime),
and cProfile of it uncached showed the ORM *building* its five queries as ~60 % of the request
while the database ran them in microseconds. So its reads are written once here, as SQL
through public APIs (the connection's cursor, each field's converters, ``Model.from_db``)
with tables and columns taken from the models, and the rows come back as what the template
shows:

- the article, with its page and issue (one statement, its columns named in the models'
  order, so no result description is read: ``Manager.raw`` asking psycopg for one was ~7 %
  of the page on PostgreSQL, cProfile);
- what it shows of other tables, bylines, tags, mentioned organisations and captions, in one
  ``UNION ALL``, each list in its model's order (bylines and captions by ``order, id``; tags
  and organisations by name): one round trip to the database instead of four.

Visibility is not decided here: the view asks ``article.is_visible_to_readers()``.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Caption, Contributor, Issue, Page
from entities.models import Mention, Organisation
from newsroom.reading import link

BYLINE, TAG, ORGANISATION, CAPTION = 0, 1, 2, 3

#: Columns: part, the part's order (two keys and the row's id), then id, text, two extras.
SHOWN_WITH_SQL = """
SELECT 0, b."order", '', b.id, c.id, c.name, b.role, ''
  FROM {byline} b JOIN {contributor} c ON c.id = b.contributor_id WHERE b.article_id = %s
UNION ALL
SELECT 1, 0, t.name, t.id, t.id, t.name, t.slug, ''
  FROM {tag} t JOIN {tagged_item} i ON i.tag_id = t.id
 WHERE i.content_type_id = %s AND i.object_id = %s
UNION ALL
SELECT 2, 0, o.name, o.id, o.id, o.name, '', ''
  FROM {mention} m JOIN {organisation} o ON o.id = m.organisation_id WHERE m.article_id = %s
UNION ALL
SELECT 3, p."order", '', p.id, p.id, p.text, p.credit, p.image
  FROM {caption} p WHERE p.article_id = %s
ORDER BY 1, 2, 3, 4
"""


#: The models the article statement reads, each with its table's alias.
JOINED = ((Article, "a"), (Page, "p"), (Issue, "i"))


@functools.cache
def _sql() -> dict[str, str]:
    quote = connection.ops.quote_name
    tables = {
        "article": Article,
        "page": Page,
        "issue": Issue,
        "byline": Byline,
        "contributor": Contributor,
        "caption": Caption,
        "tag": Tag,
        "tagged_item": TaggedItem,
        "mention": Mention,
        "organisation": Organisation,
    }
    names = {key: quote(model._meta.db_table) for key, model in tables.items()}
    columns = ", ".join(
        f"{alias}.{quote(field.column)}"
        for model, alias in JOINED
        for field in model._meta.concrete_fields
    )
    article = (
        f"SELECT {columns} FROM {names['article']} a"
        f" LEFT JOIN {names['page']} p ON p.id = a.page_id"
        f" LEFT JOIN {names['issue']} i ON i.id = p.issue_id"
        " WHERE a.id = %s"
    )
    return {"article": article, "shown_with": SHOWN_WITH_SQL.format(**names)}


@functools.cache
def _readers() -> list[tuple]:
    """For each joined model: (model, its attnames, its slice of the row, each column's
    converters): the converters a query through the ORM applies (the backend's, such as
    SQLite's text dates, then the field's own, such as JSON), found once."""
    readers, start = [], 0
    for model, alias in JOINED:
        fields = model._meta.concrete_fields
        converters = []
        for field in fields:
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            converters.append((column, found))
        readers.append(
            (model, [f.attname for f in fields], slice(start, start + len(fields)), converters)
        )
        start += len(fields)
    return readers


def _instance(row, reader):
    """The instance of the reader's model from its columns of ``row``, or None (a web-only
    article has no page: its columns are all NULL)."""
    model, attnames, part, converters = reader
    values = list(row[part])
    if values[0] is None:
        return None
    for n, (column, found) in enumerate(converters):
        for convert in found:
            values[n] = convert(values[n], column, connection)
    return model.from_db(connection.alias, attnames, values)


def read_article(pk) -> Article | None:
    """The article with its page and issue (``article.page.issue`` costs no query)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql()["article"], [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    article, page, issue = (_instance(row, reader) for reader in _readers())
    if page is not None:
        page.issue = issue
    article.page = page
    return article


def shown_with(article) -> dict[str, list]:
    """What the article page shows of other tables: bylines (role, name, link), tags and
    mentioned organisations (name, link; a tag without a slug has none), and the captions as
    ``Caption`` rows (an image keeps its URL)."""
    content_type = ContentType.objects.get_for_model(Article).pk
    shown = {BYLINE: [], TAG: [], ORGANISATION: [], CAPTION: []}
    with connection.cursor() as cursor:
        cursor.execute(_sql()["shown_with"], [article.pk, content_type, *[article.pk] * 3])
        for part, order, _, _, pk, text, extra, image in cursor.fetchall():
            if part == CAPTION:
                values = [pk, article.pk, text, image, extra, order]
                shown[part].append(Caption.from_db(connection.alias, CAPTION_FIELDS, values))
            else:
                shown[part].append({"name": text, **_link(part, pk, extra)})
    return {
        "bylines": shown[BYLINE],
        "tags": shown[TAG],
        "mentions": shown[ORGANISATION],
        "captions": shown[CAPTION],
    }


CAPTION_FIELDS = ["id", "article_id", "text", "image", "credit", "order"]


def _link(part: int, pk: int, extra: str) -> dict:
    if part == BYLINE:
        return {"role": extra, "url": link("articles:contributor", pk)}
    if part == TAG:
        return {"url": reverse("articles:tag", args=[extra]) if extra else ""}
    return {"url": link("entities:organisation", pk)}
