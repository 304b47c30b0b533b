"""A page set by a second program, Chromium's print engine, reads back through the PDF reader.

The bench (bench/browser_layouts.py) measures the reader on many such pages; this test keeps the
typesetter itself honest: what it says it printed is what the PDF holds, where it says.
"""

from pathlib import Path

import pytest

from articles.pdfpage import read_pdf
from articles.tests.test_pdfpage import ARTICLE, NEIGHBOUR, strip
from articles.tests.typeset_browser import (
    CHROMIUM,
    BrowserLayout,
    launch,
    missing_faces,
    typeset,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it with apt)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def test_a_page_chromium_printed_reads_back_as_typeset(browser):
    """Two articles side by side in a 4-column grid, real bold headlines, CSS multi-column
    text: the reader gets back each article's parts, and each article's printed lines lie
    inside the box the typesetter recorded for it, the two boxes apart."""
    layout = BrowserLayout(
        page=(595, 842),
        columns=4,
        body_face="Noto Serif CJK SC",
        head_face="Noto Sans CJK SC",
        caption_face="Noto Sans CJK SC",
        byline_face="Noto Sans CJK SC",
        ad=False,
        per_band=2,
    )
    missing = missing_faces(layout)
    if missing:
        pytest.skip(f"fonts not installed: {', '.join(missing)} (apt-get install fonts-noto-cjk)")
    printed = typeset(browser, [ARTICLE, NEIGHBOUR], layout, seed=3)
    assert [article["title"] for article in printed.articles] == [
        ARTICLE["title"],
        "植保无人机飞进田间",
    ]

    parsed = read_pdf(printed.pdf).parse_page(0)
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]
    for block, lines in zip(printed.blocks, printed.lines, strict=True):
        x0, top, x1, bottom = block
        assert lines
        # A line's box is its face's ascent to descent, which may be taller than its leading.
        assert all(
            x0 - 0.5 <= a and b <= x1 + 0.5 and top <= (c + d) / 2 <= bottom for a, c, b, d in lines
        )
    (left, right) = printed.blocks
    assert left[2] < right[0]
