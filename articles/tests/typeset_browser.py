"""A second typesetter for test page PDFs: the page as HTML and CSS, printed by Chromium.

typeset_pdf.py draws every glyph itself with reportlab; this one writes the page the way a
web-to-print workflow does and lets Chromium's layout and print engine set it: a CSS grid of
4-8 columns with the articles as grid items spanning some of them, each article's text in CSS
multi-column (`column-count`, balanced), `text-align: justify` and `text-indent: 2em`, headlines
in a real bold weight of Noto Sans/Serif CJK (one drawing, not two), kickers and subtitles
smaller, subheadings in bold, captions in a smaller face under grey boxes or SVG rectangles,
photo news, a running head and an ad box. Chromium decides line breaks (its own kinsoku and
punctuation trimming), justification and column balancing, and writes the fonts its own way
(Noto's CFF outlines as Type 3 fonts, TrueType faces as CID fonts): what a parser tuned on
reportlab's pages has never seen.

Nothing is measured by hand: after laying the page out, Chromium is asked where each article
and each printed line of it is (`getBoundingClientRect`, `Range.getClientRects`), in CSS px
that become PDF points (x 0.75, top-left origin), and which articles fitted above the ad.

`typeset(browser, articles, layout, seed=...)` takes an open Playwright browser so a benchmark
can set many pages with one Chromium.
"""

from __future__ import annotations

import copy
import html
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache

from articles.tests.typeset_pdf import byline_text, page_furniture

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PX_TO_PT = 0.75  # CSS px are 1/96 in, PDF points 1/72 in

#: Faces by role, as local family names (Debian's fonts-noto-cjk, -wqy-*, -arphic-*):
#: headlines only in families with a real bold, so none of them is drawn twice or emboldened.
TEXT_FACES = ("Noto Serif CJK SC", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei")
HEAD_FACES = ("Noto Sans CJK SC", "Noto Serif CJK SC")
CAPTION_FACES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "AR PL UKai CN", "AR PL UMing CN")
BYLINE_FACES = ("AR PL UKai CN", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Serif CJK SC")
RUNNING_HEAD = {"date": "2026-03-05", "number": 3, "name": "区域创新"}


@cache
def installed_faces() -> frozenset[str]:
    """Every font family fontconfig knows (Chromium finds local fonts through it)."""
    try:
        listing = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return frozenset()
    return frozenset(name.strip() for line in listing.splitlines() for name in line.split(","))


@dataclass
class BrowserLayout:
    page: tuple[float, float] = (842, 1191)  # points
    margin: float = 36.0
    columns: int = 6
    gutter: float = 1.5  # in ems of the body
    body_size: float = 10.0  # points
    leading: float = 1.6
    body_tracking: float = 0.0  # letter-spacing of the body, in ems
    body_face: str = "Noto Serif CJK SC"
    head_face: str = "Noto Sans CJK SC"
    head_weight: int = 700
    head_size: float = 26.0
    head_leading: float = 1.25
    head_tracking: float = 0.0
    head_align: str = "center"  # or "left"
    kicker_ratio: float = 0.6
    caption_face: str = "Noto Sans CJK SC"
    caption_size: float = 8.0
    caption_mark: bool = False  # ▲ before an article's caption
    byline_face: str = "AR PL UKai CN"
    byline_space: str = " "  # between a role and a name on a byline's own line
    subheading_ratio: float = 1.1
    subheading_align: str = "center"
    rules: bool = True  # rules between articles, or white space alone
    column_rules: bool = False  # CSS column-rule between an article's columns
    band_white: float = 1.2  # ems between one band of articles and the next
    beside: bool = False  # a band's second article has its headline left of its text
    photo_place: str = "below"  # "below", "above" the columns, or "column" (top of the first)
    photo_svg: bool = False  # photos as <svg> rectangles rather than grey boxes
    ad: bool = True
    ad_filled: bool = False
    ad_marker: str = "广告"
    running_head: bool = True
    head_order: int = 0
    head_rule: bool = True
    per_band: int = 2  # articles side by side in a band, at most

    def faces(self) -> set[str]:
        return {self.body_face, self.head_face, self.caption_face, self.byline_face}


@dataclass
class BrowserPrinted:
    pdf: bytes
    html: str
    articles: list[dict] = field(default_factory=list)
    #: Each printed article's box (x0, top, x1, bottom) in points from the page's top left.
    blocks: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: Each printed article's line boxes, the same way: one per line of text it printed.
    lines: list[list[tuple[float, float, float, float]]] = field(default_factory=list)
    running_head: dict | None = None


def missing_faces(layout: BrowserLayout) -> list[str]:
    return sorted(layout.faces() - installed_faces())


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# The page as HTML -------------------------------------------------------------------------


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def stylesheet(lay: BrowserLayout, column: float) -> str:
    """The page's CSS; lengths in pt so that what Chromium measures maps back exactly."""
    width, height = lay.page
    gap = lay.gutter * lay.body_size
    rule = "0.5pt solid #000"
    return f"""
@page {{ size: {width}pt {height}pt; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
.page {{ position: relative; width: {width}pt; height: {height}pt; overflow: hidden; }}
.running {{ position: absolute; left: {lay.margin}pt; right: {lay.margin}pt; top: {lay.margin}pt;
  height: 22pt; display: flex; align-items: baseline; justify-content: space-between;
  font-family: '{lay.head_face}'; font-size: 9pt;
  {"border-bottom: " + rule + ";" if lay.head_rule else ""} }}
.running .big {{ font-size: 14pt; font-weight: 700; }}
.grid {{ position: absolute; left: {lay.margin}pt; width: {width - 2 * lay.margin}pt;
  display: grid; grid-template-columns: repeat({lay.columns}, 1fr); column-gap: {gap}pt;
  row-gap: 0; }}
.slot {{ position: relative; }}
.slot.ruled::before {{ content: ""; position: absolute; top: 0; bottom: 0;
  left: {-gap / 2}pt; border-left: {rule}; }}
.band-rule {{ grid-column: 1 / -1; height: 0; margin: {lay.band_white / 2 * lay.body_size}pt 0;
  {"border-top: " + rule + ";" if lay.rules else ""} }}
.head {{ font-family: '{lay.head_face}'; text-align: {lay.head_align};
  letter-spacing: {lay.head_tracking}em; margin-bottom: {0.8 * lay.body_size}pt; }}
.head p, .head h1, .head h2 {{ margin: 0; line-height: {lay.head_leading}; }}
.head h1, .head h2 {{ font-weight: {lay.head_weight}; }}
.head .kicker, .head .subtitle {{ font-weight: 400; }}
.text {{ column-count: var(--cols); column-gap: {gap}pt; column-fill: balance;
  {"column-rule: " + rule + ";" if lay.column_rules else ""}
  font-family: '{lay.body_face}'; font-size: {lay.body_size}pt; line-height: {lay.leading};
  letter-spacing: {lay.body_tracking}em; text-align: justify; }}
.text p {{ margin: 0; text-indent: 2em; }}
.text p.byline {{ text-indent: 0; text-align: left; font-family: '{lay.byline_face}'; }}
.text p.byline span {{ white-space: nowrap; }}
.text h3 {{ margin: 0.3em 0; font-family: '{lay.head_face}'; font-weight: 700;
  font-size: {lay.subheading_ratio * lay.body_size}pt; text-align: {lay.subheading_align};
  break-after: avoid; }}
.beside {{ display: grid; grid-template-columns: {column}pt 1fr; column-gap: {gap}pt; }}
.beside .head {{ margin-top: {2 * lay.body_size}pt; }}
.photos {{ display: flex; gap: {gap}pt; margin: {0.8 * lay.body_size}pt 0; }}
figure {{ margin: 0; flex: 1; break-inside: avoid; }}
.text figure {{ margin-bottom: {0.8 * lay.body_size}pt; }}
.shot {{ background: #999; width: 100%; }}
svg.shot {{ background: none; display: block; }}
figcaption {{ font-family: '{lay.caption_face}'; font-size: {lay.caption_size}pt;
  line-height: 1.5; margin-top: 0.4em; text-align: justify; }}
.ad {{ position: absolute; left: {lay.margin}pt; right: {lay.margin}pt; bottom: {lay.margin}pt;
  height: 150pt; border: 0.8pt solid #000; box-sizing: border-box;
  {"background: #d9d9d9;" if lay.ad_filled else ""} font-family: '{lay.head_face}'; }}
.ad .slogan {{ position: absolute; left: 40pt; top: 30pt; font-size: 36pt; }}
.ad .marker {{ position: absolute; left: 40pt; top: 96pt; font-size: 12pt;
  font-family: '{lay.body_face}'; }}
"""


def photo(caption: str, width: float, lay: BrowserLayout, mark: bool) -> str:
    height = round(min(width, 200) * 0.6, 1)
    if lay.photo_svg:
        shot = (
            f'<svg class="shot" viewBox="0 0 100 60" preserveAspectRatio="none" '
            f'style="height:{height}pt"><rect width="100" height="60" fill="#8c8c8c"/></svg>'
        )
    else:
        shot = f'<div class="shot" style="height:{height}pt"></div>'
    text = ("▲" if mark else "") + caption
    return f"<figure>{shot}<figcaption>{escape(text)}</figcaption></figure>"


def headline(article: dict, width: float, lay: BrowserLayout, tag: str = "h1") -> str:
    """Kicker, title, subtitle; a long title is set smaller to keep to two lines."""
    title = article.get("title") or ""
    size = lay.head_size
    while len(title) * size * (1 + lay.head_tracking) > 2 * width and size > lay.body_size * 1.6:
        size -= 1
    small = max(size * lay.kicker_ratio, lay.body_size * 1.25)
    parts = []
    if article.get("kicker"):
        parts.append(
            f'<p class="kicker" style="font-size:{small}pt">{escape(article["kicker"])}</p>'
        )
    if title:
        parts.append(f'<{tag} style="font-size:{size}pt">{escape(title)}</{tag}>')
    if article.get("subtitle"):
        parts.append(
            f'<p class="subtitle" style="font-size:{small}pt">{escape(article["subtitle"])}</p>'
        )
    return f'<header class="head">{"".join(parts)}</header>' if parts else ""


def text_blocks(article: dict, lay: BrowserLayout) -> list[str]:
    """The body as printed: the dateline and credit opening the first paragraph, bylines on
    their own line, or the credit closing the last paragraph (the rules typeset_pdf follows)."""
    paragraphs = [dict(block) for block in article["body"]]
    bylines, out = article["bylines"], []
    credit = byline_text(bylines)
    if article.get("dateline"):
        paragraphs[0]["text"] = (
            article["dateline"] + (f"（{credit}）" if bylines else "") + paragraphs[0]["text"]
        )
    elif bylines and all(b["role"] for b in bylines):
        # The line breaks between a role and a name, never inside one.
        words = byline_text(bylines, own_line=True).split(" ")
        line = lay.byline_space.join(f"<span>{escape(word)}</span>" for word in words)
        out.append(f'<p class="byline">{line}</p>')
    elif bylines:
        paragraphs[-1]["text"] += f"（{credit}）"
    for block in paragraphs:
        tag = "h3" if block["type"] == "subheading" else "p"
        out.append(f"<{tag}>{escape(block['text'])}</{tag}>")
    return out


def article_html(article: dict, span: int, lay: BrowserLayout, column: float, beside: bool):
    gap = lay.gutter * lay.body_size
    width = span * column + (span - 1) * gap
    if article["kind"] == "photo":
        head = headline({"title": article.get("title")}, width, lay, "h2")
        height = round(min(width * 0.5, 0.22 * lay.page[1]), 1)
        shot = f'<div class="shot" style="height:{height}pt"></div>'
        captions = "".join(f"<figcaption>{escape(c)}</figcaption>" for c in article["captions"])
        return f'<article class="art photo">{head}<figure>{shot}{captions}</figure></article>'
    beside = beside and span > 1
    text_span = span - 1 if beside else span
    text_width = text_span * column + (text_span - 1) * gap
    head = headline(article, column if beside else width, lay)
    captions = article["captions"]
    blocks = text_blocks(article, lay)
    above = below = ""
    if captions and lay.photo_place == "column":
        blocks = [photo(c, column, lay, lay.caption_mark) for c in captions] + blocks
    elif captions:
        each = (text_width - (len(captions) - 1) * gap) / len(captions)
        shots = "".join(photo(c, each, lay, lay.caption_mark) for c in captions)
        if lay.photo_place == "above":
            above = f'<div class="photos">{shots}</div>'
        else:
            below = f'<div class="photos">{shots}</div>'
    text = f'<div class="text" style="--cols:{text_span}">{"".join(blocks)}</div>'
    if beside:
        return f'<article class="art beside">{head}<div>{above}{text}{below}</div></article>'
    return f'<article class="art">{head}{above}{text}{below}</article>'


def running_head_html(lay: BrowserLayout) -> str:
    """The 眉头 in one of three arrangements: paper, date, 版名, editor, 版次."""
    date = "2026年3月5日　星期四"
    parts = [
        ['<span class="big">科创日报</span>', date, '<span class="big">区域创新</span>',
         "责任编辑：林然", '<span class="big">第3版</span>'],
        ['<span class="big">第3版</span>', '<span class="big">区域创新</span>', date,
         "责编：林然　美编：周一"],
        [date, '<span class="big">科创日报</span>', "第3版：区域创新"],
    ][lay.head_order % 3]  # fmt: skip
    return f'<header class="running">{"".join(f"<span>{p}</span>" for p in parts)}</header>'


def bands(articles: list[dict], lay: BrowserLayout, column: float, rng: random.Random):
    """Each band's spans, articles taken in order: as a make-up editor does, an article is
    given about as many columns as keep them at least six lines deep (a photo item two to four),
    a band takes articles while their columns fit (at most `per_band`), and the columns left
    over go to its articles at random, none spread thinner than four lines a column (what is
    still left stays white)."""
    per_line = column / (lay.body_size * (1 + lay.body_tracking))
    wanted, widest = [], []
    for article in articles:
        if article["kind"] == "photo":
            wanted.append(min(lay.columns, rng.randint(2, 4)))
            widest.append(min(lay.columns, wanted[-1] + 2))
            continue
        lines = sum(len(block["text"]) / per_line + 0.5 for block in article["body"])
        wanted.append(max(2, min(lay.columns, int(lines / 6))))
        widest.append(max(wanted[-1], min(lay.columns, int(lines / 4))))
    index = 0
    while index < len(articles):
        first, spans = index, [wanted[index]]
        index += 1
        while (
            index < len(articles)
            and len(spans) < min(lay.per_band, 3)
            and sum(spans) + wanted[index] <= lay.columns
        ):
            spans.append(wanted[index])
            index += 1
        for _ in range(lay.columns - sum(spans)):
            room = [i for i, span in enumerate(spans) if span < widest[first + i]]
            if room:
                spans[rng.choice(room)] += 1
        yield spans


def page_html(articles: list[dict], lay: BrowserLayout, rng: random.Random) -> str:
    """Every article in bands down the grid (the page's JS then drops what does not fit)."""
    gap = lay.gutter * lay.body_size
    column = (lay.page[0] - 2 * lay.margin - (lay.columns - 1) * gap) / lay.columns
    rows, row, index = [], 1, 0
    for spans in bands(articles, lay, column, rng):
        start = 1
        for position, span in enumerate(spans):
            article = articles[index]
            ruled = " ruled" if lay.rules and position else ""
            body = article_html(article, span, lay, column, lay.beside and position == 1)
            rows.append(
                f'<div class="slot{ruled}" data-index="{index}" data-band="{row}" '
                f'data-span="{span}" style="grid-row:{row}; grid-column:{start} / span {span}">'
                f"{body}</div>"
            )
            start += span
            index += 1
        rows.append(f'<div class="band-rule" data-band="{row}" style="grid-row:{row + 1}"></div>')
        row += 2
    top = lay.margin + (34 if lay.running_head else 0)
    ad = ""
    if lay.ad:
        ad = (
            '<div class="ad"><span class="slogan">科技让生活更美好</span>'
            f'<span class="marker">{escape(lay.ad_marker)}</span></div>'
        )
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f'<style>{stylesheet(lay, column)}</style></head><body><div class="page">'
        f"{running_head_html(lay) if lay.running_head else ''}"
        f'<div class="grid" style="top:{top}pt">{"".join(rows)}</div>{ad}</div></body></html>'
    )


# Fitting and measuring, in the page ------------------------------------------------------

#: Drops the bands that reach below `limit` (px); a band that does not fit is tried once with
#: its first article alone across the page, as a make-up editor would. Then returns, for each
#: article still printed, its index, its box and the boxes of its lines of text.
FIT_AND_MEASURE = """
([limit, columns]) => {
  const slots = [...document.querySelectorAll('.slot')];
  const bottom = (el) => el.firstElementChild.getBoundingClientRect().bottom;
  for (const band of [...new Set(slots.map((s) => +s.dataset.band))]) {
    const members = slots.filter((s) => +s.dataset.band === band);
    if (Math.max(...members.map(bottom)) <= limit) continue;
    members.slice(1).forEach((s) => { s.style.display = 'none'; });
    const first = members[0];
    first.style.gridColumn = '1 / -1';
    first.classList.remove('ruled');
    const text = first.querySelector('.text');
    const cols = columns - (first.querySelector('.beside') ? 1 : 0);
    if (text) text.style.setProperty('--cols', String(cols));
    if (bottom(first) > limit) first.style.display = 'none';
    document.querySelectorAll('[data-band]').forEach((el) => {
      if (+el.dataset.band > band) el.style.display = 'none';
    });
    break;
  }
  const boxes = (rects) => [...rects].filter((r) => r.width > 0 && r.height > 0)
    .map((r) => [r.left, r.top, r.right, r.bottom]);
  return slots.filter((s) => s.style.display !== 'none').map((slot) => {
    const article = slot.firstElementChild;
    const lines = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      lines.push(...boxes(range.getClientRects()));
    }
    const box = article.getBoundingClientRect();
    return {index: +slot.dataset.index, box: [box.left, box.top, box.right, box.bottom], lines};
  });
}
"""


def typeset(browser, articles: list[dict], layout: BrowserLayout, *, seed: int = 0):
    """Print the articles on one page with Chromium; the ones that do not fit are left out."""
    rng = random.Random(seed)
    queue = [copy.deepcopy(article) for article in articles]
    source = page_html(queue, layout, rng)
    width, height = layout.page
    page = browser.new_page(
        viewport={"width": round(width / PX_TO_PT), "height": round(height / PX_TO_PT)}
    )
    try:
        page.emulate_media(media="print")
        page.set_content(source)
        page.evaluate("document.fonts.ready")
        limit = height - layout.margin - (150 + layout.body_size if layout.ad else 0)
        measured = page.evaluate(FIT_AND_MEASURE, [limit / PX_TO_PT, layout.columns])
        pdf = page.pdf(
            width=f"{width / PX_TO_PT}px",
            height=f"{height / PX_TO_PT}px",
            print_background=True,
            prefer_css_page_size=True,
        )
    finally:
        page.close()

    def points(box):
        return tuple(round(value * PX_TO_PT, 2) for value in box)

    printed = BrowserPrinted(pdf=pdf, html=source)
    printed.running_head = dict(RUNNING_HEAD) if layout.running_head else None
    for item in measured:
        printed.articles.append(queue[item["index"]])
        printed.blocks.append(points(item["box"]))
        printed.lines.append([points(line) for line in item["lines"]])
    return printed


def random_layout(rng: random.Random) -> BrowserLayout:
    """A layout drawn from the seed, among the faces installed."""
    have = installed_faces()

    def face(choices):
        return rng.choice([name for name in choices if name in have] or list(choices))

    page = rng.choice([(842, 1191), (792, 1134), (935, 1300), (770, 1100)])
    body_size = rng.choice([9.0, 9.5, 10.0, 10.5, 11.0])
    gutter = rng.choice([1.0, 1.25, 1.5, 2.0])
    margin = rng.choice([30.0, 36.0, 42.0])
    usable = page[0] - 2 * margin
    # 9 to 20 characters a column, as papers set them.
    fits = [
        n for n in range(4, 9) if 9 <= (usable - (n - 1) * gutter * body_size) / n / body_size <= 20
    ]
    return BrowserLayout(
        page=page,
        margin=margin,
        columns=rng.choice(fits or [6]),
        gutter=gutter,
        body_size=body_size,
        leading=rng.choice([1.4, 1.5, 1.6, 1.75, 1.8]),
        body_tracking=rng.choice([0.0, 0.0, 0.0, 0.02, 0.05]),
        body_face=face(TEXT_FACES),
        head_face=face(HEAD_FACES),
        head_weight=rng.choice([700, 700, 900]),
        head_size=rng.choice([20, 22, 24, 28, 32, 36]),
        head_leading=rng.choice([1.15, 1.25, 1.4]),
        head_tracking=rng.choice([0.0, 0.0, 0.05, 0.1]),
        head_align=rng.choice(["center", "center", "left"]),
        kicker_ratio=rng.choice([0.5, 0.6, 0.7]),
        caption_face=face(CAPTION_FACES),
        caption_size=min(rng.choice([7.0, 7.5, 8.0, 8.5]), body_size - 1),
        caption_mark=rng.random() < 0.3,
        byline_face=face(BYLINE_FACES),
        byline_space=rng.choice([" ", "\u3000"]),
        subheading_ratio=rng.choice([1.0, 1.1, 1.2]),
        subheading_align=rng.choice(["center", "left"]),
        rules=rng.random() < 0.6,
        column_rules=rng.random() < 0.3,
        band_white=rng.choice([1.0, 1.5, 2.0, 2.5]),
        beside=rng.random() < 0.3,
        photo_place=rng.choice(["below", "above", "column"]),
        photo_svg=rng.random() < 0.5,
        **page_furniture(rng),
        per_band=rng.choice([2, 3, 3]),
    )
