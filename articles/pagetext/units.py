"""What each printed unit is: headline, subheading, dateline paragraph, byline, caption or text."""

from __future__ import annotations

import re
from enum import Enum

from .bylines import (
    DATE,
    credit_of,
    find_dateline,
    parse_parenthesised_bylines,
    parse_standalone_bylines,
    split_trailing_bylines,
)
from .lines import (
    CAPTION_LINES,
    INDENT,
    NUMBERED_PICTURE,
    Unit,
    closes_sentence,
    core_width,
    exact_measure,
)
from .text import SENTENCE_MARKS, ends_paragraph

RELIABLE_LINES = 3
COLUMN_CHANGE = 2
PICTURE_SENTENCE = re.compile(rf"(?:^|[。！？”])(?:图为|图说[：:]|上图|下图|{NUMBERED_PICTURE})")
#: A caption that opens by pointing at its picture describes an article's photo; photo news
#: opens with the news itself (`8月1日，…`) and may only end with `图为…`.
PICTURE_OPENING = re.compile(rf"^(?:图为|图说[：:]|上图|下图|左图|右图|{NUMBERED_PICTURE})")
HEADING_CLOSERS = "：:"
LONGEST_HEADING_LINES = 3
QUOTE_CLOSERS = ("”", "’", "」", "』")
SENTENCE_SPLIT = re.compile(r"[。！？!?]")
#: Photo news opens with when its news happened (`5月6日，…`), as a news lead does.
NEWS_OPENING = re.compile(rf"^{DATE}[，,]")


class Kind(Enum):
    HEADING = "heading"
    SUBHEADING = "subheading"
    DATELINE = "dateline"
    LEADING_BYLINE = "leading byline"
    TRAILING_BYLINE = "trailing byline"
    MARKED_CAPTION = "marked caption"
    CAPTION = "caption"
    PARAGRAPH = "paragraph"


TEXT_KINDS = (Kind.PARAGRAPH, Kind.DATELINE)


def reliable_column(unit: Unit) -> float | None:
    """A column width only paragraphs of several lines can vouch for."""
    return unit.column_width if len(unit.lines) >= RELIABLE_LINES else None


def is_heading_like(unit: Unit) -> bool:
    """Short, a few lines at most, and not closed like a sentence. A kicker's colon at the end of
    its own printed line (`创新驱动：` over the title) is no sentence mark, and the kicker's line
    is not one of the title's few lines."""
    text, title_lines = unit.text, len(unit.lines)
    if len(unit.lines) > 1 and unit.lines[0].text.endswith(tuple(HEADING_CLOSERS)):
        text = "".join(line.bold or line.text for line in unit.lines[1:])
        title_lines -= 1
    if title_lines > LONGEST_HEADING_LINES or "。" in text:
        return False
    if text.endswith(("）", ")")):
        return not any(mark in text for mark in "，；")
    if text.endswith(QUOTE_CLOSERS):
        # 创新药研发按下“快进键”: a quotation closes the heading, no sentence inside it does.
        return not any(mark in text for mark in SENTENCE_MARKS)
    return not ends_paragraph(text) or text.endswith(HEADING_CLOSERS)


def is_heading_continuation(unit: Unit, previous_kind: Kind | None) -> bool:
    """`产业的新引擎（走进一线）` under a headline line: a bracket may close a headline."""
    text = unit.text
    return (
        previous_kind is Kind.HEADING
        and len(unit.lines) == 1
        and text.endswith(("）", ")"))
        and not any(mark in text for mark in "。，；")
    )


def first_kind(unit: Unit, previous_kind: Kind | None) -> Kind:
    """The kind a unit has on its own; headings are told from subheadings later, in context."""
    text = unit.text
    if unit.bold:
        return Kind.HEADING
    if unit.marked:
        return Kind.MARKED_CAPTION
    if parse_parenthesised_bylines(unit.raw):
        return Kind.TRAILING_BYLINE
    if all(line.bylines for line in unit.lines):
        return Kind.LEADING_BYLINE
    if find_dateline(text):
        return Kind.DATELINE
    if credit_of(text) or PICTURE_SENTENCE.search(text):
        return Kind.CAPTION
    if is_heading_like(unit) or is_heading_continuation(unit, previous_kind):
        return Kind.HEADING
    return Kind.PARAGRAPH


def nearest_column(units: list[Unit], kinds: list[Kind], indexes: range) -> float | None:
    for index in indexes:
        if kinds[index] is Kind.PARAGRAPH or kinds[index] is Kind.DATELINE:
            column = reliable_column(units[index])
            if column is not None:
                return column
    return None


def text_above_captions(kinds: list[Kind], first: int) -> int | None:
    """The text unit a heading group follows, past the ▲ captions of a photo set between an
    article's paragraphs (the caption stands under its picture, the article's text goes on
    under it); None when the group follows no text."""
    above = first - 1
    while above > 0 and kinds[above] is Kind.MARKED_CAPTION:
        above -= 1
    return above if kinds[above] in TEXT_KINDS else None


def is_subheading(units: list[Unit], kinds: list[Kind], first: int, last: int) -> bool:
    """A heading group inside one article's run of text, not a headline between two items."""
    if any(units[index].bold for index in range(first, last + 1)):
        return False
    if first == 0 or last == len(units) - 1:
        return False
    above = text_above_captions(kinds, first)
    if above is None or kinds[last + 1] is not Kind.PARAGRAPH:
        return False
    if parse_standalone_bylines(units[above].lines[-1].raw):
        return False
    if split_trailing_bylines(units[above].tail_raw(3)):
        # `…成效明显。（通讯员 林晓舟）` closed its article: a headline follows, not a subheading.
        return False
    before = nearest_column(units, kinds, range(first - 1, -1, -1))
    after = nearest_column(units, kinds, range(last + 1, len(units)))
    if before is not None and after is not None and abs(before - after) >= COLUMN_CHANGE:
        return False
    if before is not None and units[last + 1].widest > before + COLUMN_CHANGE + 1:
        # Text set wider than the column before (photo news under its title) is not the
        # article going on under a subheading, even in two lines too few to measure.
        return False
    # A closing mark may hang past the column: a heading closed by a quote it hangs there is
    # set in the column all the same.
    widest = max(
        core_width(line) for index in range(first, last + 1) for line in units[index].lines
    )
    # Lines holding digits are counted short of the column; its tight lines of Chinese
    # measure it.
    return before is None or widest <= max(before, exact_measure(units[above].lines))


def tells_news(caption: str) -> bool:
    """Photo news (图片新闻) tells its news in its caption: several sentences (what happened,
    then often `图为…`), where a caption under an article's photo says what the picture shows
    in one. News told in one sentence still opens as news does, with the day it happened
    (`5月6日，…`): a caption under an article's photo describes the picture, whose day is the
    article's."""
    credit = credit_of(caption)
    text = caption[: len(caption) - len(credit)] if credit else caption
    if NEWS_OPENING.match(text):
        return True
    sentences = [part for part in SENTENCE_SPLIT.split(text) if part.strip("（(）) ")]
    return len(sentences) >= 2


def is_next_caption(units: list[Unit], kinds: list[Kind], index: int) -> bool:
    """A picture's captions are printed together under it, each unindented in the caption's
    own measure, and only the first need point at the picture (`图为…`) or name a credit: after
    a caption, one sentence saying what a picture shows is the next caption when it is no
    paragraph of the text column, set wider than that column (the picture's measure) or, on a
    line of its own, wider than a paragraph's indented first line (as a one-line paragraph
    would be)."""
    unit = units[index]
    if kinds[index] is not Kind.PARAGRAPH or kinds[index - 1] is not Kind.CAPTION:
        return False
    if len(unit.lines) > CAPTION_LINES or not closes_sentence(unit.text):
        return False
    if tells_news(unit.text):
        # Photo news' own text under the article's caption, not a caption of that picture.
        return False
    column = nearest_column(units, kinds, range(index - 1, -1, -1))
    if column is None:
        return False
    if unit.widest > column + COLUMN_CHANGE:
        return True
    return len(unit.lines) == 1 and core_width(unit.lines[0]) > column - INDENT + 0.25


ARTICLE_OPENINGS = (Kind.HEADING, Kind.DATELINE, Kind.LEADING_BYLINE)


def ends_under_captions(units: list[Unit], kinds: list[Kind], index: int) -> bool:
    """An article's text is set above its picture or goes on under it in paragraphs; a line
    of one sentence right under a caption, after which the next article opens (its headline,
    dateline or bylines) or the page ends, is one more caption of that picture."""
    unit = units[index]
    if kinds[index] is not Kind.PARAGRAPH or kinds[index - 1] is not Kind.CAPTION:
        return False
    if len(unit.lines) != 1 or not closes_sentence(unit.text) or tells_news(unit.text):
        return False
    return index + 1 == len(units) or kinds[index + 1] in ARTICLE_OPENINGS


def classify(units: list[Unit]) -> list[Kind]:
    kinds: list[Kind] = []
    for unit in units:
        kinds.append(first_kind(unit, kinds[-1] if kinds else None))
        if len(kinds) > 1 and is_next_caption(units, kinds, len(kinds) - 1):
            kinds[-1] = Kind.CAPTION
    index = 0
    while index < len(units):
        if kinds[index] is not Kind.HEADING:
            index += 1
            continue
        last = index
        while last + 1 < len(units) and kinds[last + 1] is Kind.HEADING:
            last += 1
        if is_subheading(units, kinds, index, last):
            for member in range(index, last + 1):
                kinds[member] = Kind.SUBHEADING
        index = last + 1
    for index in range(1, len(units)):
        if ends_under_captions(units, kinds, index):
            kinds[index] = Kind.CAPTION
    return kinds
