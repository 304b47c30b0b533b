import datetime
import hashlib
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.body import parse_body, render_body, serialise_body
from articles.models import Article, Page, content_fingerprint
from articles.pagetext.model import Block
from conftest import add_byline, add_caption, make_article, make_issue, make_page

pytestmark = pytest.mark.django_db


def test_a_page_number_is_unique_within_its_issue():
    issue = make_issue()
    Page.objects.create(issue=issue, number=3, name="创新一线")
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(issue=issue, number=3, name="其他")


def test_the_same_page_number_may_appear_in_another_issue():
    make_page(make_issue(datetime.date(2025, 8, 5)), number=3)
    make_page(make_issue(datetime.date(2025, 8, 6)), number=3)
    assert Page.objects.filter(number=3).count() == 2


def test_import_ref_is_unique_but_optional():
    make_article(import_ref="2025-08-05/03/1")
    make_article(import_ref=None)
    make_article(import_ref=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(import_ref="2025-08-05/03/1")


def test_published_means_published_status_and_time_has_come():
    now = timezone.now()
    visible = make_article("已发布")
    make_article("草稿", status=Article.Status.DRAFT)
    make_article("待审", status=Article.Status.REVIEW)
    make_article("已归档", status=Article.Status.ARCHIVED, publish_at=now)
    make_article("定时", publish_at=now + datetime.timedelta(hours=2))
    assert list(Article.objects.published()) == [visible]
    assert Article.objects.published(at=now + datetime.timedelta(hours=3)).count() == 2


def test_scheduled_means_published_status_and_time_still_to_come():
    now = timezone.now()
    make_article("已发布")
    make_article("草稿", status=Article.Status.DRAFT)
    make_article("已归档", status=Article.Status.ARCHIVED, publish_at=now + datetime.timedelta(1))
    waiting = make_article("定时", publish_at=now + datetime.timedelta(hours=2))
    assert list(Article.objects.scheduled()) == [waiting]
    assert not Article.objects.scheduled(after=now + datetime.timedelta(hours=3)).exists()


def test_an_articles_own_predicates_agree_with_the_querysets_at_every_moment():
    now = timezone.now()
    articles = [
        make_article("已发布"),
        make_article("草稿", status=Article.Status.DRAFT),
        make_article("无时间", status=Article.Status.REVIEW, publish_at=None),
        make_article("已归档", status=Article.Status.ARCHIVED, publish_at=now),
        make_article("定时", publish_at=now + datetime.timedelta(hours=2)),
    ]
    for moment in (now, now + datetime.timedelta(hours=3)):
        visible = {a.pk for a in Article.objects.published(at=moment)}
        waiting = {a.pk for a in Article.objects.scheduled(after=moment)}
        assert {a.pk for a in articles if a.is_visible_to_readers(at=moment)} == visible
        assert {a.pk for a in articles if a.is_scheduled(after=moment)} == waiting
    assert articles[0].is_visible_to_readers() and not articles[4].is_visible_to_readers()


def test_an_article_needs_a_title_but_a_photo_item_does_not():
    article = Article(kind=Article.Kind.ARTICLE, title=" ")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "title" in error.value.error_dict
    Article(kind=Article.Kind.PHOTO, title="").full_clean()


def test_a_published_article_needs_a_publish_time():
    article = Article(title="标题", status=Article.Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "publish_at" in error.value.error_dict


def test_a_photo_item_without_headline_is_titled_by_its_caption():
    photo = make_article("", kind=Article.Kind.PHOTO)
    add_caption(photo, "图为工人在生产线上忙碌。■记者陈硕摄")
    assert photo.display_title.startswith("图为工人在生产线上忙碌")


def test_bylines_keep_printed_order():
    article = make_article()
    add_byline(article, "李墨", "记者")
    add_byline(article, "周钢", "通讯员")
    assert [str(b) for b in article.bylines.all()] == ["记者 李墨", "通讯员 周钢"]


def test_a_contributor_appears_once_per_article():
    article = make_article()
    add_byline(article, "李墨")
    with pytest.raises(IntegrityError), transaction.atomic():
        add_byline(article, "李墨", "通讯员")


def test_content_checksum_changes_when_an_editor_changes_the_text():
    article = make_article(body="第一段。")
    before = article.content_checksum()
    article.body = "第一段，改过。"
    assert article.content_checksum() != before


def test_tags_split_on_chinese_separators():
    from articles.tagging import parse_tags

    tags = parse_tags("人工智能，芯片、脑机接口, 机器人")
    assert tags == ["人工智能", "机器人", "脑机接口", "芯片"]


class TestBody:
    def test_blank_lines_separate_paragraphs_and_hashes_mark_subheadings(self):
        text = "第一段。\n\n## 小标题\n\n第二段。"
        assert parse_body(text) == [
            Block("paragraph", "第一段。"),
            Block("subheading", "小标题"),
            Block("paragraph", "第二段。"),
        ]

    def test_serialise_and_parse_round_trip(self):
        blocks = [Block("paragraph", "甲。"), Block("subheading", "乙"), Block("paragraph", "丙。")]
        assert parse_body(serialise_body(blocks)) == blocks

    def test_rendering_escapes_everything(self):
        html = render_body('<script>alert("x")</script>\n\n## <b>小标题</b>')
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "<h2>&lt;b&gt;小标题&lt;/b&gt;</h2>" in html

    def test_rendering_marks_paragraphs_and_subheadings(self):
        assert render_body("甲。\n\n## 乙\n\n丙。") == "<p>甲。</p>\n<h2>乙</h2>\n<p>丙。</p>"

    def test_windows_line_endings_and_extra_blank_lines_are_tolerated(self):
        assert parse_body("甲。\r\n\r\n\r\n\r\n乙。") == [
            Block("paragraph", "甲。"),
            Block("paragraph", "乙。"),
        ]


def test_version_1_of_the_fingerprint_is_the_layout_articles_were_first_imported_with():
    """Stored checksums stay valid: version 1 hashes exactly these keys, in this order."""
    text = {"kind": "article", "kicker": "", "title": "标题", "subtitle": "", "dateline": "本报讯"}
    text["body"] = "正文"
    layout = {
        **text,
        "bylines": [["记者", "李墨"]],
        "captions": ["图说"],
        "organisations": ["乙", "甲"],
    }
    expected = hashlib.sha256(json.dumps(layout, ensure_ascii=False).encode()).hexdigest()
    assert expected == content_fingerprint(
        version=1,
        **text,
        bylines=[("记者", "李墨")],
        captions=["图说"],
        entities={"organisation": ["甲", "乙"]},
    )


class TestReaderDate:
    """`dated_at` is stored, so lists and the feed can sort by the date readers are shown."""

    def test_a_printed_article_is_dated_by_its_issue_a_web_article_by_its_publication(self):
        published = timezone.now() - datetime.timedelta(hours=1)
        printed = make_article("见报稿件", publish_at=published)
        web_only = Article.objects.create(
            title="网络稿件", status=Article.Status.PUBLISHED, publish_at=published
        )
        printed.refresh_from_db()
        web_only.refresh_from_db()
        assert timezone.localtime(printed.dated_at) == timezone.make_aware(
            datetime.datetime(2025, 8, 5)
        )
        assert web_only.dated_at == published

    def test_an_article_online_on_its_issue_day_keeps_its_web_time(self):
        morning = timezone.make_aware(datetime.datetime(2025, 8, 5, 7, 30))
        article = make_article("当天上网", publish_at=morning)
        article.refresh_from_db()
        assert article.dated_at == morning

    def test_the_date_follows_a_publication_saved_with_only_some_fields(self):
        article = Article.objects.create(title="网络稿件", status=Article.Status.DRAFT)
        assert article.dated_at is None
        article.status, article.publish_at = Article.Status.PUBLISHED, timezone.now()
        article.save(update_fields=["status", "publish_at"])
        article.refresh_from_db()
        assert article.dated_at == article.publish_at

    def test_the_date_follows_the_article_to_another_page_and_its_issue_to_another_day(self):
        article = make_article("改版的稿件")
        article.page = make_page(make_issue(datetime.date(2025, 9, 1)), number=2)
        article.save()
        article.refresh_from_db()
        assert timezone.localtime(article.dated_at).date() == datetime.date(2025, 9, 1)

        issue = article.page.issue
        issue.date = datetime.date(2025, 9, 2)
        issue.save()
        article.refresh_from_db()
        assert timezone.localtime(article.dated_at).date() == datetime.date(2025, 9, 2)

    def test_a_page_moved_to_another_issue_re_dates_its_articles_and_other_saves_do_not(self):
        article = make_article("整版移动")
        page = Page.objects.get(pk=article.page_id)
        page.name = "综合"
        with CaptureQueriesContext(connection) as renamed:
            page.save()
        assert not [q for q in renamed.captured_queries if '"articles_issue"' in q["sql"]]
        page.issue = make_issue(datetime.date(2025, 9, 3))
        page.save()
        article.refresh_from_db()
        assert timezone.localtime(article.dated_at).date() == datetime.date(2025, 9, 3)
