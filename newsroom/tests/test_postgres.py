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
