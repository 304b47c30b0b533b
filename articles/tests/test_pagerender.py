"""Drawing a page PDF for readers: an image 1,600 px wide, a thumbnail, the page's own PDF."""

import io

import pypdfium2
import pytest
from PIL import Image

from articles.pagerender import IMAGE_WIDTH, THUMBNAIL_WIDTH, RenderError, render_page
from articles.tests.printed_pdfs import page_pdf


def test_a_page_becomes_a_webp_image_and_thumbnail_of_the_pages_proportions():
    rendered = render_page(page_pdf(["一行正文"], photo=True))
    image = Image.open(io.BytesIO(rendered.image))
    thumbnail = Image.open(io.BytesIO(rendered.thumbnail))
    assert (image.format, image.size) == ("WEBP", (IMAGE_WIDTH, rendered.height))
    assert (thumbnail.format, thumbnail.width) == ("WEBP", THUMBNAIL_WIDTH)
    assert abs(rendered.height / rendered.width - 842 / 595) < 0.002
    assert image.convert("RGB").getpixel((int(IMAGE_WIDTH * 0.7), int(rendered.height * 0.3))) != (
        255,
        255,
        255,
    )  # the photo's box is drawn


def test_a_page_of_a_longer_pdf_keeps_a_pdf_of_that_page_alone():
    data = page_pdf(["第一页"], ["第二页"], ["第三页"])
    rendered = render_page(data, 1)
    document = pypdfium2.PdfDocument(rendered.pdf)
    assert len(document) == 1
    assert document[0].get_textpage().get_text_range().strip() == "第二页"
    single = page_pdf(["一"])
    assert render_page(single).pdf == single  # a one-page PDF is kept as it came


def test_a_missing_page_or_a_broken_file_is_one_line_saying_why():
    with pytest.raises(RenderError, match="没有第 2 页"):
        render_page(page_pdf(["一"]), 1)
    with pytest.raises(RenderError, match="无法渲染"):
        render_page(b"%PDF-1.4 broken")
