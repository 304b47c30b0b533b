"""The workflow functions: who may move an article where, and when readers see it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import publishing
from articles.models import Article
from articles.tests.roles import make_editor, make_reporter
from conftest import make_article

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def reporter():
    return make_reporter()


@pytest.fixture
def editor():
    return make_editor()


def draft(title="草稿"):
    return make_article(title, status=Status.DRAFT)


def test_a_reporter_submits_a_draft_for_review_and_is_recorded_as_its_last_editor(reporter):
    article = draft()
    publishing.submit_for_review(article, reporter)
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.updated_by == reporter
    assert article.history.latest().history_user == reporter


def test_only_a_draft_can_be_submitted(reporter):
    article = make_article("待审", status=Status.REVIEW)
    with pytest.raises(ValidationError, match="不能提交审核"):
        publishing.submit_for_review(article, reporter)


def test_a_reporter_cannot_publish_unpublish_or_archive(reporter):
    article = draft()
    for step in (publishing.publish, publishing.archive):
        with pytest.raises(PermissionDenied, match="只有编辑"):
            step(article, reporter)
    published = make_article("已发布")
    with pytest.raises(PermissionDenied):
        publishing.unpublish(published, reporter)
    article.refresh_from_db()
    published.refresh_from_db()
    assert article.status == Status.DRAFT
    assert published.status == Status.PUBLISHED


def test_a_user_outside_both_groups_cannot_even_submit(django_user_model):
    outsider = django_user_model.objects.create_user("outsider", is_staff=True)
    with pytest.raises(PermissionDenied):
        publishing.submit_for_review(draft(), outsider)


def test_an_editor_publishes_now_and_readers_see_it(editor):
    article = draft()
    publishing.publish(article, editor)
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert article.history.latest().history_user == editor


def test_a_future_publish_time_schedules_the_article_without_any_job(editor):
    article = draft()
    at = timezone.now() + datetime.timedelta(hours=3)
    publishing.publish(article, editor, at=at)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert publishing.is_scheduled(article)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    later = at + datetime.timedelta(minutes=1)
    assert Article.objects.published(at=later).filter(pk=article.pk).exists()


def test_unpublish_returns_the_article_to_draft_and_hides_it(editor):
    article = make_article("已发布")
    publishing.unpublish(article, editor)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.publish_at is None
    assert not Article.objects.published().exists()


def test_archive_hides_an_article_and_it_must_be_unpublished_before_republishing(editor):
    article = make_article("已发布")
    publishing.archive(article, editor)
    assert not Article.objects.published().exists()
    with pytest.raises(ValidationError):
        publishing.publish(article, editor)
    publishing.unpublish(article, editor)
    publishing.publish(article, editor)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_publishing_validates_the_article_first(editor):
    untitled = draft(title="")
    with pytest.raises(ValidationError) as error:
        publishing.publish(untitled, editor)
    assert "title" in error.value.message_dict
    assert Article.objects.get(pk=untitled.pk).status == Status.DRAFT


def test_a_stale_instance_does_not_decide_the_transition(editor, reporter):
    article = draft()
    stale_copy = Article.objects.get(pk=article.pk)
    publishing.publish(article, editor)
    with pytest.raises(ValidationError):
        publishing.submit_for_review(stale_copy, reporter)
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


def test_a_reporter_may_edit_drafts_and_reviews_but_not_published_articles(reporter, editor):
    assert publishing.can_edit(reporter, draft())
    assert publishing.can_edit(reporter, make_article("待审", status=Status.REVIEW))
    assert not publishing.can_edit(reporter, make_article("已发布"))
    assert publishing.can_edit(editor, make_article("已发布"))


def test_publish_imported_only_marks_articles_an_import_is_creating():
    fresh = publishing.publish_imported(Article(title="导入稿"))
    assert fresh.status == Article.Status.PUBLISHED and fresh.publish_at is not None
    with pytest.raises(ValueError):
        publishing.publish_imported(make_article("已存在"))


# A scheduled article: 定时, with its own steps.


def scheduled(editor, hours=3):
    article = draft("定时稿件")
    publishing.publish(article, editor, at=timezone.now() + datetime.timedelta(hours=hours))
    return article


def test_a_scheduled_article_has_its_own_state_and_steps(editor):
    article = scheduled(editor)
    assert publishing.state_of(article) == publishing.State.SCHEDULED
    assert publishing.state_label(article) == "定时"
    offered = [step.name for step in publishing.steps_for(editor, article)]
    assert offered == ["publish_now", "reschedule", "unschedule", "archive"]
    assert list(Article.objects.scheduled()) == [article]
    assert not Article.objects.published().exists()


def test_publish_now_makes_a_scheduled_article_visible_at_once(editor):
    article = scheduled(editor)
    publishing.publish_now(article, editor)
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert publishing.state_of(article) == publishing.State.PUBLISHED


def test_reschedule_needs_a_future_time_and_moves_it(editor):
    article = scheduled(editor)
    with pytest.raises(ValidationError, match="将来"):
        publishing.reschedule(article, editor, at=timezone.now() - datetime.timedelta(hours=1))
    later = timezone.now() + datetime.timedelta(days=2)
    publishing.reschedule(article, editor, at=later)
    article.refresh_from_db()
    assert article.publish_at == later
    assert publishing.is_scheduled(article)


def test_unschedule_returns_a_scheduled_article_to_draft(editor):
    article = scheduled(editor)
    publishing.unschedule(article, editor)
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Status.DRAFT, None)


def test_the_table_refuses_what_it_does_not_list(editor, reporter):
    published = make_article("已发布")
    with pytest.raises(ValidationError, match="已发布"):
        publishing.publish(published, editor)  # a second publish would move its time
    with pytest.raises(ValidationError):
        publishing.publish_now(published, editor)
    with pytest.raises(PermissionDenied):
        publishing.unschedule(scheduled(editor), reporter)
    assert [step.name for step in publishing.steps_for(reporter, draft())] == ["submit_for_review"]
