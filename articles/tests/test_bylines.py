"""Bylines written out as text: one shape everywhere, separators chosen by the caller."""

from types import SimpleNamespace

from articles.bylines import byline_label, format_bylines


def byline(role, name):
    return SimpleNamespace(role=role, contributor=SimpleNamespace(name=name))


BYLINES = [byline("记者", "李墨"), byline("特约通讯员", "郭文晨"), byline("", "王五")]


def test_bylines_read_as_the_paper_prints_them():
    assert format_bylines(BYLINES) == "记者 李墨、特约通讯员 郭文晨、王五"


def test_a_byline_without_a_role_is_the_name_alone():
    assert byline_label("", "王五") == "王五"
    assert byline_label("  ", "王五") == "王五"


def test_the_exchange_file_uses_the_same_shape_with_its_own_separators():
    assert format_bylines(BYLINES, between="；", role_separator="：") == (
        "记者：李墨；特约通讯员：郭文晨；王五"
    )


def test_no_bylines_is_an_empty_text():
    assert format_bylines([]) == ""
