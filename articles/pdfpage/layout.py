"""The printed page rebuilt from its glyphs' geometry."""

from __future__ import annotations

import io

from pdfminer.high_level import extract_text

from articles.pagetext.model import ParsedPage
from articles.pagetext.parser import parse_page


def parse_pdf_page(data: bytes, index: int) -> ParsedPage:
    """For now the text path over pdfminer's text; the geometry-based reading replaces it."""
    return parse_page(extract_text(io.BytesIO(data), page_numbers=[index]))
