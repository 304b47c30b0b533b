"""The public page cache: whole pages for anonymous readers, renewed the moment content changes.

How it works, in four parts:

1. **Generations.** A *generation* is a random token that is replaced when content changes.
   The site has two: ``content`` (replaced by every change: it stamps every list page) and
   ``shared`` (replaced only when something many pages show changes, such as a contributor's
   or an organisation's name). A page that shows one object — an article page — is stamped
   with ``shared`` and that object's own *version* (``article:42``) instead, so one edit
   renews that article's page and the lists, not a hundred thousand other pages.
2. **Stores.** The generations live in a ``GenerationStore``: in the cache itself when the
   cache is shared (Redis: every worker, machine and the importer see the same tokens), or in
   small files when the cache is each process's own memory (the files are what let
   ``manage.py import_issue`` renew the pages cached inside gunicorn's workers).
3. **What to watch.** This module knows no model. Apps say, when they are ready, which models
   the reader site shows and which pages a row appears on (``watch``), and what the next
   scheduled publication is (``watch_schedule``). A change is recorded when its transaction
   commits (``transaction.on_commit``): other processes cannot see it earlier, and an import's
   hundreds of rows cost one write. Code that changes content without signals
   (``QuerySet.update()``, ``bulk_create()``) calls ``content_changed()``.
4. **Serving.** ``public_page`` marks a view as a public page: Cache-Control for browsers
   (revalidate: ``max-age=0`` with an ETag) and CDNs (``s-maxage``), the query parameters
   it reads, and the object it shows. ``PublicPageCacheMiddleware`` sits right after the
   security and static-file middleware and answers readers' hits (and 304s) before sessions,
   authentication or URL resolution run; a hit costs no database query.

Only GET requests without a session or messages cookie are served from or stored in the
cache, and only 200 responses that set no cookie and say nothing against shared caching: a
logged-in user (every staff preview) always gets a freshly rendered page. No page outlives
the next scheduled publication, in this cache or (through its max-age) in a CDN.

The cache is an optimisation: if it fails (Redis unreachable), pages are served uncached,
one warning is logged, and each process tries the cache again at most every
``RETRY_SECONDS``; when it answers again the generations are replaced, since changes made
meanwhile could not be recorded.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import math
import os
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

HEADER = "X-Public-Cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
SITE = "site"  # the store's name for the site's state: "<content> <shared> <next publication>"
#: After a cache error, each process leaves the cache alone this long before trying again.
RETRY_SECONDS = 5.0


# 1. The site's state ---------------------------------------------------------------------------


class SiteState:
    """The two site-wide generations and when the next scheduled article appears."""

    __slots__ = ("content", "shared", "next_publication")

    def __init__(self, content: str, shared: str, next_publication: float):
        self.content, self.shared = content, shared
        self.next_publication = next_publication  # epoch seconds; 0 for none

    def encode(self) -> str:
        return f"{self.content} {self.shared} {self.next_publication!r}"

    @classmethod
    def decode(cls, raw) -> SiteState | None:
        try:
            content, shared, when = raw.split()
            return cls(content, shared, float(when))
        except (AttributeError, ValueError):
            return None

    def publication_due(self, now: float) -> bool:
        return 0 < self.next_publication <= now

    def expiry(self, now: float) -> float:
        """How long a page rendered now may be kept: never past the next publication."""
        limit = now + settings.PUBLIC_CACHE_SECONDS
        return min(limit, self.next_publication) if self.next_publication else limit


def new_token() -> str:
    return secrets.token_hex(6)


# 2. Generation stores ------------------------------------------------------------------------


class GenerationStore:
    """Where generations live: ``read`` names -> tokens (absent names are left out) and
    ``write`` tokens. Pages themselves are always kept in Django's cache."""

    def read(self, names: Iterable[str]) -> dict[str, str]:
        raise NotImplementedError

    def write(self, tokens: Mapping[str, str]) -> None:
        raise NotImplementedError

    def read_with_page(self, names: list[str], page_key: str) -> tuple[dict[str, str], object]:
        """Tokens and the cached page, in as few round trips as the store allows."""
        return self.read(names), caches["default"].get(page_key)


class CacheGenerationStore(GenerationStore):
    """Generations kept in a shared cache (Redis) beside the pages: a hit is one ``MGET``."""

    PREFIX = "publiccache:gen:"

    def __init__(self, cache):
        self.cache = cache

    def read(self, names):
        found = self.cache.get_many([self.PREFIX + name for name in names])
        return {key.removeprefix(self.PREFIX): value for key, value in found.items()}

    def write(self, tokens):
        site = {self.PREFIX + SITE: tokens[SITE]} if SITE in tokens else {}
        if site:
            self.cache.set_many(site, timeout=None)
        versions = {self.PREFIX + name: v for name, v in tokens.items() if name != SITE}
        if versions:
            # A version outlives every page stamped with it, so an expired version (read as
            # absent) can never match a page stored before the change it recorded.
            self.cache.set_many(versions, timeout=max(3600, 4 * settings.PUBLIC_CACHE_SECONDS))

    def read_with_page(self, names, page_key):
        found = self.cache.get_many([*(self.PREFIX + name for name in names), page_key])
        page = found.pop(page_key, None)
        return {key.removeprefix(self.PREFIX): value for key, value in found.items()}, page


class FileGenerationStore(GenerationStore):
    """Generations in small files, for a cache that is each process's own memory: the site's
    state in ``path``, object versions in ``path.objects/``. Reading a 40-byte file costs a
    few microseconds, so every request reads it: no process can miss another's change."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.objects = self.path.with_name(self.path.name + ".objects")

    def _file(self, name: str) -> Path:
        return self.path if name == SITE else self.objects / name.replace(":", "-")

    def read(self, names):
        tokens = {}
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                tokens[name] = self._file(name).read_text()
        return tokens

    def write(self, tokens):
        for name, token in tokens.items():
            path = self._file(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
            try:
                with os.fdopen(fd, "w") as f:
                    f.write(token)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise


def enabled() -> bool:
    cache = caches["default"]
    return settings.PUBLIC_CACHE_SECONDS > 0 and not isinstance(cache, DummyCache)


def store() -> GenerationStore:
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return FileGenerationStore(settings.PUBLIC_CACHE_GENERATION_FILE)
    return CacheGenerationStore(cache)


# Outages -------------------------------------------------------------------------------------


class Outage:
    """Whether this process may use the cache now. After an error it waits RETRY_SECONDS
    (one warning, not one per request); the first success after an outage asks for the
    generations to be replaced, since changes made meanwhile were not recorded."""

    def __init__(self):
        self.retry_at = 0.0
        self.since: float | None = None
        self.lock = threading.Lock()

    def allows(self) -> bool:
        return time.monotonic() >= self.retry_at

    @property
    def degraded(self) -> bool:
        return self.since is not None

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.since is None:
                self.since = time.time()
                log.warning("page cache unavailable, serving uncached: %r", error)
            self.retry_at = time.monotonic() + RETRY_SECONDS

    def recovered(self) -> bool:
        """True once, on the first success after an outage."""
        with self.lock:
            if self.since is None:
                return False
            log.warning("page cache available again after %.0f s", time.time() - self.since)
            self.since = None
            return True


outage = Outage()


def _guarded(operation: Callable, default=None):
    """Run a cache operation; on any error the page cache is off for a while, the site is not.

    Every backend raises its own errors (redis-py's ConnectionError, an OSError of the
    generation file), hence the broad except: nothing the cache does may fail a request."""
    if not outage.allows():
        return default
    try:
        result = operation()
    except Exception as error:  # noqa: BLE001 - see the docstring
        outage.failed(error)
        return default
    if outage.recovered():  # what was read predates the replacement: read it again
        return _guarded(lambda: (_write_site(replace_shared=True), operation())[1], default)
    return result


_health = {"checked": -math.inf}


def cache_status() -> str:
    """ "ok" or "degraded", trying the cache at most once per RETRY_SECONDS (for /healthz)."""
    if enabled() and time.monotonic() - _health["checked"] >= RETRY_SECONDS:
        _health["checked"] = time.monotonic()
        _guarded(lambda: store().read([SITE]))
    return "degraded" if outage.degraded else "ok"


# 3. What to watch ----------------------------------------------------------------------------

_next_publication: Callable[[float], float | None] = lambda now: None  # noqa: E731


def watch_schedule(next_publication: Callable[[float], float | None]) -> None:
    """``next_publication(now)`` -> epoch seconds of the earliest scheduled publication after
    ``now``, or None. Asked once per recorded change and once when that time comes."""
    global _next_publication
    _next_publication = next_publication


def watch(*models, pages_of: Callable | None = None, shared: bool = False) -> None:
    """Record a change whenever a row of these models is saved or deleted.

    Every change renews the list pages. ``pages_of(row)`` names the versioned pages the row
    appears on (``["article:42"]``), which are renewed too. ``shared``: rows that many pages
    show (a contributor's name); changing or deleting one renews every page, while creating
    one renews only the lists (a new row is on no page yet)."""
    for model in models:
        uid = f"newsroom.caching:{model._meta.label}"
        handler = functools.partial(_row_changed, pages_of=pages_of, shared=shared)
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"{uid}:delete")


def watch_many_to_many(through, *, pages_of: Callable) -> None:
    """As ``watch``, for a many-to-many relation (``pages_of`` gets the forward side's row);
    a change made from the reverse side renews every page."""

    def handler(sender, instance, action, reverse, **kwargs):
        if action.startswith("post_"):
            if reverse:
                content_changed(shared=True)
            else:
                content_changed(pages_of(instance))

    m2m_changed.connect(
        handler, sender=through, weak=False, dispatch_uid=f"newsroom.caching:{through}"
    )


def _row_changed(sender, instance, *, pages_of, shared, raw=False, **kwargs):
    if raw:
        return
    content_changed(
        pages_of(instance) if pages_of else (), shared=shared and not kwargs.get("created")
    )


class _Pending:
    """Changes of the current transaction, recorded once when it commits."""

    def __init__(self):
        self.names: set[str] = set()
        self.shared = False
        self.done = False

    def flush(self) -> None:
        if not self.done:
            self.done = True
            _guarded(lambda: _record(self.names, replace_shared=self.shared))


_local = threading.local()


def content_changed(pages: Iterable[str] = (), *, shared: bool = False) -> None:
    """Renew the list pages and the named versioned pages (or, ``shared``, every page) once
    the current transaction commits (at once outside a transaction)."""
    if not enabled():
        return
    pending = getattr(_local, "pending", None)
    if pending is None or pending.done:
        pending = _local.pending = _Pending()
    pending.names.update(pages)
    pending.shared |= shared
    # One callback per change, all flushing the same _Pending: if the transaction rolls
    # back, its callbacks are dropped but the next transaction's flush still carries them.
    transaction.on_commit(pending.flush)


def _record(names: Iterable[str], *, replace_shared: bool) -> None:
    tokens = dict.fromkeys(names, new_token())
    tokens[SITE] = _site_after_change(replace_shared).encode()
    store().write(tokens)


def _site_after_change(replace_shared: bool) -> SiteState:
    current = None if replace_shared else SiteState.decode(store().read([SITE]).get(SITE))
    shared = current.shared if current else new_token()
    when = _next_publication(timezone.now().timestamp())
    return SiteState(new_token(), shared, when or 0.0)


def _write_site(*, replace_shared: bool) -> SiteState:
    state = _site_after_change(replace_shared)
    store().write({SITE: state.encode()})
    return state


# 4. Serving ----------------------------------------------------------------------------------

#: Every query parameter some public page reads (``public_page(query=...)``). Others (``utm_*``,
#: ``?N``) are left out of the cache key, so junk query strings reuse one entry.
_query_parameters: set[str] = set()


def _eligible(request) -> bool:
    """A GET from a reader: no session (so no staff member) and no pending messages."""
    if request.method != "GET" or not enabled():
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _page_key(request) -> str:
    kept = sorted((k, v) for k, vs in request.GET.lists() if k in _query_parameters for v in vs)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(kept)}"
    return f"publiccache:page:{hashlib.sha256(url.encode()).hexdigest()}"


def _etag(stamp: Mapping[str, str]) -> str:
    digest = hashlib.sha256(repr(sorted(stamp.items())).encode()).hexdigest()[:20]
    return f'"{digest}"'


def _stamp(site: SiteState, versions: Mapping[str, str]) -> dict[str, str]:
    """What a page's cached copy is valid for: the content generation for a list, the shared
    generation and the object's version for a page that shows one object."""
    if versions is None:
        return {"content": site.content}
    return {"shared": site.shared, **versions}


def _current_site(found: Mapping[str, str]) -> SiteState:
    site = SiteState.decode(found.get(SITE))
    now = timezone.now().timestamp()
    if site is None or site.publication_due(now):
        site = _write_site(replace_shared=site is None)  # a scheduled article is out now
    return site


def _cap_lifetime(response, seconds: int) -> None:
    """A CDN or browser must not keep the page past the next scheduled publication either."""
    directives = []
    for directive in filter(None, cc_delim_re.split(response.get("Cache-Control", ""))):
        name, _, value = directive.partition("=")
        if name.strip().lower() in ("max-age", "s-maxage") and value.strip().isdigit():
            directive = f"{name.strip()}={min(int(value), seconds)}"
        directives.append(directive)
    if directives:
        response["Cache-Control"] = ", ".join(directives)


def _cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page carries this visitor's CSRF token
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _not_modified(request, etag: str) -> bool:
    wanted = request.META.get("HTTP_IF_NONE_MATCH", "")
    return etag in (tag.strip().removeprefix("W/") for tag in wanted.split(","))


def _hit(request, entry, site: SiteState, known: Mapping[str, str]) -> HttpResponse | None:
    """The cached response if it is still valid for the current generations, else None.
    ``known``: the versions already read with the page (absent ones as "")."""
    stamp, expires, status, headers, content = entry
    now = timezone.now().timestamp()
    if expires <= now:
        return None
    if "content" in stamp:
        current = {"content": site.content}
    else:
        versions = [name for name in stamp if name != "shared"]
        tokens = known if all(name in known for name in versions) else None
        if tokens is None:
            tokens = _guarded(lambda: store().read(versions))
        if tokens is None:
            return None
        current = {"shared": site.shared, **{name: tokens.get(name, "") for name in versions}}
    if current != stamp:
        return None
    if _not_modified(request, headers.get("ETag", "")):
        response = HttpResponseNotModified()
        for name in ("ETag", "Cache-Control", "Vary"):
            if name in headers:
                response[name] = headers[name]
    else:
        response = HttpResponse(content, status=status, headers=headers)
    response[HEADER] = "hit"
    return response


class _VersionsByKey:
    """Which object versions each page was stamped with, as this process last saw it stored
    or served: a hit then reads the site's state, the page and its versions in one round
    trip (Redis: one ``MGET`` instead of two). A URL shows the same object for good, so an
    entry never goes stale; at ``limit`` entries the map starts again."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.names: dict[str, tuple[str, ...]] = {}

    def get(self, key: str) -> tuple[str, ...]:
        return self.names.get(key, ())

    def learn(self, key: str, stamp: Mapping[str, str]) -> None:
        names = tuple(name for name in stamp if name not in ("shared", "content"))
        if names and self.names.get(key) != names:
            if len(self.names) >= self.limit:
                self.names.clear()
            self.names[key] = names


versions_by_key = _VersionsByKey()


class PublicPageCacheMiddleware:
    """Answers readers' hits before the rest of the middleware runs; stores the pages that
    ``public_page`` views return, as the rest of the middleware left them.

    Place it right after SecurityMiddleware and WhiteNoiseMiddleware, before
    SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        # The URLconf declares every page's query parameters: load it before the first key.
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - importing the URLconf is the point

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _page_key(request)
        names = versions_by_key.get(key)
        found = _guarded(lambda: store().read_with_page([SITE, *names], key))
        if found is None:  # the cache is down: serve uncached
            return self.get_response(request)
        tokens, entry = found
        site = _guarded(lambda: _current_site(tokens))
        if site is None:
            return self.get_response(request)
        known = {name: tokens.get(name, "") for name in names}
        response = None
        if entry is not None:
            versions_by_key.learn(key, entry[0])
            response = _hit(request, entry, site, known)
        if response is None:
            request.public_page_site = site
            request.public_page_versions = known
            response = self.get_response(request)
            stamp = getattr(response, "public_page_stamp", None)
            if stamp is None:
                return response  # not a public page (or not one its view returned)
            self._store(request, response, key, stamp, site)
        if site.next_publication:
            now = timezone.now().timestamp()
            _cap_lifetime(response, max(0, math.floor(site.next_publication - now)))
        return response

    @staticmethod
    def _store(request, response, key, stamp, site) -> None:
        now = timezone.now().timestamp()
        expires = site.expiry(now)
        if _cacheable(request, response) and expires > now:
            entry = (stamp, expires, response.status_code, dict(response.items()), response.content)
            timeout = math.ceil(expires - now)
            _guarded(lambda: caches["default"].set(key, entry, timeout=timeout))
            versions_by_key.learn(key, stamp)
        response[HEADER] = "miss"


def _public_cache_control(response) -> None:
    """Browsers revalidate (max-age=0, answered 304 from the ETag); CDNs keep the page for
    PUBLIC_CACHE_SECONDS (0: the page cache is off, and CDNs keep nothing either)."""
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=max(0, settings.PUBLIC_CACHE_SECONDS)
    )


def public_page(view=None, *, query: Iterable[str] = (), versioned_by: str | None = None):
    """A page readers see: shareable by CDNs, revalidated by browsers, kept in the page cache.

    ``query``: the GET parameters the page reads; it sees no others (``?utm_source=``…),
    and only these make a page's cache key. ``versioned_by``: the page shows one object,
    named from the URL's arguments (``"article:{pk}"``), so it is renewed by a change to that
    object or to what every page shows, not by every change on the site. A response whose
    view set its own Cache-Control (a staff preview: private) keeps it and is never stored.
    """
    if view is None:
        return functools.partial(public_page, query=query, versioned_by=versioned_by)
    parameters = frozenset(query)
    _query_parameters.update(parameters)

    @functools.wraps(view)
    @require_safe
    def wrapped(request, *args, **kwargs):
        site = getattr(request, "public_page_site", None)
        versions = None
        if site is not None and versioned_by is not None:
            name = versioned_by.format(*args, **kwargs)
            # Read before the view reads the database (by the middleware, with the page, when
            # it knew the name): a change committed in between then stamps the page as older
            # than it is, never as newer.
            known = getattr(request, "public_page_versions", {})
            versions = known if name in known else _guarded(lambda: store().read([name]))
            versions = None if versions is None else {name: versions.get(name, "")}
            if versions is None:
                site = None
        request.GET = _only(request.GET, parameters)
        response = view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            _public_cache_control(response)
        else:
            return response
        if site is not None:
            stamp = _stamp(site, versions if versioned_by else None)
            response["ETag"] = _etag(stamp)
            response.public_page_stamp = stamp
            if _not_modified(request, response["ETag"]):
                not_modified = HttpResponseNotModified()
                for header in ("ETag", "Cache-Control"):
                    not_modified[header] = response[header]
                not_modified.public_page_stamp = None
                return not_modified
        return response

    return wrapped


def _only(query_dict, names: frozenset[str]) -> QueryDict:
    if all(key in names for key in query_dict):
        return query_dict
    kept = [(key, value) for key, values in query_dict.lists() if key in names for value in values]
    return QueryDict(urlencode(kept))
