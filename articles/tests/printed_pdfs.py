"""Small page PDFs typeset here with reportlab and a Debian CJK font, and a parse fixed by the
test, for the tests of what is built around the PDF reader (import, storage, the 数字报).

The reader itself is tested in test_pdfpage; here its parse is replaced by the one a test
states, so a test says exactly which articles and regions the importer receives."""

from __future__ import annotations

import copy
import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from articles import importing
from articles.pagetext.model import Block, Byline, ParsedArticle, ParsedPage, Region, RunningHead

FONT = "WenQuanYi"
FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PAGE_SIZE = (595, 842)  # A4, in points


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_FILE, subfontIndex=0))
    return FONT


def page_pdf(*pages: list[str], encrypt=None, photo=False) -> bytes:
    """A PDF of one page per argument, each line of text set 14 pt apart from the top."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE_SIZE, encrypt=encrypt)
    for lines in pages or (["本报讯 一行正文。"],):
        pdf.setFont(_font(), 10)
        if photo:
            pdf.setFillColorRGB(0.3, 0.5, 0.7)
            pdf.rect(300, 500, 250, 180, fill=1, stroke=0)
            pdf.setFillColorRGB(0, 0, 0)
        for number, line in enumerate(lines):
            pdf.drawString(40, PAGE_SIZE[1] - 40 - 14 * number, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def parsed_article(title, *, regions, body="本报讯 一行正文。", kind="article", name="李墨"):
    return ParsedArticle(
        kind=kind,
        title=title,
        dateline="本报讯",
        bylines=[Byline("记者", name)],
        body=[Block("paragraph", body)],
        regions=[Region(*region) for region in regions],
    )


def parsed_page(*articles, date=None, number=None, name=None) -> ParsedPage:
    head = RunningHead(date, number, name) if (date or number or name) else None
    return ParsedPage(list(articles), running_head=head)


def fix_parse(monkeypatch, pages: dict[int, ParsedPage]) -> None:
    """Every PDF read by the importer parses its page N (0-based) as `pages[N]`; the file is
    still opened and checked by the real reader."""
    real_read = importing.read_pdf

    def read(data):
        document = real_read(data)
        document.parse_page = lambda index: copy.deepcopy(pages[index])
        return document

    monkeypatch.setattr(importing, "read_pdf", read)
