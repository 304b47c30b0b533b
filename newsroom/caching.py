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
- The token is replaced at once and again when the transaction commits: a reader that
  cached the old page while the change was still uncommitted is invalidated by the second.
- Scheduled articles appear without any save: a cached page never outlives the earliest
  future ``publish_at`` of a published article (looked up once per generation).
- Only anonymous GET requests are served from or stored in the cache, and only 200
  responses that set no cookie and say nothing against shared caching; a logged-in user
  (staff previews included) always gets a freshly rendered page.

Apply it with ``cache_public_page(view)`` in a urls.py. Code that changes content without
signals (``QuerySet.update()``, ``bulk_create()``, raw SQL) calls ``bump_generation()``.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import math
import os
import secrets
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re

PUBLIC_APPS = frozenset({"articles", "entities", "taggit", "search"})
GENERATION_KEY = "publiccache:generation"
HEADER = "X-Public-Cache"


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


def _read_state() -> tuple[str, float] | None:
    """(token, next scheduled publication as epoch seconds, 0 for none), or None if unset."""
    if _process_local_cache():
        try:
            raw = _generation_file().read_text()
        except FileNotFoundError:
            return None
    else:
        raw = cache.get(GENERATION_KEY)
    try:
        token, when = raw.split()
        return token, float(when)
    except (AttributeError, ValueError):
        return None


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
        key = f"publiccache:next:{generation}"
        when = cache.get(key)
        if when is None or (when and when <= now):
            when = _query_next_publication(now)
            cache.set(key, when, timeout=settings.PUBLIC_CACHE_SECONDS)
    return when or math.inf


def bump_generation(*, schedule_may_have_changed: bool = True) -> None:
    """Invalidate every cached public page: now, and again when the transaction commits."""
    if not _enabled():
        return
    _bump(schedule_may_have_changed=schedule_may_have_changed)
    if connection.in_atomic_block:
        pending = getattr(connection, "run_on_commit", [])
        if not any(entry[1] is _bump for entry in pending):
            transaction.on_commit(_bump)


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in PUBLIC_APPS:
        return
    if meta.object_name.startswith("Historical") or kwargs.get("action", "").startswith("pre_"):
        return
    # Only an article's own row carries status and publish_at, the schedule's inputs.
    bump_generation(schedule_may_have_changed=meta.label == "articles.Article")


def connect_signals() -> None:
    uid = "newsroom.caching"
    post_save.connect(_content_changed, dispatch_uid=f"{uid}.save")
    post_delete.connect(_content_changed, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(_content_changed, dispatch_uid=f"{uid}.m2m")


def _is_anonymous(request) -> bool:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


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


def cache_public_page(view):
    """Serve anonymous readers a cached copy of the page until its content changes."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or not _enabled() or not _is_anonymous(request):
            return view(request, *args, **kwargs)
        state = _current_state()
        key = _key(request, state[0])
        now = _now()
        scheduled = next_publication(state, now)
        entry = cache.get(key)
        if entry is not None and entry[0] > now:
            _expires, status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
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

    return wrapped
