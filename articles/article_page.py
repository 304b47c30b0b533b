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


#: What the article statement reads: each model with its table's alias and fields (None: all).
JOINED = ((Article, "a", None), (Page, "p", None), (Issue, "i", None))


def _fields(model, names):
    """The model's fields named (all for None), in the model's order, as ``from_db`` reads
    a row of some of them."""
    fields = model._meta.concrete_fields
    if names is None:
        return fields
    wanted = {model._meta.get_field(name) for name in names}
    return [field for field in fields if field in wanted]


def _select(parts, also=None) -> str:
    """``SELECT`` the parts' columns from the article with its page and issue, and with
    ``also=(model, field)`` that field of the model's row keyed by the article's id."""
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"{alias}.{quote(field.column)}"
        for model, alias, names in parts
        for field in _fields(model, names)
    )
    table = {model: quote(model._meta.db_table) for model in (Article, Page, Issue)}
    joins = ""
    if also is not None:
        model, name = also
        columns += f", x.{quote(model._meta.get_field(name).column)}"
        joins = (
            f" LEFT JOIN {quote(model._meta.db_table)} x ON x.{quote(model._meta.pk.column)} = a.id"
        )
    return (
        f"SELECT {columns} FROM {table[Article]} a"
        f" LEFT JOIN {table[Page]} p ON p.id = a.page_id"
        f" LEFT JOIN {table[Issue]} i ON i.id = p.issue_id{joins}"
    )


@functools.cache
def _sql() -> dict[str, str]:
    quote = connection.ops.quote_name
    tables = {
        "byline": Byline,
        "contributor": Contributor,
        "caption": Caption,
        "tag": Tag,
        "tagged_item": TaggedItem,
        "mention": Mention,
        "organisation": Organisation,
    }
    names = {key: quote(model._meta.db_table) for key, model in tables.items()}
    return {
        "article": _select(JOINED) + " WHERE a.id = %s",
        "shown_with": SHOWN_WITH_SQL.format(**names),
    }


@functools.cache
def _readers(parts) -> list[tuple]:
    """For each part: (model, its attnames, its slice of the row, each column's converters):
    the converters a query through the ORM applies (the backend's, such as SQLite's text
    dates, then the field's own, such as JSON), found once."""
    readers, start = [], 0
    for model, alias, names in parts:
        fields = _fields(model, names)
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
    article has no page: its columns are all NULL). Fields not read are deferred, as with
    ``only()``."""
    model, attnames, part, converters = reader
    values = list(row[part])
    if values[0] is None:
        return None
    for n, (column, found) in enumerate(converters):
        for convert in found:
            values[n] = convert(values[n], column, connection)
    return model.from_db(connection.alias, attnames, values)


def _articles(rows, parts):
    readers = _readers(parts)
    for row in rows:
        article, page, issue = (_instance(row, reader) for reader in readers)
        if page is not None:
            page.issue = issue
        article.page = page
        yield article, row[readers[-1][2].stop :]


def read_article(pk) -> Article | None:
    """The article with its page and issue (``article.page.issue`` costs no query)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql()["article"], [pk])
        row = cursor.fetchone()
    return next((article for article, _ in _articles([row] if row else [], JOINED)), None)


@functools.cache
def _listed_parts(fields):
    return ((Article, "a", ("id", *fields)), (Page, "p", None), (Issue, "i", None))


@functools.cache
def _listed_sql(parts, also) -> str:
    return _select(parts, also)


def read_listed(pks, fields, *, also=None) -> dict[int, Article]:
    """The articles of ``pks`` by id, each with its page and issue, reading only ``fields``
    (a tuple of names; the id is always read) and, with ``also=(model, field)``, that field
    of a row keyed by the article's id (a model whose primary key is its article), as the
    attribute ``field`` (None without such a row). A list's cost was building its query
    through the ORM (~17 % of a search page, cProfile). Visibility is the caller's to ask
    (``is_visible_to_readers()``)."""
    if not pks:
        return {}
    parts = _listed_parts(tuple(fields))
    sql = _listed_sql(parts, also) + f" WHERE a.id IN ({', '.join(['%s'] * len(pks))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, list(pks))
        rows = cursor.fetchall()
    found = {}
    for article, rest in _articles(rows, parts):
        if also is not None:
            setattr(article, also[1], rest[0])
        found[article.pk] = article
    return found


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
        return {"url": tag_url(extra) if extra else ""}
    return {"url": link("entities:organisation", pk)}


@functools.lru_cache(maxsize=4096)
def tag_url(slug: str) -> str:
    """A tag's page, resolved once per slug: ``reverse`` for an article's three tags was ~5 %
    of an uncached article page (cProfile). A slug is text, so ``link`` cannot take it."""
    return reverse("articles:tag", args=[slug])
