"""PostgreSQL as production runs it: a connection plans a repeated statement once."""

import pytest
from django.db import connection

from articles.article_page import read_article, shown_with
from conftest import make_article

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's prepared statements"
    ),
    pytest.mark.django_db,
]


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_the_article_pages_statements_are_prepared_once_a_connection_repeats_them():
    """Planning was most of the server's time on an uncached article page (SCALING.md)."""
    article = make_article()
    for _ in range(3):
        found = read_article(article.pk)
        shown_with(found)
    statements = prepared_statements()
    assert any("articles_article" in sql and "articles_issue" in sql for sql in statements)
    assert any("UNION ALL" in sql for sql in statements)


def test_a_search_is_planned_for_its_own_words_never_from_a_prepared_plan(client):
    """A plan made once for any tsquery is wrong for most searches: a rare word's search took
    382 ms from one instead of 10 ms at 100,000 articles (SCALING.md)."""
    make_article("量子计算新突破")
    for _ in range(4):
        assert client.get("/search/", {"q": "量子"}).status_code == 200
    assert not [sql for sql in prepared_statements() if "search_pg" in sql]
