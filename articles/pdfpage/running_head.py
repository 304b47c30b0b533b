"""The running head (眉头): paper name, date, 版次 and 版名, editors' credits; never an article.

Chinese papers print it across the top of every page, above a full-width rule: the page
number as a large figure or as 第N版, the page's name (要闻, 地方科技), the date as
2025年8月17日 with the weekday, and 责任编辑/美编/校对 credits.
"""

from __future__ import annotations

import datetime
import re

from articles.pagetext.model import RunningHead

from .geometry import Block

DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
PAGE_NUMBER = re.compile(r"第\s*(\d{1,3})\s*版|^[A-Z]?(\d{1,3})版?$")
CREDIT = re.compile(
    r"责任编辑|责编|美编|校对|编辑|电话|邮箱|星期|周[一二三四五六日]|总第|^第|刊号|电话"
)
PAGE_NAME = re.compile(r"^[\u3400-\u9fff·]{2,8}$")
#: The running head stands in this top share of the page, above the first full-width rule.
TOP_BAND = 0.16
RULE_SHARE = 0.5


def head_limit(geometry) -> float | None:
    """Where the running head ends: the first rule across half the page in its top band."""
    rules = [
        separator.top
        for separator in geometry.separators
        if separator.height <= 2
        and separator.width >= RULE_SHARE * geometry.width
        and separator.top <= TOP_BAND * geometry.height
    ]
    return min(rules) if rules else None


def read_running_head(geometry) -> tuple[list[Block], RunningHead | None]:
    """The page's blocks less its running head, and what the running head says."""
    limit = head_limit(geometry)
    if limit is None:
        band = TOP_BAND * geometry.height / 2
        head = [
            block
            for block in geometry.blocks
            if block.bottom <= band
            and block.size <= 1.6 * geometry.body_size
            and (DATE.search(text_of(block)) or CREDIT.search(text_of(block)))
        ]
        if head:
            limit = max(block.bottom for block in head) + 1
    if limit is None:
        return geometry.blocks, None
    head = [block for block in geometry.blocks if block.bottom <= limit + 1]
    rest = [block for block in geometry.blocks if block.bottom > limit + 1]
    if not head:
        return rest, None
    return rest, parse_running_head(head)


def text_of(block: Block) -> str:
    return "".join(line.text for line in block.lines)


def parse_running_head(blocks: list[Block]) -> RunningHead | None:
    texts = [line.text.strip() for block in blocks for line in block.lines]
    pieces = [piece for text in texts for piece in re.split(r"\s{2,}|\u3000", text) if piece]
    date = number = name = None
    for piece in pieces:
        found = DATE.search(piece) or ISO_DATE.search(piece)
        if found and date is None:
            try:
                date = datetime.date(*(int(part) for part in found.groups()))
            except ValueError:
                date = None
    for piece in pieces:
        found = PAGE_NUMBER.search(piece)
        if found and number is None:
            number = int(found.group(1) or found.group(2))
    for piece in pieces:
        if (
            name is None
            and PAGE_NAME.match(piece)
            and not CREDIT.search(piece)
            and not piece.endswith("报")
        ):
            name = piece
    if date is None and number is None and name is None:
        return None
    return RunningHead(date=date, number=number, name=name)
