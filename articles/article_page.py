"""What the article page reads, in two plain SQL statements and one raw query.

The page is the site's busiest miss (the archive's long tail is read once per cache lifetime),
and cProfile of it uncached showed the ORM *building* its five queries as ~60 % of the request
while the database ran them in microseconds. So its reads are written once here, as SQL
through public APIs (`Manager.raw`, the connection's cursor) with tables and columns taken
from the models, and the rows come back as what the template shows:

- the article, with its page and issue (one statement, ``Article.objects.raw``);
- its captions (``Caption.objects.raw``: model rows, so an image keeps its URL);
- the names it links to, bylines', tags' and organisations' in one ``UNION ALL``, each list in
  its model's order (bylines by ``order, id``; tags and organisations by name), with its links.

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

BYLINE, TAG, ORGANISATION = 0, 1, 2

#: Columns: part, then the part's order (two keys and the row's id), then id, name, extra.
NAMES_SQL = """
SELECT 0, b."order", '', b.id, c.id, c.name, b.role
  FROM {byline} b JOIN {contributor} c ON c.id = b.contributor_id WHERE b.article_id = %s
UNION ALL
SELECT 1, 0, t.name, t.id, t.id, t.name, t.slug
  FROM {tag} t JOIN {tagged_item} i ON i.tag_id = t.id
 WHERE i.content_type_id = %s AND i.object_id = %s
UNION ALL
SELECT 2, 0, o.name, o.id, o.id, o.name, ''
  FROM {mention} m JOIN {organisation} o ON o.id = m.organisation_id WHERE m.article_id = %s
ORDER BY 1, 2, 3, 4
"""
CAPTIONS_SQL = 'SELECT * FROM {caption} WHERE article_id = %s ORDER BY "order", id'


def _columns(model, alias: str, prefix: str) -> str:
    quote = connection.ops.quote_name
    return ", ".join(
        f"{alias}.{quote(field.column)} AS {quote(prefix + field.attname)}"
        for field in model._meta.concrete_fields
    )


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
    article = (
        f"SELECT a.*, {_columns(Page, 'p', 'page__')}, {_columns(Issue, 'i', 'issue__')}"
        f" FROM {names['article']} a"
        f" LEFT JOIN {names['page']} p ON p.id = a.page_id"
        f" LEFT JOIN {names['issue']} i ON i.id = p.issue_id"
        " WHERE a.id = %s"
    )
    return {
        "article": article,
        "names": NAMES_SQL.format(**names),
        "captions": CAPTIONS_SQL.format(**names),
    }


def _joined(row, model, prefix: str):
    """The instance of ``model`` whose columns came with ``row`` under ``prefix``, or None
    (a web-only article has no page). ``to_python`` gives each value its field's type, as a
    query through the ORM would (SQLite returns a date as text)."""
    fields = model._meta.concrete_fields
    values = [field.to_python(getattr(row, prefix + field.attname)) for field in fields]
    if values[0] is None:
        return None
    return model.from_db(connection.alias, [field.attname for field in fields], values)


def read_article(pk) -> Article | None:
    """The article with its page and issue (``article.page.issue`` costs no query)."""
    found = next(iter(Article.objects.raw(_sql()["article"], [pk])), None)
    if found is not None:
        page = _joined(found, Page, "page__")
        if page is not None:
            page.issue = _joined(found, Issue, "issue__")
        found.page = page
    return found


def shown_with(article) -> dict[str, list]:
    """What the article page shows of other tables: bylines (role, name, link), tags and
    mentioned organisations (name, link; a tag without a slug has none) and the captions."""
    content_type = ContentType.objects.get_for_model(Article).pk
    shown = {BYLINE: [], TAG: [], ORGANISATION: []}
    with connection.cursor() as cursor:
        cursor.execute(_sql()["names"], [article.pk, content_type, article.pk, article.pk])
        for part, _, _, _, pk, name, extra in cursor.fetchall():
            shown[part].append({"name": name, **_link(part, pk, extra)})
    return {
        "bylines": shown[BYLINE],
        "tags": shown[TAG],
        "mentions": shown[ORGANISATION],
        "captions": list(Caption.objects.raw(_sql()["captions"], [article.pk])),
    }


def _link(part: int, pk: int, extra: str) -> dict:
    if part == BYLINE:
        return {"role": extra, "url": link("articles:contributor", pk)}
    if part == TAG:
        return {"url": reverse("articles:tag", args=[extra]) if extra else ""}
    return {"url": link("entities:organisation", pk)}
