"""Reader of printed page PDFs: geometry -> ParsedPage with each article's regions (pure Python).

The PDF states what extracted text has lost (each glyph's font, size and position, the page's
images and rectangles); this package rebuilds the printed page from it and hands the word-level
conventions to the same assembly the text path uses (articles.pagetext).
"""

from .document import PdfDocument, PdfError, read_pdf

__all__ = ["PdfDocument", "PdfError", "read_pdf"]
