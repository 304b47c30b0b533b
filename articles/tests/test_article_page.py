"""The article page's reads: two statements, each list in its model's order, as the ORM reads."""

import datetime

import pytest
from django.urls import reverse

from articles.article_page import read_article, read_listed, shown_with
from articles.models import Article
from conftest import add_byline, add_caption, make_article
from entities.models import Mention, Organisation
from newsroom.reading import link

pytestmark = pytest.mark.django_db


def test_the_article_comes_with_its_page_and_issue_as_the_orm_reads_them(
    django_assert_num_queries,
):
    article = make_article("读出稿件", regions=[{"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.4}])
    with django_assert_num_queries(1):
        found = read_article(article.pk)
        assert found.page.issue.date == article.page.issue.date
    orm = Article.objects.select_related("page__issue").get(pk=article.pk)
    assert found.publish_at == orm.publish_at and found.regions == orm.regions
    assert found.page.number == orm.page.number and found.page.name == orm.page.name


def test_a_web_only_article_has_no_page_and_a_missing_one_is_none():
    web = make_article("网络稿件")
    Article.objects.filter(pk=web.pk).update(page=None)
    assert read_article(web.pk).page is None
    assert read_article(web.pk + 1000) is None


def test_each_list_in_its_models_order_with_its_links(django_assert_num_queries):
    article = make_article("排序", tags=["量子", "人工智能"])
    add_byline(article, "乙作者", order=2)
    add_byline(article, "甲作者", role="通讯员", order=1)
    for name in ("中国科学院", "北京大学"):
        Mention.objects.create(article=article, organisation=Organisation.objects.create(name=name))
    add_caption(article, "第一张", credit="摄影 王")
    add_caption(article, "第二张")
    with django_assert_num_queries(1):
        shown = shown_with(article)
    orm = Article.objects.get(pk=article.pk)
    assert [b["name"] for b in shown["bylines"]] == [
        b.contributor.name for b in orm.bylines.select_related("contributor")
    ]
    assert shown["bylines"][0] == {
        "name": "甲作者",
        "role": "通讯员",
        "url": reverse("articles:contributor", args=[orm.bylines.first().contributor_id]),
    }
    assert [t["name"] for t in shown["tags"]] == list(
        orm.tags.order_by("name").values_list("name", flat=True)
    )
    assert all(t["url"].startswith("/tags/") for t in shown["tags"])
    assert [m["name"] for m in shown["mentions"]] == sorted(["中国科学院", "北京大学"])
    assert [c.text for c in shown["captions"]] == ["第一张", "第二张"]
    assert shown["captions"][0].credit == "摄影 王" and not shown["captions"][0].image


def test_a_link_is_what_reverse_gives():
    assert link("articles:contributor", 42) == reverse("articles:contributor", args=[42])
    assert link("articles:article", 7) == reverse("articles:article", kwargs={"pk": 7})


def test_a_link_with_a_date_and_a_number_is_what_reverse_gives():
    date = datetime.date(2026, 3, 9)
    assert link("articles:issue", date) == reverse("articles:issue", args=["2026-03-09"])
    assert link("articles:page", date, 4) == reverse(
        "articles:page", kwargs={"date": "2026-03-09", "number": 4}
    )


def test_a_list_reads_the_fields_it_names_with_page_and_issue(
    django_assert_num_queries,
):
    first, second = make_article("第一篇", kicker="引题"), make_article("第二篇")
    with django_assert_num_queries(1):
        found = read_listed([second.pk, first.pk, 999999], ("title", "kicker", "page"))
        assert found[first.pk].page.issue.date == first.page.issue.date
        assert (found[first.pk].title, found[first.pk].kicker) == ("第一篇", "引题")
    assert set(found) == {first.pk, second.pk}
    assert "body" in found[first.pk].get_deferred_fields()
    assert read_listed([], ("title",)) == {}
