"""The search rank key holds every publication time the model accepts, and a rebuild of the
index is all or nothing. Runs the same on SQLite and PostgreSQL."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles import publishing
from articles.models import PUBLISH_AT_YEARS, Article
from articles.tests.roles import make_editor
from conftest import make_article
from search import backends, indexing
from search.indexing import flush, index_size
from search.models import SearchDocument
from search.query import search

UTC = datetime.UTC
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
FIRST = datetime.datetime(PUBLISH_AT_YEARS[0], 1, 1, tzinfo=SHANGHAI)
LAST = datetime.datetime(PUBLISH_AT_YEARS[-1], 12, 31, 23, 59, 59, tzinfo=SHANGHAI)


def found(query):
    return list(search(query).ids)


def test_rank_keys_sort_like_time_then_id_over_every_accepted_year():
    moments = [FIRST, datetime.datetime(1968, 5, 1, tzinfo=UTC), timezone.now(), LAST]
    keys = [backends.rank_key(moment, pk) for moment in moments for pk in (1, 2, backends.ID_MASK)]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(0 < key < 2**63 for key in keys)
    assert [backends.article_id(key) for key in keys[:3]] == [1, 2, backends.ID_MASK]
    assert backends.rank_bound(LAST) >= backends.rank_key(LAST, backends.ID_MASK)


def test_a_time_outside_the_key_counts_as_its_first_or_last_second():
    far_past = datetime.datetime(1, 1, 2, tzinfo=UTC)
    far_future = datetime.datetime(9999, 12, 30, tzinfo=UTC)
    assert backends.rank_key(far_past, 7) == backends.article_id(7) == 7
    assert backends.rank_key(far_future, 7) < 2**63
    with pytest.raises(ValueError, match="does not fit"):
        backends.rank_key(timezone.now(), backends.ID_MASK + 1)


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2100, 2500])
def test_a_schedule_beyond_the_accepted_years_is_refused_clearly(year):
    article = make_article("远期稿件", status=Article.Status.REVIEW)
    with pytest.raises(ValidationError, match="发布时间须在 1900 年至 2099 年之间"):
        publishing.publish(article, make_editor(), at=datetime.datetime(year, 6, 1, tzinfo=UTC))
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Article.Status.REVIEW, None)


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1, 1899, 2100, 9999])
def test_the_model_refuses_a_publication_time_outside_the_accepted_years(year):
    article = make_article("导入的稿件")
    article.publish_at = datetime.datetime(year, 6, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="发布时间须在 1900 年至 2099 年之间"):
        article.full_clean()


@pytest.mark.django_db
def test_the_last_accepted_second_publishes_and_is_indexed():
    article = make_article("二〇九九年的稿件", status=Article.Status.REVIEW)
    publishing.publish(article, make_editor(), at=LAST)
    flush()
    assert SearchDocument.objects.get(pk=article.pk).rank == backends.rank_key(LAST, article.pk)
    assert found("二〇九九") == []
    assert list(search("二〇九九", now=LAST).ids) == [article.pk]


@pytest.mark.django_db
def test_a_far_future_time_written_past_validation_neither_breaks_indexing_nor_rebuild():
    visible = make_article("今天的芯片稿件")
    future = make_article("未来的芯片稿件")
    Article.objects.filter(pk=future.pk).update(
        publish_at=datetime.datetime(9000, 1, 1, tzinfo=UTC)
    )
    indexing.schedule(future.pk)
    flush()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert found("芯片") == [visible.pk]
    assert index_size() == {"documents": 2, "index_rows": 2}


@pytest.mark.django_db(transaction=True)
def test_a_failed_rebuild_leaves_search_as_it_was(monkeypatch):
    articles = [make_article(f"量子芯片稿件{n}") for n in range(3)]
    before = (found("量子芯片"), set(SearchDocument.objects.values_list("pk", "rank")))
    # Relative: earlier transactional tests may leave rows in the index, which no flush empties.
    size_before = index_size()
    real = indexing.document_text

    def fails_on_the_last(article, bylines, captions):
        if article.pk == articles[-1].pk:
            raise ValueError("注入的故障")
        return real(article, bylines, captions)

    monkeypatch.setattr(indexing, "document_text", fails_on_the_last)
    with pytest.raises(CommandError, match="原索引保持不变：注入的故障"):
        call_command("rebuild_search_index", "--chunk-size", "1", stdout=io.StringIO())
    assert (found("量子芯片"), set(SearchDocument.objects.values_list("pk", "rank"))) == before
    assert index_size() == size_before


@pytest.mark.django_db
def test_the_migration_rekeys_every_document_in_place():
    articles = [make_article(f"迁移稿件{n}") for n in range(3)]
    flush()
    SearchDocument.objects.update(rank=0)
    migration = importlib.import_module("search.migrations.0003_rank_key_from_1900")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    migration.rekey(apps, editor)
    for article in articles:
        expected = backends.rank_key(article.publish_at, article.pk)
        assert SearchDocument.objects.get(pk=article.pk).rank == expected
    assert sorted(found("迁移稿件")) == sorted(a.pk for a in articles)
