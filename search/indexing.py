"""Keep the search index in step with what readers may see.

Only articles whose status is published are indexed (a scheduled one too: queries compare
`publish_at` with the time of the search). `index_article` is called on every save of an
article, byline or caption (see `search.signals`) and may be called directly; it compares
the stored text first, so saving an unchanged or unpublished article costs one query.
`index_articles` is the bulk path used by `rebuild_search_index` and benchmarks.
"""

from django.db import connection, transaction
from django.db.models import Prefetch

from articles.body import plain_body
from articles.models import Article, Byline, Caption
from search import text as search_text
from search.models import SearchDocument, SearchTerm

ROWS_PER_INSERT = 2000


def document_text(article, bylines, captions) -> tuple[str, str]:
    """(headline, text) of an article as readers see them: bylines and captions included."""
    headline = " ".join(p for p in (article.kicker, article.title, article.subtitle) if p)
    parts = [article.dateline]
    parts += [f"{b.role} {b.contributor.name}".strip() for b in bylines]
    parts += [plain_body(article.body)]
    parts += [" ".join(p for p in (c.text, c.credit) if p) for c in captions]
    return headline, "\n".join(p for p in parts if p)


def term_flags(headline: str, text: str) -> dict[str, bool]:
    flags = dict.fromkeys(search_text.terms(text), False)
    flags.update(dict.fromkeys(search_text.terms(headline), True))
    return flags


def _is_indexable(article) -> bool:
    return article.status == Article.Status.PUBLISHED and article.publish_at is not None


def index_article(article) -> None:
    """Bring one article's index entries up to date (or remove them if it is not published)."""
    if not _is_indexable(article):
        SearchDocument.objects.filter(article_id=article.pk).delete()
        return
    headline, text = document_text(
        article,
        Byline.objects.filter(article_id=article.pk).select_related("contributor"),
        Caption.objects.filter(article_id=article.pk),
    )
    document = SearchDocument.objects.filter(article_id=article.pk).first()
    if document and (document.headline, document.text, document.publish_at) == (
        headline,
        text,
        article.publish_at,
    ):
        return
    wanted = term_flags(headline, text)
    with transaction.atomic():
        if document is None:
            document = SearchDocument.objects.create(
                article_id=article.pk, headline=headline, text=text, publish_at=article.publish_at
            )
            existing = {}
        else:
            moved = document.publish_at != article.publish_at
            document.headline, document.text = headline, text
            document.publish_at = article.publish_at
            document.save()
            if moved:
                document.terms.update(publish_at=article.publish_at)
            existing = dict(document.terms.values_list("term", "in_headline"))
        stale = [t for t, flag in existing.items() if wanted.get(t) != flag]
        if stale:
            document.terms.filter(term__in=stale).delete()
        SearchTerm.objects.bulk_create(
            SearchTerm(document=document, term=t, in_headline=flag, publish_at=article.publish_at)
            for t, flag in wanted.items()
            if existing.get(t) != flag
        )


def index_articles(articles=None, chunk_size: int = 500) -> int:
    """Index many articles at once, replacing their entries; returns how many were indexed.

    Terms go in as multi-row INSERTs: at 100,000 articles the index holds tens of millions of
    rows, and model instances (or one round trip per row on PostgreSQL) would dominate.
    """
    queryset = Article.objects.all() if articles is None else articles
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    table = SearchTerm._meta.db_table
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in ("document_id", "term", "in_headline", "publish_at"))
    insert = f"INSERT INTO {quote(table)} ({columns}) VALUES "
    adapt = connection.ops.adapt_datetimefield_value
    indexed = 0
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        batch = list(
            Article.objects.filter(pk__in=chunk)
            .only("pk", "status", "publish_at", "kicker", "title", "subtitle", "dateline", "body")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("contributor")),
                "captions",
            )
        )
        documents, rows = [], []
        for article in batch:
            if not _is_indexable(article):
                continue
            headline, text = document_text(article, article.bylines.all(), article.captions.all())
            documents.append(
                SearchDocument(
                    article_id=article.pk,
                    headline=headline,
                    text=text,
                    publish_at=article.publish_at,
                )
            )
            when = adapt(article.publish_at)
            rows += [(article.pk, t, f, when) for t, f in term_flags(headline, text).items()]
        with transaction.atomic():
            SearchTerm.objects.filter(document_id__in=chunk).delete()
            SearchDocument.objects.filter(article_id__in=chunk).delete()
            SearchDocument.objects.bulk_create(documents)
            with connection.cursor() as cursor:
                for i in range(0, len(rows), ROWS_PER_INSERT):
                    batch_rows = rows[i : i + ROWS_PER_INSERT]
                    values = ", ".join(["(%s, %s, %s, %s)"] * len(batch_rows))
                    cursor.execute(insert + values, [v for row in batch_rows for v in row])
        indexed += len(documents)
    return indexed


def clear_index() -> None:
    SearchTerm.objects.all().delete()
    SearchDocument.objects.all().delete()
