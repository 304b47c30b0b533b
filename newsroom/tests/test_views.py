"""/healthz and /healthz/edge: the same trivial answer, at two depths of the middleware."""

import pytest
from django.conf import settings

from newsroom.views import EDGE_PATH

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.startswith(b"ok\ncache: ")
    assert "no-cache" in response["Cache-Control"]


def test_the_edge_answer_is_the_same_given_before_sessions_auth_and_csp(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        edge = client.get(EDGE_PATH, HTTP_COOKIE="sessionid=whatever")
    assert edge.content == client.get("/healthz").content
    assert "no-cache" in edge["Cache-Control"]
    # Answered where a page-cache hit is: nothing after it ran, so no header of theirs.
    assert "Content-Security-Policy" not in edge
    assert "X-Frame-Options" not in edge
    assert "Vary" not in edge


def test_the_edge_answer_sits_right_before_the_page_cache():
    middleware = settings.MIDDLEWARE
    edge = middleware.index("newsroom.views.EdgeHealthMiddleware")
    assert middleware[edge + 1] == "newsroom.caching.PublicPageCacheMiddleware"
