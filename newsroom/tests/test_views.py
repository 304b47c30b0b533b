"""The site's own trivial views: /healthz through every middleware, /healthz/page through the
page cache, so the benchmark has a trivial view at each depth a page is answered from."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.caching import HEADER


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 300
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "generation"


@pytest.mark.django_db
def test_the_trivial_page_is_answered_from_the_page_cache_without_a_query(client, page_cache):
    assert client.get("/healthz/page")[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/healthz/page")
    assert hit[HEADER] == "hit" and hit.content == b"ok"
    assert len(queries) == 0


@pytest.mark.django_db
def test_healthz_is_never_cached(client, page_cache):
    client.get("/healthz")
    response = client.get("/healthz")
    assert response.get(HEADER) is None and "no-cache" in response["Cache-Control"]
