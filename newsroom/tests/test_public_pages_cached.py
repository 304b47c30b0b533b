"""The reader site's own pages go through the page cache, and a change still shows at once."""

import pytest
from django.urls import reverse

from articles import publishing
from articles.models import Article
from conftest import make_article
from newsroom.caching import HEADER


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"


@pytest.mark.django_db
def test_article_page_front_page_and_search_are_cached_for_readers(client):
    article = make_article("脑机接口新进展", body="脑机接口。")
    for url in (article.get_absolute_url(), "/", reverse("search:search") + "?q=脑机接口"):
        assert client.get(url)[HEADER] == "miss"
        second = client.get(url)
        assert second[HEADER] == "hit" and "新进展" in second.content.decode()


@pytest.mark.django_db
def test_unpublishing_takes_the_article_off_every_cached_page_at_once(
    client, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("即将撤下的稿件", body="脑机接口。")
    urls = [article.get_absolute_url(), "/", reverse("search:search") + "?q=脑机接口"]
    for url in urls:
        client.get(url)
    assert all(client.get(url)[HEADER] == "hit" for url in urls)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish(article, admin_user)
    assert client.get(urls[0]).status_code == 404
    for url in urls[1:]:
        assert "即将撤下的稿件" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_staff_preview_of_a_draft_is_never_cached(client, admin_user):
    draft = make_article("草稿预览", status=Article.Status.DRAFT)
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200 and response.get(HEADER) is None
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
