"""`make loadtest`: readers at 32 concurrent connections for 60 s while an import runs.

Everything is local and bounded: a scratch SQLite database under bench/scratch/, gunicorn on
a free 127.0.0.1 port (stopped at the end), an importer in its own process importing one
generated issue after another into the same database for as long as the readers read.
It passes (exit 0) only with zero connection errors, zero 5xx responses and no failed import.

With --redis-fault the cache is a `redis-server` of its own on a free loopback port, which
is killed a third of the way through and started again at two thirds: the run must still
show zero 5xx and no failed import, and pages must be served from the cache again after.

    .venv/bin/python bench/loadtest.py [--seconds 60] [--concurrency 32] [--workers N]
                                       [--redis-fault]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import common  # noqa: E402
from common import SCRATCH, say  # noqa: E402

from newsroom.tests.redis_servers import RedisServer  # noqa: E402

SEARCHES = [
    "青禾智算",
    "质检员",
    "海能实验室",
    "脑机接口",
    "专精特新",
    "人工智能",
    "科技",
    "企业 创新",
]


def reader_urls(env: dict) -> dict[str, list[str]]:
    """What readers can reach, by the site's own rule (`Article.objects.published()`)."""
    result = subprocess.run(
        [common.PYTHON, "bench/phases.py", "urls"],
        cwd=common.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout.splitlines()[-1].removeprefix("RESULT "))
    articles = [f"/articles/{pk}/" for pk in found["articles"]]
    pages = [f"/issues/{date}/{number}/" for date, number in found["pages"]]
    if not articles or not pages:
        raise RuntimeError("the initial import left no published article to read")
    searches = [f"/search/?q={quote(query)}" for query in SEARCHES]
    return {"article": articles, "page": pages + ["/"], "search": searches}


class Importer(threading.Thread):
    """Imports the prepared issues one `manage.py import_issue` at a time until stopped."""

    def __init__(self, env: dict, issues: list[Path]):
        super().__init__(daemon=True)
        self.env, self.issues = env, issues
        self.stopping = threading.Event()
        self.imported, self.failures, self.seconds = 0, [], 0.0

    def run(self):
        started = time.monotonic()
        for issue in self.issues:
            if self.stopping.is_set():
                break
            result = subprocess.run(
                [common.PYTHON, "manage.py", "import_issue", str(issue), "--publish"],
                cwd=common.BASE_DIR,
                env=self.env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                self.failures.append(f"{issue.name}: {(result.stderr or result.stdout)[-500:]}")
            else:
                self.imported += len(list(issue.glob("*.txt")))
        self.seconds = time.monotonic() - started


def load_in_parts(port: int, urls: dict, args, redis) -> dict[str, common.LoadResult]:
    """The load in one part, or with --redis-fault in three: Redis up, gone, back."""
    load = functools.partial(
        common.run_load, port, urls, concurrency=args.concurrency, max_requests=args.max_requests
    )
    if redis is None:
        return {"all": load(seconds=args.seconds)}
    third = args.seconds / 3
    parts = {"redis up": load(seconds=third)}
    redis.stop()
    say("redis-server killed")
    parts["redis stopped"] = load(seconds=third)
    redis.start()
    say("redis-server started again (empty)")
    parts["redis back"] = load(seconds=third)
    return parts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 4)))
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--redis-fault", action="store_true", help="kill Redis mid-run")
    args = parser.parse_args(argv)

    database_url = common.scratch_sqlite("loadtest")
    redis = RedisServer() if args.redis_fault else None
    extra = {}
    if redis:
        redis.start()
        extra = {"REDIS_URL": redis.url}
    env = common.production_env(database_url, "loadtest", **extra)
    say(f"scratch database {database_url}" + (f", cache {redis.url}" if redis else ""))
    common.prepare_database(env)

    say("importing 5 issues (40 pages) for the readers to read")
    initial = common.generate_issues(SCRATCH / "loadtest-initial", 40)
    common.manage(env, "import_issue", *map(str, initial), "--publish")
    urls = reader_urls(env)
    say(", ".join(f"{len(found)} {kind} URLs" for kind, found in urls.items()))

    during = common.generate_issues(
        SCRATCH / "loadtest-during", 480, first=common.datetime.date(2025, 1, 1)
    )
    with common.Server(env, workers=args.workers, log_name="loadtest-gunicorn") as server:
        say(
            f"gunicorn on {server.base} with {args.workers} workers; {args.concurrency} "
            f"connections for {args.seconds:.0f} s while an import runs"
        )
        importer = Importer(env, during)
        importer.start()
        try:
            parts = load_in_parts(server.port, urls, args, redis)
        finally:
            importer.stopping.set()
            importer.join(timeout=300)
            if redis:
                redis.stop()
    server_log = server.log_path.read_text()
    result = common.merge(list(parts.values()))

    print()
    print(common.load_table(result))
    print(
        f"\nimport during the load: {importer.imported} pages in {importer.seconds:.1f} s, "
        f"{len(importer.failures)} failed"
    )
    for failure in importer.failures:
        print(f"  import failed: {failure}")
    tracebacks = server_log.count("Traceback")
    if tracebacks:
        print(f"  server log {server.log_path}: {tracebacks} tracebacks")

    problems = []
    if result.error_count():
        problems.append(f"{result.error_count()} connection errors")
    if result.server_errors():
        problems.append(f"{result.server_errors()} responses 5xx")
    if importer.failures:
        problems.append(f"{len(importer.failures)} failed imports")
    if importer.imported == 0:
        problems.append("no page was imported during the load")
    if result.requests() == 0:
        problems.append("no request was answered")
    if redis:
        for part, answered in parts.items():
            print(
                f"  {part:<14} {answered.requests():>7} requests, {answered.hit_ratio():.1%} hits"
            )
        if parts["redis stopped"].server_errors() or parts["redis stopped"].requests() == 0:
            problems.append("the site did not serve while Redis was gone")
        if parts["redis back"].hit_ratio() == 0:
            problems.append("pages were not cached again once Redis was back")
    if problems:
        print("\nFAILED: " + "; ".join(problems))
        return 1
    print("\nPASSED: zero errors, zero 5xx, and the import went through")
    return 0


if __name__ == "__main__":
    sys.exit(main())
