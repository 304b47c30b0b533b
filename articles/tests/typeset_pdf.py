"""A small typesetter for test page PDFs, set the way Chinese papers print, with reportlab.

It lays out given articles (page-parse dicts) in a column grid and returns the PDF with what it
printed: each article's parse, its block on the page and the centre of every glyph it drew for
it, and the running head. Layouts vary what a parser must not depend on: page size, faces
(Debian's WenQuanYi Micro Hei and Zen Hei, AR PL UMing (明体) and UKai (楷体), and the
Adobe-GB1 song face every reader has), body, headline and caption sizes, column count, gutter
and leading, headlines above or beside their text (centred or flush left), kickers and
subtitles, fake bold drawn twice, rules or white space between articles, photos above, inset
in or under an article's columns (the columns running on below the photo), captions with or
without ▲, photo news, running heads of several orders, ad boxes stroked or filled.

A face whose font file is not installed is not offered (`available_faces()`); a test that
needs one skips (`missing_faces(layout)`).
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

NO_LINE_START = "，。、；：？！）”’》%,.;:!?)"
#: Registered name -> (font file, index in the collection); Debian packages in the comments.
FONT_FILES = {
    "WQYMicroHei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # fonts-wqy-microhei
    "WQYMicroHeiMono": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 1),
    "WQYZenHei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # fonts-wqy-zenhei
    "UMingCN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # fonts-arphic-uming
    "UKaiCN": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),  # fonts-arphic-ukai
}
#: Adobe's CID song face: readers carry it, so nothing is embedded.
CID_FACES = ("STSong-Light",)
#: Faces by role, as Chinese papers use them: 宋/明 for text, 黑 for headlines and captions,
#: 楷 for bylines and some captions.
TEXT_FACES = ("STSong-Light", "UMingCN", "WQYMicroHeiMono", "WQYZenHei")
HEAD_FACES = ("WQYMicroHei", "WQYZenHei", "UMingCN", "STSong-Light")
CAPTION_FACES = ("WQYMicroHeiMono", "WQYMicroHei", "UKaiCN", "WQYZenHei")
BYLINE_FACES = ("UKaiCN", "WQYMicroHeiMono", "STSong-Light")
AD_MARKERS = ("广告", "本报宣", "公益广告")


def page_furniture(rng: random.Random) -> dict:
    """An ad box and a running head drawn from the seed (Layout's ad and running head fields),
    as likely on pages of either typesetter."""
    return {
        "ad": rng.random() < 0.6,
        "ad_filled": rng.random() < 0.4,
        "ad_marker": rng.choice(AD_MARKERS),
        "running_head": rng.random() < 0.8,
        "head_order": rng.randint(0, 2),
        "head_rule": rng.random() < 0.8,
    }


def available_faces() -> list[str]:
    """Every face whose font is installed, registered with reportlab."""
    faces = []
    for name, (path, index) in FONT_FILES.items():
        if Path(path).exists():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
            faces.append(name)
    for name in CID_FACES:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(name))
        faces.append(name)
    return faces


def register_faces() -> list[str]:
    return available_faces()


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
    byline_face: str | None = None  # a byline on its own line; the caption face when None
    head_size: float = 24.0
    kicker_ratio: float = 0.6  # kicker and subtitle, in the title's size
    head_align: str = "centre"  # or "left"
    caption_size: float = 8.5
    caption_mark: bool = False  # ▲ before an article's caption
    fake_bold: bool = True
    rules: bool = True
    beside: bool = False  # the second article of a band has its headline beside its text
    beside_first: bool = False  # and the first too
    photo_place: str = "below"  # an article's photo: "below", "above" or "inset" its columns
    photo_news: bool = True
    ad: bool = True
    ad_filled: bool = False
    ad_marker: str = "广告"
    running_head: bool = True
    head_order: int = 0  # which of the running head's arrangements
    head_rule: bool = True
    two_per_band: bool = True
    three_per_band: bool = False
    # What another typesetting program does otherwise (the defaults are this one's):
    bold_offset: float = 0.03  # fake bold's second drawing, in ems to the right
    bold_rise: float = 0.0  # and up
    band_white: float = 1.2  # ems of white between one band of articles and the next
    head_leading: float = 1.3  # a headline's lines, in its size
    head_tracking: float = 0.0  # letter space in headlines, in ems
    subheading_ratio: float = 1.1  # a subheading's size, in the body's
    byline_space: str = " "  # between a role and a name on a byline's own line (or "\u3000")


@dataclass
class Printed:
    pdf: bytes
    articles: list[dict] = field(default_factory=list)
    blocks: list[tuple[float, float, float, float]] = field(default_factory=list)
    running_head: dict | None = None
    #: Centres (x, y from the top) of every glyph drawn for each article, in its order.
    glyphs: list[list[tuple[float, float]]] = field(default_factory=list)


def missing_faces(layout: Layout) -> list[str]:
    wanted = {layout.body_face, layout.head_face, layout.caption_face, layout.byline_face}
    have = set(available_faces())
    return sorted(face for face in wanted if face and face not in have)


class Setter:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=layout.page)
        self.width, self.height = layout.page
        self.margin = 36.0
        self.marks: list[tuple[float, float]] | None = None

    # Drawing, in points from the top left ------------------------------------------------

    def glyphs(self, x: float, top: float, text: str, face: str, size: float, spacing=0.0):
        """Draw text char by char from x at a line whose top is `top`; returns the end x."""
        baseline = self.height - top - size * 0.88
        self.canvas.setFont(face, size)
        for char in text:
            advance = pdfmetrics.stringWidth(char, face, size)
            if char != " ":
                self.canvas.drawString(x, baseline, char)
                if self.marks is not None:
                    self.marks.append((x + advance / 2, top + size / 2))
            x += advance + spacing
        return x

    def bold_glyphs(self, x, top, text, face, size, spacing=0.0):
        marks, end = self.marks, self.glyphs(x, top, text, face, size, spacing)
        if self.layout.fake_bold:
            self.marks = None
            rise = self.layout.bold_rise * size
            self.glyphs(x + self.layout.bold_offset * size, top - rise, text, face, size, spacing)
            self.marks = marks
        return end

    def width_of(self, text: str, face: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(char, face, size) for char in text)

    def rule(self, x0, top, x1, bottom):
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.height - top, x1, self.height - bottom)

    def rect(self, x0, top, x1, bottom, fill=False, grey=0.6, stroke=True):
        self.canvas.setFillGray(grey if fill else 1)
        self.canvas.rect(
            x0, self.height - bottom, x1 - x0, bottom - top, stroke=int(stroke), fill=int(fill)
        )
        self.canvas.setFillGray(0)

    # Text into lines -----------------------------------------------------------------------

    def break_lines(self, text: str, width: float, face: str, size: float, indent: int):
        """Greedy breaking; a Latin word stays whole; no line starts with a space; a closing
        mark never starts a line: one hangs past the edge (标点悬挂), a second takes the word
        before it to the next line.
        Returns (line, is_last_of_paragraph, indented)."""
        words, position = [], 0
        while position < len(text):
            end = position + 1
            if text[position].isascii() and text[position].isalnum():
                while end < len(text) and text[end].isascii() and text[end].isalnum():
                    end += 1
            words.append(text[position:end])
            position = end
        lines, current, room = [], [], width - indent * size
        for word in words:
            if word == " " and not current and lines:
                continue  # a line never starts with a space
            if current and self.width_of("".join(current) + word, face, size) > room:
                fits = self.width_of("".join(current), face, size) <= room + 0.01
                if word[0] in NO_LINE_START and fits:
                    current.append(word)
                    continue
                carried = []
                if word[0] in NO_LINE_START and len(current) > 1:
                    carried = [current.pop()]
                lines.append("".join(current))
                current, room = carried, width
                if word == " " and not current:
                    continue
            current.append(word)
        if current:
            lines.append("".join(current))
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
            # A byline's line breaks between a role and a name, never inside one.
            face, line = lay.byline_face or lay.caption_face, ""
            for word in byline_text(bylines, own_line=True).split(" "):
                joined = f"{line}{lay.byline_space}{word}" if line else word
                if line and self.width_of(joined, face, lay.body_size) > width:
                    out.append((line, face, lay.body_size, False, False, False))
                    joined = word
                line = joined
            out.append((line, face, lay.body_size, False, False, False))
        elif bylines:
            paragraphs[-1]["text"] += f"（{credit}）"
        for block in paragraphs:
            if block["type"] == "subheading":
                size = lay.body_size * lay.subheading_ratio
                for line, _, _ in self.break_lines(block["text"], width, lay.head_face, size, 0):
                    out.append((line, lay.head_face, size, False, False, True))
                continue
            for line, last, indented in self.break_lines(
                block["text"], width, lay.body_face, lay.body_size, 2
            ):
                out.append((line, lay.body_face, lay.body_size, not last, indented, False))
        return out

    def set_text(self, lines, columns: list[tuple[float, float]], width: float):
        """Lines poured into columns (each its left edge and top), filled one after another
        to a common depth as short as holds them all; returns where the columns end."""
        lay = self.layout
        step = lay.body_size * lay.leading
        deepest = max(top for _, top in columns)
        depth = deepest
        while sum(max(0, int((depth - top) / step + 1e-6)) for _, top in columns) < len(lines):
            depth += step / 4
        bottom = min(top for _, top in columns)
        index = 0
        for x, top in columns:
            rows = max(0, int((depth - top) / step + 1e-6))
            for row in range(rows):
                if index >= len(lines):
                    break
                text, face, size, justify, indented, centred = lines[index]
                index += 1
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
        for part, ratio in (("kicker", lay.kicker_ratio), ("title", 1.0), ("subtitle", None)):
            text = article.get(part)
            if not text:
                continue
            size = max(title_size * (ratio or lay.kicker_ratio), lay.body_size * 1.25)
            # Letter-spaced lines are broken as if their characters were that much wider.
            spacing = lay.head_tracking * size
            room = width / (1 + lay.head_tracking)
            for line, _, _ in self.break_lines(text, room, lay.head_face, size, 0):
                start = x0
                if lay.head_align == "centre":
                    natural = self.width_of(line, lay.head_face, size)
                    start += (width - natural - spacing * (len(line) - 1)) / 2
                if part == "title":
                    self.bold_glyphs(start, y, line, lay.head_face, size, spacing)
                else:
                    self.glyphs(start, y, line, lay.head_face, size, spacing)
                y += size * lay.head_leading
        return y

    def photo(self, captions: list[str], x0, top, width, height, mark=False) -> float:
        lay = self.layout
        self.rect(x0, top, x0 + width, top + height, fill=True, stroke=False)
        y = top + height + 0.4 * lay.caption_size
        for caption in captions:
            text = ("▲" + caption) if mark else caption
            for line, _, _ in self.break_lines(text, width, lay.caption_face, lay.caption_size, 0):
                self.glyphs(x0, y, line, lay.caption_face, lay.caption_size)
                y += lay.caption_size * 1.5
        return y

    def photos(self, captions: list[str], x0, top, width, gutter) -> float:
        """One photo per caption, side by side; returns where the lowest caption ends."""
        count = len(captions)
        photo_width = (width - (count - 1) * gutter) / count
        bottom = top
        for index, caption in enumerate(captions):
            left = x0 + index * (photo_width + gutter)
            bottom = max(
                bottom,
                self.photo(
                    [caption],
                    left,
                    top,
                    photo_width,
                    min(photo_width, 200) * 0.6,
                    self.layout.caption_mark,
                ),
            )
        return bottom

    def place(self, article: dict, x0: float, top: float, span: int, beside: bool) -> float:
        """Typeset one article over `span` columns from (x0, top); returns its bottom."""
        lay = self.layout
        column, gutter = self.column_width, lay.gutter * lay.body_size
        width = span * column + (span - 1) * gutter
        if article["kind"] == "photo":
            y = top
            if article.get("title"):
                y = self.headline({"title": article["title"]}, x0, y, width)
            height = min(width * 0.5, 0.22 * self.height)
            return self.photo(article["captions"], x0, y, width, height)
        if beside and span > 1:
            head_bottom = self.headline(article, x0, top + 2 * lay.body_size, column)
            text_x, text_span, text_top = x0 + column + gutter, span - 1, top
        else:
            head_bottom = self.headline(article, x0, top, width)
            text_x, text_span, text_top = x0, span, head_bottom + lay.body_size
        text_width = text_span * column + (text_span - 1) * gutter
        lines = self.article_lines(article, column)
        captions = article["captions"]
        tops = [text_top] * text_span
        lefts = [text_x + index * (column + gutter) for index in range(text_span)]
        if captions and lay.photo_place == "above":
            text_top = self.photos(captions, text_x, text_top, text_width, gutter) + lay.body_size
            tops = [text_top] * text_span
            captions = []
        elif captions and lay.photo_place == "inset" and text_span >= 2:
            # The photo over the first columns; those columns run on below it (when the text
            # is long enough to fill them: a compositor leaves no column empty).
            covered = max(1, text_span // 2)
            photo_width = covered * column + (covered - 1) * gutter
            trial = Setter(lay)
            photo_bottom = trial.photos(captions, text_x, text_top, photo_width, gutter)
            depth = len(lines) * lay.body_size * lay.leading / text_span
            if photo_bottom - text_top > 0.6 * depth:
                text_top = self.photos(captions, text_x, text_top, text_width, gutter)
                text_top += lay.body_size
                photo_bottom = text_top - lay.body_size
                covered = 0
            else:
                photo_bottom = self.photos(captions, text_x, text_top, photo_width, gutter)
            tops = [photo_bottom + lay.body_size] * covered + [text_top] * (text_span - covered)
            captions = []
        bottom = self.set_text(lines, list(zip(lefts, tops, strict=True)), column)
        bottom = max(bottom, head_bottom)
        if captions:
            bottom = self.photos(captions, x0, bottom + lay.body_size, width, gutter)
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


def running_head(setter: Setter, top: float) -> dict:
    """The 眉头 in one of several arrangements: paper, date, 版名, editor, 版次."""
    lay = setter.layout
    left, right = setter.margin, setter.width - setter.margin
    face, small = lay.head_face, lay.body_face
    head = {"date": "2026-03-05", "number": 3, "name": "区域创新"}
    if lay.head_order == 0:
        setter.glyphs(left, top, "科创日报", face, 14)
        setter.glyphs(left + 90, top + 2, "2026年3月5日  星期四", small, 9)
        setter.glyphs(setter.width / 2 - 30, top, "区域创新", face, 14)
        setter.glyphs(right - 160, top + 2, "责任编辑：林然", small, 9)
        setter.glyphs(right - 40, top, "第3版", face, 12)
    elif lay.head_order == 1:
        setter.glyphs(left, top, "第3版", face, 12)
        setter.glyphs(left + 50, top, "区域创新", face, 14)
        setter.glyphs(setter.width / 2 - 40, top + 2, "2026年3月5日 星期四", small, 9)
        setter.glyphs(right - 150, top + 2, "责编：林然  美编：周一", small, 8)
    else:
        label = "科创日报"
        setter.glyphs(setter.width / 2 - setter.width_of(label, face, 16) / 2, top, label, face, 16)
        setter.glyphs(left, top + 4, "2026年3月5日 星期四", small, 9)
        setter.glyphs(right - 110, top + 4, "第3版：区域创新", small, 10)
    if lay.head_rule:
        setter.rule(left, top + 20, right, top + 20)
    return head


def typeset(articles: list[dict], layout: Layout, *, seed: int = 0) -> Printed:
    """Lay the articles out band by band down the page, as many as fit; the rest are left out."""
    register_faces()
    setter = Setter(layout)
    rng = random.Random(seed)
    printed = Printed(b"")
    top = setter.margin
    if layout.running_head:
        printed.running_head = running_head(setter, top)
        top += 30
    gutter = layout.gutter * layout.body_size
    queue = [copy.deepcopy(article) for article in articles]
    if not layout.photo_news:
        queue = [article for article in queue if article["kind"] != "photo"]
    limit = setter.height - setter.margin - (160 if layout.ad else 0)
    while queue:
        per_band = 1
        if layout.two_per_band and len(queue) > 1:
            per_band = 3 if layout.three_per_band and len(queue) > 2 and layout.columns >= 6 else 2
        pair = queue[:per_band]
        spans = split_columns(layout.columns, len(pair), rng)

        def beside(index: int) -> bool:
            return (layout.beside and index == 1) or (layout.beside_first and index == 0)

        trial = Setter(layout)
        trial_bottom = max(
            trial.place(article, 0, top, span, beside(index))
            for index, (article, span) in enumerate(zip(pair, spans, strict=True))
        )
        if trial_bottom > limit:
            if len(pair) > 1:
                pair, spans = pair[:1], [layout.columns]
                trial_bottom = Setter(layout).place(pair[0], 0, top, layout.columns, beside(0))
            if trial_bottom > limit:
                break
        x = setter.margin
        for index, (article, span) in enumerate(zip(pair, spans, strict=True)):
            setter.marks = []
            bottom = setter.place(article, x, top, span, beside(index))
            width = span * setter.column_width + (span - 1) * gutter
            printed.articles.append(article)
            printed.blocks.append((x, top, x + width, bottom))
            printed.glyphs.append(setter.marks)
            setter.marks = None
            if layout.rules and index < len(pair) - 1:
                setter.rule(x + width + gutter / 2, top, x + width + gutter / 2, trial_bottom)
            x += width + gutter
        top = trial_bottom + layout.band_white * layout.body_size
        if layout.rules:
            middle = top - layout.band_white / 2 * layout.body_size
            setter.rule(setter.margin, middle, setter.width - setter.margin, middle)
        del queue[: len(pair)]
    if layout.ad:
        ad_top = max(top, setter.height - setter.margin - 150)
        right, bottom = setter.width - setter.margin, setter.height - setter.margin
        setter.rect(setter.margin, ad_top, right, bottom, fill=layout.ad_filled, grey=0.85)
        setter.glyphs(setter.margin + 40, ad_top + 30, "科技让生活更美好", layout.head_face, 36)
        setter.glyphs(setter.margin + 40, ad_top + 90, layout.ad_marker, layout.body_face, 12)
    setter.canvas.showPage()
    setter.canvas.save()
    printed.pdf = setter.buffer.getvalue()
    return printed


def split_columns(columns: int, count: int, rng: random.Random) -> list[int]:
    """`count` spans of at least one column each, summing to `columns`."""
    if count == 1:
        return [columns]
    if count == 2:
        first = rng.randint(max(1, columns // 2 - 1), max(1, columns - 2)) if columns > 2 else 1
        return [first, columns - first]
    cuts = sorted(rng.sample(range(2, columns - 1), count - 1)) if columns > count + 1 else []
    if len(cuts) != count - 1:
        base = columns // count
        return [base] * (count - 1) + [columns - base * (count - 1)]
    edges = [0, *cuts, columns]
    return [later - earlier for earlier, later in zip(edges, edges[1:], strict=False)]
