"""The PDF page reader: bad files refused in one line; pages read from their geometry."""

import io

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


ZERO_PAGES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


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
