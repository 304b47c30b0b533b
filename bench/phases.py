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

import building  # noqa: E402
import common  # noqa: E402
from django.db import connection  # noqa: E402

SEARCHES = [
    "青禾智算",
    "质检员",
    "海能实验室",
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
    from entities.naming import words

    pages = int(os.environ.get("BENCH_IMPORT_AT_SIZE_PAGES", "200"))
    issues = common.generate_issues(
        common.SCRATCH / "bench-size-pages", pages, first=datetime.date(2025, 1, 1)
    )
    sources = collect_pages([str(issue) for issue in issues])
    # One-time costs of a process, not of each page: jieba's dictionaries (both segmenters)
    # and the organisation names load here.
    words("中国科学院")
    import_pages(sources[:1], publish=True)
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
        "build": building.phase_build,
        "measure": phase_measure,
        "urls": phase_urls,
        "editor": phase_editor,
        "import_at_size": phase_import_at_size,
    }[phase]()
    print("RESULT " + json.dumps(output, ensure_ascii=False), flush=True)
