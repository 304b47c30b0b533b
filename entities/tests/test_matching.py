"""Organisation detection, specified with small texts of our own and measured on the sample pages.

No database: ``entities.matching`` is pure Python.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entities.matching import KnownForms, find_organisations
from entities.recognition import FoundOrganisation

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def names(text: str, known: dict[str, str] | None = None) -> list[str]:
    return [org.name for org in find_organisations(text, known)]


def test_empty_text_names_nothing():
    assert find_organisations("") == []
    assert find_organisations("  \n ") == []


def test_defined_short_form_becomes_the_alias_of_one_organisation():
    text = (
        "深圳市大疆创新科技有限公司（以下简称“大疆”）今日发布新品。\n大疆负责人介绍，新品已量产。"
    )
    assert find_organisations(text) == [
        FoundOrganisation(name="深圳市大疆创新科技有限公司", aliases=("大疆",))
    ]


def test_short_form_defined_with_jiancheng_only():
    text = "安徽科大讯飞信息科技股份有限公司（简称“科大讯飞”）发布新模型。科大讯飞副总裁表示。"
    assert find_organisations(text) == [
        FoundOrganisation(name="安徽科大讯飞信息科技股份有限公司", aliases=("科大讯飞",))
    ]


def test_later_abbreviation_of_the_full_name_is_an_alias():
    text = "新车在中车青岛四方机车车辆股份有限公司下线。中车四方研制的列车时速可达350公里。"
    assert find_organisations(text) == [
        FoundOrganisation(name="中车青岛四方机车车辆股份有限公司", aliases=("中车四方",))
    ]


def test_abbreviation_printed_in_the_headline_still_counts_from_its_first_mention():
    text = "宁德时代发布新电池\n宁德时代新能源科技股份有限公司今日发布新电池。"
    assert find_organisations(text) == [
        FoundOrganisation(name="宁德时代新能源科技股份有限公司", aliases=("宁德时代",))
    ]


def test_school_inside_a_university_is_one_organisation_under_the_longest_form():
    text = "浙江大学计算机科学与技术学院教授张明表示，成果已经发表。"
    assert names(text) == ["浙江大学计算机科学与技术学院"]


def test_company_technical_centre_is_one_organisation():
    text = "获批的有江苏星辰光学仪器有限公司技术中心，以及一批省级中心。"
    assert names(text) == ["江苏星辰光学仪器有限公司技术中心"]


def test_contained_organisation_mentioned_on_its_own_is_listed_separately():
    text = "同济大学设计创意学院举办展览。同济大学校长出席并致辞。"
    assert names(text) == ["同济大学设计创意学院", "同济大学"]


def test_places_events_products_people_and_designations_are_not_organisations():
    text = (
        "杭州举办第19届亚运会。第六届数字中国建设峰会在福州召开。\n"
        "张伟表示，浙江省经济持续增长，新款手机《星河》上市。\n"
        "该公司获评国家企业技术中心，入选国家级专精特新“小巨人”企业名单。\n"
        "江澄青少年科学小达人挑战赛闭幕，多家上市公司参赛。"
    )
    assert names(text) == []


def test_government_departments_printed_in_short_form():
    text = "省科技厅、市发展改革局和工信部联合发布通知，市委宣传部、科技部派员参加。"
    assert names(text) == ["省科技厅", "市发展改革局", "工信部", "市委宣传部", "科技部"]


def test_government_department_takes_its_place_and_level_but_not_the_verb_before_it():
    text = "记者从合肥市经济和信息化局获悉，国家发改委日前公布名单，希望通城县委再接再厉。"
    assert names(text) == ["合肥市经济和信息化局", "国家发改委", "通城县委"]


def test_word_that_merely_ends_like_a_department_is_not_one():
    text = "县乡两级科技部门复核后，产业布局更加合理，全部材料按办法办理。"
    assert names(text) == []


def test_company_name_starts_after_the_word_that_introduces_it():
    text = (
        "投资方山东星辰种业有限公司负责人说，项目已开工。"
        "东陵县青禾镇株洲星辰精密机械有限公司车间里，工人正在忙碌。"
        "由东陵星辰科技公司与上市公司辽宁星辰仪表股份有限公司合资建设。"
    )
    assert names(text) == [
        "山东星辰种业有限公司",
        "株洲星辰精密机械有限公司",
        "东陵星辰科技公司",
        "辽宁星辰仪表股份有限公司",
    ]


def test_bracketed_place_inside_a_registered_name_is_kept():
    text = "入选企业为：海拓新材料（福建）有限公司、福建鸿川（集团）涂料股份有限公司。"
    assert names(text) == ["海拓新材料（福建）有限公司", "福建鸿川（集团）涂料股份有限公司"]


def test_management_committee_of_a_zone():
    text = "由协会联合江澄青禾高新区管委会、东陵经开区管委会等19家单位一道发起。"
    assert names(text) == ["江澄青禾高新区管委会", "东陵经开区管委会"]


def test_trade_name_of_a_company_used_on_its_own():
    text = "江澄涌现海拓科技、澄芯科技等20多家本土企业。图为鸿川药业新建的制剂车间。"
    assert names(text) == ["海拓科技", "澄芯科技", "鸿川药业"]


def test_ordinary_words_before_a_trade_word_are_not_brands():
    text = "推动人工智能、生物医药、新能源新材料和数字科技等产业发展，多类科技政策出台。"
    assert names(text) == []


def test_names_inside_a_work_title_do_not_count():
    text = "双方签订了《星辰市科技局与星辰大学合作协议》。"
    assert names(text) == []


def test_known_alias_from_the_database_is_listed_under_its_canonical_name():
    known = {"大疆": "深圳市大疆创新科技有限公司"}
    text = "大疆发布了新款无人机，市场反响热烈。"
    assert find_organisations(text, known) == [
        FoundOrganisation(name="深圳市大疆创新科技有限公司", aliases=("大疆",))
    ]


def test_known_name_merges_with_a_name_found_in_the_text():
    known = {
        "杭州星辰科技有限公司": "杭州星辰智能科技有限公司",
        "星辰智能": "杭州星辰智能科技有限公司",
    }
    text = "杭州星辰科技有限公司发布新品。星辰智能负责人表示。"
    assert find_organisations(text, known) == [
        FoundOrganisation(
            name="杭州星辰智能科技有限公司", aliases=("杭州星辰科技有限公司", "星辰智能")
        )
    ]


def test_known_forms_added_during_an_import_are_found_in_the_next_article():
    known = KnownForms({"星辰智能": "杭州星辰智能科技有限公司"})
    text = "大疆发布了新款无人机。星辰智能负责人表示。"
    assert names(text, known) == ["杭州星辰智能科技有限公司"]
    known["大疆"] = "深圳市大疆创新科技有限公司"  # learnt from an earlier article's page
    assert names(text, known) == ["深圳市大疆创新科技有限公司", "杭州星辰智能科技有限公司"]
    assert names(text, known) == names(text, dict(known))


def test_each_organisation_once_in_order_of_first_mention():
    text = (
        "浙江省科技厅召开会议。杭州星辰网络科技有限公司参加。\n"
        "浙江省科技厅表示支持，杭州星辰网络科技有限公司表示感谢。清华大学专家到会。"
    )
    assert names(text) == ["浙江省科技厅", "杭州星辰网络科技有限公司", "清华大学"]


def test_result_is_found_organisations():
    result = find_organisations("北京大学发布报告。")
    assert all(isinstance(org, FoundOrganisation) for org in result)


# --- measured on the shared sample pages --------------------------------------------------


def _page_files() -> list[Path]:
    return [
        SHARED / "spec" / "seed-page.expected.json",
        *sorted((SHARED / "pages").glob("*.expected.json")),
    ]


def _article_text(article: dict) -> str:
    parts = [article.get("kicker"), article.get("title"), article.get("subtitle")]
    parts += [block["text"] for block in article.get("body") or []]
    parts += article.get("captions") or []
    return "\n".join(part for part in parts if part)


def _forms(org: dict) -> set[str]:
    forms = [org.get("name"), *(org.get("aliases") or []), *(org.get("accept") or [])]
    return {re.sub(r"\s+", "", form) for form in forms if form}


def _score(files: list[Path]) -> tuple[float, float]:
    """Recall and precision the way shared/eval/score.py counts them."""
    gold_total = found = listed = correct = 0
    for path in files:
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            predicted = [
                {"name": org.name, "aliases": list(org.aliases)}
                for org in find_organisations(_article_text(article))
            ]
            gold = article.get("organisations") or []
            accepted = {re.sub(r"\s+", "", x) for x in article.get("organisations_optional") or []}
            for org in gold:
                accepted |= _forms(org)
            gold_total += len(gold)
            listed += len(predicted)
            found += sum(any(_forms(org) & _forms(p) for p in predicted) for org in gold)
            correct += sum(bool(_forms(p) & accepted) for p in predicted)
    recall = found / gold_total if gold_total else 1.0
    precision = correct / listed if listed else 1.0
    return recall, precision


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared sample pages not found at {SHARED}")
@pytest.mark.parametrize(
    ("page_set", "floor"),
    [("seed", 0.95), ("pages", 0.90)],
)
def test_recall_and_precision_on_the_sample_pages(page_set, floor):
    files = _page_files()
    files = files[:1] if page_set == "seed" else files[1:]
    assert all(path.exists() for path in files), "expected parses are missing"
    recall, precision = _score(files)
    assert recall >= floor, f"recall {recall:.3f} < {floor}"
    assert precision >= floor, f"precision {precision:.3f} < {floor}"


def test_department_followed_by_a_title_is_still_a_department():
    text = "在国务院新闻办公室举行的发布会上，工业和信息化部副部长介绍情况。"
    assert names(text) == ["国务院新闻办公室", "工业和信息化部"]


def test_numbered_unit_and_league_committee_keep_their_whole_names():
    text = "项目由中铁十一局集团有限公司承建，共青团杭州市委组织青年志愿者参与。"
    assert names(text) == ["中铁十一局集团有限公司", "共青团杭州市委"]


def test_a_ministry_and_a_bank_branch_carry_their_places():
    text = "中国建设银行湖北省分行与湖北省科技厅签署协议，国家税务总局浙江省税务局到会。"
    assert names(text) == ["中国建设银行湖北省分行", "湖北省科技厅", "国家税务总局浙江省税务局"]


_NEWS_PIECES = st.sampled_from(
    [
        "杭州",
        "浙江省",
        "科技厅",
        "有限公司",
        "股份",
        "集团",
        "大学",
        "学院",
        "中心",
        "管委会",
        "（以下简称“",
        "”）",
        "（湖北）",
        "与",
        "的",
        "，",
        "。",
        "\n",
        "星辰",
        "科技",
        "部门",
        "局长",
        "第十一",
        "《",
        "》",
        "18家",
        "表示",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_NEWS_PIECES, st.text(max_size=4)), max_size=30))
def test_any_text_gives_distinct_names_printed_in_it(pieces):
    text = "".join(pieces)
    found = find_organisations(text)
    assert len({org.name for org in found}) == len(found)
    for org in found:
        assert org.name in text
        assert all(alias in text and alias != org.name for alias in org.aliases)


def test_verbs_that_set_up_a_body_introduce_its_name_and_a_city_opens_it():
    text = (
        "公司在匈牙利设立服务中心。县农业农村局组织江西星河航空科技有限公司下乡培训。"
        "由合肥云帆量子计算科技有限公司研制。"
    )
    assert names(text) == [
        "县农业农村局",
        "江西星河航空科技有限公司",
        "合肥云帆量子计算科技有限公司",
    ]


def test_administrations_and_leading_group_offices_are_bodies():
    text = (
        "江苏省药品监督管理局、内蒙古自治区能源局和贵州省大数据发展管理局派员参加，"
        "福建省数字经济建设领导小组办公室负责协调。"
    )
    assert names(text) == [
        "江苏省药品监督管理局",
        "内蒙古自治区能源局",
        "贵州省大数据发展管理局",
        "福建省数字经济建设领导小组办公室",
    ]


def test_a_generic_university_name_and_a_direction_word_opening_a_company():
    text = "电子科技大学团队参与研发，首批车辆在包头市的北方星河重型汽车有限公司下线。"
    assert names(text) == ["电子科技大学", "北方星河重型汽车有限公司"]


# Held-out texts of our own (entities/tests/texts/heldout-*.json): short news paragraphs labelled
# by hand per organisations.md. About a third ("split": "final") were kept aside while the rules
# were tuned on the rest, then used for a second round; "final2" was written before that round;
# "round2" was written for the matcher's second round (org-r2), in invented names; "round3" for
# its third (org-r3), likewise, six of them ("held_aside") measured only once its rules were done;
# "round4" for its fourth (org-r4), the same way.
# The floors sit a little below what the matcher reaches, so that a regression fails while a new
# rule has room.
TEXTS = Path(__file__).resolve().parent / "texts"
HELDOUT_FLOORS = {
    "all": (0.90, 0.96),
    "tune": (0.88, 0.96),
    "final": (0.92, 0.95),
    "final2": (0.90, 0.95),
    "round2": (0.95, 0.95),
    "round3": (0.95, 0.90),
    "round4": (0.95, 0.95),
}


def _heldout_score(split: str) -> tuple[float, float]:
    gold_total = found = listed = correct = 0
    for path in sorted(TEXTS.glob("heldout-*.json")):
        sample = json.loads(path.read_text(encoding="utf-8"))
        if split != "all" and sample["split"] != split:
            continue
        predicted = [
            {"name": org.name, "aliases": list(org.aliases)}
            for org in find_organisations(sample["text"])
        ]
        gold = sample["organisations"]
        accepted = {re.sub(r"\s+", "", x) for x in sample["organisations_optional"]}
        for org in gold:
            accepted |= _forms(org)
        gold_total += len(gold)
        listed += len(predicted)
        found += sum(any(_forms(org) & _forms(p) for p in predicted) for org in gold)
        correct += sum(bool(_forms(p) & accepted) for p in predicted)
    return found / gold_total, correct / listed


def test_heldout_texts_are_labelled_in_the_expected_shape():
    paths = sorted(TEXTS.glob("heldout-*.json"))
    assert len(paths) >= 25
    for path in paths:
        sample = json.loads(path.read_text(encoding="utf-8"))
        assert sample["split"] in ("tune", "final", "final2", "round2", "round3", "round4")
        for org in sample["organisations"]:
            for form in _forms(org):
                assert form in re.sub(r"\s+", "", sample["text"]) or form in org.get(
                    "accept", []
                ), f"{path.name}: {form} is not printed in the text"


@pytest.mark.parametrize("split", sorted(HELDOUT_FLOORS))
def test_recall_and_precision_on_the_heldout_texts(split):
    recall, precision = _heldout_score(split)
    recall_floor, precision_floor = HELDOUT_FLOORS[split]
    assert recall >= recall_floor, f"{split}: recall {recall:.3f} < {recall_floor}"
    assert precision >= precision_floor, f"{split}: precision {precision:.3f} < {precision_floor}"


def test_international_bodies_open_with_an_international_word():
    text = (
        "世界卫生组织发布报告。国际能源署预计装机将增长。"
        "联合国开发计划署驻华代表处举办研讨会。多个国际组织参会，他们组织了论坛。"
    )
    assert names(text) == ["世界卫生组织", "国际能源署", "联合国开发计划署驻华代表处"]


def test_news_agencies_broadcasters_and_newspaper_offices_are_bodies():
    text = "新华通讯社与中央广播电视总台联合推出短视频。人民日报社新媒体中心负责人表示。"
    assert names(text) == ["新华通讯社", "中央广播电视总台", "人民日报社新媒体中心"]


def test_lianhe_right_before_the_suffix_is_part_of_a_name_that_opens_with_a_place():
    text = "浙江出版联合集团旗下出版社出书。研究所联合清华大学开展研究。"
    assert names(text) == ["浙江出版联合集团", "清华大学"]


def test_yu_before_an_organisation_inside_the_name_joins_two_organisations():
    text = "中国科学技术大学潘建伟团队与中国科学院上海微系统与信息技术研究所合作。"
    assert names(text) == ["中国科学技术大学", "中国科学院上海微系统与信息技术研究所"]


def test_league_committees_and_more_department_stems():
    text = (
        "团市委和市妇联联合举办活动。园区科技创新局、海关总署、人力资源社会保障部、"
        "市纪委监委、省农科院、国家乡村振兴局派员参加。市人大代表提出建议。"
    )
    assert names(text) == [
        "团市委",
        "市妇联",
        "园区科技创新局",
        "海关总署",
        "人力资源社会保障部",
        "市纪委监委",
        "省农科院",
        "国家乡村振兴局",
    ]


def test_a_brand_before_a_bare_gongsi_names_a_company():
    text = "腾讯公司发布财报，报告援引英伟达公司的数据。美国高通公司也在成都设立了研发中心。"
    assert names(text) == ["腾讯公司", "英伟达公司", "美国高通公司"]


def test_a_bare_gongsi_after_an_ordinary_word_names_no_company():
    text = (
        "该公司表示，两家公司合作。物流公司、快递公司加入。一家美国公司收购了芯片设计公司。"
        "互联网公司、大模型公司和算力公司融资。其母公司为上市公司。某公司负责人说。"
    )
    assert names(text) == []


def test_trade_vocabulary_before_a_trade_word_is_no_brand():
    assert names("今年前10个月我国新能源汽车销量同比增长，智能科技加速应用。") == []


def test_a_piece_of_a_name_printed_inside_a_phrase_before_the_name_is_no_short_form():
    text = "团队在超导量子计算领域取得突破。安徽省量子计算工程研究中心负责人表示。"
    assert find_organisations(text) == [
        FoundOrganisation(name="安徽省量子计算工程研究中心", aliases=())
    ]


def test_a_street_office_takes_the_street_and_district_before_it():
    text = "余杭区仓前街道办事处举办大赛。南山区粤海街道办已开通服务。据街道办事处介绍，"
    assert names(text) == ["余杭区仓前街道办事处", "南山区粤海街道办"]


def test_a_title_after_the_suffix_ends_the_name_even_where_the_dictionary_joins_them():
    assert names("中国工程院院士、华中科技大学教授丁汉作报告。") == ["中国工程院", "华中科技大学"]


def test_a_county_name_split_from_its_committee_stays_in_front_of_it():
    text = "浙江省安吉县委组织部、县人力社保局出台新政。湖州市委人才办推广。中国证监会同意注册。"
    assert names(text) == ["浙江省安吉县委组织部", "县人力社保局", "湖州市委人才办", "中国证监会"]


def test_a_venue_centre_is_a_place():
    assert names("大会在上海世博中心开幕，分论坛在杭州国际会展中心举行。") == []


def test_items_of_a_list_closed_by_deng_qiye_are_organisations_when_they_read_as_names():
    assert names("商汤科技、阿里巴巴等企业参展。吸引了腾讯、百度、英伟达等科技企业。") == [
        "商汤科技",
        "阿里巴巴",
        "腾讯",
        "英伟达",
    ]
    text = "钢铁、化工等企业节能改造。科研院所、高校等单位参加。苏州、无锡等地企业。"
    assert names(text) == []


def test_a_government_body_opening_the_clause_does_not_open_a_company_name():
    text = "中国证监会日前同意西安星河光电仪器股份有限公司首次公开发行股票注册。"
    assert names(text) == ["中国证监会", "西安星河光电仪器股份有限公司"]


def test_a_department_may_join_two_stems_with_he_or_yu():
    text = "记者从临川区教育和体育局获悉，市文化与旅游局也已部署。"
    assert names(text) == ["临川区教育和体育局", "市文化与旅游局"]
    assert names("推动科技和教育部门协作。") == []


def test_a_management_committee_runs_back_over_a_descriptive_head():
    assert names("据悉，未来智造城管委会近期出台扶持政策。") == ["未来智造城管委会"]
    assert names("近日智造城管委会出台扶持政策。") == ["智造城管委会"]


def test_a_facility_described_by_its_stage_is_no_organisation():
    assert names("目前，基地在建算力中心已完成主体结构。") == []


def test_a_field_name_before_a_national_key_lab_names_the_lab():
    text = "该院先进材料国家重点实验室牵头研制。该团队所在实验室获批国家重点实验室。"
    assert names(text) == ["先进材料国家重点实验室"]


def test_a_brand_listed_beside_a_full_name_is_an_organisation_without_a_suffix():
    text = "园区将联合华为、中国移动通信集团江西有限公司共同建设标识解析节点。"
    assert [org.name for org in find_organisations(text)] == [
        "华为",
        "中国移动通信集团江西有限公司",
    ]


def test_places_listed_beside_a_company_stay_places():
    text = "武汉紧随香港、杭州之后，北京、深圳海目星激光智能装备股份有限公司也在其列。"
    assert "香港" not in [org.name for org in find_organisations(text)]
    assert "北京" not in [org.name for org in find_organisations(text)]


def test_a_school_named_after_the_university_it_belongs_to_joins_two_subjects_with_yu():
    text = "记者从浙江大学获悉，该校光电科学与工程学院联合之江实验室研制出一款芯片。"
    assert [org.name for org in find_organisations(text)] == [
        "浙江大学",
        "光电科学与工程学院",
        "之江实验室",
    ]
