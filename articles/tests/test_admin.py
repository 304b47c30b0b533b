"""The article admin as editors and reporters use it, checked on the server side."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.admin_forms import change_url, post_change
from articles.tests.roles import make_editor
from conftest import add_byline, add_caption, make_article
from entities.models import Mention, Organisation

pytestmark = pytest.mark.django_db
Status = Article.Status
CHANGELIST = "admin:articles_article_changelist"


def draft(title="草稿", **fields):
    return make_article(title, status=Status.DRAFT, **fields)


def run_action(client, action, articles):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [a.pk for a in articles]},
        follow=True,
    )


# The changelist.


def fill_changelist(count):
    organisation = Organisation.objects.create(name="中国科学院")
    for number in range(count):
        article = make_article(f"稿件{number}", tags=["科技", f"标签{number}"])
        add_byline(article, f"记者{number}")
        add_byline(article, f"通讯员{number}", role="通讯员")
        add_caption(article, f"图说{number}")
        Mention.objects.create(article=article, organisation=organisation)


CHANGELIST_QUERIES = 13  # session, user, 2 permissions, the counts by state (one query),
# page numbers (the only filter that lists rows: tags and organisations are text boxes),
# count, rows, 3 prefetches (tags, captions, bylines+contributors), 2 date-hierarchy


@pytest.mark.parametrize("rows", [3, 30])
def test_the_changelist_costs_the_same_queries_for_3_or_30_articles(
    editor_client, django_assert_num_queries, rows
):
    fill_changelist(rows)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = editor_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == rows


def test_the_changelist_shows_bylines_and_tags_and_filters_by_tag_and_organisation(
    editor_client,
):
    tagged = make_article("芯片新突破", tags=["芯片", "人工智能"])
    add_byline(tagged, "李墨")
    organisation = Organisation.objects.create(name="浙江大学")
    Mention.objects.create(article=tagged, organisation=organisation)
    make_article("另一篇")
    page = editor_client.get(reverse(CHANGELIST)).content.decode()
    assert "记者 李墨" in page
    assert "人工智能、芯片" in page

    chip = tagged.tags.get(name="芯片")
    for params in ({"tag": "芯片"}, {"tag": chip.pk}):
        by_tag = editor_client.get(reverse(CHANGELIST), params)
        assert list(by_tag.context["cl"].result_list) == [tagged]
    for params in ({"organisation": "浙江大学"}, {"organisation": organisation.pk}):
        by_org = editor_client.get(reverse(CHANGELIST), params)
        assert list(by_org.context["cl"].result_list) == [tagged]
    assert (
        not editor_client.get(reverse(CHANGELIST), {"tag": "没有的标签"}).context["cl"].result_list
    )
    by_search = editor_client.get(reverse(CHANGELIST), {"q": "芯片"})
    assert list(by_search.context["cl"].result_list) == [tagged]


def test_the_changelist_filters_list_no_tags_or_organisations_but_offer_a_text_box(
    editor_client,
):
    """At 100,000 articles there are thousands of each: links to all would be unusable."""
    article = make_article("芯片新突破", tags=["芯片"])
    Mention.objects.create(article=article, organisation=Organisation.objects.create(name="浙大"))
    page = editor_client.get(reverse(CHANGELIST), {"status__exact": "published"})
    html = page.content.decode()
    assert "?tag=" not in html and "?organisation=" not in html
    assert 'name="tag"' in html and 'name="organisation"' in html
    # ... each box keeps the other filters chosen
    assert '<input type="hidden" name="status__exact" value="published">' in html


# Permissions, on the server.


def test_a_reporter_posting_the_publish_action_publishes_nothing(reporter_client):
    article = draft()
    response = run_action(reporter_client, "publish_selected_now", [article])
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not Article.objects.published().exists()


def test_a_reporter_submits_drafts_for_review_from_the_changelist(reporter_client):
    first, second = draft("一"), draft("二")
    run_action(reporter_client, "submit_selected", [first, second])
    assert set(Article.objects.values_list("status", flat=True)) == {Status.REVIEW}


def test_a_reporter_cannot_save_changes_to_a_published_article(reporter_client):
    article = make_article("已发布的标题")
    page = reporter_client.get(change_url(article))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    response = reporter_client.post(change_url(article), {"title": "记者改的标题"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "已发布的标题"


def test_a_reporter_cannot_set_the_status_through_the_form(reporter_client):
    article = draft("草稿标题")
    response = post_change(reporter_client, article, {"status": "published", "title": "新标题"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "新标题"
    assert article.status == Status.DRAFT


def test_a_reporter_pressing_publish_is_refused_and_nothing_is_saved(reporter_client):
    article = draft("原标题")
    response = post_change(reporter_client, article, {"title": "新标题", "_workflow": "publish"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) == ("原标题", Status.DRAFT)


def test_a_reporter_edits_tags_in_chinese_and_submits_for_review(reporter_client):
    article = draft("原标题", body="第一段。")
    add_byline(article, "李墨")
    response = post_change(
        reporter_client,
        article,
        {"title": "改后的标题", "tags": "人工智能，芯片、机器人", "_workflow": "submit_for_review"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "改后的标题"
    assert article.status == Status.REVIEW
    assert sorted(article.tags.names()) == ["人工智能", "机器人", "芯片"]
    assert article.bylines.get().contributor.name == "李墨"
    latest = article.history.latest()
    assert latest.history_user.username == "reporter"
    assert latest.tag_names


def test_the_workflow_buttons_offered_match_the_role(reporter_client, client, editor):
    article = draft()
    offered = reporter_client.get(change_url(article)).context["workflow_buttons"]
    assert [name for name, _ in offered] == ["submit_for_review"]
    client.force_login(editor)
    offered = client.get(change_url(article)).context["workflow_buttons"]
    assert [name for name, _ in offered] == ["submit_for_review", "publish", "archive"]


def test_an_editor_schedules_an_article_from_the_form(editor_client):
    article = draft("定时稿件")
    at = timezone.localtime() + datetime.timedelta(days=1)
    response = post_change(
        editor_client,
        article,
        {
            "schedule_at_0": at.strftime("%Y-%m-%d"),
            "schedule_at_1": at.strftime("%H:%M:%S"),
            "_workflow": "publish",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.publish_at > timezone.now()
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_an_editor_publishes_unpublishes_and_archives_from_the_changelist(editor_client):
    article = draft()
    run_action(editor_client, "publish_selected_now", [article])
    assert Article.objects.published().filter(pk=article.pk).exists()
    run_action(editor_client, "unpublish_selected", [article])
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    run_action(editor_client, "archive_selected", [article])
    assert Article.objects.get(pk=article.pk).status == Status.ARCHIVED


def test_the_form_links_to_the_public_preview(editor_client):
    article = draft()
    page = editor_client.get(change_url(article)).content.decode()
    assert f'href="/articles/{article.pk}/"' in page


# Two people, one article.


def test_a_stale_form_is_refused_with_a_link_to_the_current_version(client, editor):
    article = draft("原标题", body="原文。")
    client.force_login(editor)
    stale_page = client.get(change_url(article))

    other = make_editor("other_editor")
    other_client = client.__class__()
    other_client.force_login(other)
    assert post_change(other_client, article, {"body": "同事的修改。"}).status_code == 302

    response = post_change(client, article, {"title": "我的标题"}, loaded_from=stale_page)
    assert response.status_code == 200
    page = response.content.decode()
    assert "other_editor" in page
    assert "本次内容没有保存" in page
    assert f'href="{change_url(article)}"' in page
    article.refresh_from_db()
    assert (article.title, article.body) == ("原标题", "同事的修改。")


def test_a_refused_stale_save_shows_the_other_change_and_keeps_the_refused_text(client, editor):
    article = draft("原标题", body="原文。")
    client.force_login(editor)
    stale_page = client.get(change_url(article))
    other_client = client.__class__()
    other_client.force_login(make_editor("other_editor"))
    post_change(other_client, article, {"body": "同事的修改。", "subtitle": "同事的副题"})

    refused = post_change(client, article, {"title": "我的标题"}, loaded_from=stale_page)
    page = refused.content.decode()
    assert "对方的改动" in page
    assert "<ins>同事的副题</ins>" in page
    assert "<del>原文</del><ins>同事的修改</ins>" in page
    assert 'value="我的标题"' in page  # nothing typed is lost
    assert Article.objects.get(pk=article.pk).title == "原标题"

    # saving the page again, now knowingly, goes in
    again = post_change(client, article, loaded_from=refused)
    assert again.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "我的标题"


def test_a_fresh_form_saves_after_someone_elses_change(editor_client):
    article = draft("原标题")
    article.body = "别人先改了。"
    article.save()
    assert post_change(editor_client, article, {"title": "新标题"}).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "新标题"


# History: who, when, what; diff and revert.


def test_history_compares_two_versions_with_escaped_body(editor_client):
    article = draft("标题", body="第一段。\n\n第二段。")
    post_change(editor_client, article, {"body": "第一段。\n\n第二段<script>改</script>。"})
    newest = article.history.latest()
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"new": newest.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<ins>&lt;script&gt;改&lt;/script&gt;</ins>" in page
    assert "<script>改" not in page
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "与上一版对比" in history.content.decode()


def test_an_editor_reverts_body_and_tags_to_an_earlier_version(editor_client, editor):
    article = draft("标题", body="原来的正文。")
    post_change(editor_client, article, {"tags": "原标签"})
    original = article.history.latest()
    post_change(editor_client, article, {"body": "改坏了的正文。", "tags": "新标签"})
    assert list(Article.objects.get(pk=article.pk).tags.names()) == ["新标签"]

    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, original.pk])
    revert_page = editor_client.get(revert_url)
    response = post_change(editor_client, article, loaded_from=revert_page, url=revert_url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "原来的正文。"
    assert list(article.tags.names()) == ["原标签"]
    assert article.history.latest().history_user == editor


def test_a_reporter_cannot_revert(reporter_client):
    article = draft("标题", body="原来的正文。")
    original = article.history.latest()
    article.body = "新正文。"
    article.save()
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, original.pk])
    response = reporter_client.post(revert_url, {"title": "标题", "body": "原来的正文。"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).body == "新正文。"


def test_every_save_records_who_and_when(editor_client, editor):
    article = draft("标题")
    before = timezone.now()
    post_change(editor_client, article, {"subtitle": "副题"})
    article.refresh_from_db()
    record = article.history.latest()
    assert article.updated_by == editor
    assert record.history_user == editor
    assert record.history_date >= before
    assert record.subtitle == "副题"


def test_the_admin_speaks_chinese(editor_client):
    page = editor_client.get(reverse(CHANGELIST)).content.decode()
    assert 'lang="zh-hans"' in page
    assert "稿件" in page
    assert re.search(r"立即发布所选稿件", page)


# Scheduled articles in the admin.


def schedule(editor_client, article, at):
    return post_change(
        editor_client,
        article,
        {
            "schedule_at_0": at.strftime("%Y-%m-%d"),
            "schedule_at_1": at.strftime("%H:%M:%S"),
            "_workflow": "publish",
        },
    )


def test_a_scheduled_article_shows_as_scheduled_and_offers_its_own_buttons(editor_client):
    article = draft("定时稿件")
    at = timezone.localtime() + datetime.timedelta(days=1)
    schedule(editor_client, article, at)
    page = editor_client.get(change_url(article))
    assert [name for name, _ in page.context["workflow_buttons"]] == [
        "publish_now",
        "reschedule",
        "unschedule",
        "archive",
    ]
    html = page.content.decode()
    assert 'id="article-state">定时<' in html
    assert f"{at:%Y-%m-%d %H:%M}" in html
    assert f'name="schedule_at_0" value="{at:%Y/%m/%d}"' in html  # 修改定时 starts there
    listing = editor_client.get(reverse(CHANGELIST)).content.decode()
    assert "state-scheduled" in listing and "已发布</span>" not in listing


def test_publish_now_from_the_form_of_a_scheduled_article(editor_client):
    article = draft("定时稿件")
    schedule(editor_client, article, timezone.localtime() + datetime.timedelta(days=1))
    response = post_change(editor_client, article, {"_workflow": "publish_now"})
    assert response.status_code == 302
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_reschedule_and_unschedule_from_the_form(editor_client):
    article = draft("定时稿件")
    schedule(editor_client, article, timezone.localtime() + datetime.timedelta(days=1))
    later = timezone.localtime() + datetime.timedelta(days=3)
    post_change(
        editor_client,
        article,
        {
            "schedule_at_0": later.strftime("%Y-%m-%d"),
            "schedule_at_1": later.strftime("%H:%M:%S"),
            "_workflow": "reschedule",
        },
    )
    article.refresh_from_db()
    assert timezone.localtime(article.publish_at).date() == later.date()
    post_change(editor_client, article, {"_workflow": "unschedule"})
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (Status.DRAFT, None)


def test_the_state_filter_counts_and_its_published_shows_only_what_readers_see(editor_client):
    visible = make_article("读者看得到")
    waiting = make_article("定时的", publish_at=timezone.now() + datetime.timedelta(days=1))
    make_article("待审的", status=Status.REVIEW)
    published = editor_client.get(reverse(CHANGELIST), {"state": "published"})
    assert list(published.context["cl"].result_list) == [visible]
    scheduled_only = editor_client.get(reverse(CHANGELIST), {"state": "scheduled"})
    assert list(scheduled_only.context["cl"].result_list) == [waiting]
    html = published.content.decode()
    assert "待审（1）" in html and "定时（1）" in html and "已发布（1）" in html


def test_the_preview_banner_of_a_scheduled_article_says_when(editor_client):
    at = timezone.now() + datetime.timedelta(days=1)
    article = make_article("定时的", publish_at=at)
    banner = editor_client.get(article.get_absolute_url()).content.decode()
    assert "此稿件已定时，将于" in banner
    assert "尚未发布（已发布" not in banner


# The queue.


def test_the_queue_tabs_count_by_state_and_the_review_queue_is_oldest_first(editor_client):
    older = make_article("先提交的", status=Status.REVIEW)
    newer = make_article("后提交的", status=Status.REVIEW)
    Article.objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=2)
    )
    make_article("草稿", status=Status.DRAFT)
    page = editor_client.get(reverse(CHANGELIST))
    tabs = {tab["label"]: tab["count"] for tab in page.context["state_tabs"]}
    assert tabs == {"全部": None, "待审": 2, "定时": 0, "草稿": 1, "已发布": 0, "已归档": 0}
    assert page.context["state_tabs"][1]["label"] == "待审"  # the queue comes first
    queue = editor_client.get(reverse(CHANGELIST), {"state": "review"})
    assert list(queue.context["cl"].result_list) == [older, newer]


def test_the_admin_index_links_to_the_review_queue_with_its_count(editor_client):
    make_article("待审的", status=Status.REVIEW)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse(CHANGELIST)}?state=review">待审</a>' in index
    assert "1 篇" in index


def test_the_schedule_boxes_show_only_where_a_step_reads_them(editor_client):
    assert 'name="schedule_at_0"' in editor_client.get(change_url(draft())).content.decode()
    published = editor_client.get(change_url(make_article("已发布"))).content.decode()
    assert 'name="schedule_at_0"' not in published
