"""The RSS feed: latest published articles, full text escaped, photo titles from captions."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article
from conftest import add_byline, add_caption, make_article, make_issue, make_page

pytestmark = pytest.mark.django_db


def feed_items(client):
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def test_the_feed_lists_published_articles_newest_first_with_bylines_and_tags(client):
    now = timezone.now()
    older = make_article("早先的稿件", publish_at=now - datetime.timedelta(hours=2))
    newer = make_article("创新一线观察", body="第一段。\n\n## 小标题\n\n第二段。", tags=["创新"])
    add_byline(newer, "李墨")
    add_byline(newer, "周钢", role="通讯员")
    make_article("草稿", status=Article.Status.DRAFT)
    make_article("定时", publish_at=now + datetime.timedelta(hours=1))
    items = feed_items(client)
    assert [item.findtext("title") for item in items] == ["创新一线观察", "早先的稿件"]
    first = items[0]
    assert first.findtext("link").endswith(f"/articles/{newer.pk}/")
    assert "记者 李墨、通讯员 周钢" in first.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert first.findtext("category") == "创新"
    assert "<h2>小标题</h2>" in first.findtext("description")
    assert older.pk


def test_a_photo_item_without_headline_takes_its_title_from_the_caption(client):
    photo = make_article("", kind=Article.Kind.PHOTO)
    add_caption(photo, "图为青年科学家在实验室讨论方案。", credit="张彦摄")
    (item,) = feed_items(client)
    assert item.findtext("title").startswith("图为青年科学家在实验室")
    assert "图为青年科学家在实验室讨论方案。" in item.findtext("description")


def test_markup_in_an_article_stays_text_in_the_feed(client):
    make_article("<script>x</script>", body="<img src=x onerror=alert(1)>")
    (item,) = feed_items(client)
    assert item.findtext("title") == "<script>x</script>"
    assert "<img" not in item.findtext("description")
    assert "&lt;img src=x" in item.findtext("description")


def test_an_article_from_print_is_dated_by_its_issue_in_the_feed(client):
    printed = make_article("刊于去年的稿件")  # on 2025-08-05's page, published an hour ago
    (item,) = feed_items(client)
    assert item.findtext("title") == printed.title
    assert item.findtext("pubDate").startswith("Tue, 05 Aug 2025 00:00:00")


def test_the_feed_puts_the_newest_print_date_first_not_the_newest_import(client):
    """An archive page imported today must not crowd out today's paper."""
    now = timezone.now()
    todays = make_page(make_issue(datetime.date(2025, 9, 1)))
    make_article("今天的报纸", page=todays, publish_at=now - datetime.timedelta(hours=3))
    make_article("刚导入的旧报", publish_at=now - datetime.timedelta(minutes=5))
    assert [item.findtext("title") for item in feed_items(client)] == ["今天的报纸", "刚导入的旧报"]


def test_the_subscribe_link_opens_a_page_for_people_and_the_feed_stays_rss(client):
    make_article("最新的稿件")
    home = client.get("/").content.decode()
    assert '<a href="/subscribe/">订阅</a>' in home
    page = client.get("/subscribe/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "RSS 阅读器" in html and 'value="http://testserver/feed/"' in html
    assert "最新的稿件" in html
    assert feed_items(client)  # apps still read RSS at /feed/


def test_a_control_character_in_a_title_or_an_old_row_never_takes_the_feed_down(client):
    typed = make_article("软换行\x0b标题", body="正文")
    legacy = make_article("旧稿", body="正文")
    Article.objects.filter(pk=legacy.pk).update(title="旧\x1b稿", body="转义\x1b[0m码")
    add_caption(legacy, "图片说明")
    titles = [item.findtext("title") for item in feed_items(client)]
    assert sorted(titles) == ["旧稿", "软换行标题"]
    assert typed.pk
