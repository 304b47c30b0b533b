"""Losing Redis degrades the site, never takes it down: pages are served uncached, editors
and the importer keep working, /healthz says so, and the cache comes back by itself.

Each test runs its own `redis-server` on a free loopback port and stops and starts it."""

import io
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command

from articles.models import Article
from conftest import make_article
from newsroom import caching
from newsroom.tests.redis_servers import RedisServer, use_redis

pytestmark = [
    pytest.mark.urls("newsroom.tests.cache_urls"),
    pytest.mark.skipif(RedisServer.binary is None, reason="redis-server is not installed"),
]
FIXTURE_ISSUE = Path(__file__).resolve().parents[2] / "fixtures" / "2025-08-05"


@pytest.fixture
def redis_server(settings, monkeypatch):
    server = RedisServer()
    server.start()
    use_redis(settings, server.url)
    settings.PUBLIC_CACHE_SECONDS = 300
    monkeypatch.setattr(caching, "outage", caching.Outage())
    monkeypatch.setattr(caching, "_health", {"checked": float("-inf")})
    monkeypatch.setattr(caching, "RETRY_SECONDS", 0.5)
    yield server
    server.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def outcome(client, url):
    response = client.get(url)
    return response.status_code, response.get(caching.HEADER)


def wait_for_retry():
    time.sleep(caching.RETRY_SECONDS + 0.1)


@pytest.mark.django_db
def test_pages_are_served_uncached_while_redis_is_gone_and_cached_once_it_is_back(
    client, redis_server, committed, caplog
):
    with committed():
        article = make_article("稿件")
    assert outcome(client, "/latest/") == (200, "miss")
    assert outcome(client, "/latest/") == (200, "hit")

    redis_server.stop()
    with caplog.at_level("WARNING", logger="newsroom.caching"):
        for url in ("/latest/", f"/a/{article.pk}/") * 10:
            assert outcome(client, url) == (200, None), url
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "unavailable" in warnings[0].getMessage()
    health = client.get("/healthz")
    assert health.status_code == 200 and b"cache: degraded" in health.content

    redis_server.start()
    wait_for_retry()
    assert outcome(client, "/latest/") == (200, "miss")
    assert outcome(client, "/latest/") == (200, "hit")
    wait_for_retry()
    assert b"cache: ok" in client.get("/healthz").content


@pytest.mark.django_db
def test_an_outage_costs_one_connection_attempt_per_interval_not_one_per_request(
    client, redis_server, monkeypatch
):
    redis_server.stop()
    monkeypatch.setattr(caching, "RETRY_SECONDS", 60)
    backend = caches["default"]
    calls = []
    real = backend.get_many
    monkeypatch.setattr(backend, "get_many", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    for _ in range(30):
        assert client.get("/latest/").status_code == 200
    assert len(calls) == 1


@pytest.mark.django_db
def test_editors_save_and_the_importer_imports_while_redis_is_gone(client, redis_server, committed):
    redis_server.stop()
    with committed():
        article = make_article("停机时的稿件")
        article.title = "停机时改过的稿件"
        article.save()
    out = io.StringIO()
    with committed():
        call_command("import_issue", str(FIXTURE_ISSUE), "--publish", stdout=out, stderr=out)
    assert Article.objects.filter(import_ref__startswith="2025-08-05/").exists(), out.getvalue()
    assert client.get(f"/a/{article.pk}/").content.decode() == "停机时改过的稿件"


@pytest.mark.django_db
def test_a_change_made_while_redis_did_not_answer_shows_once_it_answers(
    client, redis_server, committed
):
    """Redis paused (it keeps its data but answers nobody): the save could not be recorded,
    so the first process to reach Redis again replaces every generation."""
    import redis

    with committed():
        article = make_article("初稿")
    client.get(f"/a/{article.pk}/")
    assert outcome(client, f"/a/{article.pk}/") == (200, "hit")
    admin = redis.Redis(port=redis_server.port)
    admin.execute_command("CLIENT", "PAUSE", 2000, "ALL")
    with committed():
        article.title = "停机时的更正"
        article.save()  # its record of the change times out
    assert caching.outage.degraded
    time.sleep(2.1)
    response = client.get(f"/a/{article.pk}/")
    assert response.content.decode() == "停机时的更正"
