"""History as editors read it: who changed what, every kind of change, any two versions,
and a restore that brings back content but never workflow state."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.history import refresh_latest_record
from articles.models import Article
from articles.tests.admin_forms import post_change
from conftest import add_byline, make_article

pytestmark = pytest.mark.django_db
Status = Article.Status
SEED_PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "2025-08-05" / "03-创新一线.txt"


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def compare(client, article, **params):
    return client.get(reverse("admin:articles_article_compare", args=[article.pk]), params)


def changed(client, article):
    """The 改动 column of the newest version."""
    records = client.get(history_url(article)).context["page_obj"].object_list
    return records[0].changed_fields


def test_editing_only_the_title_shows_only_the_title_changed_even_with_browser_line_ends(
    editor_client,
):
    article = make_article("原标题", status=Status.DRAFT, body="第一段。\n\n第二段。")
    add_byline(article, "李墨")
    refresh_latest_record(article)  # as the admin and the importer do once bylines exist
    post_change(editor_client, article, {"title": "新标题", "body": "第一段。\r\n\r\n第二段。"})
    assert changed(editor_client, article) == ["主题"]
    diff = compare(editor_client, article, new=article.history.latest().pk)
    assert [change["label"] for change in diff.context["changes"]] == ["主题"]


def test_the_changes_column_lists_tags_and_bylines_too(editor_client):
    article = make_article("标题", status=Status.DRAFT)
    post_change(editor_client, article, {"tags": "芯片"})
    assert changed(editor_client, article) == ["标签"]
    add_byline(article, "王芳")
    post_change(editor_client, article, {})
    assert changed(editor_client, article) == ["署名"]


def test_history_shows_times_to_the_second(editor_client):
    article = make_article("标题", status=Status.DRAFT)
    record = article.history.latest()
    page = editor_client.get(history_url(article)).content.decode()
    assert f"{timezone.localtime(record.history_date):%Y-%m-%d %H:%M:%S}" in page


def test_any_two_versions_can_be_compared(editor_client):
    article = make_article("第一版", status=Status.DRAFT)
    post_change(editor_client, article, {"title": "第二版"})
    post_change(editor_client, article, {"title": "第三版", "subtitle": "副题"})
    first, *_, third = article.history.order_by("history_date", "history_id")
    response = compare(editor_client, article, old=first.pk, new=third.pk)
    labels = [change["label"] for change in response.context["changes"]]
    assert labels == ["主题", "副题"]
    assert "第<del>一</del><ins>三</ins>版" in response.content.decode()
    # chosen the other way round, the older is still shown as the old one
    swapped = compare(editor_client, article, old=third.pk, new=first.pk)
    assert swapped.context["old"] == first
    assert 'name="old"' in editor_client.get(history_url(article)).content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "{pk}/history/compare/?new=abc",
        "abc/history/compare/?new=1",
        "{pk}/history/compare/?new={record}&old=x",
        "abc/history/",
        "{pk}/history/abc/",
    ],
)
def test_malformed_ids_in_history_urls_answer_404(editor_client, path):
    article = make_article("标题")
    record = article.history.latest().pk
    url = "/admin/articles/article/" + path.format(pk=article.pk, record=record)
    assert editor_client.get(url).status_code == 404


def test_restoring_a_published_version_of_a_withdrawn_article_keeps_it_withdrawn(
    editor_client, editor
):
    article = make_article("发布时的标题", body="发布时的正文。")
    published_version = article.history.latest()
    publishing.unpublish(article, editor)
    post_change(editor_client, article, {"body": "撤回后改的正文。", "tags": "新标签"})

    revert_url = reverse(
        "admin:articles_article_simple_history", args=[article.pk, published_version.pk]
    )
    page = editor_client.get(revert_url)
    response = post_change(editor_client, article, loaded_from=page, url=revert_url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "发布时的正文。"
    assert (article.status, article.publish_at) == (Status.DRAFT, None)
    assert not Article.objects.published().exists()


def test_the_imported_version_already_has_its_bylines(editor_client):
    call_command("import_issue", str(SEED_PAGE), "--date", "2025-08-05", stdout=StringIO())
    article = Article.objects.filter(bylines__isnull=False).distinct().first()
    imported = article.history.earliest()
    assert imported.byline_names
    assert imported.byline_names == article.history.latest().byline_names
    post_change(editor_client, article, {"subtitle": "编辑加的副题"})
    assert changed(editor_client, article) == ["副题"]


def test_the_history_list_shows_a_version_scheduled_at_the_time_as_scheduled(editor_client, editor):
    article = make_article("定时", status=Status.DRAFT)
    publishing.publish(article, editor, at=timezone.now() + datetime.timedelta(days=1))
    records = editor_client.get(history_url(article)).context["page_obj"].object_list
    assert [record.state_label for record in records] == ["定时", "草稿"]


def test_the_restore_page_offers_content_only_no_workflow_step_or_status(editor_client, editor):
    article = make_article("发布时的标题")
    published_version = article.history.latest()
    publishing.unpublish(article, editor)
    revert_url = reverse(
        "admin:articles_article_simple_history", args=[article.pk, published_version.pk]
    )
    page = editor_client.get(revert_url).content.decode()
    assert "发布时的标题" in page
    assert 'name="_workflow"' not in page and "状态" not in page.split('id="content-main"')[1]
