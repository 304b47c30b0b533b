"""Chinese search: any word of two characters or more is found, headline matches rank first,
and nothing unpublished is ever returned. Runs the same on SQLite and PostgreSQL."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from conftest import add_byline, add_caption, make_article
from search import text as search_text
from search.indexing import index_articles
from search.models import SearchDocument, SearchTerm
from search.query import search

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def found(query):
    return list(search(query).ids)


@pytest.fixture
def stories():
    now = timezone.now()
    return {
        "hangzhou": make_article(
            "从“杭州六小龙”看区域创新“五维密码”",
            publish_at=now - 5 * HOUR,
            body="杭州深度求索人工智能基础技术研究有限公司（以下简称“深度求索”）研发大模型。\n\n"
            "浙江强脑科技有限公司研发的脑机接口设备，协助运动员点燃火炬。",
        ),
        "xiamen": make_article(
            "厦门留创园入选国际人才科创园建设试点",
            publish_at=now - 4 * HOUR,
            body="厦门留学人员创业园（以下简称“留创园”）现有企业三百余家。",
        ),
        "bci": make_article(
            "脑机接口走进康复病房",
            publish_at=now - 3 * HOUR,
            body="医院引入脑机接口设备。",
        ),
        "later_mention": make_article(
            "人工智能企业密集落地",
            publish_at=now - 1 * HOUR,
            body="多家企业发布脑机接口新品，深度求索也参加了展会。",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("深度求索", ["later_mention", "hangzhou"]),
        ("六小龙", ["hangzhou"]),
        ("留创园", ["xiamen"]),
        ("脑机接口", ["bci", "later_mention", "hangzhou"]),
    ],
)
def test_chinese_words_find_the_articles_containing_them(stories, query, expected):
    assert found(query) == [stories[key].pk for key in expected]


def test_headline_matches_rank_first_then_the_most_recent(stories):
    bci, later, hangzhou = (stories[k].pk for k in ("bci", "later_mention", "hangzhou"))
    assert found("脑机接口") == [bci, later, hangzhou]
    assert found("脑机")[0] == bci


def test_a_phrase_is_matched_as_written_not_as_scattered_characters(stories):
    make_article("求索深度的故事", body="深度学习与求索精神。")
    assert found("深度求索") == [stories["later_mention"].pk, stories["hangzhou"].pk]


def test_several_keywords_must_all_be_present(stories):
    assert found("深度求索 脑机接口") == [stories["later_mention"].pk, stories["hangzhou"].pk]
    assert found("留创园 脑机接口") == []


def test_latin_words_are_found_whatever_their_case():
    article = make_article("国产大模型 DeepSeek-V3 发布", body="性能提升。")
    assert found("deepseek") == [article.pk]
    assert found("DeepSeek-V3") == [article.pk]


def test_captions_and_bylines_are_searchable():
    photo = make_article("", kind=Article.Kind.PHOTO)
    add_caption(photo, "图为工人在智能工厂调试机械臂。", credit="记者陈硕摄")
    add_byline(photo, "陈硕")
    assert found("机械臂") == [photo.pk]
    assert found("陈硕") == [photo.pk]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.REVIEW},
        {"status": Article.Status.ARCHIVED, "publish_at": timezone.now() - HOUR},
        {"publish_at": timezone.now() + 3 * HOUR},
    ],
)
def test_unpublished_articles_are_never_found(fields):
    make_article("秘密的脑机接口稿件", **fields)
    assert found("脑机接口") == []


def test_unpublishing_removes_an_article_from_the_index():
    article = make_article("脑机接口新进展")
    assert found("脑机接口") == [article.pk]
    article.status = Article.Status.ARCHIVED
    article.save()
    assert found("脑机接口") == []
    assert not SearchDocument.objects.filter(pk=article.pk).exists()


def test_a_scheduled_article_is_found_once_its_time_comes():
    article = make_article("定时发布的脑机接口稿件", publish_at=timezone.now() + HOUR)
    assert list(search("脑机接口").ids) == []
    later = timezone.now() + 2 * HOUR
    assert list(search("脑机接口", now=later).ids) == [article.pk]


def test_editing_an_article_updates_its_terms():
    article = make_article("量子计算", body="旧的正文。")
    article.title = "超导芯片"
    article.body = "新的正文。"
    article.save()
    assert found("量子计算") == []
    assert found("超导芯片") == [article.pk]
    assert found("新的正文") == [article.pk]


def test_the_bulk_rebuild_gives_the_same_index_as_saving(stories):
    before = set(SearchTerm.objects.values_list("document_id", "term", "in_headline"))
    call_command("rebuild_search_index", stdout=io.StringIO())
    after = set(SearchTerm.objects.values_list("document_id", "term", "in_headline"))
    assert before == after
    assert index_articles(Article.objects.filter(pk=stories["xiamen"].pk)) == 1


def test_each_article_stores_each_term_once():
    article = make_article("芯片芯片芯片", body="芯片 芯片 芯片")
    terms = list(SearchTerm.objects.filter(document_id=article.pk).values_list("term", flat=True))
    assert sorted(terms) == ["片芯", "芯片"]


def test_a_single_character_asks_for_more():
    assert search("芯").hint == "请至少输入两个字。"


def test_terms_are_bigrams_of_chinese_runs_and_whole_latin_words():
    assert search_text.terms("脑机接口 AI芯片") == {"脑机", "机接", "接口", "ai", "芯片"}


def test_highlighting_escapes_first_then_marks_the_match():
    html = search_text.highlight("<b>脑机接口</b>设备", ["脑机接口"])
    assert html == "&lt;b&gt;<mark>脑机接口</mark>&lt;/b&gt;设备"


def test_the_search_page_shows_highlighted_passages_and_paginates(client):
    now = timezone.now()
    for i in range(12):
        make_article(f"稿件{i:02d}", publish_at=now - i * HOUR, body=f"第{i}篇提到<脑机接口>。")
    html = client.get("/search/", {"q": "脑机接口"}).content.decode()
    assert "找到 12 篇稿件" in html
    assert "第0篇提到&lt;<mark>脑机接口</mark>&gt;。" in html
    assert "稿件09" in html and "稿件10" not in html
    assert 'href="?q=%E8%84%91%E6%9C%BA%E6%8E%A5%E5%8F%A3&amp;page=2"' in html
    second = client.get("/search/", {"q": "脑机接口", "page": 2}).content.decode()
    assert "稿件10" in second and "稿件11" in second
    assert client.get("/search/", {"q": "脑机接口", "page": 9}).status_code == 404


def test_the_search_page_without_results_or_query_still_answers(client):
    assert "没有找到包含“无人机”的稿件" in client.get("/search/?q=无人机").content.decode()
    assert client.get("/search/").status_code == 200


def test_the_search_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for i in range(3):
        add_byline(make_article(f"脑机接口稿件{i}", body="脑机接口。"), f"记者{i}")
    # rarest terms, count, page of ids, articles, bylines, captions, passages
    with django_assert_num_queries(7):
        client.get("/search/", {"q": "脑机接口"})
    for i in range(3, 12):
        article = make_article(f"脑机接口稿件{i}", body="脑机接口。")
        add_byline(article, f"记者{i}")
        add_caption(article, "图说")
    with django_assert_num_queries(7):
        client.get("/search/", {"q": "脑机接口"})
    with django_assert_num_queries(6):
        client.get("/search/", {"q": "脑机"})


def test_a_passage_starts_at_the_sentence_holding_the_match():
    text = "第一句很长很长很长。第二句提到脑机接口设备。第三句。"
    assert search_text.snippet(text, ["脑机接口"]) == (
        "…第二句提到<mark>脑机接口</mark>设备。第三句。"
    )
