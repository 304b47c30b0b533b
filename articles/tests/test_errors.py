"""The reader site's 400, 404 and 500 pages: Chinese, in the site's style, no database."""

import pytest
from django.test import RequestFactory

from articles import errors


def test_the_error_pages_render_without_the_database():
    """No django_db mark: any query here would fail the test."""
    request = RequestFactory().get("/articles/1/")
    for view, status, heading in [
        (errors.bad_request, 400, "无法处理这个请求"),
        (errors.page_not_found, 404, "找不到这个页面"),
        (errors.server_error, 500, "服务暂时出错"),
    ]:
        response = view(request) if status == 500 else view(request, Exception())
        html = response.content.decode()
        assert response.status_code == status
        assert heading in html and '<html lang="zh-CN">' in html
        assert "/static/css/site.css" in html and 'href="/issues/"' in html
        assert "<script" not in html and "style=" not in html


@pytest.mark.django_db
def test_an_unknown_address_answers_the_chinese_404_without_a_query(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


@pytest.mark.django_db
def test_a_missing_article_answers_the_chinese_404(client):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


@pytest.mark.django_db
def test_a_failing_view_answers_the_chinese_500(client, settings):
    settings.ROOT_URLCONF = "articles.tests.broken_urls"
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "服务暂时出错" in response.content.decode()
