"""Pictures of a printed page for readers (数字报): PDFium renders it, Pillow encodes WebP.

Plain Python, no Django: the importer stores what this returns, and `make bench` can time
`render_page` alone. WebP keeps a 1,600 px page of print, photos included, near 200 KB, a
sixth of the same page as PNG, and every browser the site supports shows it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2
from PIL import Image

IMAGE_WIDTH = 1600  # px: sharp body text on a wide screen, and on a phone zoomed in
THUMBNAIL_WIDTH = 400  # px: the 版面导航 strip and the article page's "where it was printed"
WEBP_QUALITY = 80


class RenderError(ValueError):
    """PDFium could not draw the page; the message says why, in one line."""


@dataclass(frozen=True)
class RenderedPage:
    pdf: bytes  # the page alone, as a one-page PDF (the file readers download)
    image: bytes  # WebP, IMAGE_WIDTH wide
    thumbnail: bytes  # WebP, THUMBNAIL_WIDTH wide
    width: int
    height: int


def render_page(data: bytes, index: int = 0) -> RenderedPage:
    """Page `index` of the PDF `data`, as readers get it: its own PDF, an image, a thumbnail."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise RenderError(f"PDF 无法渲染（{exc}）。") from exc
    try:
        if not 0 <= index < len(document):
            raise RenderError(f"PDF 没有第 {index + 1} 页。")
        page = document[index]
        width_pt = page.get_width()
        if width_pt <= 0:
            raise RenderError(f"PDF 第 {index + 1} 页宽度为零。")
        # a hair under the exact scale: PDFium rounds the bitmap's size up
        picture = page.render(scale=(IMAGE_WIDTH - 0.01) / width_pt).to_pil().convert("RGB")
        pdf = data if len(document) == 1 else _single_page(document, index)
    finally:
        document.close()
    thumbnail = picture.resize(
        (THUMBNAIL_WIDTH, max(1, round(picture.height * THUMBNAIL_WIDTH / picture.width))),
        Image.Resampling.LANCZOS,
    )
    return RenderedPage(
        pdf=pdf,
        image=_webp(picture),
        thumbnail=_webp(thumbnail),
        width=picture.width,
        height=picture.height,
    )


def _single_page(document: pypdfium2.PdfDocument, index: int) -> bytes:
    single = pypdfium2.PdfDocument.new()
    try:
        single.import_pages(document, [index])
        buffer = io.BytesIO()
        single.save(buffer)
        return buffer.getvalue()
    finally:
        single.close()


def _webp(picture) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()
