"""The PDF reader's glyph reading: what PDFium hands for a glyph, read as the page prints it."""

import io

from articles.pdfpage import read_pdf
from articles.tests.test_pdfpage import printed_lines, song


def type3_pdf(drawings: list[tuple[float, float, str]], size: float = 16.0) -> bytes:
    """A page in a Type 3 font of three glyphs, as Chromium writes its Noto faces: `D` is the
    two-em dash, one glyph two ems wide whose ToUnicode is `——`; `a` and `b` are 科 and 技, one
    em each. Each drawing `(x, y, codes)` is one text object (one BT … ET)."""
    procs = {
        "D": "2000 0 0 0 2000 1000 d1 0 450 2000 100 re f",
        "a": "1000 0 d0 100 0 800 800 re f",
    }
    procs["b"] = procs["a"]
    content = "".join(f"BT /T3 {size} Tf {x} {y} Td ({codes}) Tj ET\n" for x, y, codes in drawings)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        "3 beginbfchar <44> <20142014> <61> <79D1> <62> <6280> endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    charprocs = " ".join(f"/{code} {5 + index} 0 R" for index, code in enumerate(procs))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 600] /Contents 4 0 R"
        " /Resources << /Font << /T3 8 0 R >> >> >>",
        content,
        *procs.values(),
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 2000 1000]"
        " /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 68 /LastChar 98"
        " /Widths [2000" + " 0" * 28 + " 1000 1000]"
        " /Encoding << /Type /Encoding /Differences [68 /D 97 /a /b] >>"
        f" /CharProcs << {charprocs} >> /Resources << >> /ToUnicode 9 0 R >>",
        cmap,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        if body.startswith("<<"):
            out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
        else:
            data = body.encode()
            out.write(f"{number} 0 obj\n<< /Length {len(data)} >>\nstream\n".encode())
            out.write(data + b"\nendstream\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def glyph_texts(data: bytes) -> list[tuple[str, bool]]:
    """The glyphs the reader reads on a page, after its fake-bold merge, with their weight."""
    from articles.pdfpage.geometry import read_glyphs

    document = read_pdf(data)
    glyphs = read_glyphs(document.page_content(0).chars)
    document.close()
    return [(glyph.text, glyph.bold) for glyph in sorted(glyphs, key=lambda glyph: glyph.x0)]


def test_a_two_em_dash_set_as_one_glyph_reads_as_two_dashes():
    """Chromium sets —— as one glyph two ems wide whose ToUnicode is `——`; PDFium hands its two
    characters at one box. Two characters of one glyph are no fake bold: both stay, side by
    side, each in its half of the glyph."""
    assert glyph_texts(type3_pdf([(40, 500, "Dab")])) == [
        ("—", False),
        ("—", False),
        ("科", False),
        ("技", False),
    ]


def test_a_two_em_dash_drawn_twice_as_fake_bold_is_still_two_dashes():
    """The same two-em dash glyph drawn twice 0.03 em apart (a fake-bold subtitle) is one
    glyph drawn twice, standing for its two characters: `——`, neither lost nor doubled."""
    drawn = type3_pdf([(40, 500, "Dab"), (40.48, 500, "Dab")])
    assert [text for text, _ in glyph_texts(drawn)] == ["—", "—", "科", "技"]


def latin_word_broken_at_its_hyphen(pdf) -> None:
    song(pdf, 9)
    pdf.drawString(40, 500, "研究团队基于DeepSeek-")
    pdf.drawString(40, 486, "R1模型开发智能助手。")


def test_a_hyphen_breaking_a_line_is_printed_as_a_hyphen_and_no_control_character():
    """PDFium hands a hyphen ending a line as its soft-hyphen mark U+0002: the page prints a
    hyphen there, and the word joins back with it as the text path joins lines."""
    from articles.pagetext.text import join_printed_lines

    lines = printed_lines(latin_word_broken_at_its_hyphen)
    assert lines == ["研究团队基于DeepSeek-", "R1模型开发智能助手。"]
    assert join_printed_lines(lines) == "研究团队基于DeepSeek-R1模型开发智能助手。"
