"""The PDF page reader: bad files refused in one line; pages read from their geometry."""

import datetime
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


# Conventions, each on a small page typeset for the test ----------------------------------------

ARTICLE = {
    "kind": "article",
    "kicker": "海东：",
    "title": "牦牛戴上电子耳标",
    "subtitle": "全市五万头牦牛年内接入云上牧场",
    "dateline": "本报讯",
    "bylines": [{"role": "记者", "name": "马晓兰"}, {"role": "通讯员", "name": "韩青"}],
    "body": [
        {
            "type": "paragraph",
            "text": "走进互助县的一处高原牧场，每头牦牛的耳朵上都挂着一枚小小的电子耳标，"
            "牧民打开手机就能看到牛群的位置和体温。",
        },
        {"type": "subheading", "text": "十分钟上报一次"},
        {
            "type": "paragraph",
            "text": "这套系统由当地一家信息技术公司开发，耳标每隔十分钟上报一次数据，"
            "一旦发现体温异常，系统会第一时间向牧民和兽医推送提醒。",
        },
    ],
    "captions": ["图为牧民查看手机上的牛群位置"],
    "organisations": [],
}
NEIGHBOUR = {
    "kind": "article",
    "kicker": None,
    "title": "植保无人机飞进田间",
    "subtitle": None,
    "dateline": None,
    "bylines": [{"role": None, "name": "周梅"}],
    "body": [
        {
            "type": "paragraph",
            "text": "连日来，永和镇的稻田上空，一架架植保无人机往来穿梭，"
            "一天能完成过去二十个人的喷洒作业量。",
        }
    ],
    "captions": [],
    "organisations": [],
}


def typeset_page(articles, **layout):
    """The articles typeset in the layout; the test skips where a face it needs is missing
    (CI installs fonts-wqy-microhei; a fresh clone elsewhere may not have it)."""
    from articles.tests.typeset_pdf import FONT_FILES, Layout, missing_faces, typeset

    chosen = Layout(**layout)
    missing = missing_faces(chosen)
    if missing:
        files = ", ".join(FONT_FILES[face][0] for face in missing if face in FONT_FILES)
        pytest.skip(f"font not installed: {files} (apt-get install fonts-wqy-microhei)")
    printed = typeset(articles, chosen, seed=3)
    return printed, read_pdf(printed.pdf).parse_page(0)


def strip(article):
    data = article.to_dict() if hasattr(article, "to_dict") else dict(article)
    return {key: data[key] for key in ("kind", "kicker", "title", "subtitle", "dateline")} | {
        "bylines": data["bylines"],
        "body": [(b["type"], squeeze(b["text"])) for b in data["body"]],
        "captions": [squeeze(c) for c in data["captions"]],
    }


@pytest.mark.parametrize(
    "layout",
    [
        {"fake_bold": True, "rules": True, "columns": 4, "gutter": 1.0},
        {"fake_bold": False, "rules": False, "columns": 5, "gutter": 2.0, "body_size": 9.0},
        {"beside": True, "columns": 6, "page": (842, 1191), "body_face": "WQYMicroHeiMono"},
        {"beside_first": True, "head_align": "left", "kicker_ratio": 0.5, "rules": False},
        {"running_head": True, "head_order": 2, "head_rule": False, "ad_filled": True},
    ],
    ids=[
        "fake-bold-ruled",
        "plain-white-space",
        "headline-beside",
        "headline-left-of-text",
        "head-without-rule",
    ],
)
def test_a_typeset_page_reads_back_as_printed(layout):
    """Kicker, title and subtitle by size; the dateline and bylines; paragraphs by their indent
    and justified lines without spaces; the subheading by its face; the caption under its photo,
    a headline left of its text; a running head with no rule under it."""
    printed, parsed = typeset_page([ARTICLE, NEIGHBOUR], **layout)
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]


@pytest.mark.parametrize(
    "layout",
    [
        {"photo_place": "above", "rules": False, "caption_mark": True},
        {"photo_place": "inset", "columns": 4, "gutter": 1.0},
    ],
    ids=["photo-under-headline", "columns-below-photo"],
)
def test_a_photo_between_headline_and_columns_is_the_articles(layout):
    """A photo set under the headline (the headline reaches its columns through it and its
    caption) or inset in the columns (those columns run on below it), its ▲ dropped."""
    long_article = dict(ARTICLE, body=ARTICLE["body"] + NEIGHBOUR["body"] * 3)
    printed, parsed = typeset_page([long_article], **layout)
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]


PHOTO_NEWS = {
    "kind": "photo",
    "kicker": None,
    "title": "智能温室里的番茄丰收",
    "subtitle": None,
    "dateline": None,
    "bylines": [{"role": "记者", "name": "刘洋"}],
    "body": [],
    "captions": [
        "3月2日，在寿光市的一座智能温室里，工人正在采摘番茄。这座温室由物联网系统调控温度、"
        "湿度和光照，番茄亩产比传统大棚提高了三成。记者 刘洋 摄"
    ],
    "organisations": [],
}


def test_photo_news_ends_at_its_caption_and_the_text_under_it_is_the_next_articles():
    """A photo news item (headline, photo, a caption telling its news) is read as one item;
    the columns under its caption belong to the headline set beside them, not to the photo."""
    printed, parsed = typeset_page(
        [ARTICLE, PHOTO_NEWS, NEIGHBOUR],
        beside_first=True,
        rules=False,
        two_per_band=False,
        columns=5,
    )
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]


def test_photo_news_beside_an_articles_photo_is_its_own_item():
    """Two photos side by side under two headlines on one baseline: the one whose caption
    tells news is photo news under its own headline, not the neighbouring article's photo."""
    printed, parsed = typeset_page(
        [ARTICLE, PHOTO_NEWS, NEIGHBOUR], photo_place="above", columns=4, rules=False, head_size=32
    )
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]


def test_a_column_cut_by_a_subheading_after_a_short_line_still_reaches_the_next_column():
    """A column opens with a paragraph's short closing line, then a subheading: that part is as
    wide as its column, and the column beside it is the same article's."""
    printed, parsed = typeset_page(
        [ARTICLE, NEIGHBOUR], beside_first=True, rules=False, columns=4, two_per_band=False
    )
    assert [strip(a) for a in parsed.articles] == [strip(a) for a in printed.articles]


def song(pdf, size: float) -> None:
    """Set reportlab's built-in 宋体 (a CID font every reportlab carries)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf.setFont("STSong-Light", size)


def columns(pdf, text: str, x: float, baseline: float, rows: int, count: int, leading: float):
    """The same line set in `count` columns 100 pt apart, `rows` lines deep."""
    for row in range(rows):
        for column in range(count):
            pdf.drawString(x + column * 100, baseline - row * leading, text)


def picture(pdf, x: float, y: float, width: float, height: float) -> None:
    """A photo as the reader knows it: a filled grey rectangle, then black ink again."""
    pdf.setFillGray(0.6)
    pdf.rect(x, y, width, height, stroke=0, fill=1)
    pdf.setFillGray(0)


def column_with_a_mark_where_short_lines_end(pdf) -> None:
    song(pdf, 9)
    lines = [
        "研究团队完成了新一代载天线仿真。",
        "有关负责人表示将继续实施“算力券”政策，支持中小企业",
        "中小企业可以低成本使用超算资源。",
        "这一政策已经惠及三百多家企业和高校",
    ]
    for row, text in enumerate(lines):
        for position, char in enumerate(text):
            pdf.drawString(40 + position * 9.33, 500 - row * 14, char)


def test_a_closing_mark_inside_a_column_is_no_column_edge_where_short_lines_end_under_it():
    """Short closing lines above and below ending where a mark stands make no gutter there
    when another line of the column prints right across it: the line reads on unbroken."""
    page = read_pdf(drawn_pdf(column_with_a_mark_where_short_lines_end)).parse_page(0)
    text = "".join(article.plain_text() for article in page.articles)
    assert "实施“算力券”政策，支持中小企业中小企业可以" in text


def headline_beside_columns_over_the_next_headline(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 500, "福州数字经济产业")
    pdf.drawString(40, 482, "园新签约项目")
    song(pdf, 9)
    columns(pdf, "连日来永和镇稻田上空", 190, 506, rows=3, count=2, leading=14)
    song(pdf, 28)
    pdf.drawString(40, 445, "智慧农机助力三夏")
    song(pdf, 9)
    columns(pdf, "在河南省滑县的一块麦", 40, 415, rows=4, count=3, leading=14)


def test_two_headlines_stacked_with_little_white_and_no_rule_stay_two_articles():
    """A headline beside its columns, the next band's larger headline just under it: no
    column of text reaches into one headline's box, so they are two titles, not kicker and
    title; the lower one, over its own columns, takes none of the text above it."""
    page = read_pdf(drawn_pdf(headline_beside_columns_over_the_next_headline)).parse_page(0)
    assert [(a.kicker, a.title, a.plain_text()[-10:]) for a in page.articles] == [
        (None, "福州数字经济产业园新签约项目", "连日来永和镇稻田上空"),
        (None, "智慧农机助力三夏", "在河南省滑县的一块麦"),
    ]


def article_photo_beside_photo_news(pdf) -> None:
    song(pdf, 18)
    pdf.drawString(40, 542, "牦牛戴上电子耳标")
    pdf.drawString(262, 542, "智能温室番茄丰收")
    song(pdf, 9)
    columns(pdf, "走进互助县的高原牧场", 40, 520, rows=7, count=2, leading=13)
    picture(pdf, 36, 340, 204, 100)
    picture(pdf, 262, 470, 140, 60)
    song(pdf, 7.5)
    pdf.drawString(36, 330, "图为牧民查看手机上的牛群位置")
    caption = (
        "3月2日在寿光市的一座智能温室里工人正在采摘番茄这座温室由物联网系统调控温度湿度"
        "和光照番茄亩产比传统大棚提高了三成记者刘洋摄"
    )
    for start in range(0, len(caption), 18):
        pdf.drawString(262, 460 - start // 18 * 10, caption[start : start + 18])


def test_a_news_caption_captions_only_the_picture_nearest_it():
    """Photo news beside an article's photo: its long caption, facing both pictures, is the
    nearest one's; the article keeps its own photo and caption."""
    page = read_pdf(drawn_pdf(article_photo_beside_photo_news)).parse_page(0)
    assert [(a.kind, a.title, len(a.captions)) for a in page.articles] == [
        ("article", "牦牛戴上电子耳标", 1),
        ("photo", "智能温室番茄丰收", 1),
    ]
    assert page.articles[0].captions == ["图为牧民查看手机上的牛群位置"]


def headline_over_its_photo_beside_the_next_articles_columns(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(50, 550, "高校科技成果")
    pdf.drawString(40, 526, "转化驶入快车道")
    pdf.drawString(250, 552, "湘江装备进入中试")
    picture(pdf, 40, 412, 140, 100)
    song(pdf, 7)
    pdf.drawString(40, 402, "图为签约现场。记者何佳摄")
    song(pdf, 9)
    columns(pdf, "七月九日浙江工业大学技术转移", 40, 385, rows=4, count=1, leading=14)
    columns(pdf, "湖南省科技厅了解", 194, 522, rows=4, count=2, leading=14)


def test_a_headline_centred_over_its_photo_takes_no_text_beside_it():
    """A headline set over the photo under it (题图) stands over its article: the column
    beside its second line, nearer it than the next headline over that column, is the next
    article's."""
    draw = headline_over_its_photo_beside_the_next_articles_columns
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("湖南省科技厅")) for a in page.articles] == [
        ("高校科技成果转化驶入快车道", 0),
        ("湘江装备进入中试", 8),
    ]
    assert page.articles[0].captions == ["图为签约现场。记者何佳摄"]


def headline_beside_its_columns_right_of_another_articles_column(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 550, "苏州医药提速")
    pdf.drawString(122, 505, "南京发布")
    pdf.drawString(122, 485, "首批应用")
    pdf.drawString(122, 465, "场景清单")
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州", 40, 530, rows=3, count=1, leading=14)
    columns(pdf, "从原料药到医疗器", 40, 474, rows=6, count=1, leading=14)
    columns(pdf, "南京市二日发布首", 200, 530, rows=8, count=2, leading=14)


def test_a_headline_beside_its_columns_takes_no_text_left_of_it():
    """A headline set at the left of its columns (竖题), just right of the article before's
    column: that column's lower part, past white nearer this headline than its own, is still
    the article before's."""
    draw = headline_beside_its_columns_right_of_another_articles_column
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("从原料药")) for a in page.articles] == [
        ("苏州医药提速", 6),
        ("南京发布首批应用场景清单", 0),
    ]


def short_photo_heading_columns_beside_their_headline(pdf) -> None:
    song(pdf, 15)
    pdf.drawString(50, 520, "我国科学家")
    pdf.drawString(50, 502, "发现免疫逃")
    pdf.drawString(50, 484, "逸新机制")
    pdf.drawString(70, 290, "青岛检测")
    pdf.drawString(70, 272, "平台启用")
    picture(pdf, 140, 495, 90, 40)
    song(pdf, 7)
    pdf.drawString(140, 485, "图说：科研人员观察细胞")
    song(pdf, 9)
    columns(pdf, "北京四月十二日讯记", 140, 465, rows=12, count=1, leading=14)
    columns(pdf, "四月八日青岛海洋仪", 140, 288, rows=4, count=2, leading=14)


def test_a_short_photo_heading_the_columns_beside_a_headline_is_its_articles():
    """A headline set beside its columns, a photo shorter than the headline at their head:
    the chain from the headline runs through the photo and its caption to the columns, which
    are not left to the next headline down."""
    page = read_pdf(drawn_pdf(short_photo_heading_columns_beside_their_headline)).parse_page(0)
    assert [(a.title, a.plain_text().count("北京四月"), a.captions) for a in page.articles] == [
        ("我国科学家发现免疫逃逸新机制", 12, ["图说：科研人员观察细胞"]),
        ("青岛检测平台启用", 0, []),
    ]


def subheading_over_a_column_beside_the_next_articles(pdf) -> None:
    song(pdf, 12)
    for row, text in enumerate(["聚焦低空经济", "深圳物流航线", "突破两百条"]):
        pdf.drawString(40, 540 - row * 16, text)
    song(pdf, 20)
    pdf.drawString(300, 525, "福州签约")
    pdf.drawString(300, 503, "项目落地")
    song(pdf, 9)
    columns(pdf, "记者一日从深圳获悉", 122, 545, rows=4, count=1, leading=14)
    columns(pdf, "无人机物流航线已", 212, 545, rows=3, count=1, leading=14)
    columns(pdf, "中国民用航空局有", 212, 485, rows=8, count=1, leading=14)
    columns(pdf, "七月三十日福州数", 300, 485, rows=6, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(218, 500, "监管服务同步")


def test_the_text_under_a_subheading_is_its_articles():
    """A subheading opens the section under it in its column: that text is the subheading's
    article, though the next headline, over the column beside it, reaches it more cheaply."""
    draw = subheading_over_a_column_beside_the_next_articles
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("中国民用")) for a in page.articles] == [
        ("聚焦低空经济深圳物流航线突破两百条", 8),
        ("福州签约项目落地", 0),
    ]


def printed_lines(draw) -> list[str]:
    """The lines the reader sees on a drawn page, each cut at the gutters it finds."""
    from articles.pdfpage.layout import read_geometry

    document = read_pdf(drawn_pdf(draw))
    blocks = read_geometry(document.page_content(0)).blocks
    document.close()
    return [line.text for block in blocks for line in block.lines]


def byline_under_a_running_head_without_rule(pdf) -> None:
    song(pdf, 9)
    pdf.drawString(40, 560, "2026年3月5日 星期四 科创日报 第3版 区域创新 责编：林然 美编：周一")
    song(pdf, 18)
    pdf.drawString(40, 520, "宁波一企业研发新型海水淡化膜")
    song(pdf, 9)
    pdf.drawString(40, 490, "通讯员 刘洋 张帆")
    pdf.drawString(140, 490, "与工程研究所联合攻关")
    columns(pdf, "近日宁波甬膜新材料有", 40, 476, rows=4, count=2, leading=14)


def test_a_row_across_deep_white_does_not_join_a_short_byline_to_the_next_column():
    """A running head set over the page with no rule, far above the first text: it prints
    right across the gutter there, but across that white it tells nothing about the columns;
    the byline on its own line in the first column is not run on into the second column."""
    lines = printed_lines(byline_under_a_running_head_without_rule)
    assert "通讯员 刘洋 张帆" in lines
    assert "与工程研究所联合攻关" in lines


def mark_hung_a_gutter_short_of_the_next_column(pdf) -> None:
    song(pdf, 10)
    for x in (40, 150):
        columns(pdf, "湘江实验室研制的大尺", x, 500, rows=2, count=1, leading=15)
        columns(pdf, "有望打破国外企业的垄", x, 455, rows=2, count=1, leading=15)
    pdf.drawString(44, 470, "单晶生长炉进入中试，")
    pdf.drawString(150, 470, "队攻克了温场控制技术")


def test_a_mark_hung_exactly_a_gutter_short_of_the_next_column_still_ends_its_line():
    """A comma hung past its column's edge with the next column's text just the gutter's
    width on: the line ends at the mark, not running on into the next column."""
    lines = printed_lines(mark_hung_a_gutter_short_of_the_next_column)
    assert "单晶生长炉进入中试，" in lines
    assert "队攻克了温场控制技术" in lines


def column_opening_with_a_two_character_closing_line(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(60, 540, "湘江实验室装备进入中试")
    song(pdf, 9)
    columns(pdf, "湖南省科技厅了解到", 40, 510, rows=3, count=1, leading=14)
    pdf.drawString(140, 510, "断。")
    pdf.drawString(158, 496, "目前湘江实验室已")
    pdf.drawString(240, 510, "体有限责任公司等企业建立")


def test_a_paragraphs_closing_line_of_two_characters_heads_its_column():
    """A column opening with a paragraph's last two characters, the next paragraph indented
    under them: one column, so the paragraph breaks there and the next column's single line
    goes on with the indented paragraph."""
    page = read_pdf(drawn_pdf(column_opening_with_a_two_character_closing_line)).parse_page(0)
    assert [block.text for block in page.articles[0].body] == [
        "湖南省科技厅了解到" * 3 + "断。",
        "目前湘江实验室已体有限责任公司等企业建立",
    ]


def mark_hung_into_a_narrow_gutter(pdf) -> None:
    song(pdf, 10)
    for x in (40, 150.5):
        columns(pdf, "湘江实验室研制的大尺", x, 500, rows=2, count=1, leading=15)
        columns(pdf, "有望打破国外企业的垄", x, 440, rows=2, count=1, leading=15)
    pdf.drawString(40, 470, "单晶生长炉进入中试走")
    pdf.drawString(170.5, 470, "团队攻克了温场控")
    pdf.drawString(40, 455, "生长炉进入中试阶段说，")
    pdf.drawString(150.5, 455, "队攻克了温场控制技术")


def test_a_mark_hung_into_a_gutter_one_em_wide_does_not_print_across_it():
    """Columns one em apart; a comma hung past the first column's edge leaves less white than
    a gutter before the next column. It is no text printed across the gutter: the line over
    it, its second column opening indented, still ends at the first column's edge."""
    lines = printed_lines(mark_hung_into_a_narrow_gutter)
    assert "单晶生长炉进入中试走" in lines
    assert "团队攻克了温场控" in lines


def headlines_side_by_side_on_one_row(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(48, 498, "青岛海洋装备")
    pdf.drawString(40, 478, "企业加速“出海”")
    pdf.drawString(185, 478, "合肥量子通信")
    pdf.drawString(185, 458, "网络扩容")
    song(pdf, 9)
    columns(pdf, "连日来青岛的装备企业纷纷", 40, 440, rows=6, count=1, leading=14)
    columns(pdf, "记者从合肥获悉量子", 300, 476, rows=6, count=1, leading=14)


def test_two_headlines_on_one_row_part_where_the_headline_lines_over_and_under_part():
    """A headline over its column ends a line on the baseline where the next headline,
    beside its own columns, begins: no column runs under the white between them, but the
    headline lines over and under it end and begin there, so the row is two titles."""
    lines = printed_lines(headlines_side_by_side_on_one_row)
    assert "企业加速“出海”" in lines
    assert "合肥量子通信" in lines
    page = read_pdf(drawn_pdf(headlines_side_by_side_on_one_row)).parse_page(0)
    assert [a.title for a in page.articles] == [
        "青岛海洋装备企业加速“出海”",
        "合肥量子通信网络扩容",
    ]


def headlines_over_columns_under_a_ruled_running_head(pdf) -> None:
    song(pdf, 9)
    pdf.drawString(40, 570, "科创日报 2026年3月5日 星期四")
    pdf.drawString(200, 570, "区域创新")
    pdf.line(40, 562, 360, 562)
    song(pdf, 20)
    pdf.drawString(40, 530, "长沙工程机械再提速")
    song(pdf, 25)
    pdf.drawString(240, 530, "广东新建")
    song(pdf, 9)
    columns(pdf, "五月六日湖南星沙重工机械股份有限公", 40, 500, rows=5, count=1, leading=14)
    columns(pdf, "八日广东省科学技术厅", 232, 500, rows=5, count=1, leading=14)


def test_a_running_head_over_its_rule_tells_no_gutter_of_the_headlines_under_it():
    """Two headlines on one baseline over their columns: the running head's words, above the
    page's rule, end in the white between them; only the columns under them tell where they
    part."""
    lines = printed_lines(headlines_over_columns_under_a_ruled_running_head)
    assert "长沙工程机械再提速" in lines
    assert "广东新建" in lines


def test_fake_bold_is_one_bold_glyph_not_a_doubled_title():
    printed, parsed = typeset_page([NEIGHBOUR], fake_bold=True, ad=False)
    assert parsed.articles[0].title == "植保无人机飞进田间"


def test_the_running_head_is_read_and_is_no_article():
    printed, parsed = typeset_page([NEIGHBOUR], running_head=True)
    assert parsed.running_head == RunningHead(datetime.date(2026, 3, 5), 3, "区域创新")
    assert all("责任编辑" not in article.plain_text() for article in parsed.articles)


def test_text_inside_an_advertisement_box_is_no_article():
    printed, parsed = typeset_page([NEIGHBOUR], ad=True)
    assert len(parsed.articles) == 1
    assert all("科技让生活更美好" not in article.plain_text() for article in parsed.articles)


def test_each_region_holds_its_article_block_and_no_other():
    printed, parsed = typeset_page([ARTICLE, NEIGHBOUR], columns=5)
    width, height = printed_size = (770, 1100)
    assert printed_size == (width, height)
    for article, block, other in zip(
        parsed.articles, printed.blocks, reversed(parsed.articles), strict=True
    ):
        x0, top, x1, bottom = block
        centre = ((x0 + x1) / 2, (top + bottom) / 2)
        assert any(inside(region, *centre, width, height) for region in article.regions)
        assert not any(inside(region, *centre, width, height) for region in other.regions)


def test_parse_pdf_parses_every_page():
    printed, _ = typeset_page([NEIGHBOUR])
    from articles.pdfpage import parse_pdf

    pages = parse_pdf(printed.pdf)
    assert [page.articles[0].title for page in pages] == ["植保无人机飞进田间"]


def headline_flush_left_in_its_column_beside_the_text(pdf) -> None:
    song(pdf, 15)
    pdf.drawString(40, 520, "苏州生物医")
    pdf.drawString(40, 502, "药产业跑出")
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州市", 152.5, 530, rows=8, count=1, leading=14)
    columns(pdf, "生物医药产业实现产值", 265, 530, rows=8, count=1, leading=14)


def test_a_headline_beside_its_columns_reaches_them_across_the_white_its_lines_leave():
    """A headline set flush left in its own column, beside the text: its lines end almost a
    character short of the column's edge, and that white with a wide gutter is more than the
    white between two parts of one article; the columns are still its own."""
    page = read_pdf(drawn_pdf(headline_flush_left_in_its_column_beside_the_text)).parse_page(0)
    assert [(a.title, a.body[0].text[:9]) for a in page.articles] == [
        ("苏州生物医药产业跑出", "今年前五个月苏州市")
    ]


def headline_hung_over_the_rule_to_the_next_headline(pdf) -> None:
    song(pdf, 24)
    pdf.drawString(40, 520, "跑出“加速度”")
    pdf.drawString(206, 520, "南京发布场景")
    pdf.line(200, 540, 200, 400)
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州市生物", 40, 490, rows=6, count=1, leading=14)
    columns(pdf, "南京市二日发布首批应用", 206, 490, rows=6, count=1, leading=14)


def test_a_vertical_rule_in_the_white_after_a_hung_mark_parts_two_headlines():
    """A headline set a little wider than its columns, its closing quote hung past them over
    the vertical rule: the rule stands in the white after the mark's ink, so the row is two
    headlines, each over its own column."""
    page = read_pdf(drawn_pdf(headline_hung_over_the_rule_to_the_next_headline)).parse_page(0)
    assert [(a.title, a.body[0].text[:4]) for a in page.articles] == [
        ("跑出“加速度”", "今年前五"),
        ("南京发布场景", "南京市二"),
    ]


def two_line_columns_a_mark_hung_into_a_one_em_gutter(indent: float):
    def draw(pdf) -> None:
        song(pdf, 20)
        pdf.drawString(40, 530, "高校成果转化提速")
        song(pdf, 10)
        pdf.drawString(60, 500, "浙江工业大学技术")
        pdf.drawString(40, 485, "转移中心与十二家企业")
        pdf.drawString(140, 485, "，")
        pdf.drawString(150 + indent, 500, "集中签约转让专利三"[: 9 - int(indent // 10)])
        pdf.drawString(150, 485, "十八项合同金额过亿。")

    return draw


@pytest.mark.parametrize(
    ("indent", "body"),
    [
        (0, ["浙江工业大学技术转移中心与十二家企业，集中签约转让专利三十八项合同金额过亿。"]),
        (20, ["浙江工业大学技术转移中心与十二家企业，", "集中签约转让专十八项合同金额过亿。"]),
    ],
    ids=["next-column-flush", "next-column-indented"],
)
def test_a_mark_hung_into_a_one_em_gutter_ends_the_line_of_a_two_line_column(indent, body):
    """Columns one em apart, two lines deep; a comma hung past the first column's edge fills
    the gutter to the next column's text. No second line nearby confirms that gutter, but the
    line over it ends at the column's edge and its next column starts level with the text
    after the mark, or a paragraph's indent of two characters further: the line ends at the
    mark."""
    draw = two_line_columns_a_mark_hung_into_a_one_em_gutter(indent)
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [block.text for block in page.articles[0].body] == body


def two_headlines_two_rows_deep_side_by_side(pdf) -> None:
    song(pdf, 30)
    pdf.drawString(40, 530, "新能源重")
    pdf.drawString(190, 530, "青岛海洋仪器")
    pdf.drawString(40, 494, "卡批量下")
    pdf.drawString(190, 494, "台启用")
    picture(pdf, 40, 380, 140, 90)
    song(pdf, 9)
    columns(pdf, "四月八日青岛海洋科技装备检测", 190, 470, rows=8, count=1, leading=14)


def test_two_headlines_side_by_side_over_two_rows_part_on_both():
    """Two headlines, each broken over two rows, side by side a headline em apart over a photo
    and a column: each row's white lies over the gutter between them, and the other row, which
    parts at the same white, is no line printed across it."""
    lines = printed_lines(two_headlines_two_rows_deep_side_by_side)
    assert {"新能源重", "青岛海洋仪器", "卡批量下", "台启用"} <= set(lines)


def closing_line_over_the_next_articles_first_with_little_white(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 560, "深圳低空物流航线")
    song(pdf, 9)
    columns(pdf, "记者一日从深圳市交通", 40, 530, rows=6, count=1, leading=14)
    columns(pdf, "运输局获悉无人机物流", 140, 530, rows=3, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(155, 488, "城市上空织网")
    song(pdf, 9)
    pdf.drawString(158, 474, "在南山区的一处楼")
    pdf.drawString(158, 453, "七月三十日福州数")
    columns(pdf, "字经济产业园举行项目", 140, 439, rows=4, count=1, leading=14)
    song(pdf, 16)
    pdf.drawString(40, 430, "福州签约")
    pdf.drawString(40, 410, "项目落地")


def test_a_closing_line_over_the_next_articles_first_line_is_parted_by_the_white():
    """An article's closing line, alone under a subheading, and the next article's indented
    first line under it, with no rule and a little more white than the page's leading: the
    page's text is set at one leading, so they are two blocks, each its article's."""
    draw = closing_line_over_the_next_articles_first_with_little_white
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.body[-1].text[-8:]) for a in page.articles] == [
        ("深圳低空物流航线", "在南山区的一处楼"),
        ("福州签约项目落地", "济产业园举行项目"),
    ]


def byline_over_a_justified_line_spaced_at_its_word_space(pdf) -> None:
    song(pdf, 9)
    for baseline, (role, name) in ((500, ("本报记者", "吴昊")), (488, ("见习记者", "丁一"))):
        pdf.drawString(40, baseline, role)
        pdf.drawString(81.5, baseline, name)
    for position, char in enumerate("五月六日湖南星沙重"):
        pdf.drawString(40 + position * 10.375, 476, char)
    columns(pdf, "工机械股份有限公司的", 40, 464, rows=3, count=1, leading=12)


def test_a_byline_word_space_over_a_justified_line_is_no_gutter():
    """A byline of two lines whose word spaces stand one over the other, over a justified
    line whose letter space falls just where that white ends: the justified line prints
    across it, so the spaces are word spaces, not a gutter with a column of two names."""
    lines = printed_lines(byline_over_a_justified_line_spaced_at_its_word_space)
    assert lines[:2] == ["本报记者 吴昊", "见习记者 丁一"]


def byline_column_beside_a_headline_over_the_other_columns(pdf) -> None:
    song(pdf, 24)
    pdf.drawString(175, 540, "青岛检测平台启用")
    song(pdf, 9)
    pdf.drawString(40, 505, "实习生 宋佳")
    pdf.drawString(40, 491, "本报记者 林海")
    pdf.drawString(170.5, 505, "四月八日青岛海洋")
    columns(pdf, "科技装备检测中心在西", 152.5, 491, rows=1, count=1, leading=14)
    columns(pdf, "海岸新区启用可为海洋", 265, 505, rows=2, count=1, leading=14)


def test_a_byline_column_beside_the_headline_is_as_wide_as_the_columns_beside_it():
    """A byline set on lines of its own in the article's first column, the headline centred
    over the columns right of it: the byline's short lines leave most of the column white,
    but it opens level with the next column one column's width and a gutter on, so it is as
    wide as that column, and the article's."""
    page = read_pdf(drawn_pdf(byline_column_beside_a_headline_over_the_other_columns))
    articles = page.parse_page(0).articles
    assert [(a.title, [(b.role, b.name) for b in a.bylines]) for a in articles] == [
        ("青岛检测平台启用", [("实习生", "宋佳"), ("记者", "林海")])
    ]


def subheading_broken_with_its_last_character_centred(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 560, "西安企业加速出海")
    song(pdf, 9)
    columns(pdf, "工程学院与企业共建了", 40, 530, rows=3, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(40, 488, "政策服务跟上企业脚")
    pdf.drawString(80, 475, "步")
    song(pdf, 9)
    pdf.drawString(58, 461, "为帮助企业应对海外")
    columns(pdf, "认证和知识产权等难题", 40, 447, rows=3, count=1, leading=14)


def test_a_subheading_broken_over_two_lines_centred_is_one_block():
    """A subheading broken over two lines, its last character centred in the column past a
    paragraph's indent: both lines stand on one axis, so they are one block (the text under
    it is the section it opens), and one subheading."""
    from articles.pdfpage.layout import read_geometry

    document = read_pdf(drawn_pdf(subheading_broken_with_its_last_character_centred))
    blocks = read_geometry(document.page_content(0)).blocks
    assert [[line.text for line in block.lines] for block in blocks if block.size == 10] == [
        ["政策服务跟上企业脚", "步"]
    ]
    assert [(b.type, b.text) for b in document.parse_page(0).articles[0].body][1] == (
        "subheading",
        "政策服务跟上企业脚步",
    )


def subheading_over_a_section_beside_the_next_articles_columns(pdf) -> None:
    song(pdf, 13)
    pdf.drawString(40, 540, "西安硬科技出海")
    song(pdf, 9)
    columns(pdf, "一季度西安市高新技术", 150, 550, rows=12, count=1, leading=14)
    columns(pdf, "工程学院与企业共建了", 260, 550, rows=3, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(265, 506, "政策服务跟上企业")
    song(pdf, 9)
    columns(pdf, "为帮助企业应对海外认", 260, 492, rows=8, count=1, leading=14)
    song(pdf, 28)
    pdf.drawString(370, 518, "宁波研发淡化膜")
    song(pdf, 9)
    columns(pdf, "近日宁波甬膜新材料有", 370, 492, rows=6, count=2, leading=14)


def test_a_subheading_goes_on_from_the_text_over_it_with_its_section():
    """A subheading in an article's last column, the next article's columns level with its
    section: the next headline's chain reaches the section, and through it the subheading,
    more cheaply, but the subheading goes on from the text over it, and its section with
    it."""
    draw = subheading_over_a_section_beside_the_next_articles_columns
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("为帮助企业")) for a in page.articles] == [
        ("西安硬科技出海", 8),
        ("宁波研发淡化膜", 0),
    ]


def headlines_whose_marks_hang_toward_the_next_column(pdf) -> None:
    song(pdf, 13)
    pdf.drawString(40, 562, "聚焦低空经济会：")
    song(pdf, 20)
    for baseline, text in ((540, "深圳物流"), (512, "航线突破"), (486, "两百条")):
        pdf.drawString(40, baseline, text)
    song(pdf, 25)
    pdf.drawString(141, 548, "福州签约")
    pdf.drawString(141, 512, "项目落地")
    song(pdf, 9)
    columns(pdf, "七月三十日福州数字经", 141, 490, rows=5, count=2, leading=13)
    pdf.drawString(40, 465, "记者周晨赵雪深圳已开")
    pdf.drawString(131, 465, "）")
    columns(pdf, "开通无人机物流航线二", 40, 452, rows=4, count=1, leading=13)


def test_marks_hung_toward_the_next_column_narrow_no_gutter_to_the_headlines():
    """A kicker's colon hung past its column over the next column, and a closing bracket
    hung partly into the gutter under the two headlines sharing a row: each mark prints in
    the left half of its em, so the kicker's box holds no text of the next column, and the
    gutter under the shared row keeps its white: two headlines, the kicker the first's."""
    page = read_pdf(drawn_pdf(headlines_whose_marks_hang_toward_the_next_column)).parse_page(0)
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("聚焦低空经济会：", "深圳物流航线突破两百条"),
        (None, "福州签约项目落地"),
    ]


def comma_in_a_columns_last_line_under_short_lines(pdf) -> None:
    song(pdf, 10)
    for row, (first, second) in enumerate(
        [("疗物资等。", "起降点单架无人机每天"), ("城市上空织网", "四十架次空域分类管理")]
    ):
        pdf.drawString(40, 530 - 15 * row, first)
        pdf.drawString(155, 530 - 15 * row, second)
    pdf.drawString(40, 500, "在南山区的一处楼，一")
    pdf.drawString(155, 500, "飞行计划审批时间已从")


def test_a_comma_a_gutter_and_a_character_short_of_the_next_column_is_inside_its_line():
    """A column's last line with a comma a gutter and one character short of the next
    column, under short lines whose white runs to that column: their white ends a character
    further than this line's next text, so it is not this line's gutter, and the line reads
    on past the comma."""
    lines = printed_lines(comma_in_a_columns_last_line_under_short_lines)
    assert "在南山区的一处楼，一" in lines


def subheading_set_a_fifth_larger_inside_a_column(pdf) -> None:
    song(pdf, 22)
    pdf.drawString(40, 560, "苏州医药产业提速")
    song(pdf, 10)
    columns(pdf, "今年前五个月苏州市生", 40, 530, rows=4, count=2, leading=15)
    song(pdf, 12)
    pdf.drawString(46, 468, "创新药按下快进键")
    song(pdf, 10)
    pdf.drawString(60, 452, "在苏州工业园区博")
    columns(pdf, "远生物医药有限公司的", 40, 437, rows=3, count=1, leading=15)
    columns(pdf, "实验室里灯火通明去年", 140, 452, rows=4, count=1, leading=15)


def letter_spaced_headline_over_two_columns(pdf) -> None:
    song(pdf, 24)
    for position, char in enumerate("武汉光谷发布新政"):
        pdf.drawString(78.2 + position * 28.8, 540, char)
    song(pdf, 9)
    columns(pdf, "东湖高新区管委会发布", 40, 505, rows=5, count=2, leading=14)


def test_a_letter_spaced_headline_is_one_headline_over_the_gutter_it_spans():
    """A headline set letter-spaced (字距) over two columns: one of its even gaps falls over
    the gutter between them, but it does not stand out from the line's spacing, so the line
    is one headline."""
    page = read_pdf(drawn_pdf(letter_spaced_headline_over_two_columns)).parse_page(0)
    assert [a.title for a in page.articles] == ["武汉光谷发布新政"]


def body_sized_subheading_centred_over_an_indented_line(pdf) -> None:
    song(pdf, 22)
    pdf.drawString(40, 560, "苏州医药产业提速")
    song(pdf, 10)
    columns(pdf, "今年前五个月苏州市生物医药产", 40, 530, rows=2, count=1, leading=15)
    pdf.drawString(40, 500, "业产值过千亿。")
    pdf.drawString(80, 485, "创新药快进键")
    pdf.drawString(60, 470, "在苏州工业园区博远生物")
    columns(pdf, "医药有限公司的实验室里灯火", 40, 455, rows=3, count=1, leading=15)


def test_a_subheading_at_the_body_size_over_an_indented_line_is_its_own_paragraph():
    """A subheading set at the body's size and face, centred, the next paragraph's indented
    first line under it: no line of theirs is flush with the column, so the indent is told
    by the column's edge, and the paragraph does not run on from the subheading."""
    draw = body_sized_subheading_centred_over_an_indented_line
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [b.text[:6] for b in page.articles[0].body] == [
        "今年前五个月",
        "创新药快进键",
        "在苏州工业园",
    ]


def subheading_set_a_fifth_larger_over_a_columns_last_line(pdf) -> None:
    song(pdf, 22)
    pdf.drawString(40, 560, "苏州医药产业提速")
    song(pdf, 10)
    columns(pdf, "今年前五个月苏州市生", 40, 530, rows=4, count=1, leading=15)
    song(pdf, 12)
    pdf.drawString(46, 468, "创新药按下快进键")
    song(pdf, 10)
    pdf.drawString(60, 452, "在苏州工业园区博")
    columns(pdf, "远生物医药有限公司的", 150, 530, rows=6, count=1, leading=15)


def large_subheading_heading_a_column_level_with_the_next(pdf) -> None:
    song(pdf, 22)
    pdf.drawString(60, 550, "西安企业加速出海")
    song(pdf, 9)
    columns(pdf, "一季度西安市高新技术", 40, 520, rows=4, count=1, leading=14)
    song(pdf, 11)
    pdf.drawString(146.5, 520, "从卖产品到标准")
    song(pdf, 9)
    pdf.drawString(158, 505, "陕西秦川智造科技")
    columns(pdf, "有限公司是一家生产精", 140, 491, rows=2, count=1, leading=14)
    columns(pdf, "密减速器的企业去年在", 240, 520, rows=4, count=1, leading=14)


@pytest.mark.parametrize(
    ("draw", "title", "subheading"),
    [
        (subheading_set_a_fifth_larger_inside_a_column, "苏州医药产业提速", "创新药按下快进键"),
        (
            subheading_set_a_fifth_larger_over_a_columns_last_line,
            "苏州医药产业提速",
            "创新药按下快进键",
        ),
        (
            large_subheading_heading_a_column_level_with_the_next,
            "西安企业加速出海",
            "从卖产品到标准",
        ),
    ],
    ids=["text-above-and-below", "over-an-indented-last-line", "heading-a-column-level"],
)
def test_a_subheading_set_a_fifth_larger_than_the_body_inside_its_column_is_no_headline(
    draw, title, subheading
):
    """A subheading set at 1.2 times the body, as large as a small headline, with its
    column's text right below it (a paragraph's indented first line, say) and right above
    it, or heading the article's second
    column with the first and third columns' text starting level with it: it stands inside
    the band of the columns, not over them, so it is the article's subheading, not a title."""
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [a.title for a in page.articles] == [title]
    assert ("subheading", subheading) in [(b.type, b.text) for b in page.articles[0].body]


def first_column_left_of_a_centred_headline_beside_a_lower_column(pdf) -> None:
    song(pdf, 15)
    pdf.drawString(40, 560, "成都超算中心")
    pdf.drawString(40, 542, "覆盖西部省份")
    song(pdf, 20)
    pdf.drawString(255, 556, "武汉光谷发布新政")
    song(pdf, 9)
    columns(pdf, "本网讯记者从国家超级", 40, 518, rows=12, count=1, leading=13)
    columns(pdf, "中国科技网讯东湖高新", 140, 530, rows=5, count=3, leading=13)


def test_columns_of_one_article_start_level_not_a_line_apart():
    """A one-column article beside the next one's first column, with no rule between, the
    next headline centred over that article's later columns: the first column starts a line
    lower than the column beside it, which starts level with its own article's columns, so
    it is the next article's."""
    draw = first_column_left_of_a_centred_headline_beside_a_lower_column
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("中国科技网讯")) for a in page.articles] == [
        ("成都超算中心覆盖西部省份", 0),
        ("武汉光谷发布新政", 15),
    ]


def comma_at_a_columns_edge_over_a_comma_hung_into_the_gutter(pdf) -> None:
    song(pdf, 10)
    for baseline, first, second in (
        (515, "公司技术总监李晨介绍", "海东市农业农村局有关"),
        (500, "技术总监李晨介绍他，", "责人表示今年全市将为"),
        (485, "耳标每隔十分钟上传一", "海大学畜牧兽医科学院"),
    ):
        pdf.drawString(40, baseline, first)
        pdf.drawString(150, baseline, second)
    pdf.drawString(140, 485, "，")


def test_a_comma_hung_into_the_gutter_and_the_next_column_do_not_print_across_it():
    """Columns one em apart: a line ends with a comma at its column's edge, the line under
    it with a comma hung into the gutter, the next column's text just after that mark. The
    mark and the next column's first glyph are no text printed across the gutter: the line
    over it ends at its comma."""
    lines = printed_lines(comma_at_a_columns_edge_over_a_comma_hung_into_the_gutter)
    assert "技术总监李晨介绍他，" in lines
    assert "责人表示今年全市将为" in lines


def photo_under_a_beside_headlines_article_over_the_next_band(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 540, "高校成果转化")
    pdf.drawString(40, 522, "驶入快车道")
    pdf.drawString(40, 390, "湘江装备中试")
    song(pdf, 9)
    columns(pdf, "七月九日浙江工业大学", 150, 550, rows=2, count=3, leading=14)
    picture(pdf, 40, 430, 420, 80)
    song(pdf, 7)
    pdf.drawString(40, 421, "图为签约现场。记者何佳摄")
    song(pdf, 9)
    columns(pdf, "记者从湖南省科技厅了", 150, 405, rows=4, count=3, leading=14)


def test_a_photo_under_a_headline_beside_its_columns_leads_to_no_more_text():
    """A headline set beside its columns, a photo under the headline and the columns: the
    photo closes the article. The columns under the photo, nearer it than their own headline
    beside them in the next band, are that headline's."""
    draw = photo_under_a_beside_headlines_article_over_the_next_band
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("湖南省"), a.captions) for a in page.articles] == [
        ("高校成果转化驶入快车道", 0, ["图为签约现场。记者何佳摄"]),
        ("湘江装备中试", 12, []),
    ]


def subheading_halfway_down_level_with_the_next_articles_first_line(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 530, "苏州医药跑")
    pdf.drawString(40, 512, "出加速度")
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州市生", 150, 550, rows=12, count=1, leading=14)
    columns(pdf, "构办公室主任陈静介绍", 260, 550, rows=4, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(265, 492, "产业链条越拉越长")
    song(pdf, 9)
    columns(pdf, "从原料药制剂到高端医", 260, 478, rows=6, count=1, leading=14)
    song(pdf, 18)
    pdf.drawString(370, 510, "南京发布应用场景")
    song(pdf, 9)
    columns(pdf, "南京市二日发布首批应", 370, 492, rows=6, count=2, leading=14)


def test_a_subheading_halfway_down_its_column_is_reached_from_the_text_it_follows():
    """A subheading halfway down an article's last column stands level, by chance, with the
    first line of the next article's column beside it: a column runs on at the head of the
    next one, so that sideways step costs more, and the subheading, its section and the
    text over it stay with their article."""
    draw = subheading_halfway_down_level_with_the_next_articles_first_line
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [(a.title, a.plain_text().count("从原料药")) for a in page.articles] == [
        ("苏州医药跑出加速度", 6),
        ("南京发布应用场景", 0),
    ]


def small_photos_under_a_narrow_column(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 540, "高原牧场")
    song(pdf, 9)
    columns(pdf, "走进互助县的牧场", 40, 515, rows=5, count=1, leading=13)
    pdf.drawString(40, 450, "牧场，互助县的牧")
    for left, caption in ((40, ("牧民", "查看")), (70, ("牛群", "归圈"))):
        picture(pdf, left, 420, 24, 14)
        song(pdf, 7)
        for row, line in enumerate(caption):
            pdf.drawString(left, 412 - row * 9, line)
        song(pdf, 9)


def test_a_picture_smaller_than_three_ems_with_its_caption_right_under_it_is_a_photo():
    """Two photos side by side under a narrow column, each under three body ems, each with
    its caption set to its width right under it: they are pictures, and their captions the
    article's (not a line of text). Their gutter parts their captions, not the column's
    last line over them, whose comma hangs over the gutter's edge."""
    page = read_pdf(drawn_pdf(small_photos_under_a_narrow_column)).parse_page(0)
    assert [(a.title, a.captions) for a in page.articles] == [
        ("高原牧场", ["牧民查看", "牛群归圈"])
    ]
    assert "牧场，互助县的牧" in printed_lines(small_photos_under_a_narrow_column)


def byline_spaced_with_full_width_spaces(pdf) -> None:
    song(pdf, 18)
    pdf.drawString(40, 540, "青岛检测平台启用")
    song(pdf, 9)
    x = 40
    for word in ("实习生", "宋佳", "本报记者"):
        pdf.drawString(x, 515, word)
        x += 9 * (len(word) + 1)
    pdf.drawString(40, 502, "林海")
    # The text starts in the next column: the byline fills the first (columns of two lines).
    pdf.drawString(178, 515, "四月八日青岛海洋科技")
    pdf.drawString(160, 502, "装备检测中心在西海岸新区")
    for row in range(2):
        pdf.drawString(280, 515 - row * 13, "可为海洋观测仪器水下机器")


def test_a_byline_spaced_with_full_width_spaces_is_one_line():
    """A byline on a line of its own whose roles and names stand a full em apart (全角空格,
    as wide as the narrowest gutter), alone in its column with nothing under it printing
    across those spaces, reads as the article's bylines, not as short columns."""
    page = read_pdf(drawn_pdf(byline_spaced_with_full_width_spaces)).parse_page(0)
    assert [[(b.role, b.name) for b in a.bylines] for a in page.articles] == [
        [("实习生", "宋佳"), ("记者", "林海")]
    ]


def subheading_at_a_columns_foot(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(80, 550, "苏州医药产业提速")
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州市生", 40, 520, rows=6, count=1, leading=14)
    song(pdf, 11)
    pdf.drawString(46.5, 436, "产业链条拉长")
    song(pdf, 9)
    pdf.drawString(158, 520, "从原料药制剂高端")
    columns(pdf, "医疗器械产业链条日益", 140, 506, rows=5, count=2, leading=14)
    pdf.drawString(240, 520, "苏州工业园区已集聚生")


def subheading_under_a_short_closing_line(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(80, 550, "苏州医药产业提速")
    song(pdf, 9)
    columns(pdf, "今年前五个月苏州市生", 40, 520, rows=6, count=1, leading=14)
    pdf.drawString(140, 520, "册申报指导。")
    song(pdf, 11)
    pdf.drawString(152, 504, "人才引育沃土")
    song(pdf, 9)
    pdf.drawString(158, 488, "中国药科大学与园区")
    columns(pdf, "共建的联合研究院已引", 140, 474, rows=3, count=1, leading=14)


@pytest.mark.parametrize(
    ("draw", "subheading"),
    [
        (subheading_at_a_columns_foot, "产业链条拉长"),
        (subheading_under_a_short_closing_line, "人才引育沃土"),
    ],
    ids=["at-a-columns-foot", "under-a-short-closing-line"],
)
def test_a_subheading_inside_its_column_at_its_foot_or_under_a_short_line_is_no_headline(
    draw, subheading
):
    """A subheading left at the foot of its column (背题), its column's text right above it
    and nothing under it, its section running on at the head of the next column, level with
    its own column's head; or one under a paragraph's closing line heading its column,
    shorter than the subheading, but flush with the column the text under the subheading
    tells. Either stands inside its column: the article's subheading, no headline."""
    page = read_pdf(drawn_pdf(draw)).parse_page(0)
    assert [a.title for a in page.articles] == ["苏州医药产业提速"]
    assert ("subheading", subheading) in [(b.type, b.text) for b in page.articles[0].body]


def caption_across_the_gutter_over_the_columns(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 550, "肿瘤免疫逃逸新机制")
    picture(pdf, 40, 440, 200, 90)
    song(pdf, 8.5)
    pdf.drawString(40, 430, "图说：科研人员在实验室观察细胞培养情况。张彦摄")
    song(pdf, 9)
    pdf.drawString(40, 412, "科技日报北京四月讯（")
    pdf.drawString(140, 412, "关成果日前发表在期刊")
    columns(pdf, "记者张佳星从研究所获", 40, 398, rows=4, count=2, leading=14)


def test_a_caption_across_the_gutter_tells_no_gutter_of_the_columns_under_it():
    """A caption, set smaller than the body to its picture's width, prints right across the
    gutter of the columns under the picture: it is no line of theirs, so the columns' first
    row still parts at their gutter."""
    lines = printed_lines(caption_across_the_gutter_over_the_columns)
    assert "科技日报北京四月讯（" in lines
    assert "关成果日前发表在期刊" in lines


def mark_hung_at_a_columns_foot_under_a_subheading(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 530, "苏州医药产业提速")
    song(pdf, 10)
    rows = [
        ("床试验机构办公室主任", "州工业园区管委会数据"),
        ("年医院承接的创新药临", "集聚生物医药企业多家"),
        ("项。", "江苏省药品监督管理局"),
        (None, "州设立审评服务站企业"),
        (None, "在家门口就能获得指导"),
    ]
    for row, (first, second) in enumerate(rows):
        if first:
            pdf.drawString(40, 500 - row * 15, first)
        pdf.drawString(150, 500 - row * 15, second)
    song(pdf, 11)
    pdf.drawString(46, 455, "产业链条越拉越长")
    song(pdf, 10)
    pdf.drawString(60, 440, "从原料药制剂到器，")


def test_a_mark_hung_at_a_columns_foot_is_confirmed_by_the_full_lines_further_up():
    """A comma hung past its column's edge on the column's last line, the next column a
    gutter on: the lines right above it are short (a paragraph's closing line, a subheading),
    but the column's full lines further up end at that edge with the next column's text level
    with what follows the mark. The line ends at the mark."""
    lines = printed_lines(mark_hung_at_a_columns_foot_under_a_subheading)
    assert "从原料药制剂到器，" in lines
    assert "在家门口就能获得指导" in lines


def headline_beside_its_columns_level_with_anothers_second_line(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(50, 540, "西安硬科技")
    pdf.drawString(40, 516, "企业加速出海")
    song(pdf, 21)
    pdf.drawString(172, 520, "宁波企业研发")
    song(pdf, 9)
    columns(pdf, "一季度西安市高新技术产品", 40, 495, rows=6, count=1, leading=14)
    columns(pdf, "近日宁波甬膜新材", 310, 540, rows=6, count=1, leading=14)


def test_headlines_of_two_sizes_on_two_baselines_in_one_row_are_two_headlines():
    """A headline's second line and, a little more than a word space on, another headline
    set beside its own columns, a point larger and on its own baseline: a headline's line is
    set in one size on one baseline, so the row is two titles."""
    page = read_pdf(drawn_pdf(headline_beside_its_columns_level_with_anothers_second_line))
    assert [a.title for a in page.parse_page(0).articles] == [
        "西安硬科技企业加速出海",
        "宁波企业研发",
    ]


def byline_over_its_first_paragraph_beside_the_next_articles_column(pdf) -> None:
    song(pdf, 18)
    pdf.drawString(40, 560, "西安硬科技")
    pdf.drawString(140, 560, "宁波淡化膜")
    song(pdf, 9)
    pdf.drawString(40, 530, "本报记者 孙立")
    pdf.drawString(40, 516, "通讯员 何静")
    pdf.drawString(58, 502, "一季度西安市高新")
    columns(pdf, "术产品出口额同比增长", 40, 488, rows=3, count=1, leading=14)
    pdf.drawString(158, 530, "近日宁波甬膜新材")
    columns(pdf, "近日宁波甬膜新材料有", 140, 516, rows=5, count=1, leading=14)


def test_a_paragraph_at_the_leading_under_a_byline_is_the_bylines_article():
    """A byline on two short lines of its own, its article's first paragraph right under it
    at the column's leading, the next article's column beside that paragraph: the paragraph
    follows the byline with no more white than between its lines, one column, so it is the
    byline's article's."""
    page = read_pdf(drawn_pdf(byline_over_its_first_paragraph_beside_the_next_articles_column))
    articles = page.parse_page(0).articles
    assert [(a.title, a.plain_text().count("术产品")) for a in articles] == [
        ("西安硬科技", 3),
        ("宁波淡化膜", 0),
    ]


def title_with_a_word_space_narrower_than_the_gutter_under_it(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 540, "安庆新增高新企业")
    pdf.drawString(206, 540, "总数达百家")
    song(pdf, 9)
    for row in range(6):
        pdf.drawString(40, 510 - row * 14, "安庆今年新认定的创新型企业名单公布")
        pdf.drawString(203, 510 - row * 14, "并为每家企业配专员")


def test_a_titles_word_space_narrower_than_the_gutter_under_it_parts_no_headlines():
    """A title of two phrases parted by a word space standing over the gutter of its
    columns, its white narrower than that gutter: two headlines side by side each stand over
    their own columns, a gutter's width apart at least, so this is one title printed across
    the gutter."""
    page = read_pdf(drawn_pdf(title_with_a_word_space_narrower_than_the_gutter_under_it))
    assert [a.title for a in page.parse_page(0).articles] == ["安庆新增高新企业总数达百家"]


def subheading_centred_at_the_body_size_in_the_body_face(pdf) -> None:
    song(pdf, 22)
    pdf.drawString(40, 560, "深圳低空物流提速")
    # Justified lines fill the column, 40 to 145; a paragraph's last line ends half an em
    # short of it, as many characters as a full line.
    song(pdf, 10)
    for text, x, baseline in (
        ("深圳已建成低空飞行", 60, 530),
        ("调度系统能够同时管理", 40, 515),
        ("中国民用航空局有关", 60, 470),
        ("负责人表示深圳正在建", 40, 455),
        ("设更多起降场和航线网", 40, 440),
    ):
        pdf.drawString(x, baseline, text, charSpace=(145 - x - 10 * len(text)) / (len(text) - 1))
    pdf.drawString(40, 500, "上千架无人机的航线。")
    pdf.drawString(47.5, 485, "监管与服务同步升级")


def test_a_subheading_centred_in_its_column_at_the_body_size_and_face_is_a_subheading():
    """A subheading set in the body's face and size, centred in its column between a
    paragraph's last line (ending short) and the next one's indented first line: its white
    on both sides, as much on each, tells it from the lines of the paragraphs."""
    page = read_pdf(drawn_pdf(subheading_centred_at_the_body_size_in_the_body_face)).parse_page(0)
    assert [(block.type, block.text[:4]) for block in page.articles[0].body] == [
        ("paragraph", "深圳已建"),
        ("subheading", "监管与服"),
        ("paragraph", "中国民用"),
    ]


def mark_hung_over_the_next_column_opening_a_rounding_short_of_its_edge(pdf) -> None:
    song(pdf, 10)
    for baseline in (500, 485, 440):
        pdf.drawString(40, baseline, "湘江实验室研制的大尺")
        pdf.drawString(150, baseline, "寸碳化硅单晶生长炉进")
    # A line squeezed to take its comma, which hangs past the column's edge.
    pdf.drawString(40, 470, "有望打破国外企业的垄、", charSpace=-0.07)
    # The next column's first glyph a typesetter's rounding (0.03 pt) left of its edge.
    pdf.drawString(149.97, 470, "队攻克了温场控制技术")
    pdf.drawString(40, 455, "单晶生长炉进入中试。")
    pdf.drawString(150, 455, "入中试阶段有望打破国")


def test_a_mark_hung_toward_a_column_opening_a_rounding_short_of_its_edge_is_still_hung():
    """A mark hung past its column's edge, the next column's first glyph on that line set a
    few hundredths of a point short of the edge the other lines start at: columns share
    their edge to the point, so that glyph opens the next column and the mark prints across
    no gutter. The line under it ends at its column's edge."""
    lines = printed_lines(mark_hung_over_the_next_column_opening_a_rounding_short_of_its_edge)
    assert "单晶生长炉进入中试。" in lines
    assert "入中试阶段有望打破国" in lines


def headline_lower_than_the_short_columns_beside_it(pdf) -> None:
    song(pdf, 18)
    pdf.drawString(40, 560, "我国科学家发现新机制")
    song(pdf, 9)
    columns(pdf, "研究人员在小鼠模型中", 40, 530, rows=5, count=3, leading=14)
    # A brief: two lines in two columns, its headline beside them set lower, its top level
    # with their second line.
    columns(pdf, "青岛海洋科技装备检测", 140, 450, rows=2, count=2, leading=14)
    song(pdf, 14)
    pdf.drawString(40, 425, "青岛海洋仪器")
    pdf.drawString(40, 408, "检测平台启用")


def test_a_headline_set_lower_than_the_short_columns_beside_it_takes_them():
    """A brief's two-line columns right of its headline, starting a line and more above the
    headline's top and ending by its first line: a headline beside its columns stands in
    its article's band, centred on it, so the columns are its text, not the article above's
    (they follow that one's columns across white, under another column)."""
    page = read_pdf(drawn_pdf(headline_lower_than_the_short_columns_beside_it)).parse_page(0)
    assert [(a.title, a.plain_text().count("青岛海洋科技")) for a in page.articles] == [
        ("我国科学家发现新机制", 0),
        ("青岛海洋仪器检测平台启用", 4),
    ]


def title_across_the_gutter_of_the_text_it_runs_on_in(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(42.5, 540, "安庆新增高新")
    pdf.drawString(146.5, 540, "总数达百家")
    song(pdf, 9)
    pdf.drawString(58, 515, "安庆市积极开展高")
    columns(pdf, "新技术企业的培育工作", 40, 501, rows=4, count=1, leading=14)
    columns(pdf, "主动加强科技创新服务", 139, 515, rows=4, count=1, leading=14)
    pdf.drawString(139, 459, "平台建设。")


def test_a_titles_word_space_over_a_gutter_the_text_reads_on_across_parts_no_headlines():
    """A title of two phrases, its word space a little wider than the gutter under it: the
    column under the first phrase ends full and mid-sentence, the next one opens flush under
    the second phrase, so the text reads on across the gutter. An article opens with a
    paragraph and closes with a sentence: one article, one title."""
    page = read_pdf(drawn_pdf(title_across_the_gutter_of_the_text_it_runs_on_in)).parse_page(0)
    assert [(a.title, a.plain_text().count("主动加强")) for a in page.articles] == [
        ("安庆新增高新总数达百家", 4)
    ]


def caption_on_one_baseline_with_the_next_articles_column(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(40, 560, "我国科学家发现新机制")
    pdf.drawString(250, 560, "青岛海洋仪器启用")
    picture(pdf, 40, 480, 191, 60)
    song(pdf, 8)
    pdf.drawString(40, 470, "图为科研人员在实验室观察细")
    song(pdf, 10)
    columns(pdf, "检测平台可为海洋观测仪器提供", 250, 530, rows=6, count=1, leading=15)
    pdf.drawString(60, 455, "科技日报北京讯")
    columns(pdf, "记者从北京生命科学", 40, 440, rows=3, count=1, leading=15)
    columns(pdf, "制相关成果日前发表", 141, 455, rows=4, count=1, leading=15)


def test_a_caption_sharing_a_baseline_with_another_column_tells_no_gutter():
    """A photo's caption, set smaller than the body across the gutter of the columns under
    it, on one baseline with a line of the next article's column: a caption is set to its
    picture's width, whatever shares its baseline, so it tells nothing of the gutter, and
    the columns' first line parts there."""
    lines = printed_lines(caption_on_one_baseline_with_the_next_articles_column)
    assert "科技日报北京讯" in lines
    assert "制相关成果日前发表" in lines


def comma_ending_a_shifted_line_over_a_mark_hung_into_a_two_line_column(pdf) -> None:
    song(pdf, 10)
    # The first line set 1.6 pt to the right (a narrower glyph earlier in it, say): its
    # comma ends that much past the column's edge, 140, though none of it hangs.
    pdf.drawString(41.6, 500, "湘江实验室研制的大，")
    pdf.drawString(40, 485, "有望打破国外企业的垄。")
    for baseline in (470, 455):
        pdf.drawString(40, baseline, "单晶生长炉进入中试走")
    pdf.drawString(150.4, 500, "案将获得首购支持并")
    pdf.drawString(150.4, 485, "在全市推广。")


def test_a_comma_ending_its_line_a_little_past_the_columns_edge_ends_the_line():
    """A comma closing a line whose em ends a little past its column's edge, the next
    column (two lines deep) less than a character on: a closing mark ends at its column's
    edge or hangs past it, so the column's full lines ending where its em ends confirm the
    gutter, and the line ends at the comma."""
    lines = printed_lines(comma_ending_a_shifted_line_over_a_mark_hung_into_a_two_line_column)
    assert "湘江实验室研制的大，" in lines
    assert "案将获得首购支持并" in lines


def column_running_on_beside_the_next_articles_columns(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 560, "成都超算服务")
    pdf.drawString(313, 560, "武汉光谷新政")
    song(pdf, 9)
    pdf.drawString(58, 530, "记者从国家超级")
    columns(pdf, "计算成都中心获悉该", 40, 516, rows=3, count=1, leading=14)
    columns(pdf, "中心今年服务用户超", 131, 530, rows=3, count=1, leading=14)
    pdf.drawString(131, 488, "成都市经济和信息化")
    pdf.drawString(222, 530, "局有关负责人表示将")
    pdf.drawString(222, 516, "继续实施政策。")
    pdf.drawString(331, 530, "东湖高新区管委")
    columns(pdf, "发布支持激光产业发", 313, 516, rows=3, count=1, leading=14)


def test_a_column_opening_mid_sentence_goes_on_from_the_column_running_on_into_it():
    """A column under no headline, opening flush mid-sentence, between an article's column
    that ends full and mid-sentence and the next article's columns under their headline: an
    article's text reads on from column to column, and an article opens with a paragraph, so
    the column is the first article's, though it stands as near the second's."""
    page = read_pdf(drawn_pdf(column_running_on_beside_the_next_articles_columns)).parse_page(0)
    assert [(a.title, a.plain_text().count("局有关负责人")) for a in page.articles] == [
        ("成都超算服务", 1),
        ("武汉光谷新政", 0),
    ]


def headline_mark_hung_over_the_column_rule_to_the_next_headline(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 540, "西安企业加速“出海”", charSpace=2)
    # The closing quote's em (from 238) reaches past the rule at 244 to the next headline.
    pdf.rect(244.1, 420, 1.2, 140, stroke=0, fill=1)
    pdf.drawString(249.2, 540, "宁波研发新膜")
    song(pdf, 9)
    columns(pdf, "一季度西安市高新技术产品出口", 40, 510, rows=6, count=1, leading=14)
    columns(pdf, "近日宁波甬膜新材料", 260, 510, rows=6, count=1, leading=14)


def test_a_column_rule_through_a_headlines_hung_closing_mark_parts_two_headlines():
    """A headline's closing quote hung past its columns' edge, its em reaching over the
    column rule, the next headline starting just past the rule with less white after the
    mark's ink than a word space: no text prints across a rule, so the row is two
    headlines."""
    page = read_pdf(drawn_pdf(headline_mark_hung_over_the_column_rule_to_the_next_headline))
    assert [a.title for a in page.parse_page(0).articles] == [
        "西安企业加速“出海”",
        "宁波研发新膜",
    ]


def subheading_at_a_columns_foot_beside_the_next_articles_column(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 560, "苏州医药提速")
    pdf.drawString(286, 560, "南京场景")
    song(pdf, 9)
    pdf.drawString(58, 530, "今年前五个月")
    columns(pdf, "苏州市生物医药产", 40, 516, rows=5, count=1, leading=14)
    columns(pdf, "业实现产值千亿元", 122, 530, rows=4, count=1, leading=14)
    pdf.drawString(222, 530, "中国药科大学")
    columns(pdf, "与园区共建联合研", 204, 516, rows=3, count=1, leading=14)
    pdf.drawString(204, 474, "究院。")
    pdf.drawString(304, 530, "新华社南京")
    columns(pdf, "电南京市发布首批", 286, 516, rows=5, count=1, leading=14)
    song(pdf, 10)
    pdf.drawString(128, 472, "人才引育沃土")


def test_a_subheading_at_its_columns_foot_opens_the_section_heading_the_next_column():
    """A subheading left at the foot of its column (背题), its section opening indented at
    the head of the next column, level with its own column's head, the next article's
    column beside that: the section is the subheading's article's, though it stands nearer
    the next article's columns than the chain from its own headline runs."""
    page = read_pdf(drawn_pdf(subheading_at_a_columns_foot_beside_the_next_articles_column))
    assert [(a.title, a.plain_text().count("中国药科")) for a in page.parse_page(0).articles] == [
        ("苏州医药提速", 1),
        ("南京场景", 0),
    ]


def marks_hung_alike_over_a_paragraph_opening_in_the_next_column(pdf) -> None:
    song(pdf, 9)
    pdf.drawString(40, 500, "与经济紧密结合的有效途径，")
    pdf.drawString(157, 500, "集成电路武汉光谷合肥声谷")
    pdf.drawString(40, 485, "国家高新区成功探索出科技，")
    pdf.drawString(175, 485, "畅通经济发展毛细血管")
    for baseline in (470, 455):
        pdf.drawString(40, baseline, "高新区是科技的集聚地也是")
        pdf.drawString(157, baseline, "涵养创新创业微生态国家")


def test_a_mark_hung_as_far_as_the_lines_own_prints_nothing_across_its_gap():
    """Two lines each closed by a comma hung past their column's edge, the first run on at
    the next column's edge, the second's next column opening a paragraph indented: the
    first line's comma, hung as far, prints nothing into the second's gap; only what
    follows it could, and that starts past the gap's start. The second line ends at its
    comma."""
    lines = printed_lines(marks_hung_alike_over_a_paragraph_opening_in_the_next_column)
    assert "国家高新区成功探索出科技，" in lines
    assert "畅通经济发展毛细血管" in lines


def two_row_title_parted_over_the_gutter_on_its_first_row(pdf) -> None:
    song(pdf, 16)
    pdf.drawString(42.5, 540, "安庆新增高新")
    pdf.drawString(146.5, 540, "总数达百家")
    pdf.drawString(42.5, 521, "企业")
    song(pdf, 9)
    pdf.drawString(58, 495, "安庆市积极开展高")
    columns(pdf, "新技术企业的培育工作", 40, 481, rows=4, count=1, leading=14)
    columns(pdf, "主动加强科技创新服务", 139, 495, rows=4, count=1, leading=14)
    pdf.drawString(139, 439, "平台建设。")


def test_a_title_of_two_rows_parted_over_the_gutter_on_its_first_is_one_title():
    """A title broken over two rows, its first row's word space over the gutter of the
    text that reads on across it, its second row under the first phrase only: the phrases
    either side of that space are one title with the row under them."""
    page = read_pdf(drawn_pdf(two_row_title_parted_over_the_gutter_on_its_first_row))
    assert [a.title for a in page.parse_page(0).articles] == ["安庆新增高新总数达百家企业"]


def title_flush_over_the_columns_its_text_reads_on_across(pdf) -> None:
    song(pdf, 15)
    pdf.drawString(40, 540, "安庆新增高新")
    pdf.drawString(139, 540, "总数达百家")
    song(pdf, 9)
    pdf.drawString(58, 515, "安庆市积极开展高")
    columns(pdf, "新技术企业的培育工作", 40, 501, rows=4, count=1, leading=14)
    columns(pdf, "主动加强科技创新服务", 139, 515, rows=4, count=1, leading=14)
    pdf.drawString(139, 459, "平台建设。")


def test_a_titles_second_phrase_flush_with_the_column_the_text_runs_on_in_is_the_title():
    """A title set flush left over its columns, its second phrase starting right at the
    next column's edge, as a headline of its own might: the text still reads on across the
    gutter (full and mid-sentence at the first column's foot, flush at the next column's
    head, no byline), so it is one article and one title."""
    page = read_pdf(drawn_pdf(title_flush_over_the_columns_its_text_reads_on_across)).parse_page(0)
    assert [a.title for a in page.articles] == ["安庆新增高新总数达百家"]


def body_sized_subheading_heading_a_column_over_a_short_block(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 560, "西安企业加速出海")
    song(pdf, 10)
    pdf.drawString(60, 530, "一季度西安市高新")
    columns(pdf, "技术产品出口额同比增", 40, 515, rows=3, count=1, leading=15)
    pdf.drawString(40, 470, "服务网点开到了海外。")
    # The column's head: a subheading centred in it, the next paragraph's first line, then
    # the rest of the paragraph after a little more white.
    pdf.drawString(160, 530, "从卖产品到出标准")
    pdf.drawString(170, 515, "陕西秦川智造科技")
    columns(pdf, "有限公司以下简称秦川", 150, 496, rows=3, count=1, leading=15)
    columns(pdf, "是一家生产精密减速器", 268, 530, rows=6, count=1, leading=15)


def test_a_centred_subheading_over_a_short_block_is_centred_in_its_columns_width():
    """A subheading at the body's size and face centred at a column's head, in a block of
    two lines with the next paragraph's indented first line: the block is short, and read
    as wide as the column beside it, so its own right edge tells nothing; the column's
    longer block under it tells the edge, and the line is centred, a subheading."""
    page = read_pdf(drawn_pdf(body_sized_subheading_heading_a_column_over_a_short_block))
    body = page.parse_page(0).articles[0].body
    assert [(block.type, block.text[:4]) for block in body] == [
        ("paragraph", "一季度西"),
        ("subheading", "从卖产品"),
        ("paragraph", "陕西秦川"),
    ]


def headline_beside_the_small_photos_under_the_next_one(pdf) -> None:
    song(pdf, 18)
    pdf.drawString(49, 560, "武汉光谷发布")
    pdf.drawString(67, 538, "激光新政")
    # The first rows a gutter apart (157 to 166), the second rows far more.
    pdf.drawString(166, 560, "植保无人机飞进田")
    pdf.drawString(211, 538, "间地头")
    song(pdf, 9)
    pdf.drawString(58, 510, "东湖高新区管委会发布支")
    columns(pdf, "持激光产业发展的若干措施与", 40, 496, rows=5, count=1, leading=14)
    pdf.drawString(40, 426, "办法。")
    # Two small photos side by side under the second headline, a caption under each.
    picture(pdf, 166, 470, 34, 40)
    picture(pdf, 209, 470, 34, 40)
    song(pdf, 7)
    pdf.drawString(166, 461, "无人机")
    pdf.drawString(209, 461, "技术员")
    song(pdf, 9)
    pdf.drawString(184, 440, "眼下正值早稻病虫")
    columns(pdf, "害防治关键期，十余架无人", 166, 426, rows=3, count=1, leading=14)
    pdf.drawString(166, 384, "机来回穿梭。")


def test_a_wide_white_over_a_gutter_parts_headlines_though_one_over_photos_spans_theirs():
    """A headline's second row level with the next headline's, a wide white between, over
    the first article's column edge, its gutter and a row of small photos under the second
    headline, whose first row spans the photos' own gutter: the white holds the columns'
    gutter, which nothing prints across, so the row is two headlines."""
    page = read_pdf(drawn_pdf(headline_beside_the_small_photos_under_the_next_one)).parse_page(0)
    assert [a.title for a in page.articles] == ["武汉光谷发布激光新政", "植保无人机飞进田间地头"]


def headlines_under_a_running_head_set_without_a_rule(pdf) -> None:
    song(pdf, 9)
    pdf.drawString(40, 578, "2026年3月5日 星期四")
    pdf.drawString(320, 578, "第3版")
    # The paper's name, centred in the running head, over the white between the headlines.
    song(pdf, 16)
    pdf.drawString(130, 578, "科创日报")
    song(pdf, 20)
    pdf.drawString(40, 550, "成都超算提速")
    pdf.drawString(172, 550, "武汉光谷新政")
    song(pdf, 9)
    pdf.drawString(58, 520, "成都超算中心今年")
    columns(pdf, "服务用户超过千家算力利用率", 40, 506, rows=4, count=1, leading=14)
    pdf.drawString(40, 450, "保持高位。")
    pdf.drawString(184, 520, "东湖高新区管委会")
    columns(pdf, "发布支持激光产业发展的若干", 166, 506, rows=4, count=1, leading=14)
    pdf.drawString(166, 450, "若干措施。")


def test_the_running_heads_row_tells_no_headline_where_its_row_parts():
    """Two headlines on one baseline, parted by white over their columns' gutter, under a
    running head set without a rule, the paper's name printed right over that white: the
    running head (its date and page number beside the name) is the page's furniture, no
    headline's line, so it prints nothing across the headlines' white."""
    page = read_pdf(drawn_pdf(headlines_under_a_running_head_set_without_a_rule)).parse_page(0)
    assert [a.title for a in page.articles] == ["成都超算提速", "武汉光谷新政"]


def headline_set_into_the_blank_half_of_a_closing_quote(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(40, 540, "西安企业“出海”")
    # The closing quote's em runs from 180 to 200, its ink to 190: the next headline starts
    # inside that em, over the columns' gutter (187 to 196).
    pdf.drawString(197, 540, "宁波研发新膜")
    song(pdf, 9)
    pdf.drawString(61, 510, "一季度西安市高新技术产品出口")
    columns(pdf, "额同比增长一批硬科技企业把网点开", 43, 496, rows=4, count=1, leading=14)
    pdf.drawString(43, 440, "到海外。")
    pdf.drawString(214, 510, "近日宁波甬膜新材料")
    columns(pdf, "有限公司研发的新型复合", 196, 496, rows=4, count=1, leading=14)
    pdf.drawString(196, 440, "膜通过鉴定。")


def test_a_headline_set_inside_a_closing_marks_em_is_the_next_headline():
    """A headline ending in a closing quote, the next headline set a little inside that
    quote's em, over the columns' gutter: a headline's glyphs advance an em each, and the
    mark prints in its em's left half, so the white after its ink parts two headlines."""
    page = read_pdf(drawn_pdf(headline_set_into_the_blank_half_of_a_closing_quote)).parse_page(0)
    assert [a.title for a in page.articles] == ["西安企业“出海”", "宁波研发新膜"]


def sections_down_a_column_beside_the_next_articles_text(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 520, "苏州医药")
    pdf.drawString(40, 502, "跑出加速")
    pdf.drawString(266, 520, "南京场景")
    song(pdf, 9)
    pdf.drawString(104, 540, "本报记者 林森")
    pdf.drawString(122, 526, "今年前五个月")
    columns(pdf, "苏州市生物医药业", 104, 512, rows=10, count=1, leading=14)
    pdf.drawString(104, 372, "增长较快。")
    pdf.drawString(185, 540, "承接的临床试验")
    pdf.drawString(185, 526, "超过百项。")
    song(pdf, 10)
    pdf.drawString(196, 511, "产业链条长")
    song(pdf, 9)
    pdf.drawString(203, 496, "从原料到器械")
    columns(pdf, "苏州产业链条日益", 185, 482, rows=4, count=1, leading=14)
    pdf.drawString(185, 426, "完整。")
    song(pdf, 10)
    pdf.drawString(191, 411, "人才引育沃土")
    song(pdf, 9)
    pdf.drawString(203, 396, "中国药科大学")
    columns(pdf, "园区共建研究院引", 185, 382, rows=2, count=1, leading=14)
    pdf.drawString(185, 354, "进人才。")
    pdf.drawString(284, 496, "新华社南京电")
    columns(pdf, "南京市发布首批应", 266, 482, rows=4, count=1, leading=14)
    pdf.drawString(266, 426, "用场景。")


def test_a_subheading_goes_on_from_the_section_over_it_as_that_sections_subheading_opened_it():
    """Two subheadings down one column, the section under the first level with the next
    article's column beside it: the first subheading goes on from the text over it and
    opens that section for its article; the second goes on from that section, so it and
    its own section are that article's too, though the next article's text stands nearer."""
    page = read_pdf(drawn_pdf(sections_down_a_column_beside_the_next_articles_text)).parse_page(0)
    assert [(a.title, a.plain_text().count("中国药科")) for a in page.articles] == [
        ("苏州医药跑出加速", 1),
        ("南京场景", 0),
    ]


def subtitle_on_one_baseline_with_the_next_articles_body(pdf) -> None:
    song(pdf, 20)
    pdf.drawString(60, 560, "合肥量子产业成形")
    pdf.drawString(240, 560, "海东牧场上云")
    # The subtitle, a size up from the body, shares its baseline with the next article's
    # first lines, and prints across the gutter (121 to 130) of its own columns under it.
    song(pdf, 11)
    pdf.drawString(60, 536, "——微芯量子计算机投入运行")
    song(pdf, 9)
    pdf.drawString(248, 536, "本报海东讯记者")
    pdf.drawString(320, 536, "耳朵上都有一个")
    columns(pdf, "走进互助县的一处", 230, 522, rows=3, count=1, leading=14)
    columns(pdf, "黄色的电子标签", 320, 522, rows=3, count=1, leading=14)
    pdf.drawString(58, 513, "新华社合肥电记")
    pdf.drawString(130, 513, "据介绍该计算机搭载")
    columns(pdf, "者从安徽省科技厅获", 40, 499, rows=3, count=1, leading=14)
    columns(pdf, "七十二个计算比特可", 130, 499, rows=3, count=1, leading=14)


def test_a_subtitle_on_one_baseline_with_anothers_body_prints_across_no_gutter():
    """A subtitle set a size up from the body, on one baseline with the next article's first
    lines (so its row is mostly body text), right over its own columns' gutter: a column's
    lines are set in one size, so the subtitle prints across no gutter of the body's columns,
    and their first lines part there."""
    lines = printed_lines(subtitle_on_one_baseline_with_the_next_articles_body)
    assert "新华社合肥电记" in lines
    assert "据介绍该计算机搭载" in lines


def column_between_a_short_headline_and_the_next_articles_byline(pdf) -> None:
    song(pdf, 15)
    pdf.drawString(40, 560, "西安企业出海")
    pdf.drawString(310, 560, "宁波研发新膜")
    song(pdf, 9)
    pdf.drawString(58, 530, "一季度西安市高")
    columns(pdf, "新技术产品出口额", 40, 516, rows=3, count=1, leading=14)
    pdf.drawString(40, 474, "增长。")
    columns(pdf, "企业把服务网点开", 130, 530, rows=4, count=1, leading=14)
    pdf.drawString(130, 474, "到海外。")
    # Under neither headline: the first article's last column, a new paragraph.
    pdf.drawString(238, 530, "陕西省有关负责")
    columns(pdf, "人介绍将建立重点", 220, 516, rows=3, count=1, leading=14)
    pdf.drawString(220, 474, "企业名单。")
    pdf.drawString(310, 530, "通讯员 刘洋 张帆")
    pdf.drawString(328, 516, "近日宁波一家")
    columns(pdf, "企业研发的新型膜", 310, 502, rows=3, count=1, leading=14)
    pdf.drawString(310, 460, "通过鉴定。")


def test_a_column_left_of_the_one_a_byline_opens_is_not_that_bylines_article():
    """A column under neither headline, between the first article's columns and the next
    article's first column, which opens with its byline: an article opens with its byline at
    the head of its first column and reads on rightwards, so the column is the first
    article's, though the chain from the next headline reaches it sooner."""
    page = read_pdf(drawn_pdf(column_between_a_short_headline_and_the_next_articles_byline))
    assert [(a.title, a.plain_text().count("陕西省")) for a in page.parse_page(0).articles] == [
        ("西安企业出海", 1),
        ("宁波研发新膜", 0),
    ]


def two_articles_reading_on_across_columns(pdf, step: float, texts: list[str], last: list[str]):
    """The first article's text over three columns `step` apart (its last column's lines
    `last`), the next article's headline over the fourth; `texts` are the first article's
    indented opening, its first column's lines and its second's."""
    song(pdf, 14)
    pdf.drawString(40, 560, "成都超算服务")
    pdf.drawString(40 + 3 * step, 560, "武汉光谷新政")
    song(pdf, 9)
    opening, first, second = texts
    pdf.drawString(58, 530, opening)
    columns(pdf, first, 40, 516, rows=3, count=1, leading=14)
    columns(pdf, second, 40 + step, 530, rows=3, count=1, leading=14)
    pdf.drawString(40 + step, 488, second[::-1])
    for row, line in enumerate(last):
        pdf.drawString(40 + 2 * step, 530 - 14 * row, line)
    pdf.drawString(58 + 3 * step, 530, "东湖高新区")
    columns(pdf, "发布支持激光产业", 40 + 3 * step, 516, rows=3, count=1, leading=14)


def column_running_on_across_a_wide_gutter(pdf) -> None:
    # Columns eight characters wide, two and a half apart.
    texts = ["记者从国家超", "级计算成都中心获", "悉该中心今年服务"]
    two_articles_reading_on_across_columns(pdf, 94.5, texts, ["市经信局负责人表", "示将继续实施。"])


def test_a_column_opening_mid_sentence_goes_on_across_a_gutter_up_to_three_ems_wide():
    """The column running on mid-sentence beside the next article's columns, the gutters two
    and a half characters wide: papers set gutters up to three characters, and the text
    still reads on across one, so the column is the first article's."""
    page = read_pdf(drawn_pdf(column_running_on_across_a_wide_gutter)).parse_page(0)
    assert [(a.title, a.plain_text().count("经信局")) for a in page.articles] == [
        ("成都超算服务", 1),
        ("武汉光谷新政", 0),
    ]


def one_line_column_running_on_beside_the_next_articles_columns(pdf) -> None:
    # The article's last line, alone at the head of the next column, flush with its edge.
    texts = ["记者从国家超", "级计算成都中心获", "悉该中心今年服务"]
    two_articles_reading_on_across_columns(pdf, 81, texts, ["经信局如是说。"])


def test_a_one_line_column_a_gutter_on_from_a_column_running_on_into_it_goes_on_from_it():
    """An article's last line alone at the head of the column after one ending full and
    mid-sentence, as far from it as the columns stand apart (flush, on the page's grid of
    columns), the next article's columns beside it: the text reads on into it, so it is the
    first article's, though the next headline's chain reaches it sooner."""
    page = read_pdf(drawn_pdf(one_line_column_running_on_beside_the_next_articles_columns))
    assert [(a.title, a.plain_text().count("如是说")) for a in page.parse_page(0).articles] == [
        ("成都超算服务", 1),
        ("武汉光谷新政", 0),
    ]


def columns_under_a_headlines_photo_beside_anothers_column(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 540, "武汉光谷")
    pdf.drawString(40, 522, "发布新政")
    pdf.drawString(185, 560, "植保无人机飞进田间")
    song(pdf, 9)
    # The first article's headline beside its one long column.
    pdf.drawString(122, 560, "东湖高新区")
    columns(pdf, "发布支持激光产业", 104, 546, rows=10, count=1, leading=14)
    pdf.drawString(104, 406, "的措施。")
    # The second headline over its photo, its caption, then its columns under them.
    picture(pdf, 185, 505, 126, 40)
    song(pdf, 7)
    pdf.drawString(185, 497, "无人机在稻田上空作业")
    song(pdf, 9)
    pdf.drawString(203, 476, "眼下正值早稻")
    columns(pdf, "病虫害防治关键期", 185, 462, rows=4, count=1, leading=14)
    pdf.drawString(185, 406, "十余架")
    columns(pdf, "无人机来回穿梭一", 266, 476, rows=5, count=1, leading=14)
    pdf.drawString(266, 406, "天作业千亩。")


def test_the_columns_under_a_headlines_photo_are_its_own_though_anothers_column_is_nearer():
    """A headline over its photo and caption, its columns set under them, beside another
    article's long column (that article's headline set beside it): the columns start lower
    than the one beside them because the photo stands over them, so they are the photo's
    headline's, though the chain from the other headline reaches them sooner."""
    page = read_pdf(drawn_pdf(columns_under_a_headlines_photo_beside_anothers_column))
    assert [(a.title, a.plain_text().count("早稻")) for a in page.parse_page(0).articles] == [
        ("武汉光谷发布新政", 0),
        ("植保无人机飞进田间", 1),
    ]


def two_columns_running_on_beside_the_next_articles_columns(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 560, "超算服务")
    pdf.drawString(328, 556, "光谷新政")
    song(pdf, 9)
    pdf.drawString(58, 530, "记者从国家")
    columns(pdf, "超级计算成都", 40, 516, rows=3, count=1, leading=14)
    columns(pdf, "中心获悉该中心", 112, 530, rows=4, count=1, leading=14)
    columns(pdf, "今年服务用户超", 184, 530, rows=4, count=1, leading=14)
    # The last column's head a typesetter's rounding higher than the one before it.
    pdf.drawString(256, 530.01, "过千家成都市")
    pdf.drawString(256, 516.01, "经信局如是说。")
    pdf.drawString(346, 530, "东湖高新")
    columns(pdf, "区发布支持激光", 328, 516, rows=3, count=1, leading=14)


def test_columns_running_on_one_after_another_go_on_from_the_first_article_left_to_right():
    """Two columns running on one after the other (each opening flush mid-sentence, the first
    ending so too) beside the next article's columns, both reached first from its headline:
    the text reads on from column to column left to right, so the second goes on from the
    first once that one is the first article's, whichever the page lists first."""
    page = read_pdf(drawn_pdf(two_columns_running_on_beside_the_next_articles_columns))
    assert [(a.title, a.plain_text().count("如是说")) for a in page.parse_page(0).articles] == [
        ("超算服务", 1),
        ("光谷新政", 0),
    ]


def columns_under_a_short_headlines_wide_photo(pdf) -> None:
    song(pdf, 14)
    pdf.drawString(40, 560, "高校成果转化")
    pdf.drawString(283, 560, "湘江中试")
    # The first headline set flush left over a photo three columns wide.
    picture(pdf, 40, 505, 234, 40)
    song(pdf, 7)
    pdf.drawString(40, 497, "图为签约现场")
    song(pdf, 9)
    pdf.drawString(58, 476, "本报讯七月九")
    columns(pdf, "日浙江一所大学", 40, 462, rows=4, count=1, leading=14)
    columns(pdf, "与十二家企业集中", 121, 476, rows=5, count=1, leading=14)
    pdf.drawString(220, 476, "副校长介绍学")
    columns(pdf, "校推行先使用后付", 202, 462, rows=3, count=1, leading=14)
    pdf.drawString(202, 420, "费模式。")
    # The next article's long column beside them, under its own headline.
    pdf.drawString(301, 536, "湖南省科技")
    columns(pdf, "厅了解到湘江实验", 283, 522, rows=8, count=1, leading=14)


def test_the_columns_under_a_short_headlines_wide_photo_are_its_own():
    """A headline set flush left over a photo wider than twice its length, its columns under
    the photo, the next article's long column beside them: the headline stands over the
    photo, so the columns under it are its own, though the next article's column is
    nearer."""
    page = read_pdf(drawn_pdf(columns_under_a_short_headlines_wide_photo)).parse_page(0)
    assert [(a.title, a.plain_text().count("费模式")) for a in page.articles] == [
        ("高校成果转化", 1),
        ("湘江中试", 0),
    ]


def kicker_under_the_running_heads_page_name(pdf) -> None:
    song(pdf, 12)
    pdf.drawString(40, 561.7, "第3版")
    song(pdf, 9)
    pdf.drawString(230, 562, "2026年3月5日 星期四")
    # The page's name, then a kicker of its size under it, with no rule between.
    song(pdf, 14)
    pdf.drawString(86, 560, "区域创新")
    pdf.drawString(40, 529.6, "聚焦首届博览会：")
    song(pdf, 24)
    pdf.drawString(40, 500, "深圳物流航线破百")
    song(pdf, 9)
    pdf.drawString(58, 460, "新华社深圳电记者从深圳")
    columns(pdf, "市交通运输局获悉深圳已开通", 40, 446, rows=3, count=1, leading=14)
    pdf.drawString(40, 404, "无人机航线。")


def test_a_kicker_stacked_under_the_running_heads_page_name_is_the_kickers_alone():
    """A running head set without a rule, the page's name in it set in the size of the
    kicker under it, the two stacked as one block: the running head is a row of its own,
    so the page's name is the running head's and the kicker is the headline's alone."""
    page = read_pdf(drawn_pdf(kicker_under_the_running_heads_page_name)).parse_page(0)
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("聚焦首届博览会：", "深圳物流航线破百")
    ]
    assert page.running_head.name == "区域创新"
