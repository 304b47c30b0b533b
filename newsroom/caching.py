"""The public page cache: whole pages for anonymous readers, invalidated the moment content changes.

Design: every cache key carries a content *generation*, an opaque random token. Any save or
delete of a model the public site shows (articles, pages, issues, bylines, captions,
contributors, organisations and their aliases and mentions, tags) replaces the token, so
every page cached before the change is simply never looked up again and ages out of the
cache. Nothing has to know which page shows what.

- With a shared cache (Redis, ``REDIS_URL``) the token lives in the cache, so every worker,
  machine and the importer see the same one. With the default per-process LocMemCache it
  lives in a small file (``PUBLIC_CACHE_GENERATION_FILE``), which is what lets an import
  run by ``manage.py`` invalidate the pages cached inside gunicorn's workers.
- A change outside a transaction replaces the token at once. Inside one, only this process
  can see the change, so only its own keys change (an in-memory suffix) until the commit
  replaces the shared token once: an import's hundreds of rows cost one write, not hundreds.
- Scheduled articles appear without any save: a cached page never outlives the earliest
  future ``publish_at`` of a published article (looked up once per generation).
- Only GET requests that carry neither a session nor a messages cookie are served from or
  stored in the cache, and only 200 responses that set no cookie and say nothing against
  shared caching; a logged-in user (staff previews included) always gets a freshly rendered
  page.
- A hit costs about as little as a trivial view: ``PublicPageCacheMiddleware`` sits right
  after the security and static-file middleware and answers from the cache before sessions,
  authentication, messages, CSRF or URL resolution run. It stores the response as the rest of
  the middleware left it, so a hit carries the same headers as a miss. The generation is kept
  in process memory: with Redis, the token and the page come back in one ``get_many`` round
  trip; with the generation file, an ``os.stat`` per request tells whether the file changed
  (and a file changed in the last seconds is read again, so two changes within one clock tick
  are never mistaken for none).

Apply it with ``cache_public_page(view)`` in a urls.py (which pages may be stored) and the
middleware in settings.MIDDLEWARE (which serves and stores them). Code that changes content
without signals (``QuerySet.update()``, ``bulk_create()``, raw SQL) calls
``bump_generation()``.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import math
import os
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re

PUBLIC_APPS = frozenset({"articles", "entities", "taggit", "search"})
GENERATION_KEY = "publiccache:generation"
HEADER = "X-Public-Cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
# A generation file changed this recently is read again even if os.stat shows nothing new:
# two replacements within one file-timestamp tick could otherwise look like none.
RECENT_CHANGE_SECONDS = 2.0


class _Memo:
    """What this process last learnt of the generation, so that a request need not ask."""

    def __init__(self):
        self.file_signature = None  # (path, inode, mtime_ns, size) of the file last read
        self.file_state = None
        self.shared_state = None  # the state last read from a shared cache (Redis)
        self.next_publication: dict[str, float] = {}  # generation -> next publication
        # Changes this process made inside a transaction not yet committed: only this
        # process can see them, so only its own keys change until the commit bumps for all.
        self.uncommitted_token = ""
        self.uncommitted_schedule = False
        self.uncommitted_when = None


_memo = _Memo()


def _reset_memo(*, setting, **kwargs):
    global _memo
    if setting in ("CACHES", "PUBLIC_CACHE_SECONDS", "PUBLIC_CACHE_GENERATION_FILE"):
        _memo = _Memo()


setting_changed.connect(_reset_memo, dispatch_uid="newsroom.caching.reset_memo")


def _process_local_cache() -> bool:
    return isinstance(caches["default"], LocMemCache)


def _enabled() -> bool:
    if getattr(settings, "PUBLIC_CACHE_SECONDS", 0) <= 0:
        return False
    return not isinstance(caches["default"], DummyCache)


def _generation_file() -> Path:
    return Path(settings.PUBLIC_CACHE_GENERATION_FILE)


def _write_generation_file(state: str) -> None:
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(state)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parse_state(raw) -> tuple[str, float] | None:
    try:
        token, when = raw.split()
        return token, float(when)
    except (AttributeError, ValueError):
        return None


def _read_file_state() -> tuple[str, float] | None:
    """The generation file's state, read only when os.stat says it may have changed."""
    path = _generation_file()
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    signature = (path, stat.st_ino, stat.st_mtime_ns, stat.st_size)
    memo = _memo
    if signature == memo.file_signature and time.time() - stat.st_mtime > RECENT_CHANGE_SECONDS:
        return memo.file_state
    try:
        state = _parse_state(path.read_text())
    except FileNotFoundError:
        return None
    memo.file_signature, memo.file_state = signature, state
    return state


def _read_state() -> tuple[str, float] | None:
    """(token, next scheduled publication as epoch seconds, 0 for none), or None if unset."""
    if _process_local_cache():
        return _read_file_state()
    return _parse_state(cache.get(GENERATION_KEY))


def _write_state(token: str, when: float) -> None:
    state = f"{token} {when!r}"
    if _process_local_cache():
        _write_generation_file(state)
    else:
        cache.set(GENERATION_KEY, state, timeout=None)


def _now() -> float:
    return timezone.now().timestamp()


def _query_next_publication(now: float) -> float:
    """The earliest publish_at still to come among published articles (one indexed query)."""
    from articles.models import Article

    first = (
        Article.objects.filter(
            status=Article.Status.PUBLISHED,
            publish_at__gt=datetime.datetime.fromtimestamp(now, tz=datetime.UTC),
        )
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return first.timestamp() if first else 0.0


def _bump(*, schedule_may_have_changed: bool = True) -> None:
    state = None if schedule_may_have_changed else _read_state()
    when = state[1] if state else _query_next_publication(_now())
    _write_state(secrets.token_hex(8), when)


def _current_state() -> tuple[str, float]:
    state = _read_state()
    if state is None:
        _bump()
        state = _read_state()
    return state


def current_generation() -> str:
    """The token of the content as it is now; it changes whenever public content does."""
    return _current_state()[0]


def next_publication(state: tuple[str, float], now: float) -> float:
    """When the next scheduled article becomes visible (epoch seconds), or infinity.

    It is written with the generation, so reading it costs no query; only once that moment
    has passed is it looked up again (once per process and generation)."""
    generation, when = state
    if when and when <= now:  # that article is out now: which one comes next?
        known = _memo.next_publication
        when = known.get(generation)
        if when is None or (when and when <= now):
            key = f"publiccache:next:{generation}"
            when = cache.get(key)
            if when is None or (when and when <= now):
                when = _query_next_publication(now)
                cache.set(key, when, timeout=settings.PUBLIC_CACHE_SECONDS)
            if len(known) > 64:
                known.clear()
            known[generation] = when
    return when or math.inf


def bump_generation(*, schedule_may_have_changed: bool = True) -> None:
    """Invalidate every cached public page: at once for this process, and for every process
    when the transaction commits (before that, no other process can see the change)."""
    if not _enabled():
        return
    if not connection.in_atomic_block:
        _bump(schedule_may_have_changed=schedule_may_have_changed)
        return
    if _read_state() is None:
        _bump()
    memo = _memo
    memo.uncommitted_token = secrets.token_hex(4)
    if schedule_may_have_changed:
        memo.uncommitted_schedule = True
        memo.uncommitted_when = _query_next_publication(_now())
    pending = getattr(connection, "run_on_commit", [])
    if not any(entry[1] is _bump_after_commit for entry in pending):
        transaction.on_commit(_bump_after_commit)


def _bump_after_commit() -> None:
    _bump()
    memo = _memo
    memo.uncommitted_token, memo.uncommitted_schedule, memo.uncommitted_when = "", False, None


def _as_seen_here(state: tuple[str, float]) -> tuple[str, float]:
    """The generation as this process must use it: with its own uncommitted changes, if any."""
    memo = _memo
    if not memo.uncommitted_token:
        return state
    when = memo.uncommitted_when if memo.uncommitted_schedule else state[1]
    return f"{state[0]}~{memo.uncommitted_token}", when


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in PUBLIC_APPS:
        return
    if meta.object_name.startswith("Historical") or kwargs.get("action", "").startswith("pre_"):
        return
    bump_generation(schedule_may_have_changed=_may_bring_publication_forward(meta, kwargs))


def _may_bring_publication_forward(meta, kwargs) -> bool:
    """Only a saved article scheduled for the future can make the next publication earlier.

    Any other change can only leave it where it is or make it later, and a remembered time
    that is too early merely ends cached pages sooner than needed, never later."""
    if meta.label != "articles.Article":
        return False
    article = kwargs.get("instance")
    if article is None or "created" not in kwargs:
        return False
    return (
        article.status == "published"
        and article.publish_at is not None
        and article.publish_at > timezone.now()
    )


def connect_signals() -> None:
    uid = "newsroom.caching"
    post_save.connect(_content_changed, dispatch_uid=f"{uid}.save")
    post_delete.connect(_content_changed, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(_content_changed, dispatch_uid=f"{uid}.m2m")


def _eligible(request) -> bool:
    """A GET from a reader: no session (so no staff member) and no pending messages."""
    if request.method != "GET" or not _enabled():
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries this visitor's CSRF token
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _key(request, generation: str) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"publiccache:page:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def _cap_shared_lifetime(response, seconds: int) -> None:
    """A CDN or browser must not keep the page past the next scheduled publication either."""
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    capped = []
    for directive in filter(None, directives):
        name, _, value = directive.partition("=")
        if name.strip().lower() in ("max-age", "s-maxage") and value.strip().isdigit():
            directive = f"{name.strip()}={min(int(value), seconds)}"
        capped.append(directive)
    if capped:
        response["Cache-Control"] = ", ".join(capped)


def _lookup(request) -> tuple[tuple[str, float], str, object]:
    """The generation's state, the page's key and its cache entry (None if not cached).

    With a shared cache the token this process saw last and the page under it are fetched
    in one round trip; only when the token has changed since is the page asked for again."""
    if _process_local_cache():
        state = _as_seen_here(_current_state())
        key = _key(request, state[0])
        return state, key, cache.get(key)
    memo = _memo
    guess = memo.shared_state
    if guess is not None:
        seen = _as_seen_here(guess)
        key = _key(request, seen[0])
        found = cache.get_many([GENERATION_KEY, key])
        state = _parse_state(found.get(GENERATION_KEY))
        if state == guess:
            return seen, key, found.get(key)
    else:
        state = _read_state()
    if state is None:
        state = _current_state()
    memo.shared_state = state
    state = _as_seen_here(state)
    key = _key(request, state[0])
    return state, key, cache.get(key)


class PublicPageCacheMiddleware:
    """Answers readers' cache hits before the rest of the middleware runs; stores the pages
    that ``cache_public_page`` views return, as the rest of the middleware left them.

    Place it right after SecurityMiddleware and WhiteNoiseMiddleware, before
    SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        now = _now()
        state, key, entry = _lookup(request)
        scheduled = next_publication(state, now)
        if entry is not None and entry[0] > now:
            _expires, status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
        else:
            request.public_page_cache = True
            response = self.get_response(request)
            if not getattr(response, "public_page_cache", False):
                return response  # not a public page (or not a page its view returned)
            expires = min(now + settings.PUBLIC_CACHE_SECONDS, scheduled)
            if _cacheable(request, response) and expires > now:
                headers = dict(response.items())
                cache.set(
                    key,
                    (expires, response.status_code, headers, response.content),
                    timeout=math.ceil(expires - now),
                )
            response[HEADER] = "miss"
        if not math.isinf(scheduled):
            _cap_shared_lifetime(response, max(0, math.floor(scheduled - now)))
        return response


def cache_public_page(view):
    """Let PublicPageCacheMiddleware serve anonymous readers a cached copy of the view's page
    until its content changes."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(request, "public_page_cache", False):
            response.public_page_cache = True
        return response

    return wrapped
