"""Keep the search index in step with what readers may see.

Only articles whose status is published are indexed (a scheduled one too: queries compare
`publish_at` with the time of the search). Each indexed article has one `SearchDocument`
(its headline and text, for passages) and one row in the database's full-text index (see
`search.backends`); the two are always written together here.

Saves of articles, bylines and captions only note the article (`schedule`); it is indexed
once when the transaction commits, or earlier if a search runs on the same connection
(`flush`), and only if its stored document differs. `index_articles` is the bulk path used
by benchmarks and by `rebuild_index`, which `rebuild_search_index` runs.
"""

import weakref

from django.db import connection, connections, transaction
from django.db.models import Prefetch
from django.utils import timezone

from articles.body import plain_body
from articles.bylines import format_bylines
from articles.models import Article, Byline
from newsroom.caching import content_changed
from search import backends
from search.models import SearchDocument

#: Loading more than this many articles into an empty index rebuilds its indexes afterwards.
BULK_THRESHOLD = 2000
_FIELDS = ("pk", "status", "publish_at", "kicker", "title", "subtitle", "dateline", "body")


def document_text(article, bylines, captions) -> tuple[str, str]:
    """(headline, text) of an article as readers see them: bylines and captions included."""
    headline = " ".join(p for p in (article.kicker, article.title, article.subtitle) if p)
    parts = [article.dateline]
    parts += [format_bylines(bylines, between="\n")]
    parts += [plain_body(article.body)]
    parts += [" ".join(p for p in (c.text, c.credit) if p) for c in captions]
    return headline, "\n".join(p for p in parts if p)


def _is_indexable(article) -> bool:
    """Published now or scheduled: queries compare `publish_at` with the time of the search."""
    now = timezone.now()
    return article.is_visible_to_readers(now) or article.is_scheduled(after=now)


def _row(document) -> tuple[int, str, str]:
    return document.rank, document.headline, document.text


def _articles(ids):
    return (
        Article.objects.filter(pk__in=ids)
        .only(*_FIELDS)
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("contributor")),
            "captions",
        )
    )


def _wanted(article) -> SearchDocument | None:
    if not _is_indexable(article):
        return None
    headline, text = document_text(article, article.bylines.all(), article.captions.all())
    return SearchDocument(
        article_id=article.pk,
        headline=headline,
        text=text,
        publish_at=article.publish_at,
        rank=backends.rank_key(article.publish_at, article.pk),
    )


def _sync(ids) -> int:
    """Bring the documents of these article ids in line with the articles; returns how many
    documents were written. Unchanged documents are left alone."""
    ids = set(ids)
    wanted = {}
    for article in _articles(ids):
        document = _wanted(article)
        if document is not None:
            wanted[article.pk] = document
    existing = {d.pk: d for d in SearchDocument.objects.filter(pk__in=ids)}
    stale = [
        d
        for pk, d in existing.items()
        if pk not in wanted or _row(d) != _row(wanted[pk]) or d.publish_at != wanted[pk].publish_at
    ]
    fresh = [d for pk, d in wanted.items() if pk not in existing or existing[pk] in stale]
    if not stale and not fresh:
        return 0
    backend = backends.backend(connection)
    with transaction.atomic():
        if stale:
            backend.delete([_row(d) for d in stale])
            _delete_documents([d.pk for d in stale])
        if fresh:
            SearchDocument.objects.bulk_create(fresh)
            backend.insert([_row(d) for d in fresh])
    # Cached search pages were made from the old index: renew them once this is committed
    # (at once when it already is: this usually runs from an on_commit callback).
    transaction.on_commit(_bump_after_indexing)
    return len(fresh)


def _delete_documents(pks=None, chunk_size: int = 500) -> None:
    """Delete these documents (all of them without `pks`) in plain DELETE statements.

    Not `QuerySet.delete()`: its per-row post_delete signal removes each document's index row
    (for an article's cascade), which this module has already done in one statement."""
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    column = connection.ops.quote_name(SearchDocument._meta.pk.column)
    with connection.cursor() as cursor:
        if pks is None:
            cursor.execute(f"DELETE FROM {table}")
            return
        pks = list(pks)
        for start in range(0, len(pks), chunk_size):
            chunk = pks[start : start + chunk_size]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)


def _bump_after_indexing() -> None:
    content_changed()


def index_articles(articles=None, chunk_size: int = 1000, *, drop_indexes=True) -> int:
    """Index many articles at once, replacing their entries; returns how many were indexed.

    Into an empty index, a large load drops and rebuilds the full-text indexes around it
    (PostgreSQL; not with `drop_indexes=False`) or merges the index once at the end (SQLite).
    """
    queryset = Article.objects.all() if articles is None else articles
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    backend = backends.backend(connection)
    bulk = len(ids) > BULK_THRESHOLD and not SearchDocument.objects.exists()
    if bulk and drop_indexes:
        backend.before_bulk()
    indexed = 0
    try:
        for start in range(0, len(ids), chunk_size):
            chunk = ids[start : start + chunk_size]
            documents = [d for d in map(_wanted, _articles(chunk)) if d is not None]
            with transaction.atomic():
                if not bulk:
                    old = list(SearchDocument.objects.filter(pk__in=chunk))
                    if old:
                        backend.delete([_row(d) for d in old])
                        _delete_documents(chunk)
                SearchDocument.objects.bulk_create(documents)
                backend.insert([_row(d) for d in documents])
            indexed += len(documents)
    finally:
        if bulk:
            backend.after_bulk()
    content_changed()
    return indexed


def rebuild_index(chunk_size: int = 1000) -> int:
    """Index every published article afresh, in one transaction: searches read the old index
    until the new one is complete, and a rebuild that fails leaves the old one as it was.
    (Its indexes stay in place, so PostgreSQL readers are never locked out; on SQLite other
    writers wait for the rebuild, up to their busy timeout.)"""
    with transaction.atomic():
        clear_index()
        return index_articles(chunk_size=chunk_size, drop_indexes=False)


def clear_index() -> None:
    with transaction.atomic():
        backends.backend(connection).clear()
        _delete_documents()
    content_changed()


def index_size() -> dict:
    """How big the index is: documents and full-text rows (they should be equal)."""
    return {
        "documents": SearchDocument.objects.count(),
        "index_rows": backends.backend(connection).size(),
    }


# Deferred indexing: one pass per article per transaction --------------------------------


#: Article ids to index, per database connection (a connection belongs to one thread).
_PENDING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _pending(conn=None) -> set:
    conn = connections[(conn or connection).alias]
    return _PENDING.setdefault(conn, set())


def schedule(article_id) -> None:
    """Index this article when the transaction commits (at once outside a transaction)."""
    _pending().add(article_id)
    transaction.on_commit(flush)


def flush() -> None:
    """Index every article scheduled on this connection. A rolled-back transaction may leave
    ids behind: indexing reads the articles as they are, so that costs nothing but reads."""
    pending = _pending()
    if pending:
        ids = sorted(pending)
        pending.clear()
        _sync(ids)
