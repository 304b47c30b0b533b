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
from search.indexing import flush, index_articles, index_size
from search.models import SearchDocument
from search.query import search

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def found(query):
    return list(search(query).ids)


@pytest.fixture
def stories():
    now = timezone.now()
    return {
        "lead": make_article(
            "小工厂用上“共享质检员”",
            publish_at=now - 5 * HOUR,
            body="江澄青禾智算科技有限公司（以下简称“青禾智算”）运营园区里的算力驿站。\n\n"
            "园区五金厂用机械臂配合质检摄像头，检出细小划痕。",
        ),
        "second": make_article(
            "风电叶片有了爬行“体检医生”",
            publish_at=now - 4 * HOUR,
            body="东陵湾海洋能源实验室（以下简称“海能实验室”）提供海上试验场地。",
        ),
        "bci": make_article(
            "机械臂走进康复病房",
            publish_at=now - 3 * HOUR,
            body="医院引入康复用的机械臂。",
        ),
        "later_mention": make_article(
            "人工智能企业密集落地",
            publish_at=now - 1 * HOUR,
            body="多家企业发布机械臂新品，青禾智算也参加了展会。",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("青禾智算", ["later_mention", "lead"]),
        ("质检员", ["lead"]),
        ("海能实验室", ["second"]),
        ("机械臂", ["bci", "later_mention", "lead"]),
    ],
)
def test_chinese_words_find_the_articles_containing_them(stories, query, expected):
    assert found(query) == [stories[key].pk for key in expected]


def test_headline_matches_rank_first_then_the_most_recent(stories):
    bci, later, lead = (stories[k].pk for k in ("bci", "later_mention", "lead"))
    assert found("机械臂") == [bci, later, lead]
    assert found("机械")[0] == bci


def test_a_phrase_is_matched_as_written_not_as_scattered_characters(stories):
    make_article("智算青禾的故事", body="青禾长势与智算精神。")
    assert found("青禾智算") == [stories["later_mention"].pk, stories["lead"].pk]


def test_several_keywords_must_all_be_present(stories):
    assert found("青禾智算 机械臂") == [stories["later_mention"].pk, stories["lead"].pk]
    assert found("海能实验室 机械臂") == []


def test_latin_words_are_found_whatever_their_case():
    article = make_article("国产大模型 QingHe-M2 发布", body="性能提升。")
    assert found("qinghe") == [article.pk]
    assert found("QingHe-M2") == [article.pk]


def test_captions_and_bylines_are_searchable():
    photo = make_article("", kind=Article.Kind.PHOTO)
    add_caption(photo, "图为工人在智能工厂调试机械臂。", credit="记者白晓丹摄")
    add_byline(photo, "白晓丹")
    assert found("机械臂") == [photo.pk]
    assert found("白晓丹") == [photo.pk]


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
    make_article("秘密的机械臂稿件", **fields)
    assert found("机械臂") == []


def test_unpublishing_removes_an_article_from_the_index():
    article = make_article("机械臂新进展")
    assert found("机械臂") == [article.pk]
    article.status = Article.Status.ARCHIVED
    article.save()
    assert found("机械臂") == []
    assert not SearchDocument.objects.filter(pk=article.pk).exists()


def test_a_scheduled_article_is_found_once_its_time_comes():
    article = make_article("定时发布的机械臂稿件", publish_at=timezone.now() + HOUR)
    assert list(search("机械臂").ids) == []
    later = timezone.now() + 2 * HOUR
    assert list(search("机械臂", now=later).ids) == [article.pk]


def test_editing_an_article_updates_its_terms():
    article = make_article("量子计算", body="旧的正文。")
    article.title = "超导芯片"
    article.body = "新的正文。"
    article.save()
    assert found("量子计算") == []
    assert found("超导芯片") == [article.pk]
    assert found("新的正文") == [article.pk]


def test_the_bulk_rebuild_gives_the_same_index_as_saving(stories):
    queries = ["青禾智算", "质检员", "海能实验室", "机械臂", "机械", "江澄"]
    before_results = [found(q) for q in queries]
    before = set(SearchDocument.objects.values_list("pk", "headline", "text", "rank"))
    call_command("rebuild_search_index", stdout=io.StringIO())
    after = set(SearchDocument.objects.values_list("pk", "headline", "text", "rank"))
    assert before == after
    assert [found(q) for q in queries] == before_results
    assert index_articles(Article.objects.filter(pk=stories["second"].pk)) == 1
    assert index_size() == {"documents": 4, "index_rows": 4}


def test_the_index_has_one_row_per_document_through_edits_and_deletes(stories):
    article = stories["bci"]
    for title in ("机械臂走进病房", "机械臂走进康复病房"):
        article.title = title
        article.save()
        flush()
    add_byline(article, "白晓丹")
    flush()
    assert found("白晓丹") == [article.pk]
    assert index_size() == {"documents": 4, "index_rows": 4}
    article.delete()
    assert index_size() == {"documents": 3, "index_rows": 3}
    assert found("机械臂") == [stories["later_mention"].pk, stories["lead"].pk]


def test_an_article_saved_with_its_bylines_is_indexed_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    from search import indexing

    synced = []
    real_sync = indexing._sync
    monkeypatch.setattr(indexing, "_sync", lambda ids: synced.append(ids) or real_sync(ids))
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("芯片工厂投产")
        for name in ("甲", "乙", "丙"):
            add_byline(article, f"记者{name}")
        add_caption(article, "图为生产线。")
    assert synced == [[article.pk]]
    assert found("记者丙") == [article.pk]


def test_two_character_words_and_phrases_of_any_length():
    chip = make_article("国产芯片", body="高新技术企业研发芯片。")
    other = make_article("新闻", body="芯，片；技术企业。")
    assert found("芯片") == [chip.pk]
    assert found("高新技术企业") == [chip.pk]
    assert found("技术企业") == [other.pk, chip.pk]


def test_runs_split_by_punctuation_do_not_chain_into_a_phrase():
    article = make_article("青禾，禾智，智算", body="甲乙。乙丙")
    assert found("青禾智算") == []
    assert found("甲乙丙") == []
    assert found("禾智") == [article.pk]


def test_latin_words_and_mixed_keywords():
    g5 = make_article("5G基站建设提速", body="AI芯片出货。")
    assert found("5G") == [g5.pk]
    assert found("5g基站") == [g5.pk]
    assert found("AI芯片") == [g5.pk]
    assert found("AI 芯片") == [g5.pk]
    assert found("芯片AI") == []
    assert found("5G网") == []


def test_pages_run_on_from_headline_matches_to_the_others():
    now = timezone.now()
    in_body = [
        make_article(f"稿件{i}", publish_at=now - (i + 1) * HOUR, body="量子芯片").pk
        for i in range(7)
    ]
    in_headline = [
        make_article(f"量子芯片{i}", publish_at=now - (10 + i) * HOUR).pk for i in range(3)
    ]
    ids = search("量子芯片").ids
    assert ids.count() == 10 and ids.counts() == (3, 10)
    expected = in_headline + in_body
    assert list(ids) == expected
    assert [ids[i] for i in range(10)] == expected
    assert [ids[a:b] for a, b in ((0, 4), (2, 5), (3, 9), (8, 20))] == [
        expected[a:b] for a, b in ((0, 4), (2, 5), (3, 9), (8, 20))
    ]


def test_counting_stops_at_the_result_limit(monkeypatch, client):
    from search import query

    monkeypatch.setattr(query, "MAX_RESULTS", 5)
    now = timezone.now()
    made = [make_article(f"芯片{i}", publish_at=now - (i + 1) * HOUR).pk for i in range(7)]
    ids = search("芯片").ids
    assert ids.count() == 5 and ids.truncated
    assert list(ids) == made[:5]
    assert "找到超过 5 篇稿件" in client.get("/search/", {"q": "芯片"}).content.decode()


def test_search_tokens_are_bigrams_with_a_separator_where_runs_would_chain():
    assert search_text.tokens("芯片芯片") == ["芯片", "片芯", "芯片"]
    assert search_text.tokens("甲乙，乙丙") == ["甲乙", search_text.SEPARATOR, "乙丙"]
    assert search_text.keyword_phrase("5G网") == ["5g"]
    assert search_text.keyword_phrase("芯") == []


def test_a_single_character_asks_for_more():
    assert search("芯").hint == "请至少输入两个字。"


def test_terms_are_bigrams_of_chinese_runs_and_whole_latin_words():
    assert search_text.terms("机械臂 AI芯片") == {"机械", "械臂", "ai", "芯片"}


def test_highlighting_escapes_first_then_marks_the_match():
    html = search_text.highlight("<b>机械臂</b>设备", ["机械臂"])
    assert html == "&lt;b&gt;<mark>机械臂</mark>&lt;/b&gt;设备"


def test_highlighting_marks_every_word_in_any_case_the_longest_first():
    html = search_text.highlight("AI芯片与ai、芯片 & <芯>", ["芯片", "ai", "AI芯片", "&"])
    assert html == (
        "<mark>AI芯片</mark>与<mark>ai</mark>、<mark>芯片</mark> <mark>&amp;</mark> &lt;芯&gt;"
    )
    assert search_text.highlight("<无匹配>", ["芯片"]) == "&lt;无匹配&gt;"


def test_the_search_page_shows_highlighted_passages_and_paginates(client):
    now = timezone.now()
    for i in range(12):
        make_article(f"稿件{i:02d}", publish_at=now - i * HOUR, body=f"第{i}篇提到<机械臂>。")
    html = client.get("/search/", {"q": "机械臂"}).content.decode()
    assert "找到 12 篇稿件" in html
    assert "第0篇提到&lt;<mark>机械臂</mark>&gt;。" in html
    assert "稿件09" in html and "稿件10" not in html
    assert 'href="?q=%E6%9C%BA%E6%A2%B0%E8%87%82&amp;page=2"' in html
    second = client.get("/search/", {"q": "机械臂", "page": 2}).content.decode()
    assert "稿件10" in second and "稿件11" in second
    assert client.get("/search/", {"q": "机械臂", "page": 9}).status_code == 404


def test_the_search_page_without_results_or_query_still_answers(client):
    assert "没有找到包含“无人机”的稿件" in client.get("/search/?q=无人机").content.decode()
    assert client.get("/search/").status_code == 200


def test_the_search_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for i in range(3):
        add_byline(make_article(f"机械臂稿件{i}", body="机械臂。"), f"记者{i}")
    flush()
    # counts, page of ids, articles with their passages (a result shows no byline)
    with django_assert_num_queries(3):
        client.get("/search/", {"q": "机械臂"})
    for i in range(3, 12):
        article = make_article(f"机械臂稿件{i}", body="机械臂。")
        add_byline(article, f"记者{i}")
        add_caption(article, "图说")
    flush()
    with django_assert_num_queries(3):
        client.get("/search/", {"q": "机械臂"})
    with django_assert_num_queries(3):
        client.get("/search/", {"q": "机械"})


def test_the_page_shows_only_what_readers_may_see_even_if_the_index_lags(client):
    hidden = make_article("机械臂旧稿", body="机械臂。")
    shown = make_article("机械臂新稿", body="机械臂。")
    flush()
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.DRAFT)  # no signal
    html = client.get("/search/", {"q": "机械臂"}).content.decode()
    assert f'href="/articles/{shown.pk}/"' in html
    assert f'href="/articles/{hidden.pk}/"' not in html


def test_only_an_untitled_photo_item_reads_its_captions_for_its_title(
    client, django_assert_num_queries
):
    photo = make_article("", kind=Article.Kind.PHOTO, body="机械臂的照片。")
    add_caption(photo, "机械臂实验室里的志愿者")
    make_article("机械臂稿件", body="机械臂。")
    flush()
    with django_assert_num_queries(4):  # and the captions
        html = client.get("/search/", {"q": "机械臂"}).content.decode()
    assert "<mark>机械臂</mark>实验室里的志愿者" in html


def test_a_passage_starts_at_the_sentence_holding_the_match():
    text = "第一句很长很长很长。第二句提到机械臂设备。第三句。"
    assert search_text.snippet(text, ["机械臂"]) == ("…第二句提到<mark>机械臂</mark>设备。第三句。")


@pytest.mark.django_db(transaction=True)
def test_an_imported_page_renews_the_cached_pages_once_after_its_index(settings, monkeypatch):
    """A page of an import is one transaction: the page cache's generations are written once,
    when the page's articles are already in the index (a search cached before that write would
    keep the old results)."""
    from pathlib import Path

    from newsroom import caching

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_CACHE_SECONDS = 300
    writes = []
    real_write = caching.FileGenerationStore.write

    def write(self, tokens):
        writes.append((set(tokens), SearchDocument.objects.count()))
        real_write(self, tokens)

    monkeypatch.setattr(caching.FileGenerationStore, "write", write)
    issue = Path(__file__).resolve().parents[2] / "fixtures" / "2025-08-05"
    call_command("import_issue", str(issue), "--publish", stdout=io.StringIO())
    imported = list(Article.objects.values_list("pk", flat=True))
    assert len(imported) > 1
    assert [indexed for _, indexed in writes] == [len(imported)]
    assert {f"article:{pk}" for pk in imported} <= writes[0][0]
