"""Small builders shared by every app's tests: `make_article(...)` and friends."""

import datetime
import itertools

import pytest
from django.utils import timezone

from articles.models import Article, Byline, Caption, Contributor, Issue, Page

_numbers = itertools.count(1)


def make_issue(date=None, **fields):
    date = date or datetime.date(2025, 8, 5)
    issue, _ = Issue.objects.get_or_create(date=date, defaults=fields)
    return issue


def make_page(issue=None, number=1, name="要闻", **fields):
    issue = issue or make_issue()
    page, _ = Page.objects.get_or_create(
        issue=issue, number=number, defaults={"name": name, **fields}
    )
    return page


def make_article(
    title=None, *, status=Article.Status.PUBLISHED, publish_at=None, page=None, tags=(), **fields
):
    """A published article by default, on page 1 of 2025-08-05, visible to readers now."""
    if publish_at is None and status == Article.Status.PUBLISHED:
        publish_at = timezone.now() - datetime.timedelta(hours=1)
    article = Article.objects.create(
        title=title if title is not None else f"稿件{next(_numbers)}",
        status=status,
        publish_at=publish_at,
        page=page if page is not None else make_page(),
        **fields,
    )
    if tags:
        article.tags.add(*tags)
    return article


def add_byline(article, name, role="记者", order=None):
    contributor, _ = Contributor.objects.get_or_create(name=name)
    return Byline.objects.create(
        article=article,
        contributor=contributor,
        role=role,
        order=order if order is not None else article.bylines.count(),
    )


def add_caption(article, text, credit=""):
    return Caption.objects.create(
        article=article, text=text, credit=credit, order=article.captions.count()
    )


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """A transactional test flushes the tables, and content types come back with new ids;
    taggit and the admin must not reuse ids cached by an earlier test."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _own_page_cache(settings, tmp_path):
    """The page cache is off unless a test turns it on (PUBLIC_CACHE_SECONDS): a test's
    changes stay in one uncommitted transaction, which the cache rightly never sees. Each
    test has generations of its own and leaves an empty memory cache (Redis tests use a key
    prefix of their own)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    settings.PUBLIC_CACHE_SECONDS = 0
    settings.PUBLIC_CACHE_GENERATION_FILE = tmp_path / "cache-generation"
    yield
    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()


@pytest.fixture
def article_factory(db):
    return make_article
