"""Compose pages from the texts: choose how each item is printed, write its expected parse."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .layout import (
    HANGING,
    NEVER_ENDS_LINE,
    TOKEN,
    Printer,
    byline_words,
    credit_text,
    double_runs,
    running_head,
    wrap,
)


@dataclass
class Page:
    text: str
    expected: dict
    width: int
    features: list[list[str]] = field(default_factory=list)  # per expected item


def headline_lines(title: str, rng: random.Random) -> list[str]:
    """A headline fits its box on one line, or is broken over two: the first line fills the
    box (so it is at least as long as the second), and no line ends on an opening mark or
    starts with a closing one, nor breaks inside a Latin word or a number, as in any printed
    line. A title with no such place left to break it is set on one line."""
    if len(title) <= 8 or rng.random() < 0.6:
        return [title]
    cut = rng.randint((len(title) + 1) // 2, len(title) - 2)
    while cut < len(title) and not may_break_headline(title, cut):
        cut += 1
    if cut == len(title):
        return [title]
    return [title[:cut], title[cut:]]


def may_break_headline(title: str, cut: int) -> bool:
    inside_word = any(m.start() < cut < m.end() for m in TOKEN.finditer(title))
    return title[cut - 1] not in NEVER_ENDS_LINE and title[cut] not in HANGING and not inside_word


def print_headline(printer: Printer, lines: list[str], face: str, rng: random.Random) -> None:
    for text in lines:
        if face == "runs":
            printer.line(double_runs(text, rng))
        elif face == "whole":
            printer.line(text + text)
        elif face == "twice":
            printer.line(text)
            printer.line(text)
        else:
            printer.line(text)


def article_item(text: dict, width: int, rng: random.Random, *, after_allowed: bool):
    """Print one article; returns (emit, expected, features) where emit prints it."""
    features: list[str] = []
    face = rng.choices(["runs", "whole", "twice", "plain"], [0.35, 0.15, 0.1, 0.4])[0]
    bold = face != "plain"
    features.append("headline_" + face)
    kicker = text["kicker"] if text.get("kicker") and rng.random() < 0.8 else None
    if kicker:
        marked = not bold or rng.random() < 0.5
        kicker = kicker + "：" if marked else kicker
        features.append("kicker" if marked else "kicker_unmarked")
    subtitle = text["subtitle"] if text.get("subtitle") and rng.random() < 0.85 else None
    if subtitle:
        if not subtitle.startswith("——") and (not bold or rng.random() < 0.5):
            subtitle = "——" + subtitle
        features.append("subtitle" if subtitle.startswith("——") else "subtitle_unmarked")
    title_lines = headline_lines(text["title"], rng)
    if len(title_lines) > 1:
        features.append("headline_broken")
    form = text["form"]
    after = after_allowed and form in ("dateline", "standalone") and rng.random() < 0.3
    if after:
        features.append("headline_after")
    features.append("byline_" + form)

    blocks = []
    for part in text["paragraphs"]:
        if isinstance(part, tuple):
            blocks.append(("sub", part[1]))
        else:
            blocks.append(("para", part))
    keep_subheadings = rng.random() < 0.75
    if not keep_subheadings:
        blocks = [block for block in blocks if block[0] != "sub"]
    elif any(block[0] == "sub" for block in blocks):
        features.append("subheading")
    captions = list(text.get("captions") or []) if rng.random() < 0.75 else []
    caption_place = "end"
    if captions:
        caption_place = "end" if rng.random() < 0.65 else "middle"
        features.append("caption_" + caption_place)
    caption_width = rng.randint(width + 3, max(width + 4, min(2 * width + 1, 34)))

    expected_body = []
    for kind, words in blocks:
        if kind == "sub" and expected_body and expected_body[-1]["type"] == "subheading":
            expected_body[-1]["text"] += words
        else:
            expected_body.append(
                {"type": "paragraph" if kind == "para" else "subheading", "text": words}
            )
    expected = {
        "kind": "article",
        "kicker": kicker,
        "title": text["title"],
        "subtitle": subtitle,
        "dateline": text["dateline"] if form == "dateline" else None,
        "bylines": [{"role": role, "name": name} for role, name in text["bylines"]],
        "body": expected_body,
        "captions": [caption.lstrip("▲") for caption in captions],
        "organisations": [
            {"name": name, "aliases": aliases, "accept": accept}
            for name, aliases, accept in text.get("orgs") or []
        ],
        "organisations_optional": list(text.get("optional") or []),
    }
    if form == "none":
        expected["bylines"] = []

    def emit_headline(printer: Printer) -> None:
        if kicker:
            printer.line(kicker)
        print_headline(printer, title_lines, face, rng)
        if subtitle:
            printer.line(subtitle)

    def emit_captions(printer: Printer) -> None:
        for caption in captions:
            printer.block(caption, caption_width, 0)

    def emit(printer: Printer) -> None:
        if not after:
            emit_headline(printer)
        if form == "standalone":
            words = byline_words(text["bylines"], rng, own_paper=True)
            if rng.random() < 0.5:
                words = "■" + words
            if rng.random() < 0.5:
                printer.line(words)
            else:
                for tokens in wrap(words, width):
                    printer.line("".join(tokens).strip())
        paragraphs = list(blocks)
        first_paragraph = True
        middle_after = 1 if len(paragraphs) > 2 else None
        paragraph_count = 0
        for index, (kind, words) in enumerate(paragraphs):
            if kind == "sub":
                pieces = wrap(words, width) if len(words) > width else [[words]]
                lines = ["".join(piece) for piece in pieces]
                nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
                if len(lines) > 1 or (nxt and nxt[0] == "sub" and rng.random() < 0.5):
                    for line in lines:
                        printer.out.append(line + "\n")
                    if not (nxt and nxt[0] == "sub"):
                        printer.out[-1] += "\n"
                else:
                    printer.line(lines[0])
                continue
            if first_paragraph and form == "dateline":
                who = byline_words(text["bylines"], rng)
                words = f"{text['dateline']}（{who}）{words}" if who else text["dateline"] + words
            first_paragraph = False
            last_paragraph = all(kind2 != "para" for kind2, _ in paragraphs[index + 1 :])
            if last_paragraph and form == "trailing":
                who = byline_words(text["bylines"], rng)
                words = f"{words}（{who}）"
            printer.block(words, width, 2)
            paragraph_count += 1
            if caption_place == "middle" and paragraph_count == middle_after:
                emit_captions(printer)
        if caption_place == "end" or (caption_place == "middle" and middle_after is None):
            emit_captions(printer)
        if after:
            emit_headline(printer)
        printer.stray_blank()

    return emit, expected, features


def photo_item(text: dict, rng: random.Random):
    features = ["photo"]
    width = rng.randint(26, 32)
    title = text["title"] if text.get("title") and rng.random() < 0.85 else None
    face = rng.choice(["runs", "plain", "plain"]) if title else None
    if title:
        features.append("photo_title")
    sentences = list(text["caption"])
    picture = text.get("picture")
    credit, people = (None, [])
    if text.get("credit"):
        credit, people = credit_text(text["credit"], text.get("credit2"), rng)
    if not picture and not credit:
        picture = "图为现场。"
    own_line_picture = picture and rng.random() < 0.5
    credit_own_line = credit and rng.random() < 0.4
    caption = "".join(sentences) + (picture or "") + (credit or "")
    expected = {
        "kind": "photo",
        "kicker": None,
        "title": title,
        "subtitle": None,
        "dateline": None,
        "bylines": people,
        "body": [],
        "captions": [caption],
        "organisations": [
            {"name": name, "aliases": aliases, "accept": accept}
            for name, aliases, accept in text.get("orgs") or []
        ],
        "organisations_optional": [],
    }

    def emit(printer: Printer) -> None:
        if title:
            print_headline(printer, [title], face, rng)
        lead = "".join(sentences)
        tail = ""
        if own_line_picture:
            printer.block(lead, width, 0)
            tail = picture
        else:
            lead += picture or ""
            if not credit_own_line:
                lead += credit or ""
            printer.block(lead, width, 0)
        if own_line_picture:
            if not credit_own_line:
                tail += credit or ""
            printer.block(tail, width, 0)
        if credit_own_line:
            printer.line(credit)
        printer.stray_blank()

    return emit, expected, features


def compose(articles, photos, width: int, seed: int) -> Page:
    """One page: a running head (often), two or three articles and often a photo item."""
    rng = random.Random(seed)
    printer = Printer(rng)
    chosen = rng.sample(articles, rng.choice([2, 2, 3]))
    items = [("article", text) for text in chosen]
    if photos and rng.random() < 0.7:
        items.insert(rng.randint(0, len(items)), ("photo", rng.choice(photos)))
    if rng.random() < 0.7:
        for line in running_head(rng, rng.randint(1, 12)):
            printer.line(line)
    emits, expected, features = [], [], []
    for position, (kind, text) in enumerate(items):
        if kind == "photo":
            emit, gold, feats = photo_item(text, rng)
        else:
            # A headline set after its body needs something before it on the page.
            emit, gold, feats = article_item(text, width, rng, after_allowed=position > 0)
        emits.append(emit)
        expected.append(gold)
        features.append(feats)
    for emit in emits:
        emit(printer)
    return Page(printer.text(), {"articles": expected}, width, features)
