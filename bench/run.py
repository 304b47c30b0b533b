"""`make bench`: import, serving, search, front page and admin changelist, measured.

Builds its own data in scratch databases (SQLite files under bench/scratch/ and the
PostgreSQL database `newsroom_bench` on 127.0.0.1:5432, user postgres), prints a table and
writes bench/results.json. Sizes: BENCH_IMPORT_PAGES (500), BENCH_ARTICLES (100000);
BENCH_POSTGRES_URL to point elsewhere; BENCH_SKIP_POSTGRES=1 when there is none.

Phases (BENCH_PHASES, comma-separated; default import,serving,size): import, serving, size
(search, front page and changelist at BENCH_ARTICLES, search index built) and admin (front
page and changelist only at BENCH_ADMIN_ARTICLES, default 100000, without a search index, so
100k fits in a few minutes). A partial run keeps the other phases' last figures.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import BASE_DIR, say  # noqa: E402

RESULTS = BASE_DIR / "bench" / "results.json"
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")


def phase(name: str, env: dict) -> dict:
    started = time.monotonic()
    result = subprocess.run(
        [common.PYTHON, "bench/phases.py", name],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not lines:
        output = result.stdout[-3000:] + "\n" + result.stderr[-3000:]
        raise RuntimeError(f"phase {name} failed:\n{output}")
    say(f"phase {name} done in {time.monotonic() - started:.0f} s")
    return json.loads(lines[-1].removeprefix("RESULT "))


def fresh_postgres() -> None:
    import psycopg

    name = PG_URL.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')


def serving(env: dict, database: Path) -> dict:
    """Article and search pages against /healthz on the same gunicorn, uncached and cached."""
    import sqlite3

    with sqlite3.connect(database) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM articles_article ORDER BY id")]
    urls = {
        "trivial": ["/healthz"],
        "article": [f"/articles/{pk}/" for pk in ids[:: max(1, len(ids) // 200)]],
        "search": [f"/search/?q={quote(q)}" for q in ("脑机接口", "专精特新", "人工智能", "科技")],
    }
    seconds = float(os.environ.get("BENCH_HTTP_SECONDS", "8"))
    concurrency, workers = 8, int(os.environ.get("WEB_CONCURRENCY", "4"))
    out = {"http_workers": workers, "http_concurrency": concurrency, "http_seconds": seconds}
    for label, cache_seconds in (("uncached", 0), ("cached", 300)):
        server_env = {**env, "DJANGO_PUBLIC_CACHE_SECONDS": cache_seconds}
        with common.Server(server_env, workers=workers, log_name=f"bench-{label}") as server:
            if cache_seconds:
                # Each worker has its own memory cache without REDIS_URL: warm until every
                # worker has met every URL (a pass of nearly all hits), at most a minute.
                warm = {"article": urls["article"], "search": urls["search"]}
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    passed = common.run_load(server.port, warm, seconds=4, concurrency=concurrency)
                    if passed.hit_ratio() >= 0.995:
                        break
                say(f"  warmed: {passed.hit_ratio():.1%} hits in the last warming pass")
            for kind, kind_urls in urls.items():
                result = common.run_load(
                    server.port, {kind: kind_urls}, seconds=seconds, concurrency=concurrency
                )
                if result.error_count() or result.server_errors():
                    raise RuntimeError(f"{label} {kind}: errors\n{common.load_table(result)}")
                out[f"{kind}_{label}"] = {
                    "rps": round(result.rps(), 1),
                    "p50_ms": round(result.ms(kind, 0.5), 2),
                    "p99_ms": round(result.ms(kind, 0.99), 2),
                    "requests": result.requests(),
                }
                if kind != "trivial" and cache_seconds:
                    out[f"{kind}_{label}"]["hit_ratio"] = round(result.hit_ratio(kind), 4)
                say(f"{label:>8} {kind:<8} {result.rps():8.1f} req/s")
    return out


def main() -> int:
    started = time.monotonic()
    results: dict = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        },
    }
    # BENCH_PHASES=serving (say) reruns only that part, keeping the others' last figures.
    phases = os.environ.get("BENCH_PHASES", "import,serving,size").split(",")
    if set(phases) != {"import", "serving", "size"} and RESULTS.exists():
        results = {**json.loads(RESULTS.read_text()), **results}
        results["partial_rerun"] = phases
    # 1. import -------------------------------------------------------------------------------
    import_database = common.SCRATCH / "bench-import.sqlite3"
    import_url = f"sqlite:///{import_database}"
    env = common.production_env(import_url, "bench-import", DJANGO_PUBLIC_CACHE_SECONDS=0)
    if "import" in phases:
        common.scratch_sqlite("bench-import")
        common.prepare_database(env)
        say("import: 500 generated pages (organisation matching and history on)")
        results["import"] = phase("import", env)
    # 2. serving ------------------------------------------------------------------------------
    if "serving" in phases:
        say("serving: gunicorn on 127.0.0.1, article and search against /healthz")
        results["serving"] = serving(env, import_database)
    # 3 and 4. search, front page, changelist at size -----------------------------------------
    targets = [("sqlite", common.scratch_sqlite("bench-size"))] if "size" in phases else []
    if "size" in phases:
        results["at_size"] = {}
    if "size" in phases and os.environ.get("BENCH_SKIP_POSTGRES") != "1":
        targets.append(("postgres", PG_URL))
    for vendor, url in targets:
        if vendor == "postgres":
            fresh_postgres()
        env = common.production_env(url, f"bench-{vendor}", DJANGO_PUBLIC_CACHE_SECONDS=0)
        common.manage(env, "migrate", "--noinput", "--verbosity", "0")
        size = os.environ.get("BENCH_ARTICLES", "100000")
        say(f"{vendor}: building {size} articles and the index")
        built = phase("build", env)
        measured = phase("measure", env)
        results["at_size"][vendor] = {**built, **measured}
    # 4 alone. the changelist and front page at 100k, no search index -----------------------
    if "admin" in phases:
        results["admin_at_size"] = {}
        admin_targets = [("sqlite", common.scratch_sqlite("bench-admin"))]
        if os.environ.get("BENCH_SKIP_POSTGRES") != "1":
            admin_targets.append(("postgres", PG_URL))
        for vendor, url in admin_targets:
            if vendor == "postgres":
                fresh_postgres()
            env = common.production_env(
                url, f"bench-admin-{vendor}", DJANGO_PUBLIC_CACHE_SECONDS=0, BENCH_SEARCH=0
            )
            env["BENCH_ARTICLES"] = os.environ.get("BENCH_ADMIN_ARTICLES", "100000")
            common.manage(env, "migrate", "--noinput", "--verbosity", "0")
            say(f"{vendor}: building {env['BENCH_ARTICLES']} articles (no search index)")
            built = phase("build", env)
            measured = phase("measure", env)
            results["admin_at_size"][vendor] = {**built, **measured}

    serving_ = results["serving"]
    sqlite_ = results["at_size"]["sqlite"]
    trivial = serving_["trivial_uncached"]["rps"]
    results.update(
        {
            "import_pages_per_s": results["import"]["import_pages_per_s"],
            "import_articles_per_s": results["import"]["import_articles_per_s"],
            "parse_pages_per_s": results["import"]["parse_pages_per_s"],
            "trivial_rps": trivial,
            "trivial_cached_server_rps": serving_["trivial_cached"]["rps"],
            "article_rps": serving_["article_uncached"]["rps"],
            "article_cached_rps": serving_["article_cached"]["rps"],
            "search_rps": serving_["search_uncached"]["rps"],
            "search_cached_rps": serving_["search_cached"]["rps"],
            "article_ratio": round(serving_["article_uncached"]["rps"] / trivial, 3),
            "article_cached_ratio": round(
                serving_["article_cached"]["rps"] / serving_["trivial_cached"]["rps"], 3
            ),
            "search_ratio": round(serving_["search_uncached"]["rps"] / trivial, 3),
            "size_articles": sqlite_["articles"],
            "search_p50_ms_sqlite": sqlite_["search"]["p50_ms"],
            "search_p95_ms_sqlite": sqlite_["search"]["p95_ms"],
            "changelist_p95_ms": sqlite_["changelist"]["p95_ms"],
            "front_page_p95_ms": sqlite_["front_page"]["p95_ms"],
        }
    )
    if "postgres" in results["at_size"]:
        pg = results["at_size"]["postgres"]
        results["search_p50_ms_postgres"] = pg["search"]["p50_ms"]
        results["search_p95_ms_postgres"] = pg["search"]["p95_ms"]
        results["changelist_p95_ms_postgres"] = pg["changelist"]["p95_ms"]
        results["front_page_p95_ms_postgres"] = pg["front_page"]["p95_ms"]
    if "admin_at_size" in results:
        for vendor, suffix in (("sqlite", ""), ("postgres", "_postgres")):
            if vendor in results["admin_at_size"]:
                admin = results["admin_at_size"][vendor]
                results["admin_size_articles"] = admin["articles"]
                results[f"changelist_p95_ms{suffix}"] = admin["changelist"]["p95_ms"]
                results[f"front_page_p95_ms{suffix}"] = admin["front_page"]["p95_ms"]
    results["bench_seconds"] = round(time.monotonic() - started)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print_table(results)
    return 0


def print_table(r: dict) -> None:
    size = r["size_articles"]
    admin_size = r.get("admin_size_articles", size)
    rows = [
        ("import pages/s (SQLite, orgs + history)", r["import_pages_per_s"], ""),
        ("import articles/s", r["import_articles_per_s"], ">= 100"),
        ("parse-only pages/s", r["parse_pages_per_s"], ""),
        ("trivial /healthz req/s (uncached server)", r["trivial_rps"], ""),
        (
            "article req/s uncached (ratio)",
            f"{r['article_rps']} ({r['article_ratio']}x)",
            ">= 0.2x",
        ),
        (
            "article req/s cached (ratio)",
            f"{r['article_cached_rps']} ({r['article_cached_ratio']}x)",
            ">= 0.8x",
        ),
        ("search req/s uncached (ratio)", f"{r['search_rps']} ({r['search_ratio']}x)", ""),
        (
            f"search p50/p95 ms SQLite @ {size}",
            f"{r['search_p50_ms_sqlite']} / {r['search_p95_ms_sqlite']}",
            "p95 <= 50",
        ),
        (
            f"search p50/p95 ms PostgreSQL @ {size}",
            f"{r.get('search_p50_ms_postgres')} / {r.get('search_p95_ms_postgres')}",
            "p95 <= 50",
        ),
        (f"admin changelist p95 ms @ {admin_size}", r["changelist_p95_ms"], "<= 300"),
        (
            f"admin changelist p95 ms PostgreSQL @ {admin_size}",
            r.get("changelist_p95_ms_postgres"),
            "<= 300",
        ),
        (f"front page p95 ms @ {admin_size}", r["front_page_p95_ms"], ""),
    ]
    print(f"\n{'measure':<44} {'value':>24}  target")
    for name, value, target in rows:
        print(f"{name:<44} {value!s:>24}  {target}")
    print(f"\nmachine: {r['machine']}\ndate: {r['date']}; whole bench {r['bench_seconds']} s")
    print(f"written to {RESULTS.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    sys.exit(main())
