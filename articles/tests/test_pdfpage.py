"""The PDF page reader: bad files refused in one line; pages read from their geometry."""

import difflib
import io
import json
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

from articles.pagetext.model import ParsedArticle, ParsedPage, Region, RunningHead
from articles.pdfpage import PdfError, read_pdf


def drawn_pdf(draw=None, *, encrypt=None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(400, 600), encrypt=encrypt)
    if draw:
        draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def with_text(pdf) -> None:
    pdf.drawString(50, 500, "Hello")


def zero_page_pdf() -> bytes:
    buffer = io.BytesIO()
    pdfium.PdfDocument.new().save(buffer)
    return buffer.getvalue()


ZERO_PAGES = zero_page_pdf()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"hello, this is text", "does not start like a PDF"),
        (drawn_pdf(with_text)[:300], "corrupt or truncated"),
        (drawn_pdf(with_text, encrypt="secret"), "encrypted"),
        (drawn_pdf(lambda pdf: pdf.rect(50, 50, 300, 400, fill=1)), "no text layer"),
        (ZERO_PAGES, "no pages"),
    ],
    ids=["empty", "not-pdf", "truncated", "encrypted", "scan", "zero-pages"],
)
def test_a_bad_pdf_is_refused_with_one_line_saying_why(data, reason):
    with pytest.raises(PdfError) as refused:
        read_pdf(data)
    message = str(refused.value)
    assert reason in message
    assert "\n" not in message


def test_a_readable_pdf_tells_its_pages_and_their_size():
    document = read_pdf(drawn_pdf(with_text))
    assert document.page_count == 1
    assert document.page_size(0) == (400, 600)
    with pytest.raises(PdfError):
        document.parse_page(1)


def test_regions_and_running_head_are_printed_only_when_known():
    article = ParsedArticle(title="标题")
    assert "regions" not in article.to_dict()
    assert "running_head" not in ParsedPage([article]).to_dict()
    article.regions = [Region(0.1, 0.2, 0.3, 0.4)]
    page = ParsedPage([article], running_head=RunningHead(number=3, name="要闻"))
    data = page.to_dict()
    assert data["articles"][0]["regions"] == [{"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.4}]
    assert data["running_head"] == {"date": None, "number": 3, "name": "要闻"}


SHARED_PDF_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "pdf-pages"


def shared_pages():
    if not (SHARED_PDF_PAGES / "manifest.json").exists():
        return []
    return sorted(SHARED_PDF_PAGES.glob("*.pdf"))


def inside(region, x, y, width, height) -> bool:
    return (
        region.x * width <= x <= (region.x + region.w) * width
        and region.y * height <= y <= (region.y + region.h) * height
    )


@pytest.mark.skipif(not shared_pages(), reason="../shared/pdf-pages is not beside the project")
@pytest.mark.parametrize("path", shared_pages(), ids=lambda path: path.stem)
def test_each_article_region_holds_its_printed_characters_and_no_other_articles(path):
    """Against the manifest's printed blocks: every character printed in an item's block lies
    in that article's regions, and in no other article's."""
    manifest = json.loads((SHARED_PDF_PAGES / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest[path.stem]
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    document = read_pdf(path.read_bytes())
    parsed = document.parse_page(0)
    width, height = document.page_size(0)
    blocks = {block["item"]: block for block in entry["blocks"]}
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
    predicted = [article.to_dict() for article in parsed.articles]
    for item, gold in zip(entry["text_order"], expected["articles"], strict=True):
        block = blocks[item]
        article = parsed.articles[best_match(gold, predicted)]
        printed = [
            ((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)
            for c in chars
            if block["x"] <= (c["x0"] + c["x1"]) / 2 <= block["x"] + block["w"]
            and block["y"] <= (c["top"] + c["bottom"]) / 2 <= block["y"] + block["h"]
        ]
        assert printed
        for x, y in printed:
            assert any(inside(r, x, y, width, height) for r in article.regions), (item, x, y)
            for other in parsed.articles:
                if other is not article:
                    assert not any(inside(r, x, y, width, height) for r in other.regions)


def best_match(gold: dict, predicted: list[dict]) -> int:
    text = squeeze(gold["title"] or "") + "".join(squeeze(b["text"]) for b in gold["body"])
    text += "".join(squeeze(c) for c in gold["captions"])

    def overlap(candidate: dict) -> float:
        other = squeeze(candidate["title"] or "")
        other += "".join(squeeze(b["text"]) for b in candidate["body"])
        other += "".join(squeeze(c) for c in candidate["captions"])
        return difflib.SequenceMatcher(None, text, other, autojunk=False).ratio()

    return max(range(len(predicted)), key=lambda index: overlap(predicted[index]))


def squeeze(text: str) -> str:
    return "".join(text.split())
