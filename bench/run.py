"""`make bench`: import, serving, search, front page, admin changelist and a newsroom day, measured.

Builds its own data in scratch databases (SQLite files under bench/scratch/ and PostgreSQL
databases `newsroom_bench*` on 127.0.0.1:5432, user postgres), prints a table and writes
bench/results.json (BENCH_RESULTS to write elsewhere). Sizes: BENCH_IMPORT_PAGES (500),
BENCH_ARTICLES (100000); BENCH_POSTGRES_URL to point elsewhere; BENCH_SKIP_POSTGRES=1 (or
BENCH_VENDORS=sqlite) when there is none.

Phases (BENCH_PHASES, comma-separated; default import,serving,size,day): import, serving,
size (search, front page, changelist and an import at BENCH_ARTICLES), day (a newsroom day
at BENCH_ARTICLES), and admin (front page and changelist only at BENCH_ADMIN_ARTICLES,
without a search index). A partial run keeps the other phases' last figures. The database at
size is built once and kept while its stamp matches the code (bench/building.py);
BENCH_REBUILD=1 builds it again.

Ratios are against the trivial view at the page's depth: /healthz (every middleware, as a
miss) for uncached pages and the newsroom day, /healthz/page (answered by the page cache, as
a hit) for cached pages and 304s; a ratio impossible against it marks the run disturbed.
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

import building  # noqa: E402
import common  # noqa: E402
from common import BASE_DIR, say  # noqa: E402

# BENCH_RESULTS: write elsewhere (a trial run), reading the committed figures to keep.
RESULTS = Path(os.environ.get("BENCH_RESULTS", BASE_DIR / "bench" / "results.json")).resolve()
COMMITTED = BASE_DIR / "bench" / "results.json"
ALL_PHASES = ("import", "serving", "size", "day")
IMPORT_DATABASE = common.SCRATCH / "bench-import.sqlite3"
SIZE_DATABASE = common.SCRATCH / "bench-size.sqlite3"  # the working copy each phase writes to
SIZE_ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
# The build, kept between runs (one per size, so a small trial run keeps the 100k build).
SIZE_BUILT = common.SCRATCH / f"bench-size-built-{SIZE_ARTICLES}.sqlite3"
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
PG_SERVER, PG_NAME = PG_URL.rsplit("/", 1)
PG_BUILT = f"{PG_NAME}_built_{SIZE_ARTICLES}"
PG_ADMIN_URL = f"{PG_SERVER}/postgres".replace("postgres://", "postgresql://", 1)


class Disturbed(Exception):
    """A ratio that cannot be true: the machine was busy with something else."""


def start_phase(name: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [common.PYTHON, "bench/phases.py", name],
        cwd=BASE_DIR,
        env={key: str(value) for key, value in env.items()},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_phase(name: str, process: subprocess.Popen, started: float) -> dict:
    stdout, stderr = process.communicate()
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"phase {name} failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    say(f"phase {name} done in {time.monotonic() - started:.0f} s")
    return json.loads(lines[-1].removeprefix("RESULT "))


def phase(name: str, env: dict) -> dict:
    return finish_phase(name, start_phase(name, env), time.monotonic())


SLICES = int(os.environ.get("BENCH_SLICES", "7"))
SLICE_SECONDS = float(os.environ.get("BENCH_SLICE_SECONDS", "1.5"))
CONCURRENCY = 8


def measure_ratios(port: int, urls: dict, *, cached: bool, headers=None) -> dict:
    """Interleaved slices of the page and of the trivial view at its depth: /healthz for a
    server without the page cache (every request a miss through the whole middleware), and
    on a cached server /healthz/page (answered by the page cache, as a hit is) beside
    /healthz (kept so the figures read beside earlier rounds')."""
    references = (
        (common.TRIVIAL_CACHED, common.TRIVIAL_FULL_STACK)
        if cached
        else (common.TRIVIAL_FULL_STACK,)
    )
    if cached:
        common.warm_trivial(port, CONCURRENCY)
    return common.interleaved_ratios(
        port,
        urls,
        slices=SLICES,
        slice_seconds=SLICE_SECONDS,
        concurrency=CONCURRENCY,
        headers=headers,
        references=references,
    )


def ratio_fields(measured: dict) -> dict:
    """The first reference's ratio as `ratio`, every other as `ratio_vs_<name>`."""
    first, *others = measured.values()
    out = first.as_dict()
    for other in others:
        name = other.reference.strip("/").replace("/", "_")
        out[f"ratio_vs_{name}"] = round(other.median, 3)
        out[f"spread_vs_{name}"] = round(other.spread, 3)
        out[f"trivial_rps_vs_{name}"] = round(other.trivial.rps(), 1)
    return out


def check_possible(label: str, measured: dict, bound: str) -> None:
    """A page faster than the trivial view at its own depth cannot be: the run is disturbed."""
    against = measured[bound]
    if against.impossible():
        raise Disturbed(
            f"{label}: {against.median:.3f}x the trivial view {bound} with a spread of "
            f"{against.spread:.3f} cannot be true; the machine was disturbed"
        )


def ratio(port: int, label: str, urls: dict, *, cached: bool, headers=None) -> dict:
    """A page kind against the trivial view at its depth; an impossible ratio stops the bench."""
    measured = measure_ratios(port, urls, cached=cached, headers=headers)
    first = next(iter(measured.values()))
    kind = next(iter(urls))
    page = first.page
    if page.error_count() or page.server_errors():
        raise RuntimeError(f"{label}: errors\n{common.load_table(page)}")
    out = {
        **ratio_fields(measured),
        "p50_ms": round(page.ms(kind, 0.5), 2),
        "p95_ms": round(page.ms(kind, 0.95), 2),
        "p99_ms": round(page.ms(kind, 0.99), 2),
        "requests": page.requests(),
        "statuses": {str(k): v for k, v in sorted(page.statuses[kind].items())},
    }
    if page.cache[kind]["hit"] or page.cache[kind]["miss"]:
        out["hit_ratio"] = round(page.hit_ratio(kind), 4)
    say(
        f"{label:<28} {first.median:6.3f}x {first.reference} (spread {first.spread:.3f}, "
        f"{page.rps():7.1f} req/s against {first.trivial.rps():7.1f})"
    )
    check_possible(label, measured, first.reference)
    return out


def reader_urls(env: dict) -> dict:
    """What readers can reach in that database, by the site's own visibility rule."""
    return phase("urls", env)


def etags(port: int, urls: list[str]) -> dict[str, dict[str, str]]:
    """Each URL's current ETag, as a returning reader's browser holds it."""
    import http.client

    found = {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for url in urls:
        connection.request("GET", url, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        if response.getheader("ETag"):
            found[url] = {"If-None-Match": response.getheader("ETag")}
    connection.close()
    return found


def warm(port: int, urls: dict, label: str) -> None:
    """Without REDIS_URL each worker has its own cache: warm until nearly every request of
    a pass hits, at most a minute."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        passed = common.run_load(port, urls, seconds=3, concurrency=CONCURRENCY)
        if passed.hit_ratio() >= 0.995:
            break
    say(f"  {label} warmed: {passed.hit_ratio():.1%} hits in the last warming pass")


def serving(env: dict) -> dict:
    """Article and search pages against /healthz on the same gunicorn, uncached and cached,
    and a returning reader's conditional GET; every figure from interleaved slices."""
    found = reader_urls(env)
    ids = found["articles"]
    urls = {
        "article": [f"/articles/{pk}/" for pk in ids[:: max(1, len(ids) // 200)]],
        "search": [f"/search/?q={quote(q)}" for q in ("脑机接口", "专精特新", "人工智能", "科技")],
    }
    workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
    out = {
        "http_workers": workers,
        "http_concurrency": CONCURRENCY,
        "slices": SLICES,
        "slice_seconds": SLICE_SECONDS,
    }
    with common.Server(
        {**env, "DJANGO_PUBLIC_CACHE_SECONDS": 0}, workers=workers, log_name="bench-uncached"
    ) as server:
        for kind, kind_urls in urls.items():
            out[f"{kind}_uncached"] = ratio(
                server.port, f"{kind} uncached", {kind: kind_urls}, cached=False
            )
    with common.Server(
        {**env, "DJANGO_PUBLIC_CACHE_SECONDS": 300}, workers=workers, log_name="bench-cached"
    ) as server:
        warm(server.port, urls, "article and search")
        for kind, kind_urls in urls.items():
            out[f"{kind}_cached"] = ratio(
                server.port, f"{kind} cached", {kind: kind_urls}, cached=True
            )
        held = etags(server.port, urls["article"])
        out["conditional_get"] = ratio(
            server.port,
            "article conditional GET",
            {"conditional": list(held)},
            cached=True,
            headers=held,
        )
    return out


#: A newsroom day's readers: share of requests per kind of page.
DAY_MIX = {
    "article": 0.80,
    "front": 0.04,
    "page": 0.04,
    "issue": 0.03,
    "tag": 0.03,
    "organisation": 0.02,
    "search_common": 0.015,
    "search_rare": 0.01,
    "feed": 0.015,
}
COMMON_SEARCHES = ["科技", "人工智能", "创新 发展", "企业", "脑机接口", "新能源"]


def day_urls(found: dict, count: int, seed: int = 14) -> list[str]:
    """`count` requests drawn from DAY_MIX; articles, pages and issues by Zipf (s = 1.1,
    newest first), so the long tail of the archive is read as search engines read it."""
    import random

    rng = random.Random(seed)
    articles, pages = found["articles"], found["pages"]
    article_rank = common.zipf_ranks(len(articles), 1.1, rng)
    page_rank = common.zipf_ranks(len(pages), 1.1, rng)
    dates = sorted({date for date, _ in pages}, reverse=True)
    issue_rank = common.zipf_ranks(len(dates), 1.1, rng)
    pick = {
        "article": lambda: f"/articles/{articles[article_rank()]}/",
        "front": lambda: "/",
        "page": lambda: "/issues/{}/{}/".format(*pages[page_rank()]),
        "issue": lambda: f"/issues/{dates[issue_rank()]}/",
        "tag": lambda: f"/tags/{quote(rng.choice(found['tags']))}/",
        "organisation": lambda: f"/organisations/{rng.choice(found['organisations'])}/",
        "search_common": lambda: f"/search/?q={quote(rng.choice(COMMON_SEARCHES))}",
        "search_rare": lambda: f"/search/?q={rng.randrange(len(articles))}",
        "feed": lambda: "/feed/",
    }
    kinds, weights = zip(*DAY_MIX.items(), strict=True)
    return [pick[kind]() for kind in rng.choices(kinds, weights, k=count)]


def newsroom_day(env: dict, label: str) -> dict:
    """Readers over the whole archive while an editor saves every 10 s and a page is imported
    every 2 minutes, against gunicorn as `make serve` runs it; throughput against /healthz
    in interleaved slices, latency, hit ratio and errors over every slice."""
    found = reader_urls(env)
    urls = day_urls(found, 200_000)
    workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
    warm_seconds = float(os.environ.get("BENCH_DAY_WARM_SECONDS", "20"))
    slices = int(os.environ.get("BENCH_DAY_SLICES", "9"))
    slice_seconds = float(os.environ.get("BENCH_DAY_SLICE_SECONDS", "4"))
    references = (common.TRIVIAL_FULL_STACK, common.TRIVIAL_CACHED)
    # The writers work for as long as the readers read: warm-up, then the page slices and
    # every reference's slices around them.
    day_seconds = warm_seconds + (slices + (slices + 1) * len(references)) * slice_seconds + 6
    server_env = {**env, "DJANGO_PUBLIC_CACHE_SECONDS": 300}
    with common.Server(server_env, workers=workers, log_name=f"bench-day-{label}") as server:
        started = time.monotonic()
        editor = start_phase("editor", {**server_env, "BENCH_DAY_SECONDS": str(day_seconds)})
        # Readers arrive over a warm-up first: a site in the middle of its day, not cold.
        common.run_load(server.port, {"day": urls}, seconds=warm_seconds, concurrency=CONCURRENCY)
        common.warm_trivial(server.port, CONCURRENCY)
        # The day's requests are mostly misses: its ratio is against /healthz (the full
        # stack, as a miss runs it), as the target is stated; no mix of hits and misses can
        # beat the cached trivial page, which is what decides a disturbed run.
        ratios = common.interleaved_ratios(
            server.port,
            {"day": urls},
            slices=slices,
            slice_seconds=slice_seconds,
            concurrency=CONCURRENCY,
            references=references,
        )
        writers = finish_phase("editor", editor, started)
    measured = ratios[common.TRIVIAL_FULL_STACK]
    page = measured.page
    tracebacks = server.log_path.read_text().count("Traceback")
    out = {
        **ratio_fields(ratios),
        "p50_ms": round(page.ms("day", 0.5), 2),
        "p95_ms": round(page.ms("day", 0.95), 2),
        "p99_ms": round(page.ms("day", 0.99), 2),
        "requests": page.requests(),
        "hit_ratio": round(page.hit_ratio("day"), 4),
        "errors": page.error_count() + page.server_errors(),
        "statuses": {str(k): v for k, v in sorted(page.statuses["day"].items())},
        "server_tracebacks": tracebacks,
        "articles": len(found["articles"]),
        "mix": DAY_MIX,
        "writers": writers,
    }
    say(
        f"newsroom day {label}: {measured.median:.3f}x /healthz (spread {measured.spread:.3f}), "
        f"p50/p95/p99 {out['p50_ms']}/{out['p95_ms']}/{out['p99_ms']} ms, "
        f"{out['hit_ratio']:.1%} hits, {out['errors']} errors, "
        f"{writers['edits']} edits and {writers['imports']} imports"
    )
    if writers["failures"]:
        raise RuntimeError(f"newsroom day {label}: writers failed: {writers['failures']}")
    check_possible(f"newsroom day {label}", ratios, common.TRIVIAL_CACHED)
    return out


def article_uncached_at_size(env: dict, label: str) -> dict:
    found = reader_urls(env)
    ids = found["articles"]
    urls = {"article": [f"/articles/{pk}/" for pk in ids[:: max(1, len(ids) // 500)]]}
    workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
    with common.Server(
        {**env, "DJANGO_PUBLIC_CACHE_SECONDS": 0}, workers=workers, log_name=f"bench-{label}"
    ) as server:
        return ratio(server.port, f"article uncached {label}", urls, cached=False)


def size_env(vendor: str, *, built: bool = False) -> dict:
    """The environment of the database at size (the working copy, or with `built` the kept
    build); PostgreSQL is served with Redis, as production runs it (the machine's Redis,
    under a key prefix of this run's own)."""
    if vendor == "sqlite":
        url = f"sqlite:///{SIZE_BUILT if built else SIZE_DATABASE}"
    else:
        url = f"{PG_SERVER}/{PG_BUILT if built else PG_NAME}"
    extra = {"DJANGO_PUBLIC_CACHE_SECONDS": 0}
    if vendor == "postgres":
        extra |= {"REDIS_URL": BENCH_REDIS_URL, "DJANGO_CACHE_KEY_PREFIX": f"bench-{os.getpid()}"}
    return common.production_env(url, f"bench-{vendor}", **extra)


def size_database(vendor: str) -> dict:
    """A fresh working copy of the database at size: built once, kept (bench/building.py)
    and copied for each phase, so a phase's imports and edits never reach the next run.
    Builds again when the kept build's stamp differs from this code's, or BENCH_REBUILD=1."""
    articles = SIZE_ARTICLES
    wanted = building.stamp(vendor, articles, search=True)
    if vendor == "sqlite":
        found = building.sqlite_built(SIZE_BUILT)
    else:
        found = building.postgres_built(PG_ADMIN_URL, PG_BUILT)
    reused = bool(found and found["stamp"] == wanted and os.environ.get("BENCH_REBUILD") != "1")
    if reused:
        say(f"{vendor}: reusing the build of {found['built_at']} ({articles} articles, {wanted})")
    else:
        if vendor == "sqlite":
            common.scratch_sqlite(SIZE_BUILT.stem)
        else:
            building.postgres_recreate(PG_ADMIN_URL, PG_BUILT)
        env = size_env(vendor, built=True)
        common.manage(env, "migrate", "--noinput", "--verbosity", "0")
        say(f"{vendor}: building {articles} articles and the index (build {wanted})")
        found = {**phase("build", {**env, "BENCH_BUILD_STAMP": wanted}), "stamp": wanted}
    started = time.monotonic()
    if vendor == "sqlite":
        building.sqlite_copy(SIZE_BUILT, SIZE_DATABASE)
    else:
        building.postgres_recreate(PG_ADMIN_URL, PG_NAME, template=PG_BUILT)
    say(f"{vendor}: working copy made in {time.monotonic() - started:.1f} s")
    return {**found, "reused_build": reused}


def missing_data(phases: list[str]) -> str | None:
    """One line saying what a partial run needs that an earlier phase makes, if missing."""
    if "serving" in phases and "import" not in phases and not IMPORT_DATABASE.exists():
        return (
            f"BENCH_PHASES=serving needs the import phase's database {IMPORT_DATABASE}: "
            "run BENCH_PHASES=import,serving (or make bench) first"
        )
    return None


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
    phases = os.environ.get("BENCH_PHASES", ",".join(ALL_PHASES)).split(",")
    problem = missing_data(phases)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    kept = RESULTS if RESULTS.exists() else COMMITTED
    if set(phases) != set(ALL_PHASES) and kept.exists():
        results = {**json.loads(kept.read_text()), **results}
        results["partial_rerun"] = phases
    # 1. import -------------------------------------------------------------------------------
    import_url = f"sqlite:///{IMPORT_DATABASE}"
    env = common.production_env(import_url, "bench-import", DJANGO_PUBLIC_CACHE_SECONDS=0)
    # Every phase serves pages through whitenoise's manifest, whichever phases run.
    common.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    if "import" in phases:
        common.scratch_sqlite("bench-import")
        common.manage(env, "migrate", "--noinput", "--verbosity", "0")
        pages = os.environ.get("BENCH_IMPORT_PAGES", "500")
        say(f"import: {pages} generated pages (organisation matching and history on)")
        results["import"] = phase("import", env)
    # 2. serving ------------------------------------------------------------------------------
    if "serving" in phases:
        say("serving: gunicorn on 127.0.0.1, article and search against /healthz")
        results["serving"] = serving(env)
    # 3 and 4. search, front page, changelist at size -----------------------------------------
    vendors = os.environ.get("BENCH_VENDORS", "sqlite,postgres").split(",")
    if os.environ.get("BENCH_SKIP_POSTGRES") == "1":
        vendors = [vendor for vendor in vendors if vendor != "postgres"]
    if "size" in phases:
        results["at_size"] = {}
        for vendor in vendors:
            built = size_database(vendor)
            env = size_env(vendor)
            measured = phase("measure", env)
            results["at_size"][vendor] = {**built, **measured}
            if vendor == "sqlite" or os.environ.get("BENCH_IMPORT_POSTGRES") == "1":
                say(f"{vendor}: importing pages into the database at size")
                results["at_size"][vendor]["import_at_size"] = phase("import_at_size", env)
    # 3b. a newsroom day at size -----------------------------------------------------------
    if "day" in phases:
        results["newsroom_day"] = {}
        for vendor in vendors:
            size_database(vendor)
            env = size_env(vendor)
            say(f"{vendor}: a newsroom day at size")
            results["newsroom_day"][vendor] = {
                "article_uncached": article_uncached_at_size(env, vendor),
                **newsroom_day(env, vendor),
            }
    # 4 alone. the changelist and front page at 100k, no search index -----------------------
    if "admin" in phases:
        results["admin_at_size"] = {}
        admin_targets = [("sqlite", common.scratch_sqlite("bench-admin"))]
        if os.environ.get("BENCH_SKIP_POSTGRES") != "1":
            admin_targets.append(("postgres", PG_URL))
        for vendor, url in admin_targets:
            if vendor == "postgres":
                building.postgres_recreate(PG_ADMIN_URL, PG_NAME)
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
    if "ratio" not in serving_["article_uncached"]:
        say("serving figures predate interleaved ratios: rerun BENCH_PHASES=import,serving")
        serving_ = {
            key: {**value, "ratio": None, "trivial_rps": None} if isinstance(value, dict) else value
            for key, value in serving_.items()
        }
        serving_.setdefault("conditional_get", {"ratio": None})
    results.update(
        {
            "import_pages_per_s": results["import"]["import_pages_per_s"],
            "import_articles_per_s": results["import"]["import_articles_per_s"],
            "parse_pages_per_s": results["import"]["parse_pages_per_s"],
            "trivial_rps": serving_["article_uncached"]["trivial_rps"],
            "trivial_cached_server_rps": serving_["article_cached"]["trivial_rps"],
            "article_rps": serving_["article_uncached"]["rps"],
            "article_cached_rps": serving_["article_cached"]["rps"],
            "search_rps": serving_["search_uncached"]["rps"],
            "search_cached_rps": serving_["search_cached"]["rps"],
            # Medians of interleaved slice ratios (spreads beside them in "serving").
            "article_ratio": serving_["article_uncached"]["ratio"],
            "article_cached_ratio": serving_["article_cached"]["ratio"],
            "search_ratio": serving_["search_uncached"]["ratio"],
            "conditional_get_ratio": serving_["conditional_get"]["ratio"],
            "size_articles": sqlite_["articles"],
            "search_p50_ms_sqlite": sqlite_["search"]["p50_ms"],
            "search_p95_ms_sqlite": sqlite_["search"]["p95_ms"],
            "changelist_p95_ms": sqlite_["changelist"]["p95_ms"],
            "front_page_p95_ms": sqlite_["front_page"]["p95_ms"],
        }
    )
    if "import_at_size" in sqlite_:
        results["import_articles_per_s_at_100k"] = sqlite_["import_at_size"]["articles_per_s"]
    for vendor, suffix in (("sqlite", ""), ("postgres", "_postgres")):
        day = results.get("newsroom_day", {}).get(vendor)
        if day:
            results[f"newsroom_day_ratio{suffix}"] = day["ratio"]
            results[f"newsroom_day_p99_ms{suffix}"] = day["p99_ms"]
            results[f"newsroom_day_errors{suffix}"] = day["errors"]
            results[f"newsroom_day_hit_ratio{suffix}"] = day["hit_ratio"]
            results[f"article_ratio_at_size{suffix}"] = day["article_uncached"]["ratio"]
    if "postgres" in results.get("newsroom_day", {}):
        results["article_ratio_postgres"] = results["newsroom_day"]["postgres"]["article_uncached"][
            "ratio"
        ]
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
    results["machine_shared"] = os.environ.get("BENCH_MACHINE_SHARED", "0") == "1"
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
            ">= 0.3x",
        ),
        ("article uncached ratio PostgreSQL @ size", r.get("article_ratio_postgres"), ">= 0.3x"),
        ("conditional GET ratio (304)", r.get("conditional_get_ratio"), ">= 0.9x"),
        (
            "newsroom day ratio / p99 ms / errors SQLite",
            f"{r.get('newsroom_day_ratio')} / {r.get('newsroom_day_p99_ms')} / "
            f"{r.get('newsroom_day_errors')}",
            ">= 0.5x / <= 100 / 0",
        ),
        (
            "newsroom day ratio / p99 ms / errors PG+Redis",
            f"{r.get('newsroom_day_ratio_postgres')} / {r.get('newsroom_day_p99_ms_postgres')} / "
            f"{r.get('newsroom_day_errors_postgres')}",
            ">= 0.5x / <= 100 / 0",
        ),
        ("import articles/s at size (SQLite)", r.get("import_articles_per_s_at_100k"), ">= 100"),
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
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Disturbed as disturbed:
        print(f"disturbed run, bench/results.json not written: {disturbed}", file=sys.stderr)
        sys.exit(3)
