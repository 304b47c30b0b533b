"""The running head (眉头) printed across the top of a page: date, 版面 number and name, editors.

It is not an article. Extracted text starts with it, one or several short lines, in any order:
`科技日报 2026年3月2日 星期一 第3版 综合新闻 责任编辑：王某`, or `3` / `综合新闻` / a date /
`责编：王某 校对：李某` each on its own line. A line is the running head's when it carries one of
its marks (a date with its weekday, 第N版, an editor's credit, a bare page number); short lines
without closing punctuation between or before such lines (the paper's and the page's names) are
the running head's too. Nothing after the last marked line among the page's first lines is.
"""

from __future__ import annotations

import datetime
import re

from .model import RunningHead
from .text import HAN

#: The running head sits in the first few printed lines of a page.
HEAD_LINES = 6
LONGEST_NAME_LINE = 12
LONGEST_HEAD_LINE = 60

FULL_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
PAGE_NUMBER = re.compile(rf"第\s*(?P<n>\d{{1,3}})\s*版(?:[：:|\s]*(?P<name>[{HAN}]{{2,8}}))?")
EDITOR = re.compile(r"(?:责任编辑|责编|美术编辑|美编|校对|版式|编辑|组版|审读)\s*[：:\s]")
BARE_NUMBER = re.compile(rf"^(?P<n>\d{{1,3}})(?:\s+(?P<name>[{HAN}]{{2,8}}))?$")
SENTENCE_END = "。！？!?"
#: pdfminer orders a page's text boxes by grouping neighbours, so a running head's boxes can
#: come after a headline set beside them at the top, but still among the page's first lines.
STRAY_HEAD_LINES = 40
#: A line that is nothing but one running-head element: a dated weekday, the editors' credits,
#: or the 版面 number with its name set apart (a sentence may open `第5版刊登了`, so this is
#: not `PAGE_NUMBER`, whose name may follow 版 directly).
STANDALONE_HEAD = re.compile(
    rf"(?:{FULL_DATE.pattern}\s*(?:{WEEKDAY.pattern})"
    rf"|(?:{EDITOR.pattern}\s*[{HAN}]{{2,4}}\s*)+"
    rf"|第\s*\d{{1,3}}\s*版(?:\s*[：:|]\s*|\s+)[{HAN}]{{2,8}})"
)


def head_mark(text: str) -> bool:
    """Whether a printed line carries a mark only a running head prints."""
    text = text.strip()
    if not text or len(text) > LONGEST_HEAD_LINE or text[-1] in SENTENCE_END:
        return False
    date = FULL_DATE.search(text)
    if date and (WEEKDAY.search(text) or FULL_DATE.fullmatch(text)):
        return True
    return bool(PAGE_NUMBER.search(text) or EDITOR.search(text) or BARE_NUMBER.match(text))


def running_head_length(texts: list[str]) -> int:
    """How many of the page's first printed lines are its running head (0 when it has none)."""
    length = 0
    for index, text in enumerate(texts[:HEAD_LINES]):
        if head_mark(text):
            length = index + 1
        elif len(text.replace(" ", "")) > LONGEST_NAME_LINE or text.rstrip()[-1:] in SENTENCE_END:
            break
    return length


def stray_head_lines(texts: list[str], start: int) -> list[int]:
    """Indexes, from `start` among the page's first lines, of lines that are each one element
    of the running head standing alone, which pdfminer gave after some of the page's text."""
    return [
        index
        for index in range(start, min(len(texts), STRAY_HEAD_LINES))
        if STANDALONE_HEAD.fullmatch(texts[index].strip())
    ]


def read_running_head(texts: list[str]) -> RunningHead | None:
    """Date, page number and page name as the running head's lines print them."""
    if not texts:
        return None
    date = number = name = None
    for text in texts:
        found = FULL_DATE.search(text)
        if found and date is None:
            try:
                date = datetime.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                date = None
        page = PAGE_NUMBER.search(text) or BARE_NUMBER.match(text.strip())
        if page and number is None:
            number = int(page["n"])
            name = name or page["name"]
    if name is None:
        plain = [text.strip() for text in texts if not head_mark(text)]
        name = plain[-1] if plain else None
    return RunningHead(date=date, number=number, name=name)
