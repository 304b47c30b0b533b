"""The parser on layouts the sample pages do not show: one small page per failure class of
issue 12, each written here (not taken from any sample), each failing on the parser before it."""

import datetime
import re
import sys
from pathlib import Path

import pytest

from articles.pagetext import Byline, PageTextError, RunningHead, parse_page
from articles.pagetext import lines as lines_module
from articles.pagetext.parser import MAX_PAGE_CHARACTERS
from articles.pagetext.running import read_running_head, running_head_length

WHITESPACE = re.compile(r"\s+")


def page(*printed_lines: str) -> str:
    """A page as extraction leaves it: each printed line followed by a blank line."""
    return "\n\n".join(printed_lines) + "\n"


#: Two paragraphs set twelve characters a line, each first line indented by two.
BODY = (
    "本报讯（记者 方舟）近",
    "日，某市新建的算力中心投",
    "入运行，首批接入企业四十",
    "家。",
    "该中心负责人介绍，算",
    "力资源将优先服务中小企业，",
    "使用成本比市场价低三成。",
)


def test_a_running_head_over_several_lines_is_not_an_article():
    text = page(
        "2025年3月4日 星期二",
        "科技前沿",
        "5",
        "责任编辑：王晓 美术编辑：季明",
        "算力中心投运算力中心投运",
        *BODY,
    )
    parsed = parse_page(text)
    (article,) = parsed.articles
    assert article.title == "算力中心投运"
    assert article.dateline == "本报讯"
    assert parsed.running_head == RunningHead(datetime.date(2025, 3, 4), 5, "科技前沿")


def test_a_running_head_on_one_line_names_page_number_and_name():
    lines = ["东方科技报 2025年11月2日 星期日 第12版 产业观察 责任编辑：沈澜", "标题", "正文。"]
    assert running_head_length(lines) == 1
    assert read_running_head(lines[:1]) == RunningHead(datetime.date(2025, 11, 2), 12, "产业观察")


def test_a_page_without_running_head_keeps_its_first_lines():
    assert running_head_length(["算力中心投运", *BODY]) == 0


def test_a_fake_bold_headline_printed_whole_twice_is_one_headline():
    parsed = parse_page(page("算力中心投运", "算力中心投运", *BODY))
    (article,) = parsed.articles
    assert article.title == "算力中心投运"
    assert article.bylines == [Byline("记者", "方舟")]


def test_a_bold_headlines_short_last_line_printed_run_by_run_ends_it():
    # pdfminer prints the headline's full lines whole, twice, but its short last line as one
    # line with the character doubled; the two are one text box (single newlines).
    text = "新型储能电站在西部\n新型储能电站在西部\n并网\n并网\n站站\n\n" + page(*BODY)
    (article,) = parse_page(text).articles
    assert article.title == "新型储能电站在西部并网站"
    assert article.dateline == "本报讯"


def test_running_head_lines_given_after_a_headline_beside_them_stay_the_running_head():
    text = page(
        "第5版 科技前沿",
        "西部算力中心正式投入运行西部算力中心正式投入运行",
        "2025年3月4日 星期二",
        "责编：王晓 美编：季明",
        *BODY,
    )
    parsed = parse_page(text)
    (article,) = parsed.articles
    assert article.title == "西部算力中心正式投入运行"
    assert article.captions == []
    assert parsed.running_head == RunningHead(datetime.date(2025, 3, 4), 5, "科技前沿")


def test_a_body_line_opening_with_a_page_number_is_not_taken_for_the_running_head():
    parsed = parse_page(page("算力中心投运算力中心投运", *BODY[:4], "第5版刊登了", *BODY[4:]))
    assert "第5版刊登了" in "".join(block.text for block in parsed.articles[0].body)


def test_a_text_far_longer_than_any_page_is_refused_in_one_line():
    with pytest.raises(PageTextError) as refused:
        parse_page("本报讯 近日，某市召开大会。\n\n" * 10_000)
    assert "\n" not in str(refused.value)
    assert str(MAX_PAGE_CHARACTERS) in str(refused.value)


def long_page(lines: int) -> str:
    """One paragraph of distinct full lines, blank lines between, as extraction prints them."""
    return page("产业园区产业园区", *[f"第{number}号项目今年签约" for number in range(lines)])


def executed_parser_lines(text: str) -> int:
    """How many lines of the parser's own code run to parse text: its work, whatever the clock."""
    package = str(Path(lines_module.__file__).parent)
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(package):
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        parse_page(text)
    finally:
        sys.settrace(None)
    return count


def test_the_parsers_work_grows_linearly_with_the_page():
    """A 4x longer page takes at most 5x the parser's steps (quadratic growth would be 16x)."""
    small, large = executed_parser_lines(long_page(100)), executed_parser_lines(long_page(400))
    assert large <= 5 * small


def test_a_long_paragraph_is_joined_once_not_once_per_line(monkeypatch):
    """Counting, not timing: the characters the parser joins grow with the page, not its square."""
    joined = []

    def counting_join(pieces):
        joined.append(sum(len(piece) for piece in pieces))
        return real_join(pieces)

    real_join = lines_module.join_printed_lines
    monkeypatch.setattr(lines_module, "join_printed_lines", counting_join)
    sizes = {}
    for count in (100, 400):
        joined.clear()
        parse_page(long_page(count))
        sizes[count] = sum(joined)
    assert sizes[400] <= 5 * sizes[100]


def squeeze(text: str | None) -> str:
    return WHITESPACE.sub("", text or "")


def test_photo_news_in_a_wide_column_is_one_caption_whose_photographer_is_its_byline():
    parsed = parse_page(
        page(
            "稻田收割",
            "10月12日，在某县的稻田里，北斗导航收割机正在作业。今年当地推广",
            "无人驾驶农机三百余台，水稻收获进度比去年同期快了一周。",
            "图为农机手在查看作业数据。（新华社记者 何穗 摄）",
        )
    )
    (photo,) = parsed.articles
    assert photo.kind == "photo"
    assert photo.title == "稻田收割"
    assert photo.bylines == [Byline("记者", "何穗")]
    assert squeeze(photo.captions[0]).endswith("图为农机手在查看作业数据。（新华社记者何穗摄）")
    assert squeeze(photo.captions[0]).startswith("10月12日")


def test_a_one_sentence_caption_after_the_last_paragraph_is_the_articles_own():
    parsed = parse_page(
        page(
            "电梯加装电梯加装",
            *BODY,
            "居民乘坐新装的电梯。（通讯员 米乐",
            "摄）",
        )
    )
    (article,) = parsed.articles
    assert article.bylines == [Byline("记者", "方舟")]
    assert [squeeze(caption) for caption in article.captions] == [
        "居民乘坐新装的电梯。（通讯员米乐摄）"
    ]
    assert len(article.body) == 2


def test_a_kicker_over_a_bold_title_and_a_subtitle_under_it_by_their_face():
    parsed = parse_page(
        page("聚焦新型储能", "钠电池产线投产钠电池产线投产", "首期年产能五吉瓦时", *BODY)
    )
    (article,) = parsed.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "聚焦新型储能",
        "钠电池产线投产",
        "首期年产能五吉瓦时",
    )


def test_a_subheading_in_a_nine_character_column_is_not_run_into_the_next_paragraph():
    parsed = parse_page(
        page(
            "园区签约园区签约",
            "本报讯（记者 方",
            "舟）近日，某市两所",
            "高校与园区签署协议。",
            "先使用后付费",
            "据介绍，企业可",
            "免费试用专利三年，",
            "产生收益后再付费。",
        )
    )
    (article,) = parsed.articles
    assert article.dateline == "本报讯"
    assert [(block.type, block.text) for block in article.body] == [
        ("paragraph", "近日，某市两所高校与园区签署协议。"),
        ("subheading", "先使用后付费"),
        ("paragraph", "据介绍，企业可免费试用专利三年，产生收益后再付费。"),
    ]


def test_a_byline_set_in_a_narrow_column_runs_on_to_the_next_line():
    parsed = parse_page(
        page("航材供应航材供应", "■本报记者 闵行舟 通", "讯员 柏青 顾远", *BODY[4:])
    )
    (article,) = parsed.articles
    assert article.bylines == [
        Byline("记者", "闵行舟"),
        Byline("通讯员", "柏青"),
        Byline("通讯员", "顾远"),
    ]


def test_two_plain_headlines_between_two_articles_divide_where_a_line_widens():
    parsed = parse_page(
        page(
            *BODY,
            "“科技小院”扎",
            "根田间地头",
            "高校专利“沉睡”变",
            "“唤醒”",
            "本报讯（记者 齐鸣）近日，",
            "两所高校与园区签署协",
            "议，首批发布专利三百项。",
        )
    )
    first, second = parsed.articles
    assert first.title == "“科技小院”扎根田间地头"
    assert second.title == "高校专利“沉睡”变“唤醒”"


def test_an_article_after_one_with_a_dateline_keeps_its_plain_headline_and_closing_byline():
    parsed = parse_page(
        page(
            "算力中心投运算力中心投运",
            *BODY,
            "秸秆变身餐盒",
            "走进某生物科技",
            "公司的车间，一捆捆",
            "秸秆变成了白净的餐",
            "盒，远销东南亚。（通",
            "讯员 方志强）",
        )
    )
    first, second = parsed.articles
    assert first.bylines == [Byline("记者", "方舟")]
    assert second.title == "秸秆变身餐盒"
    assert second.bylines == [Byline("通讯员", "方志强")]


def test_a_paragraph_ending_in_latin_letters_still_ends_before_an_indented_line():
    """Extraction follows a line ending in Latin letters with a single newline: no binding."""
    text = (
        "储能产线投产储能产线投产\n\n本报讯（记者 方舟）近\n\n日，某市储能产线投入运\n\n"
        "行，首期设计产能5GWh。\n据介绍，该产线采用\n\n新型正极材料，电芯能量密\n\n度明显提升。\n"
    )
    (article,) = parse_page(text).articles
    assert [block.text for block in article.body] == [
        "近日，某市储能产线投入运行，首期设计产能5GWh。",
        "据介绍，该产线采用新型正极材料，电芯能量密度明显提升。",
    ]


def test_a_kicker_over_a_bold_title_after_a_closed_paragraph_is_not_that_paragraphs_line():
    parsed = parse_page(
        page("算力中心投运", *BODY, "聚焦新型储能产业：", "钠电池产线投产钠电池产线投产", *BODY)
    )
    first, second = parsed.articles
    assert (second.kicker, second.title) == ("聚焦新型储能产业：", "钠电池产线投产")
    assert (
        first.body[-1].text
        == "该中心负责人介绍，算力资源将优先服务中小企业，使用成本比市场价低三成。"
    )


def test_a_kicker_closed_by_a_colon_over_a_title_closed_by_a_quote_is_a_headline():
    parsed = parse_page(page("创新驱动发展：", "高校专利“沉睡”变“唤醒”", *BODY))
    (article,) = parsed.articles
    assert (article.kicker, article.title) == ("创新驱动发展：", "高校专利“沉睡”变“唤醒”")


def test_a_plain_headline_as_wide_as_the_indented_line_under_it_is_still_a_headline():
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "秸秆变身降解环保餐盒",
            "走进某生物科技公司的",
            "车间，一捆捆秸秆变成了白",
            "净的餐盒，远销东南亚和欧",
            "洲。（通讯员 方志强）",
        )
    )
    first, second = parsed.articles
    assert second.title == "秸秆变身降解环保餐盒"
    assert second.body[0].text.startswith("走进某生物科技公司的")


def test_a_bold_headline_after_its_body_and_the_plain_one_of_the_next_article_divide():
    parsed = parse_page(
        page(*BODY, "深海着陆器完成海试深海着陆器完成海试", "无人机配送开进山区村庄", *BODY)
    )
    first, second = parsed.articles
    assert first.title == "深海着陆器完成海试"
    assert second.title == "无人机配送开进山区村庄"


def test_a_headline_with_its_subtitle_after_its_body_leaves_the_next_kicker_and_title():
    parsed = parse_page(
        page(
            *BODY,
            "氢能重卡跑出",
            "零碳运输",
            "——百辆货车投入港口集疏运",
            "科技特派员在行动",
            "一颗草莓的成长一颗草莓的成长",
            *BODY,
        )
    )
    first, second = parsed.articles
    assert (first.title, first.subtitle) == ("氢能重卡跑出零碳运输", "——百辆货车投入港口集疏运")
    assert (second.kicker, second.title) == ("科技特派员在行动", "一颗草莓的成长")


def test_a_marked_caption_no_wider_than_the_text_does_not_run_on_into_a_headline():
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "▲市民在算力中心参观体验",
            "“科技小院”扎根",
            "田间地头",
            *BODY,
        )
    )
    first, second = parsed.articles
    assert first.captions == ["市民在算力中心参观体验"]
    assert second.title == "“科技小院”扎根田间地头"


def test_a_caption_as_wide_as_the_text_after_its_last_paragraph_keeps_that_paragraph():
    parsed = parse_page(
        page(
            "电梯加装电梯加装",
            *BODY,
            "“以前爬楼要歇三回，",
            "现在一按就到家了。”王阿",
            "姨笑着对记者这样说道。",
            "居民乘坐新装的电梯。（通",
            "讯员 米乐摄）",
        )
    )
    (article,) = parsed.articles
    assert [squeeze(caption) for caption in article.captions] == [
        "居民乘坐新装的电梯。（通讯员米乐摄）"
    ]
    assert (
        article.body[-1].text == "“以前爬楼要歇三回，现在一按就到家了。”王阿姨笑着对记者这样说道。"
    )


def test_a_caption_pointing_at_its_picture_after_a_closed_sentence_is_a_caption():
    parsed = parse_page(page("算力中心投运算力中心投运", *BODY, "图为中心的机房。"))
    (article,) = parsed.articles
    assert article.captions == ["图为中心的机房。"]
    assert len(article.body) == 2


def test_a_two_line_paragraph_after_a_full_closing_line_is_a_paragraph_of_its_own():
    """Too few lines follow to measure the column: the column above says it is indented."""
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "该中心还将开放科普展",
            "厅，供市民预约参观。",
            "秸秆变身餐盒秸秆变身餐盒",
            *BODY,
        )
    )
    first, second = parsed.articles
    assert [block.text for block in first.body][1:] == [
        "该中心负责人介绍，算力资源将优先服务中小企业，使用成本比市场价低三成。",
        "该中心还将开放科普展厅，供市民预约参观。",
    ]


def test_a_photo_news_title_between_an_article_and_its_wide_caption_is_the_photos():
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "智能农机助秋收",
            "10月12日，在某县的稻田里，北斗导航收割机正在作业。今年当地推广",
            "无人驾驶农机三百余台，水稻收获进度比去年同期快了一周。",
            "图为农机手在查看作业数据。通讯员何穗摄",
        )
    )
    article, photo = parsed.articles
    assert [block.type for block in article.body] == ["paragraph", "paragraph"]
    assert (photo.kind, photo.title) == ("photo", "智能农机助秋收")


def test_headlines_after_two_bodies_go_to_their_own_articles_down_the_page():
    """The second article's headline sits in the lines after the first one's body, so the
    lines before the third text are the third article's, not the second's."""
    parsed = parse_page(
        page(
            *BODY,
            "城市大脑让红绿灯更聪",
            "明",
            "大科学装置开放共享",
            "记者 孔令晨",
            "某省公布首批向企业开",
            "放的大科学装置名单，散裂",
            "中子源等十二个设施入选。",
            "企业可通过线上平台预",
            "约机时，按成本价支付费用。",
            "海上风机吊装",
            "9月18日，在某海域，施工人员正在吊装单机容量十六兆瓦的海上风电机组。",
            "该机组叶轮直径超过二百米。（记者 邱岚 摄）",
        )
    )
    first, second, photo = parsed.articles
    assert first.title == "城市大脑让红绿灯更聪明"
    assert second.title == "大科学装置开放共享"
    assert (photo.kind, photo.title) == ("photo", "海上风机吊装")


def test_a_headline_glued_over_two_lines_after_another_is_the_next_articles_whole():
    text = page(*BODY, "大科学装置开放", "共享新装置") + "\n园区签约十二\n项目\n\n" + page(*BODY)
    first, second = parse_page(text).articles
    assert first.title == "大科学装置开放共享新装置"
    assert second.title == "园区签约十二项目"


def test_a_headline_over_an_opening_dateline_is_not_given_to_the_rest_of_an_article():
    """The extractor printed an article's last column after its closing byline's column."""
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "（通讯员 洪科宣）",
            "算力资源还将向高校和科研院",
            "所开放，首批签约单位十家。",
            "园区签约十二个项目",
            *BODY,
        )
    )
    titles = [article.title for article in parsed.articles]
    assert titles[-1] == "园区签约十二个项目"


#: An article without dateline or bylines at its head, set twelve characters a line.
PLAIN_BODY = (
    "走进某生物科技公司的",
    "车间，一捆捆秸秆变成了白",
    "净的餐盒，远销东南亚和欧",
    "洲。",
)


def test_a_plain_heading_after_a_closing_byline_is_the_next_articles_headline():
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY[4:],
            "该中心还将开放展厅。（通",
            "讯员 方志强）",
            "秸秆变身餐盒",
            *PLAIN_BODY,
        )
    )
    first, second = parsed.articles
    assert first.bylines == [Byline("通讯员", "方志强")]
    assert second.title == "秸秆变身餐盒"
    assert [block.type for block in second.body] == ["paragraph"]


def test_headlines_read_as_subheadings_divide_when_closing_bylines_split_the_articles():
    """Bylines at the head and at the end make two articles; the first had no headline above
    its text, so the heading lines between the two hold its headline, then the second's."""
    parsed = parse_page(
        page(
            "记者 齐鸣",
            *BODY[4:],
            "园区挂牌运营",
            "秸秆变身餐盒",
            *PLAIN_BODY[:-1],
            "洲。（通讯员 方志强）",
        )
    )
    first, second = parsed.articles
    assert (first.title, first.bylines) == ("园区挂牌运营", [Byline("记者", "齐鸣")])
    assert (second.title, second.bylines) == ("秸秆变身餐盒", [Byline("通讯员", "方志强")])


def test_a_plain_kicker_over_a_bold_title_after_the_body_stays_with_that_title():
    parsed = parse_page(
        page(*BODY, "聚焦新型储能", "钠电池产线投产钠电池产线投产", *BODY, "园区签约项目")
    )
    first, second = parsed.articles
    assert (first.kicker, first.title) == ("聚焦新型储能", "钠电池产线投产")
    assert second.title == "园区签约项目"


def test_a_subheading_filling_a_nine_character_line_is_still_a_subheading():
    parsed = parse_page(
        page(
            "园区签约园区签约",
            "本报讯（记者 方",
            "舟）近日，某市两所",
            "高校与园区签署协议，",
            "首批发布专利三百项。",
            "先试用后付费的模式",
            "据介绍，企业可",
            "免费试用专利三年，",
            "产生收益后再付费。",
        )
    )
    (article,) = parsed.articles
    assert [block.type for block in article.body] == ["paragraph", "subheading", "paragraph"]
    assert article.body[1].text == "先试用后付费的模式"


def test_a_caption_with_its_credit_on_a_line_of_its_own_is_one_caption():
    parsed = parse_page(page("算力中心投运", *BODY, "工人在机房检查服务器设备。", "通讯员 何穗摄"))
    (article,) = parsed.articles
    assert [squeeze(caption) for caption in article.captions] == [
        "工人在机房检查服务器设备。通讯员何穗摄"
    ]
    assert len(article.body) == 2


def test_a_byline_line_over_text_that_goes_on_unindented_closes_the_article_above():
    """An extractor printed an article's byline column before its last column: the text
    under the byline starts with a full line, so no article opens there."""
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "通讯员 洪科宣",
            "园区还将建设两座数据中心，",
            "预计明年年底全部投入使用，",
            "届时总算力将再翻一番。",
            "园区签约十二个项目",
            *BODY,
        )
    )
    assert parsed.articles[-1].title == "园区签约十二个项目"


def test_a_subtitle_after_its_body_is_not_taken_for_the_next_titles_kicker():
    parsed = parse_page(
        page(*BODY, "氢能重卡投运氢能重卡投运", "——百辆货车投入港口", "园区挂牌园区挂牌", *BODY)
    )
    first, second = parsed.articles
    assert (first.title, first.subtitle) == ("氢能重卡投运", "——百辆货车投入港口")
    assert (second.kicker, second.title) == (None, "园区挂牌")


def test_a_headline_after_its_body_as_wide_as_the_text_stands_before_the_next_dateline():
    parsed = parse_page(
        page(
            "算力中心投运",
            *BODY,
            "园区企业新签约十二个项目",
            "本报讯（记者 齐鸣）近",
            "日，两所高校与园区签署协",
            "议，首批发布专利三百项。",
        )
    )
    first, second = parsed.articles
    assert [block.text for block in first.body][-1].endswith("低三成。")
    assert second.title == "园区企业新签约十二个项目"


#: An article's one paragraph opening with its dateline, set twelve characters a line.
SENSOR_BODY = (
    "本报讯（记者 林木）在某",
    "县的草莓种植基地，大棚里",
    "的传感器每隔十分钟上报一",
    "次数据。",
)
#: The same article opening with its byline on a line of its own, set eleven characters a line.
BYLINED_SENSOR_BODY = (
    "■本报记者 林木",
    "在某县的草莓种植基地，",
    "大棚里的传感器每隔十分钟",
    "上报一次数据。",
)
#: A headlined article closed by a one-line ▲ caption set wider than its text.
CAPTIONED_ARTICLE = ("算力中心投运算力中心投运", *BODY, "▲算力中心机房一角的服务器机柜")


def test_a_kicker_after_a_caption_line_opens_the_next_headline():
    """A ▲ caption never ends on a colon: a colon line after it is the next headline's kicker."""
    text = page(
        *CAPTIONED_ARTICLE,
        "数字乡村：",
        "大棚里的传感器",
        *SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角的服务器机柜"]
    assert (second.kicker, second.title) == ("数字乡村：", "大棚里的传感器")


def test_a_photo_credit_broken_before_its_last_characters_stays_whole():
    """A credit (`记者某某摄`) broken at its line end goes on with `摄` on the next line: that
    short line closes the caption, and is no part of the headline set after the body."""
    text = page(
        "草莓大棚装上传感器草莓大棚装上传感器",
        *SENSOR_BODY,
        *BODY,
        "工程师在机房里巡检服务器。本报记者陈硕",
        "摄",
        "算力中心投",
        "运首批企业",
    )
    first, second = parse_page(text).articles
    assert second.captions == ["工程师在机房里巡检服务器。本报记者陈硕摄"]
    assert second.title == "算力中心投运首批企业"


#: Photo news in a wide column with its credit, for pages that end with one.
PHOTO_NEWS = (
    "10月12日，在某县的稻田里，北斗导航收割机正在作业。今年当地推广",
    "无人驾驶农机三百余台，水稻收获进度比去年同期快了一周。",
    "图为农机手在查看作业数据。通讯员何穗摄",
)


def test_lines_after_a_dash_subtitle_before_photo_news_are_the_photos_title():
    """A dash opens only a headline's last line, its subtitle: a line after it in the same
    face before photo news is the photo's title, not more of the headline set after a body."""
    parsed = parse_page(
        page(*BODY, "算力中心投运", "——首批接入企业四十家", "智能农机助秋收", *PHOTO_NEWS)
    )
    article, photo = parsed.articles
    assert (article.title, article.subtitle) == ("算力中心投运", "——首批接入企业四十家")
    assert (photo.kind, photo.title) == ("photo", "智能农机助秋收")


def test_an_unpunctuated_last_line_after_a_closed_sentence_is_the_headline_after_the_body():
    """A paragraph's last line closes its sentence: the page's last line that does not, after
    one that does, is the headline set after the last article's body, however wide."""
    text = page(*BODY[:5], "力资源将优先服务中小企业。", "算力中心正式投入运行使用")
    (article,) = parse_page(text).articles
    assert article.title == "算力中心正式投入运行使用"
    assert article.body[-1].text.endswith("服务中小企业。")


def test_a_headline_after_a_body_over_untitled_photo_news_stays_apart_from_its_caption():
    """A line far short of the wide line under it, without an indent, is no caption's first
    line: it is the headline set after the article's body, over photo news."""
    parsed = parse_page(page(*BODY, "算力中心投运首批接入企业四十家", *PHOTO_NEWS))
    article, photo = parsed.articles
    assert article.title == "算力中心投运首批接入企业四十家"
    assert (photo.kind, photo.title) == ("photo", None)
    assert photo.captions[0].startswith("10月12日")


def test_a_headline_broken_inside_quotation_marks_is_not_divided_there():
    """A headline closes every quotation mark it opens: a line break inside `“…”` is inside
    one title, whatever the line widths: the lines between two bodies are one headline."""
    text = page(*BODY, "电梯装上“智慧大电梯装上“智慧大", "脑”脑”", *BODY)
    first, second = parse_page(text).articles
    assert first.title == "电梯装上“智慧大脑”"
    assert second.title is None


def test_an_advertisement_labelled_as_one_is_no_article():
    text = page(
        "西部算力中心正式投入运行西部算力中心正式投入运行", *BODY, "绿色出行从我做起", "广告"
    )
    parsed = parse_page(text)
    (article,) = parsed.articles
    assert article.title == "西部算力中心正式投入运行"
    assert "".join(block.text for block in article.body).endswith("使用成本比市场价低三成。")


def test_an_ad_label_glued_into_a_paragraph_is_text_and_leaves_the_line_before_it():
    text = page(*BODY[:6], "使用成本比市场价低三成。\n公益广告", "本报宣")
    (article,) = parse_page(text).articles
    assert "公益广告" in "".join(block.text for block in article.body)


def test_a_subheading_in_one_text_box_with_the_paragraph_under_it_is_a_heading():
    # pdfminer joins the subheading and its paragraph's lines by single newlines.
    text = (
        page(*BODY[:4])
        + "\n"
        + page(
            "\n".join(
                ("服务向基层延伸", "县里企业用上这里的算", "力，首批已有二十家签约使", "用。")
            )
        )
    )
    (article,) = parse_page(text).articles
    assert [block.type for block in article.body] == ["paragraph", "subheading", "paragraph"]
    assert article.body[1].text == "服务向基层延伸"
    assert article.body[2].text == "县里企业用上这里的算力，首批已有二十家签约使用。"


def test_photo_news_closing_the_page_on_one_wide_line_keeps_its_title_apart():
    caption = (
        "5月6日，在某市的智能工厂里，机械臂正在组装新能源汽车的电池包。"
        "图为工人在检查组装好的电池包。■记者 方舟 摄"
    )
    parsed = parse_page(
        page(
            "西部算力中心正式投入运行西部算力中心正式投入运行",
            *BODY,
            "▲图为机房。方舟摄",
            "机械臂进车间",
            caption,
        )
    )
    photo = parsed.articles[-1]
    assert photo.title == "机械臂进车间"
    assert photo.captions[0].startswith("5月6日")


#: A second article set twelve characters a line, opening with its bylines.
BYLINED_BODY = (
    "记者 林岚",
    "城郊的蔬菜基地日前用",
    "上了智能滴灌系统，传感器实",
    "时监测土壤墒情，按需供水。",
    "基地负责人介绍，系统",
    "投用后每亩节水三成以上。",
)

#: The same article opening with its dateline and bylines instead.
DATELINED_BODY = (
    "本报讯（记者 林岚）城郊的蔬",
    "菜基地日前用上了智能滴灌系统，",
    *BYLINED_BODY[3:],
)


def test_a_headline_after_its_body_a_character_short_of_the_column_is_a_headline():
    """A paragraph's first line is indented two characters and its other lines fill the
    column: after a closed sentence, a line of Chinese one character short of the column is
    neither, so it is a heading (here a headline broken over two lines after its body)."""
    text = page(*BODY, "城郊农场用上了智能滴灌", "系统")
    (article,) = parse_page(text).articles
    assert article.title == "城郊农场用上了智能滴灌系统"
    assert (
        article.body[-1].text
        == "该中心负责人介绍，算力资源将优先服务中小企业，使用成本比市场价低三成。"
    )


def test_a_headline_wider_than_the_column_after_a_closed_sentence_is_not_its_text():
    """A line of Chinese a character wider than the column, with no mark to hang past it,
    cannot be the column's text: it is the next article's headline, set in its own measure."""
    text = page(
        "算力中心投运算力中心投运", *BODY, "城郊蔬菜基地智能滴灌系统投", "入使用", *BYLINED_BODY
    )
    first, second = parse_page(text).articles
    assert first.body[-1].text.endswith("使用成本比市场价低三成。")
    assert second.title == "城郊蔬菜基地智能滴灌系统投入使用"
    assert second.bylines == [Byline("记者", "林岚")]


def test_a_headline_closed_by_a_quotation_after_the_body_is_not_its_text():
    """A quotation mark closes the headline `…用上“智慧电梯”`, no sentence inside it: after a
    closed sentence, such a line a character off the column is a headline, not text."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "老旧小区用上“智慧电梯”",
        *DATELINED_BODY,
    )
    first, second = parse_page(text).articles
    assert first.body[-1].text.endswith("使用成本比市场价低三成。")
    assert second.title == "老旧小区用上“智慧电梯”"
    assert second.dateline == "本报讯"


def test_a_credits_last_characters_over_a_dateline_do_not_open_that_dateline():
    """`本报酒泉…电` opens its own line: the line above it (a photo credit's broken end,
    `舟摄`) is not a dateline's first half, though `舟摄本报` ends like a paper's name."""
    caption = (
        "10月9日，一列检测列车驶过建设中的高铁特大桥。该段线路正在进行联调",
        "联试，预计年底具备开通条件。图为检测列车通过特大桥。■本报记者方",
        "舟摄",
    )
    text = page("高铁新线联调联试", *caption, "本报酒泉9月5日电（记者 马骁）近", *BODY[1:])
    photo, article = parse_page(text).articles
    assert photo.captions[0].endswith("■本报记者方舟摄")
    assert photo.bylines == [Byline("记者", "方舟")]
    assert (article.title, article.dateline) == (None, "本报酒泉9月5日电")


def test_a_kicker_over_a_title_broken_over_three_lines_is_still_a_headline():
    """A headline is a few lines at most, but the kicker (引题) closed by its colon on a line of
    its own is not one of the title's lines: four glued lines, one the kicker, are a headline."""
    text = page(
        "乡村振兴：\n“云端”种菜\n激发乡村发\n展新动能",
        "■本报记者 林岚",
        *BYLINED_BODY[1:],
    )
    (article,) = parse_page(text).articles
    assert (article.kicker, article.title) == ("乡村振兴：", "“云端”种菜激发乡村发展新动能")
    assert article.bylines == [Byline("记者", "林岚")]


def test_a_headline_box_after_the_headline_set_after_a_body_opens_the_next_article():
    """A headline broken over lines is one text box, its lines joined by single newlines: a box
    without a clause mark after the lines of another headline is a headline of its own."""
    text = page(
        *BODY,
        "算力中心正式投运首批接",
        "入企业四十家算力资源",
        "城郊蔬菜基地用上\n智能滴灌系统",
        *BYLINED_BODY,
    )
    first, second = parse_page(text).articles
    assert first.title == "算力中心正式投运首批接入企业四十家算力资源"
    assert second.title == "城郊蔬菜基地用上智能滴灌系统"
    assert second.bylines == [Byline("记者", "林岚")]


def test_a_short_headline_closed_by_a_quotation_mark_after_a_body_is_a_headline():
    """A closing quotation mark after no sentence mark closes a quoted phrase, not a sentence:
    a short line ending in one after the body is the headline set after it, not the last
    line of its paragraph, whether photo news or the next article's dateline follows."""
    for after in (PHOTO_NEWS, DATELINED_BODY):
        first, second = parse_page(page(*BODY, "菜园有了“智慧水”", *after)).articles
        assert first.title == "菜园有了“智慧水”"
        assert first.body[-1].text.endswith("使用成本比市场价低三成。")
        assert second.title is None


def test_a_paragraphs_unpunctuated_first_line_over_a_wider_line_is_not_a_headline():
    """A headline set across columns is wider than the column's line under it; a paragraph's
    indented first line with no clause mark, over a full line of its own, is that paragraph's
    even where the short lines further down (its last, the next headline) measure narrow."""
    text = page(
        "算力中心投运算力中心投运",
        "本报讯（记者 方舟）某市新",
        "建的算力中心投入运行，首批接",
        "入企业四十家，算力资源将优先",
        "服务中小企业。",
        "全市数据中心集群已有算力",
        "企业120余家，形成从芯片到整",
        "机的产业链。",
        "城郊菜园",
        "用上智能滴灌",
        *BYLINED_BODY,
    )
    first, second = parse_page(text).articles
    assert first.body[-1].text == "全市数据中心集群已有算力企业120余家，形成从芯片到整机的产业链。"
    assert second.title == "城郊菜园用上智能滴灌"


def test_an_indented_first_line_closing_a_sentence_over_a_full_line_opens_its_paragraph():
    """A one-line paragraph would leave the next paragraph's first line indented too: a line
    the indent short of the full line under it opens that paragraph, though a sentence ends
    with it."""
    text = page(
        *BODY,
        "城区已建成算力中心。",
        "今年还将在郊县新建两座，",
        "总算力规模将翻一番。",
    )
    (article,) = parse_page(text).articles
    assert len(article.body) == 3
    assert (
        article.body[-1].text == "城区已建成算力中心。今年还将在郊县新建两座，总算力规模将翻一番。"
    )


def test_a_subheading_over_an_indented_line_stays_apart_when_headlines_follow_close_below():
    """Under a subheading the paragraph opens the indent short of the column above; the next
    article's short headline lines close below can make the column after it look as narrow
    as that first line, which is still no full line running on from the heading."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY[:4],
        "服务下基层",
        "县里企业用上这里的算",
        "力，首批已有二十家签约使",
        "用。",
        "城郊菜园",
        "用上智能滴灌",
        *BYLINED_BODY,
    )
    first, second = parse_page(text).articles
    assert [block.type for block in first.body] == ["paragraph", "subheading", "paragraph"]
    assert first.body[2].text == "县里企业用上这里的算力，首批已有二十家签约使用。"
    assert second.title == "城郊菜园用上智能滴灌"


def test_a_line_closed_by_a_quoted_name_runs_on_into_the_next_line():
    """A closing quotation mark with no stop before it closes a quoted name, and the sentence
    goes on: the short line after it is that paragraph's last, not a paragraph of its own."""
    text = page(
        *BODY[:4],
        "该中心负责人介绍，算",
        "力将优先服务“东数西算”",
        "等一批国家级工程。",
        "城区还将新建两座数据",
        "中心，总算力规模翻一番。",
    )
    (article,) = parse_page(text).articles
    assert [block.text for block in article.body[1:]] == [
        "该中心负责人介绍，算力将优先服务“东数西算”等一批国家级工程。",
        "城区还将新建两座数据中心，总算力规模翻一番。",
    ]


def test_a_paragraphs_first_line_is_measured_on_its_column_not_on_the_photo_news_below():
    """A paragraph's first line is the indent short of the lines under it; measured without
    itself (its comma may hang past its measure) and only down to the credit that closes the
    caption of the article's photo, not on the wide lines of the photo news under that."""
    text = page(
        "算力中心投运算力中心投运",
        "本报讯（记者 方舟）某市新",
        "建的算力中心投入运行，首批接",
        "入企业40家，已签约20个项目。",
        "负责人在3日的会议上表示，",
        "算力资源将优先服务中小企业，",
        "使用成本比市场价低三成。",
        "机房一角。记者方舟摄",
        *PHOTO_NEWS,
    )
    article, photo = parse_page(text).articles
    assert [block.text[:5] for block in article.body] == ["某市新建的", "负责人在3"]
    assert article.captions == ["机房一角。记者方舟摄"]
    assert photo.kind == "photo"


def test_a_headline_broken_over_lines_right_over_a_dateline_is_not_the_text_above():
    """A paragraph never runs on into the opening of another article: after a closed
    sentence, lines closing none, with no clause mark, up to a dateline are its headline,
    however full its first line."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "城郊的菜园里用上了“智慧",
        "水管”",
        *DATELINED_BODY,
    )
    first, second = parse_page(text).articles
    assert first.body[-1].text.endswith("使用成本比市场价低三成。")
    assert (second.title, second.dateline) == ("城郊的菜园里用上了“智慧水管”", "本报讯")


def test_a_headline_printed_twice_and_one_doubled_in_its_line_are_two_headlines():
    """An extractor prints every line of one headline alike: a fake-bold line given whole
    twice, over one doubled run by run within its line, belongs to another headline (here
    the one set after a body, then photo news' title)."""
    text = page(
        *BODY,
        "算力中心投运首批接入",
        "算力中心投运首批接入",
        "稻田里的稻田里的北斗北斗",
        *PHOTO_NEWS,
    )
    article, photo = parse_page(text).articles
    assert article.title == "算力中心投运首批接入"
    assert (photo.kind, photo.title) == ("photo", "稻田里的北斗")


def test_a_plain_kicker_stays_over_its_title_where_two_bold_faces_meet_below():
    """A plain line over a bold title is its kicker: where the bold lines below change how
    they are printed, the run divides there, not between the kicker and its title."""
    text = page(
        *BODY,
        "数字乡村行",
        "算力中心投运首批接入",
        "算力中心投运首批接入",
        "稻田里的稻田里的北斗北斗",
        *PHOTO_NEWS,
    )
    article, photo = parse_page(text).articles
    assert (article.kicker, article.title) == ("数字乡村行", "算力中心投运首批接入")
    assert (photo.kind, photo.title) == ("photo", "稻田里的北斗")


def test_a_dateline_broken_inside_one_text_box_keeps_its_second_half():
    """pdfminer may give a paragraph's first lines as one text box: a heading box opens only
    after a line that ends its own box, and closes the brackets it opens, so the dateline's
    second half (`日电…《`) is no heading cut from its first."""
    text = (
        page("算力中心投运算力中心投运")
        + "\n人 民 网 合 肥 5 月 2\n日电合肥市2日发布《\n关 于 加 快 量 子 科 技 产\n\n"
        + page("业发展的若干政策》，对量", "子计算企业给予支持。")
    )
    (article,) = parse_page(text).articles
    assert article.dateline == "人民网合肥5月2日电"
    assert article.body[0].text.startswith("合肥市2日发布《关于加快量子科技产业发展的若干政策》")


def test_a_first_line_pushed_short_by_a_number_is_no_heading_over_the_next_line():
    """A paragraph's first line is the indent short of the column, less a number too long for
    what is left of it, which opens the next line: no heading over an indented line."""
    text = page(
        *BODY,
        "全市已经建成5G基站",
        "120余个，覆盖主要城区、",
        "工业园区和交通枢纽，今年",
        "还将新建两千个。",
    )
    (article,) = parse_page(text).articles
    assert [block.type for block in article.body] == ["paragraph"] * 3
    assert article.body[2].text.startswith("全市已经建成5G基站120余个，覆盖主要城区、")


def test_a_one_line_caption_does_not_run_on_into_the_headline_over_the_next_dateline():
    """A headline stands right over the dateline or byline that opens its article: a line
    closing no sentence there, broken perhaps over a few lines, is that headline, not the
    run-on of a one-line ▲ caption above it, however wider than the text the caption is."""
    text = page(
        *CAPTIONED_ARTICLE,
        "大棚里的传感器",
        *SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角的服务器机柜"]
    assert (second.title, second.dateline) == ("大棚里的传感器", "本报讯")
    assert second.body[0].text.startswith("在某县的草莓种植基地")


def test_a_one_line_caption_leaves_a_broken_headline_over_a_byline_whole():
    """The headline over an article's byline line may be broken over two lines: both stay
    with it, and the ▲ caption above keeps its one line."""
    text = page(
        *CAPTIONED_ARTICLE,
        "草莓大棚里装上了",
        "温湿度传感器",
        *BYLINED_SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角的服务器机柜"]
    assert second.title == "草莓大棚里装上了温湿度传感器"
    assert [(byline.role, byline.name) for byline in second.bylines] == [("记者", "林木")]


def test_a_plain_line_under_a_bold_title_set_after_its_body_opens_the_next_headline():
    """A 副题 is marked with a dash far more often than a 引题 with a colon: between two
    articles, an unmarked plain line over a bold title is that title's kicker, and an undashed
    plain line under it, with the next article's byline to follow, is the next headline."""
    text = page(
        *BODY,
        "数字乡村行",
        "算力中心投运首批接入",
        "算力中心投运首批接入",
        "草莓大棚装上传感器",
        *BYLINED_SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert (first.kicker, first.title, first.subtitle) == (
        "数字乡村行",
        "算力中心投运首批接入",
        None,
    )
    assert (second.kicker, second.title, second.subtitle) == (None, "草莓大棚装上传感器", None)
    assert second.body[0].text == "在某县的草莓种植基地，大棚里的传感器每隔十分钟上报一次数据。"


def test_a_kicker_stays_with_its_bold_title_when_the_next_bold_title_is_wider():
    """A plain line over a bold title is its kicker: with two bold titles in one face set
    between two articles, the second wider than the first (so no one title broken over both),
    the kicker and the first close the article above, and the second opens the next one."""
    text = page(
        *BODY,
        "数字乡村行",
        "算力中心投运",
        "算力中心投运",
        "草莓大棚里装上了传感器",
        "草莓大棚里装上了传感器",
        *BYLINED_SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert (first.kicker, first.title) == ("数字乡村行", "算力中心投运")
    assert (second.kicker, second.title) == (None, "草莓大棚里装上了传感器")
    assert [(byline.role, byline.name) for byline in second.bylines] == [("记者", "林木")]


def test_a_headline_closing_the_page_on_a_quoted_phrase_is_no_paragraphs_last_line():
    """The page's last line after a closed sentence is the last article's headline, set after
    its body, even when it ends on a closing quote: with no sentence mark before it, the
    quote closes a phrase (`…装上“智慧眼”`), not a sentence, as a paragraph's last line would."""
    text = page(*BODY, "算力中心装上“智慧眼”")
    (article,) = parse_page(text).articles
    assert article.title == "算力中心装上“智慧眼”"
    assert (
        article.body[-1].text
        == "该中心负责人介绍，算力资源将优先服务中小企业，使用成本比市场价低三成。"
    )


def test_two_headline_lines_over_an_indented_first_line_are_headings_not_its_paragraph():
    """A paragraph's first line is the indent short of its column and its other lines fill
    it: two unpunctuated lines after a closed sentence, the first wider than the column and
    the second a character short of it, over an indented line, are headlines (one after the
    body above, one over the article below), not the opening of that paragraph."""
    text = page(
        *BODY,
        "算力中心投运首批企业入驻园",
        "草莓大棚里装上了传感器",
        "在某县的草莓种植基地",
        "大棚里的传感器每隔十分钟",
        "上报一次数据，农户在手机",
        "上就能看到棚里的温度和湿",
        "度。",
        "该县今年还将新建大棚",
        "两百个。（通讯员 林木）",
    )
    first, second = parse_page(text).articles
    assert first.title == "算力中心投运首批企业入驻园"
    assert second.title == "草莓大棚里装上了传感器"
    assert second.body[0].text.startswith("在某县的草莓种植基地大棚里的传感器")


def test_a_kicker_and_a_broken_bold_title_after_a_body_leave_untitled_photo_news_none():
    """Photo news carries a title of one line, never with a kicker: a plain kicker over a bold
    title broken over two lines, set after a body, is all that article's headline, however
    the face changes under the kicker."""
    text = page(*BODY, "数字乡村行", "算力中心投运首批算力中心投运首批", "接入接入", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert (article.kicker, article.title) == ("数字乡村行", "算力中心投运首批接入")
    assert (photo.kind, photo.title) == ("photo", None)


def test_a_line_wider_than_a_broken_titles_short_last_line_is_photo_news_title():
    """A title broken over lines fills every line but its last: a line of the same face
    wider than the short line closing a broken title, right over photo news, is the photo's
    title, not a third line of the headline set after the body above."""
    text = page(*BODY, "算力中心投运首批", "接入", "无人农机下田", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert article.title == "算力中心投运首批接入"
    assert (photo.kind, photo.title) == ("photo", "无人农机下田")


def test_headline_lines_over_photo_news_hold_the_untitled_article_above_its_headline():
    """Photo news' title is one line: the two headline lines after an article's body, over
    photo news, hold that article's headline (set after its body) and the photo's title, so
    the broken headline after the body before it is all its own article's, undivided."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "记者 孔令晨",
        "某省公布首批向企业开",
        "放的大科学装置名单，散裂",
        "中子源等十二个设施入选。",
        "超算中心向企业开超算中心向企业开",
        "放共享放共享",
        "本报记者 齐鸣",
        "某高校近日与开发区签",
        "署协议，共建科技成果转化",
        "中心，首批发布专利三百项。",
        "高校专利变成果高校专利变成果",
        "风电机组吊装",
        "9月18日，在某海域，施工人员正在吊装单机容量十六兆瓦的海上风电机组。",
        "该机组叶轮直径超过二百米。（记者 邱岚 摄）",
    )
    first, second, third, photo = parse_page(text).articles
    assert second.title == "超算中心向企业开放共享"
    assert third.title == "高校专利变成果"
    assert (photo.kind, photo.title) == ("photo", "风电机组吊装")


def test_a_one_line_caption_does_not_run_on_into_the_kicker_over_a_bold_title():
    """A plain phrase right over a fake-bold title is its kicker (引题), not the run-on of a
    one-line ▲ caption above it."""
    text = page(*CAPTIONED_ARTICLE, "数字乡村行", "棚里来了新帮手棚里来了新帮手", *SENSOR_BODY)
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角的服务器机柜"]
    assert (second.kicker, second.title) == ("数字乡村行", "棚里来了新帮手")


def test_a_subheading_after_an_in_article_caption_stays_in_its_article():
    """A photo set between an article's paragraphs carries its ▲ caption under it, and the
    article's text goes on below: a plain heading between that caption and the next
    paragraph, in the column of the text above, is a subheading of the same article."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "▲机房一角的服务器机柜",
        "服务向基层延伸",
        "县里企业用上这里的算",
        "力，首批已有二十家签约使",
        "用。",
    )
    (article,) = parse_page(text).articles
    assert article.captions == ["机房一角的服务器机柜"]
    assert [block.type for block in article.body] == [
        "paragraph",
        "paragraph",
        "subheading",
        "paragraph",
    ]
    assert article.body[2].text == "服务向基层延伸"


#: A ▲ caption line set wider than the twelve-character text of BODY.
WIDE_CAPTION = "▲算力中心机房一角整齐排列的服务器"


def test_a_byline_line_after_a_caption_opens_the_next_article():
    """Bylines on a line of their own open an article: a ▲ caption never runs on into them,
    so the article they open, its headline set after its body, stands apart."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        WIDE_CAPTION,
        "本报记者 林木",
        *BYLINED_SENSOR_BODY[1:],
        "草莓大棚装上传感器",
    )
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角整齐排列的服务器"]
    assert second.title == "草莓大棚装上传感器"
    assert second.bylines == [Byline("记者", "林木")]


def test_a_captions_two_character_run_on_is_no_headline_over_a_dateline():
    """A headline's first line fills its box: a line of two characters after a ▲ caption set
    wider than the text is the rest of the caption, even right over the next dateline."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        WIDE_CAPTION,
        "机柜",
        *SENSOR_BODY,
        "草莓大棚装上传感器",
    )
    first, second = parse_page(text).articles
    assert first.captions == ["算力中心机房一角整齐排列的服务器机柜"]
    assert (second.title, second.dateline) == ("草莓大棚装上传感器", "本报讯")


def test_a_headline_closing_the_page_after_a_headlined_article_is_kept():
    """An article has one headline: one printed after the body of an article that has its
    own above is another article's, and is kept, not dropped."""
    text = page("算力中心投运算力中心投运", *BODY, *PLAIN_BODY, "秸秆变身餐盒")
    titles = [article.title for article in parse_page(text).articles]
    assert titles == ["算力中心投运", "秸秆变身餐盒"]


def test_a_phrase_over_photo_news_text_is_its_title_not_a_captions_run_on():
    """Photo news is set across its picture, wider than any text column: a phrase right
    over its first line is its title, not the run-on of the ▲ caption closing the article
    above."""
    text = page("算力中心投运算力中心投运", *BODY, WIDE_CAPTION, "无人农机下田", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert article.captions == ["算力中心机房一角整齐排列的服务器"]
    assert (photo.kind, photo.title) == ("photo", "无人农机下田")


def test_a_picture_sentence_wider_than_the_text_runs_on_to_its_end():
    """A caption opening with `图为…` is set across its picture, wider than the column: its
    line is no headline across columns, and the sentence goes on to its stop on the next."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "图为算力中心机房里的服务器机",
        "柜。",
        "县里企业用上这里的算",
        "力，首批已有二十家签约使",
        "用。",
    )
    (article,) = parse_page(text).articles
    assert article.captions == ["图为算力中心机房里的服务器机柜。"]
    assert [block.text[:4] for block in article.body] == ["近日，某", "该中心负", "县里企业"]


def test_a_plain_kicker_over_a_wider_bold_title_before_untitled_photo_news_stays_its():
    """A plain line over a bold title is its kicker (引题), set shorter than the title it
    leads into: after a body, over photo news, the two are that article's one headline, and
    the photo has no title."""
    text = page(*BODY, "数字乡村行", "秸秆变身环保餐盒秸秆变身环保餐盒", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert (article.kicker, article.title) == ("数字乡村行", "秸秆变身环保餐盒")
    assert (photo.kind, photo.title) == ("photo", None)


def test_a_dash_subtitle_ends_its_headline_over_photo_news_text():
    """A dash opens a headline's last line, its subtitle (副题): the headline set after a
    body ends there, and the wide line under it opens photo news' caption, not a third line
    of one unit with the headline."""
    text = page(
        *BODY, "城郊算力中心投运首批接入企业家", "——全市今年新增算力企业共四十余家", *PHOTO_NEWS
    )
    article, photo = parse_page(text).articles
    assert (article.title, article.subtitle) == (
        "城郊算力中心投运首批接入企业家",
        "——全市今年新增算力企业共四十余家",
    )
    assert photo.captions[0].startswith("10月12日")


def test_a_caption_wider_than_the_column_tells_no_indent_of_the_line_over_it():
    """A paragraph's full line under an indented one is no wider than their column: a
    caption set across its picture under a paragraph's full last line does not make that
    line look indented, and the paragraph goes on to it."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "“以前算一次要等三天，",
        "现在几分钟就出结果了。”",
        "一位工程师笑着对记者说。",
        "机房里整齐排列的服务器。（记者 方舟 摄）",
        "稀土永磁材料研发取得新进展",
        "这种材料已在新能源汽",
        "车驱动电机上完成装车验证。",
        "研究院负责人介绍，按年产",
        "一万吨计算，每年可节约稀土",
        "约一百吨。",
    )
    first, second = parse_page(text).articles
    assert (
        first.body[-1].text
        == "“以前算一次要等三天，现在几分钟就出结果了。”一位工程师笑着对记者说。"
    )
    assert first.captions == ["机房里整齐排列的服务器。（记者方舟摄）"]


def test_a_heading_as_wide_as_a_justified_first_lines_text_is_a_subheading():
    """A justified (loose) line is spaced out to fill its measure, so no mark hangs past
    it: an unpunctuated line a character short of the indented, justified first line under
    it is a subheading over that paragraph."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "算力服务向县乡延伸",
        "县 里 企 业 用 上 了 算 力 ，",
        "首批已有二十家企业签约使",
        "用，成本比去年低了三成。",
    )
    (article,) = parse_page(text).articles
    assert [block.type for block in article.body] == [
        "paragraph",
        "paragraph",
        "subheading",
        "paragraph",
    ]
    assert article.body[2].text == "算力服务向县乡延伸"


def test_photo_news_under_its_title_tells_nothing_of_the_column_above():
    """Photo news is set wider than the text, under its title: the column of an article's
    last paragraph is measured on that paragraph's lines, not on the photo's, so its
    indented first line still opens it."""
    text = page(
        "算力中心投运算力中心投运",
        *BODY,
        "目前已接入企业40家，",
        "每月为企业节约电费三万元",
        "以上。（通讯员 林木）",
        "无人农机下田",
        *PHOTO_NEWS,
    )
    article, photo = parse_page(text).articles
    assert [block.text[:4] for block in article.body] == ["近日，某", "该中心负", "目前已接"]
    assert photo.title == "无人农机下田"


def test_a_plain_line_wider_than_a_broken_titles_last_is_the_next_titles_kicker():
    """A title broken over lines fills every line but its last, and only its first two
    lines may widen: a plain line wider than the short last line of a broken plain title,
    right over a bold title, is that bold title's kicker (引题), not a third line of the
    headline set after the body above."""
    text = page(
        *BODY,
        "秸秆变身环保餐盒走进",
        "千家万户",
        "数字乡村行动计划",
        "草莓大棚里装上了传感器草莓大棚里装上了传感器",
        *SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert first.title == "秸秆变身环保餐盒走进千家万户"
    assert (second.kicker, second.title) == ("数字乡村行动计划", "草莓大棚里装上了传感器")


def test_a_plain_line_under_a_bold_title_narrower_than_the_plain_title_below_is_its_subtitle():
    """In one face a kicker ends on a colon, and a title broken over lines fills its first
    line: a plain line under a bold title, narrower than the plain line under it, is the
    bold title's subtitle (副题), and the plain lines below are the next headline."""
    text = page(
        *BODY,
        "数字乡村：",
        "草莓大棚里装上了传感器草莓大棚里装上了传感器",
        "每十分钟报一次数",
        "秸秆变身环保餐盒走进千家",
        "万户",
        *SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert (first.kicker, first.title, first.subtitle) == (
        "数字乡村：",
        "草莓大棚里装上了传感器",
        "每十分钟报一次数",
    )
    assert (second.kicker, second.title) == (None, "秸秆变身环保餐盒走进千家万户")


#: An article's two paragraphs set twenty characters a line.
WIDE_BODY = (
    "本报讯（记者 方舟）近日，某市新建的",
    "算力中心投入运行，首批接入企业四十家，覆盖",
    "制造、物流和医疗等多个行业的应用场景。",
    "该中心负责人介绍，算力资源将优先服务",
    "中小企业，使用成本比市场价低三成左右。",
)


def article_then_photo(body, *caption: str):
    """A headline over `body`, then the caption lines of what follows it."""
    return parse_page(page("算力中心投运算力中心投运", *body, *caption)).articles


def test_news_told_across_a_picture_wider_than_any_column_is_photo_news():
    """Photo news tells its news in several sentences, set across its picture wider than any
    text column: after an article set in a wide column, such a caption is photo news of its
    own, however little wider than that column it is."""
    article, photo = article_then_photo(
        WIDE_BODY,
        "10月12日，在某县的稻田里，北斗导航收割机在作业。",
        "今年当地推广无人农机三百余台，收获进度快了一周。",
        "（通讯员 何穗 摄）",
    )
    assert article.captions == []
    assert photo.kind == "photo"
    assert photo.bylines == [Byline("通讯员", "何穗")]


def test_a_dash_line_under_a_bold_title_ends_that_headline():
    """A dash line right under a fake-bold title is its subtitle (副题), the headline's last
    line: the next headline's plain line under it is no run-on of it into a paragraph."""
    text = page(
        *BODY,
        "算力中心投运首批接入算力中心投运首批接入",
        "——全市新增算力企业四十家",
        "秸秆变身环保餐盒走进千家万户",
        *PLAIN_BODY,
    )
    first, second = parse_page(text).articles
    assert (first.title, first.subtitle) == ("算力中心投运首批接入", "——全市新增算力企业四十家")
    assert second.title == "秸秆变身环保餐盒走进千家万户"
    assert second.body[0].text.startswith("走进某生物科技公司")


def test_a_line_in_photo_news_words_under_a_headline_after_a_body_is_the_photos_title():
    """A headline names what its own story tells, in the story's words: of two lines in one
    face between an article's body and photo news, the shorter last one, in the words of the
    photo's text and not of the body above, is the photo's title, not a broken title's end."""
    text = page(*BODY, "算力中心投运首批接入", "稻田收割机作业", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert article.title == "算力中心投运首批接入"
    assert (photo.kind, photo.title) == ("photo", "稻田收割机作业")


def test_a_broken_title_over_photo_news_keeps_its_last_line_in_the_bodys_words():
    """The last line of a title broken after a body takes its words from that body."""
    text = page(*BODY, "算力中心投运首批接入", "企业四十家", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert article.title == "算力中心投运首批接入企业四十家"
    assert (photo.kind, photo.title) == ("photo", None)


def test_a_plain_line_between_two_bold_titles_goes_to_the_story_whose_words_it_uses():
    """A plain line between two bold titles is the first one's subtitle (副题) or the second
    one's kicker (引题): it belongs to the article whose body it takes its words from."""
    text = page(
        *BODY,
        "算力中心投运算力中心投运",
        "首批接入企业四十家",
        "草莓大棚装上传感器草莓大棚装上传感器",
        *SENSOR_BODY,
    )
    first, second = parse_page(text).articles
    assert (first.title, first.subtitle) == ("算力中心投运", "首批接入企业四十家")
    assert (second.kicker, second.title) == (None, "草莓大棚装上传感器")


def test_a_plain_line_under_a_bold_title_in_the_bodys_words_is_no_photo_title():
    """The plain line under a bold title set after its body, in that body's words and not the
    photo's, is the title's subtitle, not the title of the untitled photo news under it."""
    text = page(*BODY, "算力中心投运算力中心投运", "首批接入企业四十家", *PHOTO_NEWS)
    article, photo = parse_page(text).articles
    assert (article.title, article.subtitle) == ("算力中心投运", "首批接入企业四十家")
    assert (photo.kind, photo.title) == ("photo", None)


def test_a_loose_line_with_digits_wider_than_the_indented_measure_goes_on_its_paragraph():
    """A loose (stretched) line holds less than its measure, and digits print at least the
    half em they are counted: one counted wider than the column less the indent is a full line
    of its paragraph, after a line closing a sentence a character short, not a new paragraph."""
    first = ("本报讯（记者 方舟）今", "年以来，某市新建充电桩三", "千个，覆盖各街道乡镇。")
    loose = "2024 年 6 月 18 日 ， 首 座 光"
    rest = ("储充一体站在城东投用，每", "天可为四百辆车补电。")
    second = ("该站负责人介绍，站内", "光伏板所发电量可满足三成", "用电需求。")
    (article,) = parse_page(page("新城充电桩覆盖全部乡镇", *first, loose, *rest, *second)).articles
    assert article.title == "新城充电桩覆盖全部乡镇"
    assert [block.text for block in article.body] == [
        "今年以来，某市新建充电桩三千个，覆盖各街道乡镇。2024年6月18日，首座光储充一体站在"
        "城东投用，每天可为四百辆车补电。",
        "该站负责人介绍，站内光伏板所发电量可满足三成用电需求。",
    ]


def test_captions_of_pictures_side_by_side_are_read_caption_by_caption():
    """Pictures set side by side carry their ▲ captions side by side, and the extractor reads
    across them row by row: the second line under the two ▲ lines runs on the first caption,
    the next the second."""
    captions = ("▲技术员在车间里调试新型", "▲工人在装配线上检查刚下线", "机床的数控系统", "的零件")
    (article,) = parse_page(page("某市算力中心投入运行", *BODY, *captions)).articles
    assert article.title == "某市算力中心投入运行"
    assert article.captions == [
        "技术员在车间里调试新型机床的数控系统",
        "工人在装配线上检查刚下线的零件",
    ]
    assert len(article.body) == 2


def test_side_by_side_captions_break_their_lines_inside_the_pages_words():
    """Where a caption may have ended on a full line, the run-on lines go to the caption whose
    line breaks then fall inside words the page's text uses (a word broken at a line end is
    read whole): `含水` over `量` is `含水量`."""
    body = (
        "本报讯（记者 方舟）某农",
        "科所实验室今年新收稻谷样",
        "品三百份，逐一测定含水量",
        "和出米率。",
    )
    captions = ("▲检测人员正在实", "▲研究生逐一记录", "验室里逐一测量新", "每块试验田的数据")
    (article,) = parse_page(
        page("农科所测定新稻品质", *body, *captions, "收稻谷样品的含水", "量")
    ).articles
    assert article.captions == [
        "检测人员正在实验室里逐一测量新收稻谷样品的含水量",
        "研究生逐一记录每块试验田的数据",
    ]


def test_captions_between_a_headline_and_its_dateline_are_the_articles_pictures():
    """An article's pictures may stand between its headline and its text: ▲ captions printed
    right under a headline and right over the dateline that opens the text are that article's,
    with the headline, and no photo item of their own."""
    pictures = ("▲两地代表在签约仪式上握手", "▲考察团参观新建的物流园区")
    (article,) = parse_page(page("新区两园区签约共建", *pictures, *BODY)).articles
    assert (article.kind, article.title) == ("article", "新区两园区签约共建")
    assert article.captions == ["两地代表在签约仪式上握手", "考察团参观新建的物流园区"]
    assert article.dateline == "本报讯"


def test_a_headline_after_its_body_under_a_caption_is_not_the_captions_run_on():
    """Every article has a headline: the one printed after its body may stand right under the
    ▲ caption of its last picture, which has no closing mark. Under an article that has no
    headline, a run-on line that reads as one is that headline."""
    picture = "▲工作人员在机房里巡检新装的服务器"
    (article,) = parse_page(page(*BODY, picture, "算力中心投运首批接入")).articles
    assert article.title == "算力中心投运首批接入"
    assert article.captions == ["工作人员在机房里巡检新装的服务器"]
    assert article.dateline == "本报讯"


def test_a_broken_titles_short_last_line_stands_apart_only_in_the_next_storys_words():
    """A title broken over lines fills its first line; its shorter last line in the same face
    may read as a headline too, but a headline names its own story in that story's words: a
    last line whose words the next body does not repeat ends the title above its own body."""
    title = ("某市算力中心投入运行", "某市算力中心投入运行", "首批接入", "首批接入")
    sensors = "草莓大棚装上草莓大棚装上传感器传感器"
    straw = ("秸秆变身环保餐盒", "■本报记者 赵亮", *PLAIN_BODY)
    first, second, third = parse_page(page(*BODY, *title, *SENSOR_BODY, sensors, *straw)).articles
    assert first.title == "某市算力中心投入运行首批接入"
    assert (second.title, second.dateline) == ("草莓大棚装上传感器", "本报讯")
    assert third.title == "秸秆变身环保餐盒"


def test_two_broken_titles_in_one_face_divide_where_each_names_its_own_body():
    """Two titles broken over lines in one face between two bodies may divide after more than
    one line, each part reading as a headline. A headline names its own story in its words:
    they divide where each part's words recur in its own body."""
    titles = ("算力中心投运首", "批接入企业", "草莓大棚装", "上传感器")
    first, second = parse_page(page(*BODY, *titles, *SENSOR_BODY)).articles
    assert first.title == "算力中心投运首批接入企业"
    assert (second.title, second.dateline) == ("草莓大棚装上传感器", "本报讯")


def test_a_heading_broken_over_a_full_line_after_a_closed_sentence_is_no_paragraphs_end():
    """A paragraph's last line ends its sentence: after a closed sentence, a full line and a
    short one dividing no clause, over a paragraph's indented first line, are a heading broken
    over two lines (a narrow column sets a headline at its own width), not the paragraph's
    run-on."""
    heading = ("新型储能电站在某县并网发", "电运行")
    storage = (
        "该电站由某能源公司建",
        "设，储能规模达到十万千瓦",
        "时，可满足两万户用电。",
        "（记者 林木）",
    )
    first, second = parse_page(page("某市算力中心投入运行", *BODY, *heading, *storage)).articles
    assert first.body[-1].text.endswith("使用成本比市场价低三成。")
    assert second.title == "新型储能电站在某县并网发电运行"
    assert second.body[0].text.startswith("该电站由某能源公司建设")
    assert second.bylines == [Byline("记者", "林木")]


def test_a_captions_run_on_in_the_next_paragraphs_words_is_that_articles_headline():
    """A headline names its own story in that story's words: the line under a ▲ caption that
    reads as a headline, over a paragraph repeating its words (and not the body above), is the
    headline of the article that paragraph opens, not the caption's run-on."""
    picture = "▲工作人员在机房里巡检新装的服务器"
    straw = ("秸秆变身环保餐盒", *PLAIN_BODY, "（记者 赵亮）")
    first, second = parse_page(page("某市算力中心投入运行", *BODY, picture, *straw)).articles
    assert first.captions == ["工作人员在机房里巡检新装的服务器"]
    assert second.title == "秸秆变身环保餐盒"
    assert second.bylines == [Byline("记者", "赵亮")]


def test_a_broken_titles_last_line_as_wide_as_its_first_stays_with_it():
    """A broken title's last line may be as wide as its first: without the next body's words,
    it is no headline of its own either."""
    title = ("算力中心投运", "首批接入企业")
    sensors = "草莓大棚装上草莓大棚装上传感器传感器"
    straw = ("秸秆变身环保餐盒", "■本报记者 赵亮", *PLAIN_BODY)
    first, second, third = parse_page(page(*BODY, *title, *SENSOR_BODY, sensors, *straw)).articles
    assert first.title == "算力中心投运首批接入企业"
    assert second.title == "草莓大棚装上传感器"
    assert third.title == "秸秆变身环保餐盒"


def test_a_plain_kicker_and_two_bold_titles_divide_where_each_title_names_its_body():
    """A plain line over two bold titles between two bodies is the first title's kicker or a
    headline of its own, and the two titles one broken title or two: a headline names its own
    story in its words, so the run divides where each part's words recur in its own body."""
    headlines = ("数字经济新观察", "算力中心投运首批接入" * 2, "草莓大棚装上传感器" * 2)
    first, second = parse_page(page(*BODY, *headlines, *SENSOR_BODY)).articles
    assert (first.kicker, first.title) == ("数字经济新观察", "算力中心投运首批接入")
    assert (second.kicker, second.title) == (None, "草莓大棚装上传感器")


def test_a_kicker_ending_on_a_colon_under_a_headline_opens_the_next_one():
    """A kicker (引题) ends on a colon and opens a headline: under the short last line of a
    headline set after its body, a line closed by a colon opens the next article's headline,
    however narrow the headline lines under it make the column look."""
    above = ("某市算力中心投入运行首批接", "入企业")
    below = ("数字农业新观察：", "草莓大棚装上了智", "能传感器", "——全县大棚接入物联网")
    first, second = parse_page(page(*BODY, *above, *below, *SENSOR_BODY)).articles
    assert first.title == "某市算力中心投入运行首批接入企业"
    assert (second.kicker, second.title) == ("数字农业新观察：", "草莓大棚装上了智能传感器")
    assert second.subtitle == "——全县大棚接入物联网"


#: Photo news of our own, set wider than the text, that no sample prints.
ORCHARD_PHOTO = (
    "11月3日，在某县城郊的果园里，一台采摘机器人正沿着果树行间缓缓",
    "移动。今年当地引进这类设备二十台，每天可采苹果两万斤。",
    "图为技术员在调试机械臂。通讯员夏禾摄",
)


def headline_then_photo_title(title: str):
    """BODY under a headline set after it, then a title line over ORCHARD_PHOTO."""
    return parse_page(page(*BODY, "算力中心投入运行", title, *ORCHARD_PHOTO)).articles


def test_a_last_heading_line_with_none_of_the_bodys_words_is_the_photos_title():
    """A broken title names one story throughout: under a headline line set after a body in
    that body's words, a line of the same face taking none of them, but a word of the photo
    news under it, is the photo's title, though it could end the headline above."""
    article, photo = headline_then_photo_title("果园来了新帮手")
    assert article.title == "算力中心投入运行"
    assert (photo.kind, photo.title) == ("photo", "果园来了新帮手")


def test_a_photo_title_repeating_a_word_of_the_headline_above_is_still_the_photos():
    """A title says each word once: a word the last heading line repeats from the line above,
    which took it from the body, is no word of that body's title, and the line, in the photo
    news' words otherwise, is the photo's title."""
    article, photo = headline_then_photo_title("果树间运行的帮手")
    assert article.title == "算力中心投入运行"
    assert (photo.kind, photo.title) == ("photo", "果树间运行的帮手")


def test_a_last_heading_line_is_the_photos_under_a_line_taking_one_body_word():
    """A broken title names one story throughout: a line set after a body that takes one of
    that body's words is its title, and a line of the same face under it taking none of them,
    but a word of the photo news under it, is the photo's title."""
    parsed = parse_page(page(*BODY, "新型算力惠及小店", "果园来了新帮手", *ORCHARD_PHOTO))
    article, photo = parsed.articles
    assert article.title == "新型算力惠及小店"
    assert (photo.kind, photo.title) == ("photo", "果园来了新帮手")


def test_untitled_photo_news_told_in_one_sentence_is_not_the_article_captions():
    """Photo news opens as news does, with the day it happened, even when it tells its news in
    one sentence: after an article's last paragraph, a sentence across a picture opening
    `11月7日，…` and closed by its credit is an untitled photo item, its photographer its
    byline, not the caption of the article above (whose caption would describe its picture)."""
    article, photo = article_then_photo(
        BODY,
        "11月7日，某市体育中心的工作人员正在调试新装的智能照明系统，为下",
        "周开幕的运动会做准备。",
        "本报记者柯宁摄",
    )
    assert article.captions == []
    assert article.body[-1].text.endswith("使用成本比市场价低三成。")
    assert (photo.kind, photo.title) == ("photo", None)
    assert photo.bylines == [Byline("记者", "柯宁")]
    assert squeeze(photo.captions[0]).startswith("11月7日，某市体育中心")


#: The article's text going on under its picture's captions, in BODY's column.
BODY_GOES_ON = ("机房采用液冷技术，每", "年节约用电两百万千瓦时，", "相当于少排碳一千吨。")


def article_with_captions(*captions: str, after: tuple[str, ...] = BODY_GOES_ON):
    """BODY under its headline, then its picture's caption lines, then `after`."""
    return parse_page(page("算力中心投运算力中心投运", *BODY, *captions, *after)).articles


def test_a_second_caption_set_wider_than_the_column_is_a_caption():
    """Only a picture's first caption need point at it (`图为…`): the next, one sentence set
    in the caption's measure, wider than the text column, is a caption too, not a paragraph."""
    captions = ["图为新机房里的服务器机柜。", "值班工程师在屏幕前巡检设备运行。"]
    (article,) = article_with_captions(*captions)
    assert article.captions == captions
    assert [block.text for block in article.body][-2:] == [
        "该中心负责人介绍，算力资源将优先服务中小企业，使用成本比市场价低三成。",
        "机房采用液冷技术，每年节约用电两百万千瓦时，相当于少排碳一千吨。",
    ]


def test_a_second_caption_on_one_line_wider_than_an_indented_line_is_a_caption():
    """A one-line paragraph is indented two characters: a caption's line as wide as the column,
    closing its sentence, is no paragraph of it but the picture's next caption."""
    captions = ["图为新机房里的服务器机柜。", "工程师正在巡检服务器机柜。"]
    (article,) = article_with_captions(*captions)
    assert article.captions == captions
    assert article.body[-1].text == "".join(BODY_GOES_ON)


def test_a_short_second_caption_closing_its_article_is_a_caption():
    """An article's text is set above its picture or goes on under it in paragraphs: a short
    sentence right under a caption, after which the next article opens, is one more caption
    of that picture, though it is no wider than a one-line paragraph."""
    next_article = ("智能滴灌进菜园智能滴灌进菜园", *DATELINED_BODY)
    first, second = article_with_captions(
        "图为新机房里的服务器机柜。", "工程师在巡检。", after=next_article
    )
    assert first.captions == ["图为新机房里的服务器机柜。", "工程师在巡检。"]
    assert first.body[-1].text.endswith("使用成本比市场价低三成。")
    assert (second.title, second.dateline) == ("智能滴灌进菜园", "本报讯")


def body_under_subheading(heading: str):
    """BODY's first paragraph, a subheading, then the article going on in BODY's column."""
    text = page("算力中心投运算力中心投运", *BODY[:4], heading, *BODY_GOES_ON)
    (article,) = parse_page(text).articles
    return [(block.type, block.text) for block in article.body[-2:]]


def test_a_subheading_closing_on_a_quote_a_character_short_heads_the_next_paragraph():
    """A closing quotation mark with no stop before it closes a phrase, not a sentence: a line
    so closed over a paragraph's indented first line is a subheading, though it is only one
    character short of the column."""
    assert body_under_subheading("液冷机房变身“节能户”") == [
        ("subheading", "液冷机房变身“节能户”"),
        ("paragraph", "".join(BODY_GOES_ON)),
    ]


def test_a_subheading_hanging_its_closing_quote_past_the_column_is_a_subheading():
    """A closing mark may hang past the column: a heading as wide as the column but for its
    hung quote is set inside the column, a subheading of the article, not a headline."""
    assert body_under_subheading("小小液冷机房变身“节能户”") == [
        ("subheading", "小小液冷机房变身“节能户”"),
        ("paragraph", "".join(BODY_GOES_ON)),
    ]


def last_paragraphs(*printed_lines: str) -> list[str]:
    """The last two blocks' text of the one article these lines print under a headline."""
    (article,) = parse_page(page("算力中心投运算力中心投运", *printed_lines)).articles
    return [block.text for block in article.body][-2:]


def test_an_indented_line_under_lines_of_digits_opens_its_paragraph():
    """Digits and Latin letters print wider than the half em they are counted, so full lines
    holding them are counted short of the column; a tight line of Chinese fills its measure
    exactly. Measured on that line, a line of Chinese the indent short of it opens the next
    paragraph, though the lines under it are too few to measure."""
    assert last_paragraphs(
        "本报讯（记者 方舟）近",
        "日，城东机房新装的服务器",
        "投入运行。",
        "机房共部署2000台服务",
        "器，算力提升到3000P，可",
        "满足100多家企业的计算需",
        "求与高校团队的大模型训练。",
        "中心负责人表示，明年",
        "将再扩容一倍。",
    ) == [
        "机房共部署2000台服务器，算力提升到3000P，可满足100多家企业的计算需求与高校团队的"
        "大模型训练。",
        "中心负责人表示，明年将再扩容一倍。",
    ]


def test_a_heading_broken_over_two_short_lines_of_one_width_is_no_paragraph():
    """Lines of one width are full lines of their paragraph, unless they are far short of the
    column under them and divide no clause: a heading broken over two short lines (a quote
    opened on the first binds them) heads the paragraph under it, not its first lines."""
    text = page("算力中心投运算力中心投运", *BODY, "机房“液冷", "技术”上岗", *BODY_GOES_ON)
    (article,) = parse_page(text).articles
    assert [(block.type, block.text) for block in article.body[-2:]] == [
        ("subheading", "机房“液冷技术”上岗"),
        ("paragraph", "".join(BODY_GOES_ON)),
    ]


def test_names_sharing_a_role_on_a_justified_line_stay_two_names():
    """Justification stretches every gap of a line alike, so the word spaces between a role
    and the names it is printed once before (`记者 林岚 周航`) stay wider than the gaps between
    characters: on a justified line they still part the names."""
    justified = "（ 记 者   林 岚   周 航 ） 城 郊 的"
    opening = ("本报杭州3月2日电", justified, "蔬菜基地日前用上了智能滴灌", "系统，每亩节水三成。")
    (article,) = parse_page(page("智能滴灌进菜园智能滴灌进菜园", *opening)).articles
    assert (article.dateline, article.bylines) == (
        "本报杭州3月2日电",
        [Byline("记者", "林岚"), Byline("记者", "周航")],
    )
    assert article.body[0].text == "城郊的蔬菜基地日前用上了智能滴灌系统，每亩节水三成。"


def test_a_one_line_paragraph_over_an_indented_line_hanging_its_comma_stays_apart():
    """A paragraph's first line is the indent short of the full line under it; a line that
    reaches the column only by the comma hung past its end does not fill it: it is the next
    paragraph's indented first line, and the line above a one-line paragraph of its own."""
    assert last_paragraphs(
        *BODY,
        "机房今年再扩容一倍。",
        "机房采用液冷技术之后，",
        "每年节约用电两百万千瓦时，",
        "相当于少排碳一千吨。",
    ) == [
        "机房今年再扩容一倍。",
        "机房采用液冷技术之后，每年节约用电两百万千瓦时，相当于少排碳一千吨。",
    ]


def test_bylines_in_brackets_under_a_dateline_alone_on_its_line_open_the_article():
    """A dateline names its reporters in brackets right after it (`…电（记者 某某）`): where
    the dateline fills a line of its own, the bracketed bylines on the next line are still the
    article's own, opening it, not bylines closing an article above."""
    opening = ("本报杭州3月2日电", "（记者 林岚 通讯员 周航）", "城郊的蔬菜基地日前用上了")
    text = page("智能滴灌进菜园智能滴灌进菜园", *opening, "智能滴灌系统，每亩节水三", "成。")
    (article,) = parse_page(text).articles
    assert (article.title, article.dateline) == ("智能滴灌进菜园", "本报杭州3月2日电")
    assert article.bylines == [Byline("记者", "林岚"), Byline("通讯员", "周航")]
    assert [block.text for block in article.body] == [
        "城郊的蔬菜基地日前用上了智能滴灌系统，每亩节水三成。"
    ]


def test_a_subheading_as_wide_as_the_column_above_lines_of_digits_is_a_subheading():
    """A subheading is set in its article's column. Digits print wider than counted, so lines
    holding them are counted short of that column; its tight lines of Chinese measure it, and
    a heading as wide as they are is the article's subheading, not the next headline."""
    opening = ("本报讯（记者 方舟）近", "日，城东机房新装2000台", "服务器，算力提升到3000P")
    closing = ("满足多家企业和高校科研团", "队的计算需求。")
    heading = "液冷机房一年省电两百万度"
    (article,) = parse_page(
        page("算力中心投运算力中心投运", *opening, *closing, heading, *BODY_GOES_ON)
    ).articles
    assert [(block.type, block.text) for block in article.body][1:] == [
        ("subheading", heading),
        ("paragraph", "".join(BODY_GOES_ON)),
    ]


def test_a_numbered_caption_across_its_picture_is_a_whole_caption():
    """Several pictures' captions number them (`图①：…`), pointing at each picture as `图为…`
    does: such a line set across its picture, wider than the text, opens a caption whose
    sentence runs on to its credit, not a headline across columns."""
    (article,) = article_with_captions("图①：工程师在屏幕前巡检设备运", "行。（通讯员 周航 摄）")
    assert [squeeze(caption) for caption in article.captions] == [
        "图①：工程师在屏幕前巡检设备运行。（通讯员周航摄）"
    ]
    assert article.body[-1].text == "".join(BODY_GOES_ON)


def test_a_line_opening_with_a_closing_mark_goes_on_from_the_caption_above():
    """A line never opens with a closing mark (only one mark may hang past a line's end, so a
    second one is pushed to the next line): under a ▲ caption that closed its bracket, a line
    opening with the stop is the rest of that caption, its credit with it."""
    (article,) = article_with_captions(
        "▲机房一角的服务器机柜（资料照片）", "。本报记者方舟摄", after=()
    )
    assert article.captions == ["机房一角的服务器机柜（资料照片）。本报记者方舟摄"]
