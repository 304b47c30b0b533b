"""The benchmark's phases that run inside Django, one process each, so that every phase gets
its own DATABASE_URL: `python bench/phases.py PHASE`, printing one JSON line on stdout."""

from __future__ import annotations

import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

import common  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

SEARCHES = [
    "深度求索",
    "六小龙",
    "留创园",
    "脑机接口",
    "专精特新",
    "人工智能",
    "科技",
    "企业",
    "创新 发展",
    "高新技术企业",
    "数字经济",
    "新能源",
]


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50_ms": round(common.percentile(ordered, 0.50) * 1000, 2),
        "p95_ms": round(common.percentile(ordered, 0.95) * 1000, 2),
        "p99_ms": round(common.percentile(ordered, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2),
        "n": len(ordered),
    }


def phase_import() -> dict:
    """500 generated pages through the importer (organisation matching and history on)."""
    from articles.importing import collect_pages, import_pages, parse_source
    from articles.models import Article
    from entities.models import Organisation
    from entities.recording import known_organisation_names

    pages = int(os.environ.get("BENCH_IMPORT_PAGES", "500"))
    issues = common.generate_issues(common.SCRATCH / "bench-pages", pages)
    sources = collect_pages([str(issue) for issue in issues])
    known = known_organisation_names()
    started = time.perf_counter()
    parse_source(sources[0], known)  # jieba loads its dictionaries once per process
    warm_up_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for source in sources:
        parse_source(source, known)
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    reports = import_pages(sources, publish=True)
    import_seconds = time.perf_counter() - started
    articles = Article.objects.count()
    history = Article.history.count() if hasattr(Article, "history") else None
    return {
        "import_pages": len(sources),
        "import_articles": articles,
        "import_seconds": round(import_seconds, 2),
        "import_failed_pages": sum(1 for report in reports if report.error),
        "import_history_rows": history,
        "import_organisations": Organisation.objects.count(),
        "import_pages_per_s": round(len(sources) / import_seconds, 1),
        "import_articles_per_s": round(articles / import_seconds, 1),
        "parse_pages_per_s": round(len(sources) / parse_seconds, 1),
        "parse_warm_up_s": round(warm_up_seconds, 2),
    }


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


def relate(total: int) -> None:
    """Tags and organisations at an archive's scale: 2,000 tags and 1,000 organisations,
    three tags and two organisations per article (the changelist's filters meet them)."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag, TaggedItem

    from articles.models import Article
    from entities.models import Mention, Organisation

    tag_names = ["人工智能", *(f"标签{n}" for n in range(1, 2000))]
    Tag.objects.bulk_create(Tag(name=name, slug=f"tag-{n}") for n, name in enumerate(tag_names))
    org_names = ["中国科学院", *(f"机构{n}" for n in range(1, 1000))]
    Organisation.objects.bulk_create(Organisation(name=name) for name in org_names)
    tags = list(Tag.objects.order_by("id").values_list("id", flat=True))
    orgs = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    article_type = ContentType.objects.get_for_model(Article)
    ids = list(Article.objects.order_by("id").values_list("id", flat=True)[:total])
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


def phase_build() -> dict:
    """100,000 published articles over 1,250 issues of 8 pages, then the search index."""
    from articles.models import Article, Issue, Page, reader_date
    from search.indexing import index_articles

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
    tz = timezone.get_current_timezone()
    batch = []
    for i in range(total):
        page = pages[i // per_page]
        sample = samples[i % len(samples)]
        publish_at = datetime.datetime.combine(
            page.issue.date, datetime.time(6), tz
        ) + datetime.timedelta(seconds=i % per_page)
        batch.append(
            Article(
                page=page,
                position=i % per_page + 1,
                kicker=sample["kicker"],
                title=f"{sample['title']}（{i}）",
                body=sample["body"],
                status=Article.Status.PUBLISHED,
                publish_at=publish_at,
                dated_at=reader_date(page.issue.date, publish_at),  # bulk_create skips save()
            )
        )
        if len(batch) == 5000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    relate(total)
    build_seconds = time.perf_counter() - started

    indexed = terms = 0
    index_seconds = 0.0
    if os.environ.get("BENCH_SEARCH", "1") != "0":  # 0: admin and front page only, no index
        started = time.perf_counter()
        indexed = index_articles(chunk_size=1000)
        index_seconds = time.perf_counter() - started
        from search.indexing import index_size

        terms = index_size()["index_rows"]  # one full-text row per article (no term table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "articles": total,
        "build_seconds": round(build_seconds, 1),
        "indexed": indexed,
        "search_terms": terms,
        "index_seconds": round(index_seconds, 1),
        "index_articles_per_s": round(indexed / index_seconds, 1) if index_seconds else None,
    }


def timed_gets(client, urls: list[str], rounds: int) -> tuple[list[float], dict]:
    samples, statuses = [], {}
    for url in urls:  # warm up: the first request of a process pays for imports and plans
        client.get(url)
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - started)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    return samples, statuses


def phase_measure() -> dict:
    """Search, front page and admin changelist latency at the built size (no page cache)."""
    from urllib.parse import quote

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.models import Article

    setup_test_environment()
    rounds = int(os.environ.get("BENCH_ROUNDS", "20"))
    client = Client()
    result = {"vendor": connection.vendor, "articles": Article.objects.count()}

    if os.environ.get("BENCH_SEARCH", "1") != "0":
        search_urls = [f"/search/?q={quote(q)}" for q in SEARCHES]
        samples, statuses = timed_gets(client, search_urls, rounds)
        result["search"] = {**percentiles(samples), "statuses": statuses}
        per_query = {}
        for query, url in zip(SEARCHES, search_urls, strict=True):
            one, _ = timed_gets(client, [url], 5)
            per_query[query] = round(statistics.median(one) * 1000, 1)
        result["search_median_ms_by_query"] = per_query

    samples, statuses = timed_gets(client, ["/"], rounds * 3)
    result["front_page"] = {**percentiles(samples), "statuses": statuses}

    user_model = get_user_model()
    admin = user_model.objects.filter(username="bench-admin").first()
    if admin is None:
        admin = user_model.objects.create_superuser("bench-admin", "bench@example.cn", "x")
    client.force_login(admin)
    changelist = [
        "/admin/articles/article/",
        "/admin/articles/article/?p=100",
        "/admin/articles/article/?status__exact=published",
        f"/admin/articles/article/?q={quote('脑机接口')}",
    ]
    samples, statuses = timed_gets(client, changelist[:3], rounds)
    result["changelist"] = {**percentiles(samples), "statuses": statuses}
    samples, statuses = timed_gets(client, changelist[3:], max(3, rounds // 4))
    result["changelist_search"] = {**percentiles(samples), "statuses": statuses}
    # The filters editors reach for: by tag, by organisation, one issue day, drafts.
    filtered = [
        f"/admin/articles/article/?tag={quote('人工智能')}",
        f"/admin/articles/article/?organisation={quote('中国科学院')}",
        "/admin/articles/article/?page__issue__date__year=2021",
        "/admin/articles/article/?status__exact=draft",
    ]
    samples, statuses = timed_gets(client, filtered, max(3, rounds // 4))
    result["changelist_filtered"] = {**percentiles(samples), "statuses": statuses}
    return result


def phase_urls() -> dict:
    """What readers can reach, as the site's own rules say (`published()`), newest first."""
    from taggit.models import Tag

    from articles.models import Article, Page
    from entities.models import Organisation

    visible = Article.objects.published()
    articles = list(visible.order_by("-publish_at", "-id").values_list("pk", flat=True))
    pages = list(
        Page.objects.filter(articles__in=visible)
        .distinct()
        .order_by("-issue__date", "number")
        .values_list("issue__date", "number")[:400]
    )
    tags = list(
        Tag.objects.filter(article__in=visible).distinct().values_list("slug", flat=True)[:300]
    )
    organisations = list(
        Organisation.objects.filter(mentions__article__in=visible)
        .distinct()
        .values_list("pk", flat=True)[:300]
    )
    return {
        "articles": articles,
        "pages": [[date.isoformat(), number] for date, number in pages],
        "tags": tags,
        "organisations": organisations,
    }


def phase_editor() -> dict:
    """A newsroom's writers while readers read: an editor saves an article every
    BENCH_EDIT_SECONDS (10) and a new printed page is imported every BENCH_IMPORT_EVERY (120),
    for BENCH_DAY_SECONDS. Saves go through the model as the admin's do (history, search
    index, page cache)."""
    import random

    from articles.importing import collect_pages, import_pages
    from articles.models import Article

    seconds = float(os.environ.get("BENCH_DAY_SECONDS", "60"))
    edit_every = float(os.environ.get("BENCH_EDIT_SECONDS", "10"))
    import_every = float(os.environ.get("BENCH_IMPORT_EVERY", "120"))
    rng = random.Random(14)
    ids = list(
        Article.objects.published().order_by("-publish_at", "-id").values_list("pk", flat=True)
    )
    rank = common.zipf_ranks(len(ids), 1.1, rng)
    issues = common.generate_issues(
        common.SCRATCH / "bench-day-pages", 40, per_issue=1, first=datetime.date(2026, 1, 1)
    )
    sources = iter(collect_pages([str(issue) for issue in issues]))
    started = time.monotonic()
    next_edit, next_import = started + edit_every / 2, started + min(30.0, seconds / 3)
    edits, imports, failures, edit_ms, import_ms = 0, 0, [], [], []
    while time.monotonic() < started + seconds:
        now = time.monotonic()
        try:
            if now >= next_edit:
                next_edit += edit_every
                article = Article.objects.get(pk=ids[rank()])
                article.title = article.title.rstrip("（更正）") + "（更正）"
                began = time.perf_counter()
                article.save()
                edit_ms.append((time.perf_counter() - began) * 1000)
                edits += 1
            if now >= next_import:
                next_import += import_every
                began = time.perf_counter()
                reports = import_pages([next(sources)], publish=True)
                import_ms.append((time.perf_counter() - began) * 1000)
                failures += [report.error for report in reports if report.error]
                imports += 1
        except Exception as error:  # noqa: BLE001 - counted and reported, the day goes on
            failures.append(repr(error))
        time.sleep(0.05)
    return {
        "edits": edits,
        "imports": imports,
        "failures": failures,
        "edit_ms_max": round(max(edit_ms, default=0), 1),
        "import_ms_max": round(max(import_ms, default=0), 1),
    }


def phase_import_at_size() -> dict:
    """Generated pages imported into the database at its built size (organisations, history
    and search index on), one process."""
    from articles.importing import collect_pages, import_pages
    from articles.models import Article

    pages = int(os.environ.get("BENCH_IMPORT_AT_SIZE_PAGES", "60"))
    issues = common.generate_issues(
        common.SCRATCH / "bench-size-pages", pages, first=datetime.date(2025, 1, 1)
    )
    sources = collect_pages([str(issue) for issue in issues])
    import_pages(sources[:1], publish=True)  # jieba and the organisation names load once
    existing = Article.objects.count()
    started = time.perf_counter()
    reports = import_pages(sources[1:], publish=True)
    seconds = time.perf_counter() - started
    articles = Article.objects.count() - existing
    return {
        "existing_articles": existing,
        "pages": len(sources) - 1,
        "failed_pages": sum(1 for report in reports if report.error),
        "seconds": round(seconds, 2),
        "pages_per_s": round((len(sources) - 1) / seconds, 1),
        "articles_per_s": round(articles / seconds, 1),
    }


if __name__ == "__main__":
    phase = sys.argv[1]
    output = {
        "import": phase_import,
        "build": phase_build,
        "measure": phase_measure,
        "urls": phase_urls,
        "editor": phase_editor,
        "import_at_size": phase_import_at_size,
    }[phase]()
    print("RESULT " + json.dumps(output, ensure_ascii=False), flush=True)
