"""The generator's text sets have the shape compose() reads, and every one composes a page."""

import random

import pytest

from articles.tests.pagegen.__main__ import SETS
from articles.tests.pagegen.generate import compose, headline_lines
from articles.tests.pagegen.layout import HANGING, NEVER_ENDS_LINE

ARTICLE_KEYS = {"kicker", "title", "subtitle", "dateline", "bylines", "form", "paragraphs"}
FORMS = {"dateline", "standalone", "trailing", "none"}


def article_text(article: dict) -> str:
    parts = [article.get("subtitle") or ""]
    parts += [part if isinstance(part, str) else part[1] for part in article["paragraphs"]]
    return "".join(parts + list(article.get("captions") or []))


def test_the_sets_offered_include_the_unseen_ones():
    assert {"tuning", "heldout", "fresh", "unseen", "unseen2"} <= set(SETS)
    assert len(SETS["unseen"].ARTICLES) >= 24
    assert len(SETS["unseen2"].ARTICLES) >= 30
    assert len(SETS["unseen2"].PHOTOS) >= 8


def test_the_second_unseen_set_has_untitled_photo_news_of_one_sentence():
    photos = SETS["unseen2"].PHOTOS
    assert any(not photo["title"] and len(photo["caption"]) == 1 for photo in photos)


def test_no_two_articles_of_a_set_share_a_title():
    for source in SETS.values():
        titles = [article["title"] for article in source.ARTICLES]
        assert len(titles) == len(set(titles))


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_article_has_the_fields_and_names_its_organisations(name):
    for article in SETS[name].ARTICLES:
        assert set(article) >= ARTICLE_KEYS, article["title"]
        assert article["form"] in FORMS, article["title"]
        assert article["dateline"] or article["form"] != "dateline", article["title"]
        text = article_text(article)
        for org, aliases, _accept in article.get("orgs") or []:
            assert org in text, (article["title"], org)
            for alias in aliases:
                assert alias in text, (article["title"], alias)


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_photo_item_names_its_organisations_in_its_caption(name):
    for photo in SETS[name].PHOTOS:
        caption = "".join(photo["caption"])
        for org, _aliases, _accept in photo.get("orgs") or []:
            assert org in caption, org


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_set_composes_pages_at_the_narrowest_and_widest_columns(name):
    source = SETS[name]
    for width in (9, 20):
        page = compose(source.ARTICLES, source.PHOTOS, width, seed=width)
        assert page.text.strip()
        assert len(page.expected["articles"]) == len(page.features)


TITLES_TO_BREAK = (
    "量子计算的新突破来自国产GPU",
    "大模型走进AI实验室的那一天",
    "实验室里的团队喊出“加油！”",
)


@pytest.mark.parametrize("seed", range(40))
def test_a_broken_headline_breaks_where_a_typesetter_may(seed):
    """No line opens with a closing mark or ends on an opening one, no word or number is cut."""
    for title in TITLES_TO_BREAK:
        lines = headline_lines(title, random.Random(seed))
        assert "".join(lines) == title
        if len(lines) == 2:
            first, second = lines
            assert second[0] not in HANGING and first[-1] not in NEVER_ENDS_LINE, lines
            cut_word = first[-1].isascii() and first[-1].isalnum() and second[0].isascii()
            assert not cut_word, lines
