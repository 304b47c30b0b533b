"""The parser on layouts the sample pages do not show: one small page per failure class of
issue 12, each written here (not taken from any sample), each failing on the parser before it."""

import datetime
import re
import sys
from pathlib import Path

import pytest

from articles.pagetext import Byline, PageTextError, RunningHead, parse_page
from articles.pagetext import lines as lines_module
from articles.pagetext.parser import MAX_PAGE_CHARACTERS
from articles.pagetext.running import read_running_head, running_head_length

WHITESPACE = re.compile(r"\s+")


def page(*printed_lines: str) -> str:
    """A page as extraction leaves it: each printed line followed by a blank line."""
    return "\n\n".join(printed_lines) + "\n"


BODY = (
    "本报讯（记者 方舟）近日，",
    "某市新建的算力中心投入运",
    "行，首批接入企业四十家。",
    "该中心负责人介绍，算力",
    "资源将优先服务中小企业，",
    "使用成本比市场价低三成。",
)


def test_a_running_head_over_several_lines_is_not_an_article():
    text = page(
        "2025年3月4日 星期二",
        "科技前沿",
        "5",
        "责任编辑：王晓 美术编辑：季明",
        "算力中心投运算力中心投运",
        *BODY,
    )
    parsed = parse_page(text)
    (article,) = parsed.articles
    assert article.title == "算力中心投运"
    assert article.dateline == "本报讯"
    assert parsed.running_head == RunningHead(datetime.date(2025, 3, 4), 5, "科技前沿")


def test_a_running_head_on_one_line_names_page_number_and_name():
    lines = ["东方科技报 2025年11月2日 星期日 第12版 产业观察 责任编辑：沈澜", "标题", "正文。"]
    assert running_head_length(lines) == 1
    assert read_running_head(lines[:1]) == RunningHead(datetime.date(2025, 11, 2), 12, "产业观察")


def test_a_page_without_running_head_keeps_its_first_lines():
    assert running_head_length(["算力中心投运", *BODY]) == 0


def test_a_fake_bold_headline_printed_whole_twice_is_one_headline():
    parsed = parse_page(page("算力中心投运", "算力中心投运", *BODY))
    (article,) = parsed.articles
    assert article.title == "算力中心投运"
    assert article.bylines == [Byline("记者", "方舟")]


def test_a_text_far_longer_than_any_page_is_refused_in_one_line():
    with pytest.raises(PageTextError) as refused:
        parse_page("本报讯 近日，某市召开大会。\n\n" * 10_000)
    assert "\n" not in str(refused.value)
    assert str(MAX_PAGE_CHARACTERS) in str(refused.value)


def long_page(lines: int) -> str:
    """One paragraph of distinct full lines, blank lines between, as extraction prints them."""
    return page("产业园区产业园区", *[f"第{number}号项目今年签约" for number in range(lines)])


def executed_parser_lines(text: str) -> int:
    """How many lines of the parser's own code run to parse text: its work, whatever the clock."""
    package = str(Path(lines_module.__file__).parent)
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(package):
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        parse_page(text)
    finally:
        sys.settrace(None)
    return count


def test_the_parsers_work_grows_linearly_with_the_page():
    """A 4x longer page takes at most 5x the parser's steps (quadratic growth would be 16x)."""
    small, large = executed_parser_lines(long_page(100)), executed_parser_lines(long_page(400))
    assert large <= 5 * small


def test_a_long_paragraph_is_joined_once_not_once_per_line(monkeypatch):
    """Counting, not timing: the characters the parser joins grow with the page, not its square."""
    joined = []

    def counting_join(pieces):
        joined.append(sum(len(piece) for piece in pieces))
        return real_join(pieces)

    real_join = lines_module.join_printed_lines
    monkeypatch.setattr(lines_module, "join_printed_lines", counting_join)
    sizes = {}
    for count in (100, 400):
        joined.clear()
        parse_page(long_page(count))
        sizes[count] = sum(joined)
    assert sizes[400] <= 5 * sizes[100]
