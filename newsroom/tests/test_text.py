"""Control characters never reach the database, whoever writes the text."""

import pytest

from articles.models import Caption
from articles.tagging import parse_tags
from conftest import add_caption, make_article
from entities.models import Organisation
from newsroom.text import clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("软\x0b换行", "软换行"),
        ("\x1b[31m红字\x1b[0m", "[31m红字[0m"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("保留\t制表符\n和换行", "保留\t制表符\n和换行"),
        ("\x00\x7f\x85\ufffe\uffff", ""),
        ("“中文”标点、English, 123", "“中文”标点、English, 123"),
    ],
)
def test_clean_text_removes_control_characters_and_unifies_line_ends(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.django_db
def test_every_save_stores_text_fields_clean():
    article = make_article("标题\x0b续", body="段落\r\n\r\n另一段\x1b")
    add_caption(article, "图片\x07说明", credit="记者\x0c张三")
    organisation = Organisation.objects.create(name="之江\x1b实验室", description="简介\r\n")
    article.refresh_from_db()
    assert (article.title, article.body) == ("标题续", "段落\n\n另一段")
    assert Caption.objects.values_list("text", "credit").get() == ("图片说明", "记者张三")
    organisation.refresh_from_db()
    assert (organisation.name, organisation.description) == ("之江实验室", "简介\n")
    assert article.history.latest().title == "标题续"


def test_a_tag_typed_with_a_control_character_is_read_clean():
    assert sorted(parse_tags("人工\x0b智能，芯片\x1b")) == ["人工智能", "芯片"]
