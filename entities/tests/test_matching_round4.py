"""Companies acting under their trade name, national and foreign bodies, and words that only
look like bodies (学会 as a verb, 上级医院), specified with sentences of our own in invented
names (溪源市, 青岚省, 岚驰, 澄海): the fourth round of the matcher (org-r4).

No database: ``entities.matching`` is pure Python.
"""

from __future__ import annotations

from entities.matching import find_organisations


def names(text: str) -> list[str]:
    return [org.name for org in find_organisations(text)]


# 全 before 州: a county named 全州 is no count of prefectures.


def test_a_county_whose_name_opens_with_quan_keeps_it():
    assert names("全州县人民政府与全州县农业农村局联合发文。") == [
        "全州县人民政府",
        "全州县农业农村局",
    ]


def test_quan_or_ge_before_a_level_still_names_all_its_places():
    assert names("全州各县派员参加，两州科技局和全县各乡镇人民政府配合。") == []


# 学会 as a verb: "learned to", no society.


def test_xuehui_after_a_subject_and_before_le_is_the_verb_learned():
    text = "经过训练，机器人学会了抓取易碎物品。孩子们学会编程，他学会过驾驶无人机。"
    assert names(text) == []


def test_a_society_named_by_its_place_or_field_before_xuehui_is_a_body():
    text = "青岚省人工智能学会举办年会，溪源市机器人学会与中国自动化学会签约。"
    assert names(text) == ["青岚省人工智能学会", "溪源市机器人学会", "中国自动化学会"]


def test_a_society_before_a_verb_opening_with_le_is_still_a_body():
    assert names("记者从青岚省机器人学会了解到，年会将于下月举行。") == ["青岚省机器人学会"]


# Generic bodies: a kind of body named by its rank or whereabouts only.


def test_a_body_named_only_by_its_rank_or_whereabouts_names_none():
    text = (
        "患者被转诊到上级医院。当地医院条件有限，周边医院和其他医院派出专家。"
        "有关部门表示，相关企业应当整改。"
    )
    assert names(text) == []


def test_a_hospital_named_with_its_place_or_its_own_name_is_still_a_body():
    text = "患者转诊到溪源市人民医院，青岚大学附属第一医院和鹤浦区中医医院派出专家。"
    assert names(text) == ["溪源市人民医院", "青岚大学附属第一医院", "鹤浦区中医医院"]


# 国家 + a field + a unit's kind: a national body, with the country that names it.


def test_guojia_and_a_field_before_a_centre_names_a_national_body():
    text = "国家卫星气象中心与国家气候中心联合发布预报，国家空间科学中心研究员介绍。"
    assert names(text) == ["国家卫星气象中心", "国家气候中心", "国家空间科学中心"]


def test_a_foreign_national_department_keeps_its_country_and_its_field():
    text = "美国国家航空航天局宣布新计划，法国国家科学研究中心参与。"
    assert names(text) == ["美国国家航空航天局", "法国国家科学研究中心"]


def test_a_national_designation_or_facility_of_kind_words_names_no_body():
    text = "该企业获评国家企业技术中心，获批国家工程研究中心，国家数据中心建设提速。"
    assert names(text) == []


# Brand + a trade word outside TRADE_WORDS: a company when it acts as one.


def test_a_brand_and_trade_word_opening_its_clause_and_acting_is_a_company():
    text = (
        "岚驰储能发布了新一代储能系统。澄海智造与溪源市人民政府签约。"
        "记者了解到，鹤鸣机电投资建设新工厂。"
    )
    assert names(text) == ["岚驰储能", "澄海智造", "溪源市人民政府", "鹤鸣机电"]


def test_a_brand_and_trade_word_recurring_with_its_officer_is_a_company():
    assert names("岚驰储能营收增长，岚驰储能董事长林澈表示。") == ["岚驰储能"]


def test_a_field_a_person_or_common_words_acting_name_no_company():
    text = (
        "具身智能发布新标准，具身智能产业规模扩大。林澈团队发布了成果。张伟教授发布报告。"
        "人工智能与实体经济合作。新型储能发布会召开。今年二月发布通知。"
    )
    assert names(text) == []


def test_a_brand_and_trade_word_that_does_not_act_names_no_company():
    assert names("岚驰储能的概念走红。") == []


# The laboratory after 该所: its field may open with a verb.


def test_a_laboratory_right_after_its_parent_keeps_a_field_opening_with_a_verb():
    text = "该所催化材料国家重点实验室研制出新型催化剂。"
    assert names(text) == ["催化材料国家重点实验室"]


def test_a_verb_introducing_the_laboratory_after_its_parent_is_no_part_of_it():
    text = "该院围绕先进材料国家重点实验室开展工作，该所获批国家重点实验室。"
    assert names(text) == ["先进材料国家重点实验室"]


def test_he_after_guojia_and_a_field_joins_two_fields_of_one_national_body():
    assert names("美国国家海洋和大气管理局发布报告。") == ["美国国家海洋和大气管理局"]


def test_he_right_after_guojia_joins_two_levels_not_two_fields():
    assert names("国家与地方共建研究中心，国家和省级研究中心同步建设。") == []


# Round 3's rule 15 (noun + 公司 和/与 a brand) and a person's name.


def test_a_kind_of_company_joined_to_a_person_names_neither():
    assert names("物流公司与林澈签约。芯片公司和周岚合作研发。") == []


def test_a_brand_company_joined_to_a_person_names_the_company_only():
    assert names("鹤鸣公司与林澈签约，林澈出任顾问。") == ["鹤鸣公司"]
    assert names("苹果公司和谷歌相继发布新品。") == ["苹果公司", "谷歌"]


# A foreign name printed with its dot (马克斯·普朗克).


def test_a_body_named_after_a_foreign_person_keeps_the_dotted_name_and_its_country():
    assert names("德国马克斯·普朗克研究所研究人员表示。") == ["德国马克斯·普朗克研究所"]


def test_a_foreign_person_joined_to_a_body_is_no_brand():
    assert names("约翰·史密斯与青岚大学合作，科技·创新论坛开幕。") == ["青岚大学"]


def test_a_national_centre_named_with_the_region_it_serves_is_a_body():
    assert names("国家技术转移东部中心在溪源揭牌。") == ["国家技术转移东部中心"]


def test_a_region_or_a_verb_right_after_guojia_names_no_national_body():
    assert names("目前东部中心已揭牌，国家鼓励企业研究中心开放共享。") == []


# A company's laboratory: its brand, then the laboratory's own name.


def test_a_known_brand_then_a_laboratorys_own_name_is_the_companys_laboratory():
    assert names("腾讯优图实验室与华为诺亚方舟实验室联合发布。") == [
        "腾讯优图实验室",
        "华为诺亚方舟实验室",
    ]


def test_a_brand_or_a_person_alone_before_a_laboratory_names_none():
    assert names("腾讯实验室开放参观，林澈实验室招生。") == []


def test_a_brand_and_trade_word_acting_after_you_or_yu_or_a_time_word_is_a_company():
    text = "溪源大学与岚驰储能签约。项目由鹤鸣机电投资建设。澄海智造日前发布年报。"
    assert names(text) == ["溪源大学", "岚驰储能", "鹤鸣机电", "澄海智造"]


def test_a_dot_between_ordinary_words_of_a_column_title_joins_nothing():
    assert names("创新驱动发展战略·走进全国重点实验室") == []


# A joint research unit named by its field (高压输变电联合研究中心).


def test_a_field_before_lianhe_and_a_research_unit_names_a_joint_unit():
    assert names("该中心与高压输变电联合研究中心合作。") == ["高压输变电联合研究中心"]


def test_parties_or_trade_vocabulary_before_lianhe_name_no_joint_unit():
    text = "双方联合研究中心揭牌，两家企业联合实验室和新材料联合研究中心启用。"
    assert names(text) == []


# A bare 院 after a country or a brand the dictionary knows.


def test_a_country_or_a_known_brand_before_a_name_and_yuan_names_an_academy():
    assert names("韩国科学技术院与阿里巴巴达摩院联合发布报告。") == [
        "韩国科学技术院",
        "阿里巴巴达摩院",
    ]


def test_a_bare_yuan_after_a_pronoun_a_count_or_a_field_alone_names_none():
    assert names("该院院长表示，两院院士出席，科学技术院筹建中。他住院治疗，剧院演出。") == []
