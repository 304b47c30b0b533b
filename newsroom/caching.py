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


def _write_generation_file(token: str) -> None:
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(token)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current_generation() -> str:
    """The token of the content as it is now; it changes whenever public content does."""
    if _process_local_cache():
        try:
            token = _generation_file().read_text()
            if token:
                return token
        except FileNotFoundError:
            pass
        token = secrets.token_hex(8)
        _write_generation_file(token)
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def _bump() -> None:
    token = secrets.token_hex(8)
    if _process_local_cache():
        _write_generation_file(token)
    else:
        cache.set(GENERATION_KEY, token, timeout=None)


def bump_generation() -> None:
    """Invalidate every cached public page: now, and again when the transaction commits."""
    if not _enabled():
        return
    _bump()
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
    bump_generation()


def connect_signals() -> None:
    uid = "newsroom.caching"
    post_save.connect(_content_changed, dispatch_uid=f"{uid}.save")
    post_delete.connect(_content_changed, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(_content_changed, dispatch_uid=f"{uid}.m2m")


def _now() -> float:
    return timezone.now().timestamp()


def next_publication(generation: str, now: float) -> float:
    """When the next scheduled article becomes visible (epoch seconds), or infinity."""
    from articles.models import Article

    key = f"publiccache:next:{generation}"
    when = cache.get(key)
    if when is None or (when and when <= now):
        first = (
            Article.objects.filter(
                status=Article.Status.PUBLISHED,
                publish_at__gt=datetime.datetime.fromtimestamp(now, tz=datetime.UTC),
            )
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        when = first.timestamp() if first else 0.0
        cache.set(key, when, timeout=settings.PUBLIC_CACHE_SECONDS)
    return when or math.inf


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


def cache_public_page(view):
    """Serve anonymous readers a cached copy of the page until its content changes."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or not _enabled() or not _is_anonymous(request):
            return view(request, *args, **kwargs)
        generation = current_generation()
        key = _key(request, generation)
        now = _now()
        entry = cache.get(key)
        if entry is not None and entry[0] > now:
            _expires, status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response[HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)) and not response.is_rendered:
            response.render()
        if _cacheable(request, response):
            expires = min(now + settings.PUBLIC_CACHE_SECONDS, next_publication(generation, now))
            if expires > now:
                headers = dict(response.items())
                cache.set(
                    key,
                    (expires, response.status_code, headers, response.content),
                    timeout=math.ceil(expires - now),
                )
        response[HEADER] = "miss"
        return response

    return wrapped
