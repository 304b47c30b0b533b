"""The archive `make bench` measures at size: 100,000 published articles, built once and kept.

A build is stamped with what it depends on (this file, the migrations, the requirements, the
search index's code, the sample pages, the size); a later run whose stamp matches reuses the
built database, copying it (SQLite) or cloning it as a template (PostgreSQL) into the working
database each phase writes to, so reruns cost seconds instead of minutes. `phase_build` runs
inside Django (bench/phases.py); everything else here is plain Python for bench/run.py.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

import common

#: What a build depends on besides its size: a change to any of these builds afresh.
STAMPED = (
    "bench/building.py",
    "requirements.txt",
    "*/migrations/*.py",
    "search/backends.py",
    "search/indexing.py",
    "search/models.py",
    "search/text.py",
    "articles/body.py",
    "articles/bylines.py",
    "articles/models.py",
)
STAMP_TABLE = "bench_build"
ORGANISATIONS = 10_000  # each with a short form, as an archive's matching meets them
TAGS = 2_000


def stamp(vendor: str, articles: int, search: bool) -> str:
    digest = hashlib.sha256(f"{vendor}:{articles}:{search}".encode())
    for pattern in STAMPED:
        for path in sorted(common.BASE_DIR.glob(pattern)):
            if "tests" not in path.parts:
                digest.update(path.relative_to(common.BASE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    for path in common.sample_pages():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Reading a build's stamp and copying it, outside Django ----------------------------------------


def sqlite_built(path: Path) -> dict | None:
    """The stamp and figures of the build in this SQLite file, if it holds a whole one."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute(f"SELECT stamp, figures FROM {STAMP_TABLE}").fetchone()
    except sqlite3.Error:
        return None
    return {"stamp": row[0], **json.loads(row[1])} if row else None


def sqlite_copy(built: Path, working: Path) -> None:
    """The built database as a fresh working file (SQLite's online backup: WAL included)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{working}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(built) as source, sqlite3.connect(working) as target:
        source.backup(target)
    target.close()
    source.close()


def postgres_built(admin_url: str, name: str) -> dict | None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return None
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        with psycopg.connect(url, autocommit=True) as db:
            row = db.execute(f"SELECT stamp, figures FROM {STAMP_TABLE}").fetchone()
    except psycopg.Error:
        return None
    return {"stamp": row[0], **json.loads(row[1])} if row else None


def postgres_recreate(admin_url: str, name: str, template: str | None = None) -> None:
    """Drop and create a database, empty or as a copy of `template` (a file-level copy)."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        clause = f' TEMPLATE "{template}"' if template else ""
        db.execute(f'CREATE DATABASE "{name}"{clause}')


# The build itself, inside Django -----------------------------------------------------------------


def sample_articles() -> list[dict]:
    from articles.pagetext import parse_page

    found = []
    for path in common.sample_pages():
        for article in parse_page(path.read_text(encoding="utf-8")).articles:
            body = "\n\n".join(
                ("## " if block.type == "subheading" else "") + block.text for block in article.body
            )
            if article.title and body:
                found.append({"kicker": article.kicker or "", "title": article.title, "body": body})
    return found


def relate(ids: list[int]) -> None:
    """Tags and organisations at an archive's scale: 2,000 tags and 10,000 organisations,
    each with a short form (what the importer's matching meets), three tags and two
    organisations per article (the changelist's filters meet them)."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag, TaggedItem

    from articles.models import Article
    from entities.models import Mention, Organisation, OrganisationAlias

    tag_names = ["人工智能", *(f"标签{n}" for n in range(1, TAGS))]
    Tag.objects.bulk_create(Tag(name=name, slug=f"tag-{n}") for n, name in enumerate(tag_names))
    org_names = ["中国科学院", *(f"机构{n}" for n in range(1, ORGANISATIONS))]
    Organisation.objects.bulk_create(
        (Organisation(name=name) for name in org_names), batch_size=5000
    )
    tags = list(Tag.objects.order_by("id").values_list("id", flat=True))
    orgs = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    OrganisationAlias.objects.bulk_create(
        (
            OrganisationAlias(alias="中科院" if n == 0 else f"简称{n}", organisation_id=pk)
            for n, pk in enumerate(orgs)
        ),
        batch_size=5000,
    )
    article_type = ContentType.objects.get_for_model(Article)
    items, mentions = [], []
    for i, pk in enumerate(ids):
        for k in range(3):
            items.append(
                TaggedItem(
                    tag_id=tags[(i * 7 + k * 13) % len(tags)],
                    object_id=pk,
                    content_type=article_type,
                )
            )
        for k in range(2):
            mentions.append(Mention(article_id=pk, organisation_id=orgs[(i * 3 + k) % len(orgs)]))
        if len(items) >= 15000:
            TaggedItem.objects.bulk_create(items)
            Mention.objects.bulk_create(mentions)
            items, mentions = [], []
    TaggedItem.objects.bulk_create(items)
    Mention.objects.bulk_create(mentions)


def history(ids: list[int]) -> None:
    """One history record per article, as an archive that was imported has (the importer
    and the admin read and write the newest record of an article)."""
    from articles.models import Article

    for start in range(0, len(ids), 5000):
        chunk = list(Article.objects.filter(pk__in=ids[start : start + 5000]).order_by("pk"))
        Article.history.bulk_history_create(chunk, default_date=chunk[0].created_at)


def articles(pages, samples, total: int, per_page: int) -> list[int]:
    """`total` published articles, `per_page` to a page, carrying the import refs an
    imported archive has; returns their ids in order."""
    from django.utils import timezone

    from articles.models import Article, reader_date

    tz = timezone.get_current_timezone()
    batch = []
    for i in range(total):
        page = pages[i // per_page]
        sample = samples[i % len(samples)]
        position = i % per_page + 1
        publish_at = datetime.datetime.combine(
            page.issue.date, datetime.time(6), tz
        ) + datetime.timedelta(seconds=i % per_page)
        batch.append(
            Article(
                page=page,
                position=position,
                kicker=sample["kicker"],
                title=f"{sample['title']}（{i}）",
                body=sample["body"],
                status=Article.Status.PUBLISHED,
                publish_at=publish_at,
                dated_at=reader_date(page.issue.date, publish_at),  # bulk_create skips save()
                import_ref=f"{page.issue.date.isoformat()}/{page.number:02d}/{position}",
            )
        )
        if len(batch) == 5000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    return list(Article.objects.order_by("id").values_list("id", flat=True))


def phase_build() -> dict:
    """100,000 published articles over 1,250 issues of 8 pages, with history, tags and
    organisations, then the search index; the build's stamp and figures are written last,
    so an interrupted build is never reused."""
    from django.db import connection

    from articles.models import Issue, Page
    from search.indexing import index_articles, index_size

    total = int(os.environ.get("BENCH_ARTICLES", "100000"))
    per_page, pages_per_issue = 10, 8
    samples = sample_articles()
    started = time.perf_counter()
    first = datetime.date(2020, 1, 1)
    issues_needed = -(-total // (per_page * pages_per_issue))
    Issue.objects.bulk_create(
        Issue(date=first + datetime.timedelta(days=n), number=n + 1) for n in range(issues_needed)
    )
    issues = list(Issue.objects.order_by("date"))
    Page.objects.bulk_create(
        Page(issue=issue, number=n + 1, name=f"第{n + 1}版")
        for issue in issues
        for n in range(pages_per_issue)
    )
    pages = list(Page.objects.select_related("issue").order_by("issue__date", "number"))
    ids = articles(pages, samples, total, per_page)
    relate(ids)
    history(ids)
    build_seconds = time.perf_counter() - started

    indexed = terms = 0
    index_seconds = 0.0
    if os.environ.get("BENCH_SEARCH", "1") != "0":  # 0: admin and front page only, no index
        started = time.perf_counter()
        indexed = index_articles(chunk_size=1000)
        index_seconds = time.perf_counter() - started
        terms = index_size()["index_rows"]  # one full-text row per article (no term table)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    figures = {
        "articles": total,
        "build_seconds": round(build_seconds, 1),
        "indexed": indexed,
        "search_terms": terms,
        "index_seconds": round(index_seconds, 1),
        "index_articles_per_s": round(indexed / index_seconds, 1) if index_seconds else None,
        "built_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "organisations": ORGANISATIONS,
    }
    record_stamp(os.environ["BENCH_BUILD_STAMP"], figures)
    return figures


def record_stamp(value: str, figures: dict) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {STAMP_TABLE} (stamp varchar(64), figures text)")
        cursor.execute(
            f"INSERT INTO {STAMP_TABLE} (stamp, figures) VALUES (%s, %s)",
            [value, json.dumps(figures)],
        )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
