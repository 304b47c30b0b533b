"""Reader of printed page PDFs: geometry -> ParsedPage with each article's regions (pure Python).

The PDF states what extracted text has lost (each glyph's font, size and position, the page's
images and rectangles); this package rebuilds the printed page from it and hands the word-level
conventions to the same assembly the text path uses (articles.pagetext).
"""

from articles.pagetext.model import ParsedPage

from .document import PdfDocument, PdfError, read_pdf

__all__ = ["PdfDocument", "PdfError", "parse_pdf", "read_pdf"]


def parse_pdf(data: bytes) -> list[ParsedPage]:
    """Every page of a PDF parsed: what a benchmark times (pages per second, no rendering)."""
    document = read_pdf(data)
    try:
        return [document.parse_page(index) for index in range(document.page_count)]
    finally:
        document.close()
