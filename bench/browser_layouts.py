"""Typeset the held pages with a second program, Chromium's print engine, and score the PDF reader.

bench/pdf_layouts.py sets every page with one program (reportlab, articles/tests/typeset_pdf.py:
fake bold drawn twice, our own line breaking and justification). The reader is to be judged on
pages set by other programs, so this bench writes the same page texts as HTML + CSS in a seeded
newspaper layout (articles/tests/typeset_browser.py: a 4-8 column CSS grid, CSS multi-column
text, `text-align: justify`, `text-indent: 2em`, real bold headlines in Noto CJK, Chromium's
own line breaking, column balancing and Type 3 / CID fonts) and prints it with Chromium through
Playwright, one Chromium for every page.

The page texts, sets and seeds are pdf_layouts's: `--set dev` (held-01..08 from seed 1000 on),
`--set held-out` (held-09..16 from seed 9000 on), one seed a page (seed + round * pages +
position); the layout drawn from a seed is not pdf_layouts's (another program, other choices).

    .venv/bin/python bench/browser_layouts.py OUT_DIR [--set dev|held-out] [--rounds 3] --quick
    .venv/bin/python bench/browser_layouts.py OUT_DIR --set held-out --seed 9500 --score

Each page gives OUT/<page>-s<seed>.pdf, its expected parse (<page>-s<seed>.expected.json: the
articles that fitted, in the schema's shape, with the running head and each article's printed
box, in points from the top left, as Chromium measured it), the empty .txt score.py feeds the
command, and <page>-s<seed>.html, what Chromium was given. --quick and --score score the way
pdf_layouts does (its own functions, imported).

Regions here are scored by box containment, not by glyph centres: Chromium reports the boxes
of each printed line of an article (Range.getClientRects), not where each glyph was drawn.
An article's regions hold it when the middle line of every one of its line boxes, less
TOLERANCE points at each end, lies inside its regions and outside every other article's, and
no other article's line does the same inside its regions: pdf_layouts's test, run on points
sampled along those middle lines every quarter of a line's height.
"""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pdf_layouts
from pdf_layouts import SCORE, page_articles

from articles.tests.typeset_browser import launch, random_layout, typeset

#: Points trimmed off each end of a line box before its middle line must lie in the regions:
#: a region drawn round the glyphs' ink may stop short of the line's advance box.
TOLERANCE = 2.0


def line_points(lines) -> list[tuple[float, float]]:
    """Points along the middle of each line box (x0, top, x1, bottom), TOLERANCE in from its
    ends, at most a quarter of the line's height apart."""
    points = []
    for x0, top, x1, bottom in lines:
        middle, start, end = (top + bottom) / 2, x0 + TOLERANCE, x1 - TOLERANCE
        if end <= start:
            points.append(((x0 + x1) / 2, middle))
            continue
        steps = max(1, int((end - start) / max((bottom - top) / 4, 1.0)))
        points.extend((start + (end - start) * i / steps, middle) for i in range(steps + 1))
    return points


def make_pages(browser, out: Path, names: list[str], seed: int, rounds: int) -> dict[str, tuple]:
    """Write each page's PDF, HTML and expected parse; returns each page's articles and, for
    each, the points its regions must hold (what pdf_layouts's scoring takes as glyphs)."""
    marks = {}
    for round_number in range(rounds):
        for offset, name in enumerate(names):
            page_seed = seed + round_number * len(names) + offset
            layout = random_layout(random.Random(page_seed))
            printed = typeset(browser, page_articles(name), layout, seed=page_seed)
            stem = f"{name}-s{page_seed}"
            (out / f"{stem}.pdf").write_bytes(printed.pdf)
            (out / f"{stem}.html").write_text(printed.html)
            (out / f"{stem}.txt").write_text("")
            expected = {
                "articles": printed.articles,
                "running_head": printed.running_head,
                "blocks": printed.blocks,
                "lines": printed.lines,
                "layout": dataclasses.asdict(layout),
            }
            (out / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False))
            marks[stem] = (printed.articles, [line_points(lines) for lines in printed.lines])
    return marks


def main() -> int:
    args = pdf_layouts.arguments(__doc__.splitlines()[0]).parse_args()
    names, seed = pdf_layouts.pages_and_seed(args)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            marks = make_pages(browser, args.out, names, seed, args.rounds)
        finally:
            browser.close()
    if not (args.quick or args.score):
        return 0
    if not SCORE.exists():
        print(f"没有 {SCORE}：只生成了版面，未评分。")
        return 0
    if args.quick:
        pdf_layouts.quick(args.out, marks)
        return 0
    return pdf_layouts.score_through_import(args.out, marks)


if __name__ == "__main__":
    raise SystemExit(main())
