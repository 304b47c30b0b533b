"""Opening a PDF with pypdfium2 (PDFium) and refusing the ones that hold no page text."""

from __future__ import annotations

import ctypes
import io
import threading
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from articles.pagetext.model import ParsedPage

#: PDFium is not thread-safe: one lock for every call into it.
PDFIUM_LOCK = threading.Lock()
BOLD_WEIGHT = 600
#: What PDFium hands for a hyphen it takes for a line-end break: its own mark U+0002 or the
#: soft hyphen U+00AD (FPDFText_IsHyphen says so too).
PDFIUM_HYPHENS = ("\x02", "\xad")
#: A dash that one glyph prints as several: the two- and three-em dashes are the 破折号 (and
#: its longer form) set as one glyph; the text spells them in em dashes, as they are typed.
DASH_GLYPHS = {"\u2e3a": "\u2014\u2014", "\u2e3b": "\u2014\u2014\u2014"}


class PdfError(ValueError):
    """The PDF cannot be read as printed pages; the one-line message says why."""


@dataclass
class PageContent:
    """What a page prints, in points from its top left: glyphs, path bounds and images."""

    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    #: (x0, top, x1, bottom, stroked, filled with a colour other than white)
    paths: list[tuple[float, float, float, float, bool, bool]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)


class PdfDocument:
    """An opened PDF: its page count and sizes, and each page's parse on demand."""

    def __init__(self, pdf: pdfium.PdfDocument) -> None:
        self._pdf = pdf

    @property
    def page_count(self) -> int:
        return len(self._pdf)

    def _check(self, index: int) -> None:
        if not 0 <= index < self.page_count:
            raise PdfError(f"PDF 没有第 {index + 1} 页 (the PDF has {self.page_count} pages)")

    def page_size(self, index: int) -> tuple[float, float]:
        self._check(index)
        with PDFIUM_LOCK:
            width, height = self._pdf[index].get_size()
        return float(width), float(height)

    def page_content(self, index: int) -> PageContent:
        self._check(index)
        with PDFIUM_LOCK:
            return read_content(self._pdf[index])

    def parse_page(self, index: int) -> ParsedPage:
        from .layout import parse_content

        return parse_content(self.page_content(index))

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._pdf.close()


def read_pdf(data: bytes) -> PdfDocument:
    """Open a PDF given as bytes; PdfError with a one-line reason when it is not a readable one."""
    if not data:
        raise PdfError("PDF 文件为空 (the PDF file is empty)")
    if data.lstrip()[:5] != b"%PDF-":
        raise PdfError("不是 PDF 文件 (the file does not start like a PDF)")
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if counts_no_pages(data):
                raise PdfError("PDF 没有页面 (the PDF has no pages)") from error
            if "password" in str(error).lower():
                raise PdfError("PDF 已加密，无法读取 (the PDF is encrypted)") from error
            raise PdfError("PDF 已损坏或不完整 (the PDF is corrupt or truncated)") from error
        if len(pdf) == 0:
            raise PdfError("PDF 没有页面 (the PDF has no pages)")
        if not any(has_text(pdf[index]) for index in range(len(pdf))):
            raise PdfError(
                "PDF 没有文字层，可能是扫描件；本系统不做 OCR"
                " (the PDF has no text layer: a scan? OCR is not done)"
            )
    return PdfDocument(pdf)


def counts_no_pages(data: bytes) -> bool:
    """PDFium refuses a PDF without pages as malformed; pdfminer tells it is only empty."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        return next(PDFPage.create_pages(document), None) is None
    except Exception:  # noqa: BLE001 - any failure here means the file is broken after all
        return False


def has_text(page) -> bool:
    textpage = page.get_textpage()
    return any(
        not chr(pdfium_c.FPDFText_GetUnicode(textpage, i)).isspace()
        for i in range(pdfium_c.FPDFText_CountChars(textpage))
    )


def printed_text(code: int, hyphen: bool) -> str:
    """The characters a glyph prints, no control character among them.

    A hyphen PDFium marks as a line-end break (U+0002, U+00AD, its hyphen flag) prints a
    hyphen: Chinese print breaks a Latin word only where it holds one (DeepSeek-/R1; no
    automatic hyphenation), so the word joins back with it, as the text path joins a line
    ending in `-` to the next with nothing between (`DeepSeek-R1`). Any other control
    character prints nothing.
    """
    text = chr(code)
    if hyphen or text in PDFIUM_HYPHENS:
        return "-"
    if unicodedata.category(text) == "Cc":
        return ""
    return DASH_GLYPHS.get(text, text)


def share_glyph_boxes(chars: list[dict], glyph_keys: list[tuple]) -> None:
    """Give each character of one glyph its share of the glyph's box, left to right.

    A glyph standing for several characters (a ligature, the two-em dash ——, a ToUnicode
    mapping one glyph to two characters) comes from PDFium as consecutive characters of one
    text object at one origin, one box each: they are not a glyph drawn twice (fake bold is
    two drawings, two text objects or two origins), so each is given its part of the box and
    the characters stand side by side as a typesetter drawing them one by one sets them.
    """
    start = 0
    while start < len(chars):
        end = start + 1
        while end < len(chars) and glyph_keys[end] == glyph_keys[start]:
            end += 1
        if end - start > 1:
            left, right = chars[start]["x0"], chars[start]["x1"]
            share = (right - left) / (end - start)
            for part, char in enumerate(chars[start:end]):
                char["x0"], char["x1"] = left + part * share, left + (part + 1) * share
        start = end


def read_content(page) -> PageContent:
    width, height = page.get_size()
    content = PageContent(float(width), float(height))
    textpage = page.get_textpage()
    box = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    glyph_keys: list[tuple] = []
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1 or code in (0, 0xFFFE, 0xFFFF):
            continue
        text = printed_text(code, pdfium_c.FPDFText_IsHyphen(textpage, index) == 1)
        if not text or text.isspace():
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, origin_x, origin_y)
        pdfium_c.FPDFText_GetFontInfo(textpage, index, name, len(name), flags)
        text_object = ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p)
        key = (text_object.value, origin_x.value, origin_y.value, box.left, box.right)
        for character in text:
            glyph_keys.append(key)
            content.chars.append(
                {
                    "text": character,
                    "x0": box.left,
                    "x1": box.right,
                    "top": height - box.top,
                    "bottom": height - box.bottom,
                    "baseline": height - origin_y.value,
                    "size": pdfium_c.FPDFText_GetFontSize(textpage, index),
                    "fontname": name.value.decode("latin-1"),
                    "bold": pdfium_c.FPDFText_GetFontWeight(textpage, index) >= BOLD_WEIGHT,
                }
            )
    share_glyph_boxes(content.chars, glyph_keys)
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for obj in page.get_objects():
        left, bottom, right, top = obj.get_bounds()
        bounds = (left, height - top, right, height - bottom)
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.images.append(bounds)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill_mode, stroke)
            filled = fill_mode.value != 0
            if filled and pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha):
                white = min(red.value, green.value, blue.value) >= 247 or alpha.value == 0
                filled = not white
            content.paths.append((*bounds, bool(stroke.value), filled))
    return content
