"""The public page cache: anonymous readers get cached pages, and a change shows at once."""

import datetime
import socket
import uuid
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from conftest import add_byline, make_article
from newsroom import caching

pytestmark = pytest.mark.urls("newsroom.tests.cache_urls")

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def use_redis(settings):
    """Django's RedisCache on the local server, under a key prefix of this test's own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings, tmp_path):
    """The cache as production configures it: per-process memory, or Redis (REDIS_URL)."""
    if request.param == "redis":
        if not redis_answers():
            pytest.skip("no Redis answers on 127.0.0.1:6379 (CI machines have one)")
        use_redis(settings)
    else:
        settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    yield request.param
    cache.clear() if request.param == "locmem" else None


def get(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode(), response.get(caching.HEADER)


@pytest.mark.django_db
def test_second_anonymous_request_is_served_from_the_cache(client, page_cache):
    make_article("量子计算新突破")
    assert get(client, "/latest/") == (200, "量子计算新突破", "miss")
    assert get(client, "/latest/") == (200, "量子计算新突破", "hit")


@pytest.mark.django_db
def test_an_edit_is_visible_at_once(client, page_cache):
    article = make_article("初稿标题")
    get(client, f"/a/{article.pk}/")
    assert get(client, f"/a/{article.pk}/")[2] == "hit"
    article.title = "改正后的标题"
    article.save()
    assert get(client, f"/a/{article.pk}/") == (200, "改正后的标题", "miss")


@pytest.mark.django_db
def test_a_new_byline_tag_or_organisation_invalidates_too(client, page_cache):
    from entities.models import Mention, Organisation

    article = make_article("深度求索发布新模型")
    for change in (
        lambda: add_byline(article, "李墨"),
        lambda: article.tags.add("人工智能"),
        lambda: Mention.objects.create(
            article=article, organisation=Organisation.objects.create(name="深度求索")
        ),
    ):
        get(client, "/latest/")
        assert get(client, "/latest/")[2] == "hit"
        change()
        assert get(client, "/latest/")[2] == "miss"


@pytest.mark.django_db
def test_unpublishing_removes_the_article_at_once(client, page_cache):
    kept = make_article("留下的稿件")
    gone = make_article("撤下的稿件")
    get(client, "/latest/")
    get(client, f"/a/{gone.pk}/")
    gone.status = Article.Status.DRAFT
    gone.save()
    assert get(client, f"/a/{gone.pk}/")[0] == 404
    assert get(client, "/latest/")[1] == kept.title
    gone.delete()
    assert "撤下" not in get(client, "/latest/")[1]


@pytest.mark.django_db
def test_staff_are_never_served_cached_pages(client, admin_user, page_cache):
    draft = make_article("待审稿件", status=Article.Status.REVIEW)
    published = make_article("已发稿件")
    get(client, f"/a/{published.pk}/")
    assert get(client, f"/a/{published.pk}/")[2] == "hit"

    client.force_login(admin_user)
    assert get(client, f"/a/{published.pk}/") == (200, "预览:已发稿件", None)
    assert get(client, f"/a/{draft.pk}/") == (200, "预览:待审稿件", None)
    client.logout()
    # ... and a staff preview never lands in the cache readers are served from.
    assert get(client, f"/a/{draft.pk}/")[0] == 404
    assert get(client, f"/a/{published.pk}/") == (200, "已发稿件", "hit")


@pytest.mark.django_db
def test_a_scheduled_article_appears_when_its_time_comes(client, page_cache):
    now = timezone.now()
    make_article("已发布")
    make_article("定时发布", publish_at=now + datetime.timedelta(minutes=10))
    assert get(client, "/latest/") == (200, "已发布", "miss")
    assert get(client, "/latest/") == (200, "已发布", "hit")

    # No save happens when the time comes: only the clock moves.
    later = now + datetime.timedelta(minutes=10, seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        status, body, state = get(client, "/latest/")
    assert (status, state) == (200, "miss")
    assert set(body.split("|")) == {"已发布", "定时发布"}


@pytest.mark.django_db
def test_scheduling_in_the_future_caps_the_lifetime_of_cached_pages(client, page_cache):
    make_article("定时发布", publish_at=timezone.now() + datetime.timedelta(seconds=30))
    now = timezone.now().timestamp()
    seen = caching._as_seen_here(caching._current_state())
    assert 0 < caching.next_publication(seen, now) - now <= 30
    response = client.get("/latest/")
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 <= max_age <= 30  # ... for a CDN too


@pytest.mark.django_db
def test_responses_that_set_cookies_and_non_get_requests_are_not_cached(client, page_cache):
    client.get("/cookie/")
    assert client.get("/cookie/")[caching.HEADER] == "miss"
    make_article("稿件")
    client.post("/latest/")
    assert client.get("/latest/")[caching.HEADER] == "miss"


@pytest.mark.django_db
def test_a_change_from_another_process_reaches_this_one(client, settings, tmp_path):
    """The importer runs in its own process: with LocMemCache the generation file carries
    the news to every gunicorn worker."""
    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    make_article("旧闻")
    get(client, "/latest/")
    assert get(client, "/latest/")[2] == "hit"
    (tmp_path / "generation").write_text("written-by-another-process 0.0")
    assert get(client, "/latest/")[2] == "miss"


@pytest.mark.django_db(transaction=True)
def test_the_generation_changes_again_when_the_transaction_commits(settings, tmp_path):
    from django.db import transaction

    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    with transaction.atomic():
        article = make_article("事务中的稿件")
        inside = caching.current_generation()
        article.title = "再改一次"
        article.save()
    assert caching.current_generation() != inside


@pytest.mark.django_db
def test_turned_off_when_public_cache_seconds_is_zero(client, settings, tmp_path):
    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 0
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    make_article("稿件")
    client.get("/latest/")
    assert client.get("/latest/").get(caching.HEADER) is None


@pytest.mark.django_db
def test_the_cache_adds_no_query_and_a_hit_costs_none(
    client, page_cache, django_assert_num_queries
):
    make_article("稿件")
    with django_assert_num_queries(1):  # the view's own query, nothing of the cache's
        client.get("/latest/")
    with django_assert_num_queries(0):
        assert client.get("/latest/")[caching.HEADER] == "hit"


# The hit path: PublicPageCacheMiddleware answers before sessions, auth and the rest.


@pytest.mark.django_db
def test_a_hit_carries_the_headers_the_rest_of_the_middleware_gave_the_miss(client, page_cache):
    make_article("稿件")
    miss = client.get("/latest/")
    hit = client.get("/latest/")
    assert (miss[caching.HEADER], hit[caching.HEADER]) == ("miss", "hit")
    for header in ("X-Frame-Options", "Cache-Control", "Content-Type"):
        assert hit[header] == miss[header], header
    assert hit.content == miss.content


@pytest.mark.django_db
def test_a_hit_runs_no_session_auth_or_view_code(client, page_cache):
    make_article("稿件")
    client.get("/latest/")
    with (
        mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request") as s,
        mock.patch("django.urls.resolvers.URLResolver.resolve") as resolve,
    ):
        assert client.get("/latest/")[caching.HEADER] == "hit"
    s.assert_not_called()
    resolve.assert_not_called()


@pytest.mark.django_db
def test_any_session_cookie_bypasses_the_cache_both_ways(client, page_cache, admin_user):
    published = make_article("已发稿件")
    client.cookies["sessionid"] = "not-a-real-session"
    assert get(client, f"/a/{published.pk}/") == (200, "已发稿件", None)
    del client.cookies["sessionid"]
    assert get(client, f"/a/{published.pk}/")[2] == "miss"  # nothing was stored for it
    client.force_login(admin_user)
    assert get(client, f"/a/{published.pk}/") == (200, "预览:已发稿件", None)


@pytest.mark.django_db
def test_a_page_not_marked_public_is_never_stored(client, page_cache):
    assert client.get("/no-such-page/").status_code == 404
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response.get(caching.HEADER) is None


@pytest.mark.django_db
def test_the_generation_file_is_only_stat_ed_while_it_does_not_change(client, settings, tmp_path):
    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    make_article("旧闻")
    client.get("/latest/")
    with mock.patch.object(caching, "RECENT_CHANGE_SECONDS", -1.0):
        client.get("/latest/")  # learns the file as it is now
        with mock.patch("pathlib.Path.read_text") as read:
            for _ in range(3):
                assert get(client, "/latest/")[2] == "hit"
        read.assert_not_called()


@pytest.mark.django_db
def test_another_process_replacing_the_file_twice_within_one_tick_is_still_seen(
    client, settings, tmp_path
):
    """Same inode, same size, same mtime: only the recent-change rule can tell."""
    import os

    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    path = settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    make_article("旧闻")
    get(client, "/latest/")
    assert get(client, "/latest/")[2] == "hit"
    before = os.stat(path)
    token, when = path.read_text().split()
    with open(path, "r+") as f:  # rewrite in place: inode and size unchanged
        f.write(("f" if token[0] != "f" else "e") + token[1:] + " " + when)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same timestamp
    assert get(client, "/latest/")[2] == "miss"


@pytest.mark.django_db
def test_with_redis_a_hit_is_one_round_trip_and_another_process_change_shows_at_once(
    client, settings
):
    if not redis_answers():
        pytest.skip("no Redis answers on 127.0.0.1:6379 (CI machines have one)")
    from django.core.cache import caches

    use_redis(settings)
    settings.PUBLIC_CACHE_SECONDS = 300
    make_article("旧闻")
    get(client, "/latest/")
    backend = caches["default"]
    with (
        mock.patch.object(backend, "get", wraps=backend.get) as single,
        mock.patch.object(backend, "get_many", wraps=backend.get_many) as many,
    ):
        assert get(client, "/latest/")[2] == "hit"
    assert (single.call_count, many.call_count) == (0, 1)
    # Another process (the importer, another machine) replaces the token in Redis:
    cache.set(caching.GENERATION_KEY, "written-by-another-process 0.0", timeout=None)
    assert get(client, "/latest/")[2] == "miss"
    assert get(client, "/latest/")[2] == "hit"


@pytest.mark.django_db(transaction=True)
def test_changes_inside_a_transaction_are_shared_once_at_commit(settings, tmp_path, monkeypatch):
    """An import saves hundreds of rows per page: other processes cannot see them before the
    commit, so the shared generation is written once then, not once per row."""
    from django.db import transaction

    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"
    before = caching.current_generation()
    writes = []
    real_write = caching._write_state
    monkeypatch.setattr(caching, "_write_state", lambda *a: (writes.append(a), real_write(*a)))
    with transaction.atomic():
        for number in range(10):
            make_article(f"导入稿件{number}")
        assert writes == []
    assert 1 <= len(writes) <= 2  # this commit, and the search index's own after it
    assert caching.current_generation() != before


@pytest.mark.django_db
def test_this_process_sees_its_own_uncommitted_changes_at_once(client, page_cache):
    make_article("旧闻")
    get(client, "/latest/")
    assert get(client, "/latest/")[2] == "hit"
    make_article("新闻")
    _, body, outcome = get(client, "/latest/")
    assert outcome == "miss" and "新闻" in body
