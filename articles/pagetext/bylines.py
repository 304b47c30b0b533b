"""Datelines (本报讯, 新华社北京8月1日电 …), bylines (记者 李墨 通讯员 周钢) and photo credits."""

from __future__ import annotations

import re

from .model import Byline
from .text import HAN, LINE_BREAK, WHITESPACE, normalise_spacing, without_breaks

NAME = re.compile(rf"^(?:[{HAN}]{{2,4}}|[{HAN}]+[·•][{HAN}·•]+)$")
LONGEST_PLAIN_NAME = 4

# The roles a byline prints before names; longest first, so that 特约通讯员 wins over 通讯员.
BYLINE_ROLES = (
    "全媒体记者",
    "融媒体记者",
    "特约通讯员",
    "全媒记者",
    "特约记者",
    "见习记者",
    "首席记者",
    "摄影记者",
    "驻站记者",
    "实习记者",
    "通讯员",
    "实习生",
    "摄影",
    "记者",
)
ROLE_PATTERN = "|".join(BYLINE_ROLES)
ROLE_AT_START = re.compile(rf"^(?:本报|本台|本网|本刊)?({ROLE_PATTERN})")
ROLE_ANYWHERE = re.compile(rf"(?:本报|本台|本网|本刊)?({ROLE_PATTERN})")
BYLINE_MARKS = "■●◆□"

DATE = r"(?:\d{1,4}年)?\d{1,2}月\d{1,2}日"
SOURCE = rf"(?:本报|本网|本刊|本台|[{HAN}]{{1,10}}?(?:日报|晚报|早报|新闻网|报|网|社|台|客户端))"
DATELINE = re.compile(
    rf"^(?:【[^】]{{1,20}}(?:讯|电)】"
    rf"|(?P<source>{SOURCE})(?P<place>[{HAN}]{{0,6}}?)(?P<date>{DATE})?(?:讯|电)(?!员))"
)
OWN_SOURCES = ("本报", "本网", "本刊", "本台")

CREDIT_TAIL = re.compile(r"(?P<credit>[^。！？!?”]{2,40}?摄)[）)]?$")


def find_dateline(text: str) -> str | None:
    """The source tag opening a paragraph, when the paragraph has one."""
    match = DATELINE.match(text)
    if not match:
        return None
    found = match.group(0)
    rest = text[match.end() :]
    if found.startswith("【"):
        return found
    source = match.group("source") or ""
    if source.startswith(OWN_SOURCES) or match.group("date"):
        return found
    if rest[:1] in ("（", "("):
        return found
    return None


def opens_byline(text: str) -> bool:
    """Whether a line opens with a byline's role word (`■本报记者 …`)."""
    return bool(ROLE_AT_START.match(text.lstrip(BYLINE_MARKS)))


def split_role(token: str) -> tuple[str | None, str]:
    match = ROLE_AT_START.match(token)
    if not match:
        return None, token
    return match.group(1), token[match.end() :]


def tokens_of(text: str) -> list[str]:
    """Split a byline into role words and names, whether or not spaces separate them."""
    tokens: list[str] = []
    for chunk in WHITESPACE.split(text.strip(BYLINE_MARKS + " " + LINE_BREAK)):
        chunk = chunk.strip(BYLINE_MARKS + LINE_BREAK)
        clean, cuts = without_breaks(chunk), break_positions(chunk)
        position = 0
        while position < len(clean):
            match = ROLE_ANYWHERE.search(clean, position)
            end = match.start() if match else len(clean)
            if end > position:
                inner_cuts = [cut - position for cut in cuts if position < cut < end]
                tokens.extend(mend_names(clean[position:end], inner_cuts))
            if not match:
                break
            tokens.append(match.group(0))
            position = match.end()
    return tokens


def break_positions(chunk: str) -> list[int]:
    """Where printed lines ended, as offsets into the chunk without its break marks."""
    positions, offset = [], 0
    for char in chunk:
        if char == LINE_BREAK:
            positions.append(offset)
        else:
            offset += 1
    return positions


def mend_names(token: str, cuts: list[int]) -> list[str]:
    """`张灿|强` is one name broken over two lines; `李禹潜|张灿强` and `李娜|王刚` are two.

    A name has two characters at least, so a piece of one character belongs to its neighbour.
    """
    if not cuts:
        return [token]
    parts, start = [], 0
    for cut in cuts:
        parts.append(token[start:cut])
        start = cut
    parts.append(token[start:])
    parts = [part for part in parts if part]
    if len(token) <= LONGEST_PLAIN_NAME and any(len(part) < 2 for part in parts):
        return [token]
    return parts


def parse_bylines(text: str, *, roles_required: bool = False) -> list[Byline] | None:
    """`记者 李嘉 特约记者 刘健平 通讯员 胡朝霞 汪贵兵` -> bylines; None when it is not one.

    A role carries over to the names that follow it; names printed alone get role None.
    """
    role: str | None = None
    bylines: list[Byline] = []
    for token in tokens_of(text):
        token_role, rest = split_role(token)
        if token_role is not None and not rest:
            role = token_role
            continue
        if not NAME.match(token) or token.endswith("摄"):
            return None
        if role is None and len(token) > LONGEST_PLAIN_NAME:
            return None
        bylines.append(Byline(role=role, name=token))
    if not bylines or (roles_required and all(b.role is None for b in bylines)):
        return None
    return bylines


def unwrap_parentheses(text: str) -> str | None:
    text = text.strip(" " + LINE_BREAK)
    if len(text) > 2 and text[0] in "（(" and text[-1] in "）)":
        inner = text[1:-1]
        if not any(mark in inner for mark in "（()）"):
            return inner
    return None


def parse_parenthesised_bylines(text: str) -> list[Byline] | None:
    """`（通讯员 林晓舟）` or `（苏雯）` standing alone or closing a paragraph."""
    inner = unwrap_parentheses(text)
    return parse_bylines(inner) if inner is not None else None


def parse_standalone_bylines(raw_line: str) -> list[Byline] | None:
    """A line that is only a byline: `本报记者 赵亮 通讯员 刘岩`, `■本报记者 郑伟`."""
    line = raw_line.strip()
    if not line or len(line) > 60:
        return None
    inner = unwrap_parentheses(line)
    if inner is not None:
        return parse_bylines(inner)
    return parse_bylines(line, roles_required=True)


TRAILING_PARENTHESES = re.compile(
    rf"(?P<end>[。！？!?”…]){LINE_BREAK}?[（(](?P<inner>[^（()）]{{2,40}})[）)]{LINE_BREAK}?$"
)


def split_trailing_bylines(raw_text: str) -> tuple[str, list[Byline]] | None:
    """`…成效明显。（通讯员 林晓舟）` -> (`…成效明显。`, bylines)."""
    compact = raw_text.rstrip()
    match = TRAILING_PARENTHESES.search(compact)
    if not match:
        return None
    bylines = parse_bylines(match.group("inner"))
    if bylines is None:
        return None
    return compact[: match.end("end")], bylines


def credit_of(caption: str) -> str | None:
    """The photographer credit closing a caption: `■记者周航摄`, `全媒体记者何川通讯员李文涛摄`."""
    match = CREDIT_TAIL.search(caption)
    if not match:
        return None
    credit = match.group("credit")
    if credit_bylines(credit) is None:
        return None
    return credit


def photo_credit(caption: str) -> str:
    """The credit closing a caption, as a caption's credit field keeps it: `…。■记者周航摄` ->
    `记者周航`, `…现场。（江西日报全媒记者程文摄）` -> `江西日报全媒记者程文`; "" without one."""
    credit = credit_of(caption.strip())
    if credit is None:
        return ""
    words = normalise_spacing(credit).lstrip(BYLINE_MARKS + "▲（(")
    return words[:-1] if words.endswith("摄") else words


def is_credit_line(text: str) -> bool:
    """A line that is only a credit: `■记者赵磊摄`, `（新华社记者 孟涵 摄）`."""
    credit = credit_of(text)
    return credit is not None and text.rstrip("）)") == credit


def credit_bylines(credit: str) -> list[Byline] | None:
    """People named by a photo credit; a paper's name before the first role word is dropped."""
    words = normalise_spacing(credit).strip(BYLINE_MARKS + "（()）")
    if words.endswith("摄"):
        words = words[:-1]
    first_role = ROLE_ANYWHERE.search(words)
    if first_role:
        words = words[first_role.start() :]
    if not words:
        return None
    return parse_bylines(words)
