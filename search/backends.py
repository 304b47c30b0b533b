"""Where the postings live: each database's own compressed full-text index.

Every indexed document has a `rank`, a positive 64-bit key that sorts like (publish_at,
article id): the publication time in whole seconds since 1900 (33 bits: to 2172) times 2**30,
plus the article id (30 bits: ids below 1,073,741,824). The model accepts publication times in
1900-2099 (`articles.models.PUBLISH_AT_YEARS`); a time outside the key's span that reaches the
index another way counts as its first or last second, so no date can make indexing fail.
The index is keyed by it, so "published by now" is
`rank <= rank_bound(now)` and "newest first" is `ORDER BY rank DESC`, both answered by the
full-text index itself:

- SQLite: the FTS5 table `search_fts` (contentless, `detail=full`), rowid = rank, columns
  `headline` and `body` holding space-separated tokens (see `search.text`). A keyword is an
  FTS5 phrase; the headline is the column filter `{headline} : (...)`.
- PostgreSQL: the table `search_pg` (rank, headline tsvector, words tsvector: headline and
  body), GIN indexes on both. tsvectors and tsqueries are written as literals (`'深度':1`,
  `'深度' <-> '度求'`), so no text-search parser or locale decides what a token is.

The index follows `SearchDocument` row for row: the code in `search.indexing` writes both,
and a document deleted through the ORM (an article's cascade) takes its index row with it
(`search.signals`). The FTS5 table is contentless: removing a row repeats its tokens, which
are computed again from the document's stored headline and text.
"""

import contextlib
import datetime

from django.db import connection as default_connection
from django.db import transaction

from search import text as search_text

# A day before 1900, so all of 1900 fits in any time zone.
EPOCH = datetime.datetime(1899, 12, 31, tzinfo=datetime.UTC)
ID_BITS = 30
ID_MASK = (1 << ID_BITS) - 1
SECOND_BITS = 63 - ID_BITS
LAST_SECOND = (1 << SECOND_BITS) - 1
#: tsvector positions stop at 16383; later tokens keep that position (found, not as phrases).
MAX_POSITION = 16383
MAX_POSITIONS_PER_TOKEN = 256


def _second(moment) -> int:
    delta = moment - EPOCH
    return min(max(delta.days * 86400 + delta.seconds, 0), LAST_SECOND)


def rank_key(publish_at, article_id: int) -> int:
    if not 0 < article_id <= ID_MASK:
        raise ValueError(f"article id {article_id} does not fit the search rank key")
    return (_second(publish_at) << ID_BITS) | article_id


def rank_bound(now) -> int:
    """The highest rank visible at `now`: published in or before its second. (An article
    scheduled later in that same second counts for under a second; the search page shows only
    `Article.objects.published()`, so it is never displayed early.)"""
    return (_second(now) << ID_BITS) | ID_MASK


def article_id(rank: int) -> int:
    return rank & ID_MASK


class Backend:
    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    # Writing ---------------------------------------------------------------------------

    def insert(self, rows) -> None:
        """rows: (rank, headline, text) of documents not in the index yet."""
        raise NotImplementedError

    def delete(self, rows) -> None:
        """rows: (rank, headline, text) exactly as they were inserted."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def before_bulk(self) -> None:
        """Called before a large load into an empty index."""

    def after_bulk(self) -> None:
        """Called after a large load: rebuild indexes, merge segments, refresh statistics."""

    # Reading ---------------------------------------------------------------------------

    def counts(self, phrases, bound, limit) -> tuple[int, int]:
        """(documents matching in the headline, documents matching anywhere), each counted up
        to `limit` at most: counting every match of a common word would read its whole
        posting list."""
        raise NotImplementedError

    def page(self, phrases, bound, parts, common=False) -> list[int]:
        """Ranks for `parts`: [(in_headline, offset, limit)], in that order, newest first.
        `common`: the counts reached their limit (the word is in many documents)."""
        raise NotImplementedError

    def candidates_sql(self, phrases, bound) -> tuple[str, list]:
        """SQL selecting the article ids of every visible match, for further filtering."""
        raise NotImplementedError

    def size(self) -> int:
        """Rows in the index."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {self.table}")
            return cursor.fetchone()[0]


def _split(headline: str, text: str):
    return search_text.tokens(headline), search_text.tokens(text)


class SQLiteBackend(Backend):
    vendor = "sqlite"
    table = "search_fts"
    CREATE = (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "headline, body, content='', columnsize=0, detail=full, tokenize='unicode61')"
    )
    DROP = "DROP TABLE IF EXISTS search_fts"

    def _values(self, rows):
        for rank, headline, text in rows:
            head, body = _split(headline, text)
            yield rank, " ".join(head), " ".join(body)

    def insert(self, rows) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, headline, body) VALUES (%s, %s, %s)",
                list(self._values(rows)),
            )

    def delete(self, rows) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (search_fts, rowid, headline, body) "
                "VALUES ('delete', %s, %s, %s)",
                list(self._values(rows)),
            )

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")

    def after_bulk(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def size(self) -> int:
        """The number of rows, read from FTS5's own record of it.

        A contentless table answers no `count(*)` ("does not support scanning") and SQLite
        offers no SQL function for its row count, so this reads the first varint of the
        "averages" record (row id 1 of `search_fts_data`), the count FTS5 keeps for bm25. It
        is part of FTS5's on-disk format, which SQLite keeps readable across versions; a
        `columnsize=1` table could be counted in SQL but costs a row per document. Read in a
        savepoint: FTS5 writes the rows still held in memory by this transaction at once.
        `search/tests/test_backends.py` pins the reading across one- and two-byte counts."""
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute("SELECT block FROM search_fts_data WHERE id = 1")
            row = cursor.fetchone()
        if not row or not row[0]:
            return 0
        value = 0
        for n, byte in enumerate(bytes(row[0])[:9]):
            if n == 8:
                return (value << 8) | byte
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        return value

    @staticmethod
    def _match(phrases, headline=False) -> str:
        expression = " AND ".join('"' + " ".join(phrase) + '"' for phrase in phrases)
        return f"{{headline}} : ({expression})" if headline else expression

    def counts(self, phrases, bound, limit):
        anywhere, head = self._match(phrases), self._match(phrases, headline=True)
        count = (
            "(SELECT count(*) FROM (SELECT rowid FROM search_fts"
            " WHERE search_fts MATCH %s AND rowid <= %s LIMIT %s))"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {count}, {count}", [head, bound, limit, anywhere, bound, limit])
            return tuple(cursor.fetchone())

    def page(self, phrases, bound, parts, common=False):
        anywhere, head = self._match(phrases), self._match(phrases, headline=True)
        selects, params = [], []
        for n, (in_headline, offset, limit) in enumerate(parts):
            match = head if in_headline else f"({anywhere}) NOT ({head})"
            selects.append(
                f"SELECT {n} AS part, rank FROM (SELECT rowid AS rank FROM search_fts"
                " WHERE search_fts MATCH %s AND rowid <= %s ORDER BY rowid DESC"
                " LIMIT %s OFFSET %s)"
            )
            params += [match, bound, limit, offset]
        sql = " UNION ALL ".join(selects) + " ORDER BY part, rank DESC"
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [rank for _, rank in cursor.fetchall()]

    def candidates_sql(self, phrases, bound):
        return (
            f"SELECT rowid & {ID_MASK} FROM search_fts WHERE search_fts MATCH %s AND rowid <= %s",
            [self._match(phrases), bound],
        )


def _tsvector(tokens, start: int = 1) -> str:
    """A tsvector literal: each token with its positions (a SEPARATOR only takes a place)."""
    positions: dict[str, list[int]] = {}
    for n, token in enumerate(tokens, start):
        if token != search_text.SEPARATOR:
            places = positions.setdefault(token, [])
            if len(places) < MAX_POSITIONS_PER_TOKEN:
                places.append(min(n, MAX_POSITION))
    return " ".join(f"'{token}':{','.join(map(str, p))}" for token, p in positions.items())


def _tsquery(phrases) -> str:
    return " & ".join(_phrase_with_gaps(phrase) for phrase in phrases)


def _phrase_with_gaps(phrase) -> str:
    """`'a' <-> 'b' <2> 'c'`: a SEPARATOR in the phrase is a skipped position."""
    out, gap = [], 1
    for token in phrase:
        if token == search_text.SEPARATOR:
            gap += 1
            continue
        if out:
            out.append(f"<{gap}>" if gap > 1 else "<->")
        out.append(f"'{token}'")
        gap = 1
    return "(" + " ".join(out) + ")"


class PostgreSQLBackend(Backend):
    vendor = "postgresql"
    table = "search_pg"
    CREATE = [
        "CREATE TABLE IF NOT EXISTS search_pg ("
        "rank bigint PRIMARY KEY, headline tsvector NOT NULL, words tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS search_pg_headline ON search_pg USING gin (headline)",
        "CREATE INDEX IF NOT EXISTS search_pg_words ON search_pg USING gin (words)",
    ]
    DROP = ["DROP TABLE IF EXISTS search_pg"]
    ROWS_PER_INSERT = 200

    def _values(self, rows):
        for rank, headline, text in rows:
            head, body = _split(headline, text)
            # The body starts one place after the headline: no phrase runs from one into the
            # other.
            yield rank, _tsvector(head), _tsvector(head + [search_text.SEPARATOR] + body)

    def insert(self, rows) -> None:
        values = list(self._values(rows))
        with self.connection.cursor() as cursor:
            for start in range(0, len(values), self.ROWS_PER_INSERT):
                batch = values[start : start + self.ROWS_PER_INSERT]
                cursor.execute(
                    "INSERT INTO search_pg (rank, headline, words) VALUES "
                    + ", ".join(["(%s, %s::tsvector, %s::tsvector)"] * len(batch)),
                    [v for row in batch for v in row],
                )

    def delete(self, rows) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_pg WHERE rank = ANY(%s)", [[rank for rank, _, _ in rows]]
            )

    def clear(self) -> None:
        # DELETE, not TRUNCATE: searches keep reading the old rows until a rebuild commits.
        with self.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_pg")

    def before_bulk(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_pg_headline")
            cursor.execute("DROP INDEX IF EXISTS search_pg_words")

    def after_bulk(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for sql in self.CREATE[1:]:
                cursor.execute(sql)
            cursor.execute("RESET maintenance_work_mem")
            cursor.execute("ANALYZE search_pg")

    def counts(self, phrases, bound, limit):
        query = _tsquery(phrases)
        count = (
            "(SELECT count(*) FROM (SELECT 1 FROM search_pg WHERE {} @@ %s::tsquery"
            " AND rank <= %s LIMIT %s) AS found)"
        )
        sql = "SELECT " + count.format("headline") + ", " + count.format("words")
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [query, bound, limit, query, bound, limit])
            return tuple(cursor.fetchone())

    #: A common word (counts reached the limit) with a page this near the top is read by
    #: walking the rank index newest first, checking each row: GIN cannot check phrases
    #: (positions), and rechecking every match to sort them costs ~10 us a match.
    WALK_WITHIN = 200

    def page(self, phrases, bound, parts, common=False):
        query = _tsquery(phrases)
        selects, params = [], []
        for n, (in_headline, offset, limit) in enumerate(parts):
            where = (
                "headline @@ %s::tsquery"
                if in_headline
                else "words @@ %s::tsquery AND NOT headline @@ %s::tsquery"
            )
            if common and offset + limit <= self.WALK_WITHIN:
                # OFFSET 0 keeps the planner from merging the walk into a bitmap scan.
                source = (
                    "(SELECT rank, headline, words FROM search_pg WHERE rank <= %s"
                    " ORDER BY rank DESC OFFSET 0) AS walk"
                )
                selects.append(
                    f"(SELECT {n} AS part, rank FROM {source} WHERE {where} LIMIT %s OFFSET %s)"
                )
                params += [bound] + ([query] if in_headline else [query, query])
                params += [limit, offset]
                continue
            selects.append(
                f"(SELECT {n} AS part, rank FROM search_pg WHERE {where} AND rank <= %s"
                " ORDER BY rank DESC LIMIT %s OFFSET %s)"
            )
            params += ([query] if in_headline else [query, query]) + [bound, limit, offset]
        sql = "SELECT part, rank FROM (" + " UNION ALL ".join(selects) + ") AS parts"
        sql += " ORDER BY part, rank DESC"
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [rank for _, rank in cursor.fetchall()]

    def candidates_sql(self, phrases, bound):
        return (
            f"SELECT rank & {ID_MASK} FROM search_pg WHERE words @@ %s::tsquery AND rank <= %s",
            [_tsquery(phrases), bound],
        )


@contextlib.contextmanager
def planned_for_their_values(connection=None):
    """Statements run inside are planned for their own values, never from a prepared plan.

    How to answer a search depends on how common its words are (the GIN index for a rare
    word, a walk down the rank index for a common one), so a plan made once for any tsquery
    is wrong for most: with PostgreSQL's prepared statements on (``DJANGO_DB_PREPARE_THRESHOLD``)
    a rare word's search took 382 ms instead of 10 ms at 100,000 articles (SCALING.md). The
    statements still go through Django's cursor, so they are logged and counted as any."""
    connection = connection or default_connection
    if connection.vendor != "postgresql":
        yield
        return

    def unprepared(execute, sql, params, many, context):
        if many:
            return execute(sql, params, many, context)
        connection.validate_no_broken_transaction()
        with connection.wrap_database_errors:
            return context["cursor"].cursor.execute(sql, params, prepare=False)

    with connection.execute_wrapper(unprepared):
        yield


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgreSQLBackend}


def backend(connection=None) -> Backend:
    connection = connection or default_connection
    try:
        return BACKENDS[connection.vendor](connection)
    except KeyError:
        raise NotImplementedError(f"search has no index for {connection.vendor}") from None
