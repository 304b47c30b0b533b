"""The public page cache: anonymous readers get cached pages, and a committed change shows at
once. Changes are committed with pytest-django's `django_capture_on_commit_callbacks`: the
cache hears of a change when its transaction commits, as in production."""

import datetime
import uuid
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.utils import timezone

from articles.models import Article, Contributor
from conftest import add_byline, make_article
from newsroom import caching
from newsroom.tests.redis_servers import redis_answers, use_redis

pytestmark = pytest.mark.urls("newsroom.tests.cache_urls")

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """The cache as production configures it: per-process memory, or Redis (REDIS_URL)."""
    if request.param == "redis":
        if not redis_answers():
            pytest.skip("no Redis answers on 127.0.0.1:6379 (CI machines have one)")
        use_redis(settings, "redis://127.0.0.1:6379/0")
    else:
        settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    return request.param


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs the block's on-commit callbacks, as a real commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response.status_code, response.content.decode(), response.get(caching.HEADER)


@pytest.mark.django_db
def test_second_anonymous_request_is_served_from_the_cache(client, page_cache, committed):
    with committed():
        make_article("量子计算新突破")
    assert get(client, "/latest/") == (200, "量子计算新突破", "miss")
    assert get(client, "/latest/") == (200, "量子计算新突破", "hit")


@pytest.mark.django_db
def test_an_edit_is_visible_at_once(client, page_cache, committed):
    with committed():
        article = make_article("初稿标题")
    get(client, f"/a/{article.pk}/")
    assert get(client, f"/a/{article.pk}/")[2] == "hit"
    with committed():
        article.title = "改正后的标题"
        article.save()
    assert get(client, f"/a/{article.pk}/") == (200, "改正后的标题", "miss")
    assert get(client, "/latest/")[1] == "改正后的标题"


@pytest.mark.django_db
def test_a_new_byline_tag_or_organisation_invalidates_too(client, page_cache, committed):
    from entities.models import Mention, Organisation

    with committed():
        article = make_article("青禾智算发布新模型")
    for change in (
        lambda: add_byline(article, "李墨"),
        lambda: article.tags.add("人工智能"),
        lambda: Mention.objects.create(
            article=article, organisation=Organisation.objects.create(name="青禾智算")
        ),
    ):
        for url in ("/latest/", f"/a/{article.pk}/"):
            get(client, url)
            assert get(client, url)[2] == "hit"
        with committed():
            change()
        for url in ("/latest/", f"/a/{article.pk}/"):
            assert get(client, url)[2] == "miss", url


@pytest.mark.django_db
def test_an_edit_renews_that_article_page_and_the_lists_but_not_other_articles(
    client, page_cache, committed
):
    """A newsroom edits all day: one correction must not send every archive page back to
    the database."""
    with committed():
        edited, other = make_article("要改的稿件"), make_article("别的稿件")
    for url in (f"/a/{edited.pk}/", f"/a/{other.pk}/", "/latest/"):
        get(client, url)
    with committed():
        edited.title = "改过的稿件"
        edited.save()
    assert get(client, f"/a/{edited.pk}/") == (200, "改过的稿件", "miss")
    assert get(client, "/latest/")[2] == "miss"
    assert get(client, f"/a/{other.pk}/") == (200, "别的稿件", "hit")


@pytest.mark.django_db
def test_renaming_what_many_pages_show_renews_every_page(client, page_cache, committed):
    with committed():
        first, second = make_article("稿件甲"), make_article("稿件乙")
        add_byline(first, "李墨")
    for url in (f"/a/{first.pk}/", f"/a/{second.pk}/"):
        get(client, url)
    with committed():
        contributor = Contributor.objects.get(name="李墨")
        contributor.name = "李默"
        contributor.save()
    assert get(client, f"/a/{first.pk}/") == (200, "稿件甲/李默", "miss")
    assert get(client, f"/a/{second.pk}/")[2] == "miss"


@pytest.mark.django_db
def test_unpublishing_removes_the_article_at_once(client, page_cache, committed):
    with committed():
        kept = make_article("留下的稿件")
        gone = make_article("撤下的稿件")
    get(client, "/latest/")
    get(client, f"/a/{gone.pk}/")
    with committed():
        gone.status = Article.Status.DRAFT
        gone.save()
    assert get(client, f"/a/{gone.pk}/")[0] == 404
    assert get(client, "/latest/")[1] == kept.title
    with committed():
        gone.delete()
    assert "撤下" not in get(client, "/latest/")[1]


@pytest.mark.django_db
def test_an_uncommitted_change_is_not_seen_by_the_cache(client, page_cache, committed):
    """Other processes cannot see it either: the cache hears of a change at its commit."""
    with committed():
        make_article("旧闻")
    get(client, "/latest/")
    make_article("新闻")  # the test's transaction never commits
    assert get(client, "/latest/")[2] == "hit"


@pytest.mark.django_db
def test_staff_are_never_served_cached_pages(client, admin_user, page_cache, committed):
    with committed():
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
def test_a_scheduled_article_appears_when_its_time_comes(client, page_cache, committed):
    now = timezone.now()
    with committed():
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
def test_scheduling_in_the_future_caps_the_lifetime_of_cached_pages(client, page_cache, committed):
    with committed():
        make_article("定时发布", publish_at=timezone.now() + datetime.timedelta(seconds=30))
    response = client.get("/latest/")
    s_maxage = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 <= s_maxage <= 30  # ... for a CDN too


@pytest.mark.django_db
def test_responses_that_set_cookies_and_non_get_requests_are_not_cached(
    client, page_cache, committed
):
    client.get("/cookie/")
    assert client.get("/cookie/")[caching.HEADER] == "miss"
    with committed():
        make_article("稿件")
    assert client.post("/latest/").status_code == 405
    assert client.get("/latest/")[caching.HEADER] == "miss"


@pytest.mark.django_db
def test_a_change_from_another_process_reaches_this_one(client, settings, committed):
    """The importer runs in its own process: with LocMemCache the generation file carries
    the news to every gunicorn worker, read on every request (a few microseconds)."""
    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    with committed():
        make_article("旧闻")
    get(client, "/latest/")
    assert get(client, "/latest/")[2] == "hit"
    path = settings.PUBLIC_CACHE_GENERATION_FILE
    content, shared, when = path.read_text().split()
    path.write_text(f"{content[::-1]} {shared} {when}")  # same size, same second: still seen
    assert get(client, "/latest/")[2] == "miss"


@pytest.mark.django_db
def test_changes_inside_a_transaction_are_recorded_once_at_commit(settings, committed, monkeypatch):
    """An import saves hundreds of rows per page: other processes cannot see them before the
    commit, so the generations are written once then, not once per row."""
    settings.CACHES = LOCMEM
    settings.PUBLIC_CACHE_SECONDS = 300
    writes = []
    real_write = caching.FileGenerationStore.write
    monkeypatch.setattr(
        caching.FileGenerationStore,
        "write",
        lambda self, tokens: (writes.append(tokens), real_write(self, tokens)),
    )
    with committed():
        for number in range(10):
            add_byline(make_article(f"导入稿件{number}"), f"记者{number}")
        assert writes == []
    assert 1 <= len(writes) <= 2  # this commit, and the search index's own after it
    assert sum(name.startswith("article:") for name in writes[0]) == 10


@pytest.mark.django_db
def test_turned_off_when_public_cache_seconds_is_zero_and_cdns_are_told_so(client, committed):
    with committed():
        make_article("稿件")
    client.get("/latest/")
    response = client.get("/latest/")
    assert response.get(caching.HEADER) is None
    assert "s-maxage=0" in response["Cache-Control"] and "300" not in response["Cache-Control"]


@pytest.mark.django_db
def test_the_cache_adds_no_query_and_a_hit_costs_none(
    client, page_cache, committed, django_assert_num_queries
):
    with committed():
        make_article("稿件")
    with django_assert_num_queries(1):  # the view's own query, nothing of the cache's
        client.get("/latest/")
    with django_assert_num_queries(0):
        assert client.get("/latest/")[caching.HEADER] == "hit"


# Browsers revalidate: ETag and 304.


@pytest.mark.django_db
def test_browsers_revalidate_and_cdns_keep_the_page(client, page_cache, committed):
    with committed():
        make_article("稿件")
    cache_control = client.get("/latest/")["Cache-Control"]
    assert {"public", "max-age=0", "s-maxage=300"} <= set(cache_control.split(", "))


@pytest.mark.django_db
def test_an_unchanged_page_is_answered_304_without_the_database(
    client, page_cache, committed, django_assert_num_queries
):
    with committed():
        article = make_article("稿件")
    for url in ("/latest/", f"/a/{article.pk}/"):
        etag = client.get(url)["ETag"]
        with django_assert_num_queries(0):
            response = client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == 304 and response.content == b""
        assert response["ETag"] == etag


@pytest.mark.django_db
def test_a_correction_changes_the_etag_so_returning_readers_get_it(client, page_cache, committed):
    with committed():
        article = make_article("初稿")
    etag = client.get(f"/a/{article.pk}/")["ETag"]
    with committed():
        article.title = "更正稿"
        article.save()
    status, body, _ = get(client, f"/a/{article.pk}/", **{"If-None-Match": etag})
    assert (status, body) == (200, "更正稿")


# Query strings: only the parameters a page reads make a key.


@pytest.mark.django_db
def test_junk_query_strings_reuse_one_cache_entry(client, page_cache, committed):
    with committed():
        make_article("稿件")
    assert get(client, "/latest/?utm_source=weibo")[2] == "miss"
    for n in range(20):
        assert get(client, f"/latest/?utm={n}&from=share")[2] == "hit"
    # ... while a parameter the page reads is a page of its own.
    assert get(client, "/latest/?page=2&utm=1") == (200, "稿件#2", "miss")
    assert get(client, "/latest/?utm=2&page=2") == (200, "稿件#2", "hit")


@pytest.mark.django_db
def test_a_page_never_sees_parameters_it_does_not_declare(client, page_cache, committed):
    with committed():
        article = make_article("稿件")
    assert get(client, f"/a/{article.pk}/?page=7")[1] == "稿件"
    assert get(client, f"/a/{article.pk}/?page=8")[2] == "miss"  # page is not the article's


# The hit path: PublicPageCacheMiddleware answers before sessions, auth and the rest.


@pytest.mark.django_db
def test_a_hit_carries_the_headers_the_rest_of_the_middleware_gave_the_miss(
    client, page_cache, committed
):
    with committed():
        make_article("稿件")
    miss = client.get("/latest/")
    hit = client.get("/latest/")
    assert (miss[caching.HEADER], hit[caching.HEADER]) == ("miss", "hit")
    for header in ("X-Frame-Options", "Cache-Control", "Content-Type", "ETag"):
        assert hit[header] == miss[header], header
    assert hit.content == miss.content


@pytest.mark.django_db
def test_a_hit_runs_no_session_auth_or_view_code(client, page_cache, committed):
    with committed():
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
def test_any_session_cookie_bypasses_the_cache_both_ways(client, page_cache, admin_user, committed):
    with committed():
        published = make_article("已发稿件")
    client.cookies["sessionid"] = "not-a-real-session"
    assert get(client, f"/a/{published.pk}/") == (200, "已发稿件", None)
    del client.cookies["sessionid"]
    assert get(client, f"/a/{published.pk}/")[2] == "miss"  # nothing was stored for it
    client.force_login(admin_user)
    assert get(client, f"/a/{published.pk}/") == (200, "预览:已发稿件", None)


@pytest.mark.django_db
def test_a_page_not_marked_public_is_never_stored(client, page_cache):
    for _ in range(2):
        response = client.get("/plain/")
        assert response.status_code == 200 and response.get(caching.HEADER) is None
    assert client.get("/no-such-page/").get(caching.HEADER) is None


@pytest.mark.django_db
def test_with_redis_a_list_hit_is_one_round_trip_and_another_process_change_shows_at_once(
    client, settings, committed
):
    if not redis_answers():
        pytest.skip("no Redis answers on 127.0.0.1:6379 (CI machines have one)")
    use_redis(settings, "redis://127.0.0.1:6379/0")
    settings.PUBLIC_CACHE_SECONDS = 300
    with committed():
        make_article("旧闻")
    get(client, "/latest/")
    backend = caches["default"]
    with (
        mock.patch.object(backend, "get", wraps=backend.get) as single,
        mock.patch.object(backend, "get_many", wraps=backend.get_many) as many,
    ):
        assert get(client, "/latest/")[2] == "hit"
    assert (single.call_count, many.call_count) == (0, 1)
    # Another process (the importer, another machine) records a change in Redis:
    other = caching.CacheGenerationStore(cache)
    state = caching.SiteState.decode(other.read([caching.SITE])[caching.SITE])
    other.write({caching.SITE: caching.SiteState(uuid.uuid4().hex, state.shared, 0).encode()})
    assert get(client, "/latest/")[2] == "miss"
    assert get(client, "/latest/")[2] == "hit"


@pytest.mark.django_db
def test_with_redis_an_article_hit_is_one_round_trip_and_its_edit_still_renews_it(
    client, settings, committed
):
    """The page's own version is read with the page, not after it: once this process has
    seen the page stamped, a hit costs one MGET, and the version it reads is the current one."""
    if not redis_answers():
        pytest.skip("no Redis answers on 127.0.0.1:6379 (CI machines have one)")
    use_redis(settings, "redis://127.0.0.1:6379/0")
    settings.PUBLIC_CACHE_SECONDS = 300
    with committed():
        article = make_article("初稿标题")
    assert get(client, f"/a/{article.pk}/")[2] == "miss"
    backend = caches["default"]
    with (
        mock.patch.object(backend, "get", wraps=backend.get) as single,
        mock.patch.object(backend, "get_many", wraps=backend.get_many) as many,
    ):
        assert get(client, f"/a/{article.pk}/")[2] == "hit"
    assert (single.call_count, many.call_count) == (0, 1)
    with committed():
        article.title = "改正后的标题"
        article.save()
    assert get(client, f"/a/{article.pk}/")[1:] == ("改正后的标题", "miss")
    assert get(client, f"/a/{article.pk}/")[1:] == ("改正后的标题", "hit")


@pytest.mark.django_db
def test_a_page_stored_by_another_process_is_served_and_learnt_by_this_one(
    client, page_cache, committed
):
    """A worker that never stored the page (another worker did, into Redis, or this process
    forgot it) reads its version after the page, and knows it from then on."""
    with committed():
        article = make_article("另一个进程缓存的稿件")
    get(client, f"/a/{article.pk}/")
    caching.versions_by_key.names.clear()
    assert get(client, f"/a/{article.pk}/")[2] == "hit"
    assert any(
        names == (f"article:{article.pk}",) for names in caching.versions_by_key.names.values()
    )
    with committed():
        article.title = "另一个进程改过的标题"
        article.save()
    assert get(client, f"/a/{article.pk}/")[1:] == ("另一个进程改过的标题", "miss")


@pytest.mark.django_db
def test_importing_a_new_page_keeps_the_archive_cached(client, page_cache, committed):
    """An import lands every few minutes: the new page renews the lists, not the archive."""
    import io
    from pathlib import Path

    from django.core.management import call_command

    with committed():
        archived = make_article("往期稿件")
    get(client, f"/a/{archived.pk}/")
    issue = Path(__file__).resolve().parents[2] / "fixtures" / "2025-08-05"
    with committed():
        call_command(
            "import_issue", str(issue), "--date", "2025-08-06", "--publish", stdout=io.StringIO()
        )
    assert get(client, f"/a/{archived.pk}/") == (200, "往期稿件", "hit")
    assert get(client, "/latest/")[2] == "miss"


@pytest.mark.django_db
def test_renaming_a_printed_page_renews_the_pages_of_its_articles(client, page_cache, committed):
    with committed():
        article = make_article("版面上的稿件")
    get(client, f"/a/{article.pk}/")
    with committed():
        article.page.name = "新版名"
        article.page.save()
    assert get(client, f"/a/{article.pk}/")[2] == "miss"
