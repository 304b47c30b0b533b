"""What the benchmark and the load test share: scratch databases, generated pages, a gunicorn
server on 127.0.0.1 that is always stopped, and an HTTP load generator (standard library only)."""

from __future__ import annotations

import bisect
import datetime
import http.client
import itertools
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SCRATCH = BASE_DIR / "bench" / "scratch"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SHARED_PAGES = BASE_DIR.parent / "shared" / "pages"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# Environment and scratch databases ----------------------------------------------------------


def secret_key() -> str:
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = BASE_DIR / "var" / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


def scratch_sqlite(name: str) -> str:
    """A fresh SQLite database file under bench/scratch/, as a DATABASE_URL."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    path = SCRATCH / f"{name}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def production_env(database_url: str, name: str, **extra) -> dict[str, str]:
    """The environment of `make serve`, pointed at a scratch database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_")) and key not in {"REDIS_URL"}
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secret_key(),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        DJANGO_PUBLIC_CACHE_GENERATION_FILE=str(SCRATCH / f"{name}.generation"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env: dict, *args: str, log=None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    if log is not None:
        log.write(result.stdout + result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def prepare_database(env: dict) -> None:
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


# Generated pages ----------------------------------------------------------------------------


def sample_pages() -> list[Path]:
    """The seed page(s) in fixtures/ and, when ../shared is there, its sample pages."""
    pages = sorted((BASE_DIR / "fixtures").rglob("*.txt"))
    if SHARED_PAGES.is_dir():
        pages += sorted(SHARED_PAGES.glob("*.txt"))
    if not pages:
        raise RuntimeError("no sample pages in fixtures/ (or ../shared/pages/)")
    return pages


def generate_issues(
    directory: Path, pages: int, *, per_issue: int = 8, first: datetime.date | None = None
) -> list[Path]:
    """`pages` page files laid out as issues (one directory per date, NN.txt per page),
    cycling through the sample pages so each date and page number is new to the database."""
    shutil.rmtree(directory, ignore_errors=True)
    samples = sample_pages()
    first = first or datetime.date(2024, 1, 1)
    issues: list[Path] = []
    for index in range(pages):
        date = first + datetime.timedelta(days=index // per_issue)
        issue_dir = directory / date.isoformat()
        if not issues or issues[-1] != issue_dir:
            issue_dir.mkdir(parents=True)
            issues.append(issue_dir)
        target = issue_dir / f"{index % per_issue + 1:02d}.txt"
        shutil.copyfile(samples[index % len(samples)], target)
    return issues


# A gunicorn server on 127.0.0.1 -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the project's config on a free 127.0.0.1 port; a context manager that
    always stops it."""

    def __init__(self, env: dict, *, workers: int, log_name: str):
        self.port = free_port()
        self.env = {
            **{k: str(v) for k, v in env.items()},
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }
        self.env["WEB_CONCURRENCY"] = str(workers)
        self.log_path = SCRATCH / f"{log_name}.log"
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "w")  # noqa: SIM115 - closed with the server
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "newsroom/gunicorn.conf.py", "newsroom.wsgi"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer in 60 s; see {self.log_path}")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()


# Load -----------------------------------------------------------------------------------------


def zipf_ranks(count: int, s: float, rng):
    """A sampler of ranks 0..count-1 with P(rank k) proportional to 1/(k+1)^s."""
    weights = [1 / (k + 1) ** s for k in range(count)]
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    return lambda: min(count - 1, bisect.bisect_left(cumulative, rng.random() * total))


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


@dataclass
class LoadResult:
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # X-Public-Cache of each response: "hit", "miss" or "" (not a cached page).
    cache: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def requests(self, kind: str | None = None) -> int:
        kinds = [kind] if kind else list(self.statuses)
        return sum(sum(self.statuses[k].values()) for k in kinds)

    def error_count(self, kind: str | None = None) -> int:
        kinds = [kind] if kind else list(self.errors)
        return sum(sum(self.errors[k].values()) for k in kinds)

    def server_errors(self, kind: str | None = None) -> int:
        kinds = [kind] if kind else list(self.statuses)
        return sum(n for k in kinds for status, n in self.statuses[k].items() if status >= 500)

    def hit_ratio(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(self.cache)
        hits = sum(self.cache[k]["hit"] for k in kinds)
        answered = sum(self.cache[k]["hit"] + self.cache[k]["miss"] for k in kinds)
        return hits / answered if answered else 0.0

    def rps(self, kind: str | None = None) -> float:
        return self.requests(kind) / self.seconds if self.seconds else 0.0

    def ms(self, kind: str, fraction: float) -> float:
        return percentile(self.latencies[kind], fraction) * 1000


def run_load(
    port: int,
    urls: dict[str, list[str]],
    *,
    seconds: float,
    concurrency: int,
    max_requests: int = 1_000_000,
    seed: int = 6,
    headers: dict[str, dict[str, str]] | None = None,
) -> LoadResult:
    """`concurrency` clients, each sending GET requests back to back (the kinds in turn, a
    random URL of each) to 127.0.0.1:port until `seconds` pass or `max_requests` are sent.
    `headers` adds request headers per URL (an If-None-Match, say)."""
    headers = headers or {}
    result = LoadResult()
    lock = threading.Lock()
    budget = [max_requests]
    kinds = sorted(urls)
    deadline = time.monotonic() + seconds

    def client(number: int):
        rng = random.Random(seed * 1000 + number)
        connection = None
        turn = number
        local_lat, local_status, local_err, local_cache = (
            defaultdict(list),
            defaultdict(Counter),
            defaultdict(Counter),
            defaultdict(Counter),
        )
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            kind = kinds[turn % len(kinds)]
            turn += 1
            url = rng.choice(urls[kind])
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request(
                    "GET", url, headers={"Host": "127.0.0.1", **headers.get(url, {})}
                )
                response = connection.getresponse()
                response.read()
                local_lat[kind].append(time.perf_counter() - started)
                local_status[kind][response.status] += 1
                local_cache[kind][response.getheader("X-Public-Cache") or ""] += 1
                if response.will_close:
                    connection.close()
                    connection = None
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
                local_err[kind][type(exc).__name__] += 1
                if connection is not None:
                    connection.close()
                connection = None
        if connection is not None:
            connection.close()
        with lock:
            for kind in kinds:
                result.latencies[kind] += local_lat[kind]
                result.statuses[kind].update(local_status[kind])
                result.errors[kind].update(local_err[kind])
                result.cache[kind].update(local_cache[kind])

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


#: The trivial view at each depth a page is answered from. A miss passes through every
#: middleware (sessions, auth, CSRF, axes, CSP) to its view, as /healthz does; a hit is answered
#: by PublicPageCacheMiddleware before all of them, as the public page /healthz/page is once
#: cached. A page can only be as fast as the trivial view at its own depth.
TRIVIAL_FULL_STACK = "/healthz"
TRIVIAL_CACHED = "/healthz/page"


@dataclass
class Ratio:
    """A page's throughput against one trivial view's, from alternating short slices."""

    reference: str  # the trivial view's URL
    median: float
    spread: float  # interquartile range of the slice ratios
    ratios: list[float]
    page: LoadResult
    trivial: LoadResult

    def impossible(self) -> bool:
        """Faster than the trivial view at the page's own depth by more than the spread:
        the machine was disturbed (meaningful only against a view at least as cheap)."""
        return self.median - 1.0 > max(self.spread, 0.05)

    def as_dict(self) -> dict:
        return {
            "ratio": round(self.median, 3),
            "spread": round(self.spread, 3),
            "against": self.reference,
            "slices": len(self.ratios),
            "rps": round(self.page.rps(), 1),
            "trivial_rps": round(self.trivial.rps(), 1),
        }


def merge(results: list[LoadResult]) -> LoadResult:
    total = LoadResult()
    for result in results:
        total.seconds += result.seconds
        for kind in result.statuses.keys() | result.errors.keys():
            total.latencies[kind] += result.latencies[kind]
            total.statuses[kind].update(result.statuses[kind])
            total.errors[kind].update(result.errors[kind])
            total.cache[kind].update(result.cache[kind])
    return total


def interleaved_ratios(
    port: int,
    page: dict[str, list[str]],
    *,
    slices: int,
    slice_seconds: float,
    concurrency: int,
    headers: dict[str, dict[str, str]] | None = None,
    references: tuple[str, ...] = (TRIVIAL_FULL_STACK,),
) -> dict[str, Ratio]:
    """Trivial and page slices in turn (T P T P … T, with every reference view in each T);
    each page slice is compared with the mean of each reference's slices either side, so a
    machine that slows down or speeds up during the measure moves both sides alike.
    Returns one Ratio per reference URL, all over the same page slices."""
    trivials: dict[str, list[LoadResult]] = {url: [] for url in references}
    pages = []

    def trivial_slices():
        for url in references:
            trivials[url].append(
                run_load(port, {"trivial": [url]}, seconds=slice_seconds, concurrency=concurrency)
            )

    trivial_slices()
    for n in range(slices):
        pages.append(
            run_load(
                port,
                page,
                seconds=slice_seconds,
                concurrency=concurrency,
                headers=headers,
                seed=n + 1,
            )
        )
        trivial_slices()
    merged = merge(pages)
    out = {}
    for url, slices_of in trivials.items():
        ratios = sorted(
            p.rps() / ((before.rps() + after.rps()) / 2)
            for p, before, after in zip(pages, slices_of, slices_of[1:], strict=False)
        )
        out[url] = Ratio(
            reference=url,
            median=percentile(ratios, 0.5),
            spread=percentile(ratios, 0.75) - percentile(ratios, 0.25),
            ratios=ratios,
            page=merged,
            trivial=merge(slices_of),
        )
    return out


def warm_trivial(port: int, concurrency: int) -> None:
    """Every worker's first /healthz/page is a miss (a per-process cache): make it once."""
    run_load(port, {"trivial": [TRIVIAL_CACHED]}, seconds=1, concurrency=concurrency)


def load_table(result: LoadResult) -> str:
    rows = [
        f"{'URL kind':<10} {'requests':>9} {'req/s':>8} {'errors':>7} {'5xx':>5} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses"
    ]
    for kind in sorted(result.statuses.keys() | result.errors.keys()):
        statuses = ", ".join(f"{s}×{n}" for s, n in sorted(result.statuses[kind].items()))
        errors = ", ".join(f"{e}×{n}" for e, n in result.errors[kind].items())
        rows.append(
            f"{kind:<10} {result.requests(kind):>9} {result.rps(kind):>8.1f} "
            f"{result.error_count(kind):>7} {result.server_errors(kind):>5} "
            f"{result.ms(kind, 0.50):>8.1f} {result.ms(kind, 0.95):>8.1f} "
            f"{result.ms(kind, 0.99):>8.1f} {result.ms(kind, 1.0):>8.1f}  {statuses} {errors}"
        )
    rows.append(
        f"{'all':<10} {result.requests():>9} {result.rps():>8.1f} {result.error_count():>7} "
        f"{result.server_errors():>5}"
    )
    return "\n".join(rows)
