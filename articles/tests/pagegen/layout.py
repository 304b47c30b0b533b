"""Set article content as the text pdfminer's extract_text leaves of a printed page.

The conventions imitated (see DESIGN.md, "the page text"): one text line per printed line, each
followed by a blank line unless it ends in Latin letters or digits; a paragraph's first line two
characters short (the indent); closing punctuation may hang one character past the column, an
opening bracket never ends a line; a line the typesetter had to stretch (a Latin word pushed to
the next line) comes out spaced; stray spaces beside numbers; fake-bold headlines with every run
printed twice, or the whole line printed twice; captions in a wider column than the text; photo
news at 26-32 characters a line; a running head at the top of the page.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/]*|.", re.S)
HANGING = "，。、；：！？”’）》"
NEVER_ENDS_LINE = "“‘（《"
LATIN_END = re.compile(r"[A-Za-z0-9][，。、；：！？”）)]?$")

PAPERS = ("科技创新报", "东方科技报", "科学导报", "创新时报", "新科技日报")
WEEKDAYS = "一二三四五六日"
SECTIONS = ("区域创新", "科技前沿", "产业观察", "综合新闻", "创新驱动", "要闻")
EDITORS = ("王晓", "季明", "沈澜", "贺宁", "钟毓", "罗青")


def token_width(token: str) -> float:
    return 0.5 * len(token) if token.isascii() else 1.0


def wrap(text: str, width: int, indent: int = 0) -> list[list[str]]:
    """Break text into printed lines of `width` ems, the first `indent` ems short."""
    lines: list[list[str]] = []
    current: list[str] = []
    used, limit = 0.0, width - indent
    for token in TOKEN.findall(text):
        size = token_width(token)
        if current and used + size > limit:
            if token in HANGING and current[-1] not in HANGING:
                current.append(token)
                used += size
                continue
            carried: list[str] = []
            while current and current[-1] in NEVER_ENDS_LINE:
                carried.insert(0, current.pop())
            if size > limit and token.isascii() and not carried:
                # A Latin run longer than the line is hyphenated where it must be.
                room = int((limit - used) * 2)
                if room >= 2:
                    current.append(token[:room])
                    token, size = token[room:], token_width(token[room:])
            lines.append(current)
            current, limit = carried, width
            used = sum(token_width(piece) for piece in current)
        current.append(token)
        used += size
    if current:
        lines.append(current)
    return lines


@dataclass
class Printer:
    """Turns printed lines into extracted text, with the extractor's habits."""

    rng: random.Random
    out: list[str] = field(default_factory=list)

    def render(self, tokens: list[str], *, loose: bool = False) -> str:
        if loose:
            return " ".join(tokens)
        pieces = []
        for token in tokens:
            if token[:1].isdigit() and self.rng.random() < 0.25:
                token = (" " + token) if self.rng.random() < 0.5 else (token + " ")
            pieces.append(token)
        return "".join(pieces).strip()

    def line(self, text: str) -> None:
        ending = "\n" if LATIN_END.search(text) and self.rng.random() < 0.85 else "\n\n"
        if self.rng.random() < 0.02:
            text = " " + text
        self.out.append(text + ending)

    def glued(self, lines: list[str]) -> None:
        """Lines joined by a single newline (a heading broken over lines)."""
        for text in lines[:-1]:
            self.out.append(text + "\n")
        self.line(lines[-1])

    def block(self, text: str, width: int, indent: int) -> None:
        lines = wrap(text, width, indent)
        for number, tokens in enumerate(lines):
            limit = width - (indent if number == 0 else 0)
            used = sum(token_width(token) for token in tokens)
            last = number == len(lines) - 1
            stretched = not last and used <= limit - 1
            loose = (stretched and self.rng.random() < 0.8) or (
                not last and self.rng.random() < 0.02
            )
            self.line(self.render(tokens, loose=loose))

    def stray_blank(self) -> None:
        if self.rng.random() < 0.1:
            self.out.append(" \n\n")

    def text(self) -> str:
        return "".join(self.out)


def double_runs(text: str, rng: random.Random) -> str:
    """Fake bold as pdfminer reads it: the line cut into runs, each printed twice."""
    pieces, position = [], 0
    while position < len(text):
        size = rng.randint(1, max(1, min(12, len(text) - position)))
        run = text[position : position + size]
        pieces.append(run + run)
        position += size
    return "".join(pieces)


def printed_role(role: str | None, rng: random.Random) -> str:
    if role == "记者" and rng.random() < 0.5:
        return "本报记者"
    return role or ""


def byline_words(bylines, rng: random.Random, *, own_paper: bool = False) -> str:
    """`记者 李墨 通讯员 周钢 王健`: a role is printed once before the names that share it."""
    words, previous = [], object()
    for role, name in bylines:
        if role != previous:
            shown = printed_role(role, rng) if own_paper else (role or "")
            if shown:
                words.append(shown)
            previous = role
        words.append(name)
    return " ".join(words)


def credit_text(credit, extra, rng: random.Random) -> tuple[str, list[dict]]:
    prefix, role, name = credit
    prefix = (prefix or "").removesuffix(role)
    people = [{"role": role, "name": name}]
    words = f"{prefix or ''}{role}{name}"
    if extra:
        words += (" " if rng.random() < 0.5 else "") + f"{extra[0]}{extra[1]}"
        people.append({"role": extra[0], "name": extra[1]})
    style = rng.random()
    if style < 0.3:
        return f"■{words}摄", people
    if style < 0.6:
        spaced = f"{prefix or ''}{role} {name}" + (f" {extra[0]} {extra[1]}" if extra else "")
        return f"（{spaced} 摄）", people
    return f"{words}摄", people


def running_head(rng: random.Random, number: int) -> list[str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = f"2025年{month}月{day}日 星期{rng.choice(WEEKDAYS)}"
    paper, section, editor = rng.choice(PAPERS), rng.choice(SECTIONS), rng.choice(EDITORS)
    style = rng.randrange(4)
    if style == 0:
        return [f"{paper} {date} 第{number}版 {section} 责任编辑：{editor}"]
    if style == 1:
        return [date, section, str(number), f"责任编辑：{editor} 美术编辑：{rng.choice(EDITORS)}"]
    if style == 2:
        return [f"{number} {section}", f"{date} {paper}", f"责任编辑 {editor}"]
    return [
        f"第{number:02d}版：{section}",
        f"{paper}",
        f"{date}",
        f"责编：{editor} 校对：{rng.choice(EDITORS)}",
    ]
