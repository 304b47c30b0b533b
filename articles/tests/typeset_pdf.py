"""A small typesetter for test page PDFs, set the way Chinese papers print, with reportlab.

It lays out given articles (page-parse dicts) in a column grid and returns the PDF with what it
printed: each article's parse and its block on the page, and the running head. Layouts vary what
a parser must not depend on: page size, faces (Debian's WenQuanYi Micro Hei and its mono cut,
and the Adobe-GB1 song face every reader has), body and headline sizes, column count and gutter,
headlines above or beside their text, kickers and subtitles, fake bold drawn twice, rules or
white space between articles, photos with captions, photo news, a running head, an ad box.
"""

from __future__ import annotations

import copy
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NO_LINE_START = "，。、；：？！）”’》%,.;:!?)"


def register_faces() -> list[str]:
    faces = []
    if WQY.exists():
        for name, index in (("WQYMicroHei", 0), ("WQYMicroHeiMono", 1)):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(WQY), subfontIndex=index))
            faces.append(name)
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    faces.append("STSong-Light")
    return faces


@dataclass
class Layout:
    page: tuple[float, float] = (770, 1100)
    columns: int = 5
    gutter: float = 1.5  # ems
    body_size: float = 10.0
    leading: float = 1.6
    body_face: str = "STSong-Light"
    head_face: str = "WQYMicroHei"
    caption_face: str = "WQYMicroHeiMono"
    head_size: float = 24.0
    caption_size: float = 8.5
    fake_bold: bool = True
    rules: bool = True
    beside: bool = False  # the second article of a band has its headline beside its text
    photo_news: bool = True
    ad: bool = True
    running_head: bool = True
    two_per_band: bool = True


@dataclass
class Printed:
    pdf: bytes
    articles: list[dict] = field(default_factory=list)
    blocks: list[tuple[float, float, float, float]] = field(default_factory=list)
    running_head: dict | None = None


class Setter:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=layout.page)
        self.width, self.height = layout.page
        self.margin = 36.0

    # Drawing, in points from the top left ------------------------------------------------

    def glyphs(self, x: float, top: float, text: str, face: str, size: float, spacing=0.0):
        """Draw text char by char from x at a line whose top is `top`; returns the end x."""
        baseline = self.height - top - size * 0.88
        self.canvas.setFont(face, size)
        for char in text:
            if char != " ":
                self.canvas.drawString(x, baseline, char)
            x += pdfmetrics.stringWidth(char, face, size) + spacing
        return x

    def bold_glyphs(self, x, top, text, face, size):
        end = self.glyphs(x, top, text, face, size)
        if self.layout.fake_bold:
            self.glyphs(x + 0.03 * size, top, text, face, size)
        return end

    def width_of(self, text: str, face: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(char, face, size) for char in text)

    def rule(self, x0, top, x1, bottom):
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.height - top, x1, self.height - bottom)

    def rect(self, x0, top, x1, bottom, fill=False):
        self.canvas.setFillGray(0.6 if fill else 1)
        self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=1, fill=int(fill))
        self.canvas.setFillGray(0)

    # Text into lines -----------------------------------------------------------------------

    def break_lines(self, text: str, width: float, face: str, size: float, indent: int):
        """Greedy breaking; a closing mark never starts a line (it hangs), a Latin word stays
        whole. Returns (line, is_last_of_paragraph, indented)."""
        lines, current, room = [], "", width - indent * size
        position = 0
        while position < len(text):
            char = text[position]
            word = char
            if char.isascii() and char.isalnum():
                end = position
                while end < len(text) and text[end].isascii() and text[end].isalnum():
                    end += 1
                word = text[position:end]
            if current and self.width_of(current + word, face, size) > room:
                if word[0] in NO_LINE_START:
                    current += word
                    position += len(word)
                    continue
                lines.append(current)
                current, room = "", width
            current += word
            position += len(word)
        if current:
            lines.append(current)
        return [(line, i == len(lines) - 1, i == 0 and indent > 0) for i, line in enumerate(lines)]

    # Articles ------------------------------------------------------------------------------

    def article_lines(self, article: dict, width: float):
        lay = self.layout
        out = []  # (text, face, size, justify, indent, centred)
        paragraphs = [dict(block) for block in article["body"]]
        bylines = article["bylines"]
        credit = byline_text(bylines)
        if article.get("dateline"):
            opening = article["dateline"] + (f"（{credit}）" if bylines else "")
            paragraphs[0]["text"] = opening + paragraphs[0]["text"]
        elif bylines and all(b["role"] for b in bylines):
            out.append(
                (
                    byline_text(bylines, own_line=True),
                    lay.caption_face,
                    lay.body_size,
                    False,
                    False,
                    False,
                )
            )
        elif bylines:
            paragraphs[-1]["text"] += f"（{credit}）"
        for block in paragraphs:
            if block["type"] == "subheading":
                out.append((block["text"], lay.head_face, lay.body_size * 1.1, False, False, True))
                continue
            for line, last, indented in self.break_lines(
                block["text"], width, lay.body_face, lay.body_size, 2
            ):
                out.append((line, lay.body_face, lay.body_size, not last, indented, False))
        return out

    def set_text(self, lines, x0: float, top: float, width: float, columns: int, gutter: float):
        lay = self.layout
        step = lay.body_size * lay.leading
        per_column = -(-len(lines) // columns)
        bottom = top
        for index, (text, face, size, justify, indented, centred) in enumerate(lines):
            column, row = divmod(index, per_column)
            x = x0 + column * (width + gutter)
            y = top + row * step
            start = x + (2 * size if indented else 0)
            if centred:
                start = x + (width - self.width_of(text, face, size)) / 2
                self.bold_glyphs(start, y, text, face, size)
            else:
                spacing = 0.0
                natural = self.width_of(text, face, size)
                room = width - (start - x)
                if justify and len(text) > 1 and natural < room:
                    spacing = (room - natural) / (len(text) - 1)
                self.glyphs(start, y, text, face, size, spacing)
            bottom = max(bottom, y + size * 1.1)
        return bottom

    def headline(self, article: dict, x0: float, top: float, width: float) -> float:
        lay = self.layout
        y = top
        title_size = lay.head_size
        while (
            self.width_of(article.get("title") or "", lay.head_face, title_size) > 2 * width
            and title_size > lay.body_size * 1.6
        ):
            title_size -= 1
        for part, ratio in (("kicker", 0.6), ("title", 1.0), ("subtitle", 0.6)):
            text = article.get(part)
            if not text:
                continue
            size = max(title_size * ratio, lay.body_size * 1.25)
            for line, _, _ in self.break_lines(text, width, lay.head_face, size, 0):
                start = x0 + (width - self.width_of(line, lay.head_face, size)) / 2
                if part == "title":
                    self.bold_glyphs(start, y, line, lay.head_face, size)
                else:
                    self.glyphs(start, y, line, lay.head_face, size)
                y += size * 1.3
        return y

    def photo(self, captions: list[str], x0, top, width, height) -> float:
        lay = self.layout
        self.rect(x0, top, x0 + width, top + height, fill=True)
        y = top + height + 0.4 * lay.caption_size
        for caption in captions:
            for line, _, _ in self.break_lines(
                caption, width, lay.caption_face, lay.caption_size, 0
            ):
                self.glyphs(x0, y, line, lay.caption_face, lay.caption_size)
                y += lay.caption_size * 1.5
        return y

    def place(self, article: dict, x0: float, top: float, span: int, beside: bool) -> float:
        """Typeset one article over `span` columns from (x0, top); returns its bottom."""
        lay = self.layout
        column, gutter = self.column_width, lay.gutter * lay.body_size
        width = span * column + (span - 1) * gutter
        if article["kind"] == "photo":
            y = top
            if article.get("title"):
                y = self.headline({"title": article["title"]}, x0, y, width)
            return self.photo(article["captions"], x0, y, width, width * 0.5)
        if beside and span > 1:
            head_bottom = self.headline(article, x0, top + 2 * lay.body_size, column)
            text_x, text_span, text_top = x0 + column + gutter, span - 1, top
        else:
            head_bottom = self.headline(article, x0, top, width)
            text_x, text_span, text_top = x0, span, head_bottom + lay.body_size
        lines = self.article_lines(article, column)
        bottom = self.set_text(lines, text_x, text_top, column, text_span, gutter)
        bottom = max(bottom, head_bottom)
        if article["captions"]:
            # One photo per caption, side by side under the text.
            count = len(article["captions"])
            photo_width = (width - (count - 1) * gutter) / count
            photo_top, photo_bottom = bottom + lay.body_size, bottom
            for index, caption in enumerate(article["captions"]):
                left = x0 + index * (photo_width + gutter)
                photo_bottom = max(
                    photo_bottom,
                    self.photo(
                        [caption], left, photo_top, photo_width, min(photo_width, 200) * 0.6
                    ),
                )
            bottom = photo_bottom
        return bottom

    @property
    def column_width(self) -> float:
        lay = self.layout
        usable = self.width - 2 * self.margin - (lay.columns - 1) * lay.gutter * lay.body_size
        return usable / lay.columns


def byline_text(bylines: list[dict], own_line: bool = False) -> str:
    parts, role = [], None
    for byline in bylines:
        if byline["role"] and byline["role"] != role:
            role = byline["role"]
            parts.append(("本报" + role) if own_line and role == "记者" else role)
        parts.append(byline["name"])
    return " ".join(parts)


def typeset(articles: list[dict], layout: Layout, *, seed: int = 0) -> Printed:
    """Lay the articles out band by band down the page, as many as fit; the rest are left out."""
    register_faces()
    setter = Setter(layout)
    rng = random.Random(seed)
    printed = Printed(b"")
    top = setter.margin
    if layout.running_head:
        head = {"date": "2026-03-05", "number": 3, "name": "区域创新"}
        setter.glyphs(setter.margin, top, "科创日报", layout.head_face, 14)
        setter.glyphs(setter.margin + 90, top + 2, "2026年3月5日  星期四", layout.body_face, 9)
        setter.glyphs(setter.width / 2 - 30, top, "区域创新", layout.head_face, 14)
        setter.glyphs(
            setter.width - setter.margin - 160, top + 2, "责任编辑：林然", layout.body_face, 9
        )
        setter.glyphs(setter.width - setter.margin - 40, top, "第3版", layout.head_face, 12)
        setter.rule(setter.margin, top + 20, setter.width - setter.margin, top + 20)
        printed.running_head = head
        top += 30
    gutter = layout.gutter * layout.body_size
    queue = [copy.deepcopy(article) for article in articles]
    if not layout.photo_news:
        queue = [article for article in queue if article["kind"] != "photo"]
    limit = setter.height - setter.margin - (160 if layout.ad else 0)
    while queue:
        pair = queue[:2] if layout.two_per_band and len(queue) > 1 else queue[:1]
        spans = [layout.columns] if len(pair) == 1 else split_columns(layout.columns, rng)
        trial = Setter(layout)
        trial_bottom = max(
            trial.place(article, 0, top, span, layout.beside and index == 1)
            for index, (article, span) in enumerate(zip(pair, spans, strict=True))
        )
        if trial_bottom > limit:
            if len(pair) == 2:
                pair, spans = pair[:1], [layout.columns]
                trial_bottom = Setter(layout).place(pair[0], 0, top, layout.columns, False)
            if trial_bottom > limit:
                break
        x = setter.margin
        for index, (article, span) in enumerate(zip(pair, spans, strict=True)):
            bottom = setter.place(article, x, top, span, layout.beside and index == 1)
            width = span * setter.column_width + (span - 1) * gutter
            printed.articles.append(article)
            printed.blocks.append((x, top, x + width, bottom))
            if layout.rules and index == 0 and len(pair) == 2:
                setter.rule(x + width + gutter / 2, top, x + width + gutter / 2, trial_bottom)
            x += width + gutter
        top = trial_bottom + 1.2 * layout.body_size
        if layout.rules:
            setter.rule(
                setter.margin,
                top - 0.6 * layout.body_size,
                setter.width - setter.margin,
                top - 0.6 * layout.body_size,
            )
        del queue[: len(pair)]
    if layout.ad:
        ad_top = max(top, setter.height - setter.margin - 150)
        setter.rect(
            setter.margin, ad_top, setter.width - setter.margin, setter.height - setter.margin
        )
        setter.glyphs(setter.margin + 40, ad_top + 30, "科技让生活更美好", layout.head_face, 36)
        setter.glyphs(setter.margin + 40, ad_top + 90, "广告", layout.body_face, 12)
    setter.canvas.showPage()
    setter.canvas.save()
    printed.pdf = setter.buffer.getvalue()
    return printed


def split_columns(columns: int, rng: random.Random) -> list[int]:
    first = rng.randint(max(1, columns // 2 - 1), max(1, columns - 2)) if columns > 2 else 1
    return [first, columns - first]
