"""Opening a PDF with pdfplumber (pdfminer.six) and refusing the ones that hold no page text."""

from __future__ import annotations

import io
import logging

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from articles.pagetext.model import ParsedPage


class PdfError(ValueError):
    """The PDF cannot be read as printed pages; the one-line message says why."""


class PdfDocument:
    """An opened PDF: its page count and sizes, and each page's parse on demand."""

    def __init__(self, pdf: pdfplumber.PDF, data: bytes) -> None:
        self._pdf = pdf
        self._data = data

    @property
    def page_count(self) -> int:
        return len(self._pdf.pages)

    def page_size(self, index: int) -> tuple[float, float]:
        page = self._page(index)
        return float(page.width), float(page.height)

    def _page(self, index: int):
        if not 0 <= index < self.page_count:
            raise PdfError(f"PDF 没有第 {index + 1} 页 (the PDF has {self.page_count} pages)")
        return self._pdf.pages[index]

    def parse_page(self, index: int) -> ParsedPage:
        from .layout import parse_pdf_page

        self._page(index)
        return parse_pdf_page(self._data, index)

    def close(self) -> None:
        self._pdf.close()


def read_pdf(data: bytes) -> PdfDocument:
    """Open a PDF given as bytes; PdfError with a one-line reason when it is not a readable one."""
    if not data:
        raise PdfError("PDF 文件为空 (the PDF file is empty)")
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("不是 PDF 文件 (the file does not start like a PDF)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
            page_count = len(pdf.pages)
        except PdfminerException as wrapped:
            cause = wrapped.args[0] if wrapped.args else wrapped
            raise cause if isinstance(cause, Exception) else wrapped from wrapped
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise PdfError("PDF 已加密，无法读取 (the PDF is encrypted)") from error
    except (PDFSyntaxError, PSException) as error:
        raise PdfError(f"PDF 已损坏或不完整 (the PDF is corrupt or truncated: {error})") from error
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        raise PdfError(
            f"PDF 已损坏或不完整 (the PDF is corrupt or truncated: {type(error).__name__})"
        ) from error
    if page_count == 0:
        raise PdfError("PDF 没有页面 (the PDF has no pages)")
    if not any(page.chars for page in pdf.pages):
        raise PdfError(
            "PDF 没有文字层，可能是扫描件；本系统不做 OCR"
            " (the PDF has no text layer: a scan? OCR is not done)"
        )
    return PdfDocument(pdf, data)
