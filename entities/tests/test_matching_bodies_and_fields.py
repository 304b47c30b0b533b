"""Bodies named the way papers print them and words that only look like bodies (fields,
products, a profile's subtitle), specified with sentences of our own in invented names
(溪源市, 青岚省, 南塘县): the third round of the matcher (org-r3).

No database: ``entities.matching`` is pure Python.
"""

from __future__ import annotations

from entities.matching import find_organisations


def names(text: str) -> list[str]:
    return [org.name for org in find_organisations(text)]


# A profile's subtitle: ——记 / ——访 and the body or person profiled.


def test_a_profile_subtitle_opens_with_its_verb_not_with_the_body():
    assert names("——记青岚省农业科学院水稻研究所育种团队") == ["青岚省农业科学院水稻研究所"]
    assert names("——访溪源鹤鸣智能装备有限公司董事长林澈") == ["溪源鹤鸣智能装备有限公司"]
    assert names("——专访鹤浦大学校长") == ["鹤浦大学"]


def test_a_name_opening_with_ji_or_fang_elsewhere_keeps_it():
    assert names("记忆科技有限公司发布新品。访客管理系统上线。") == ["记忆科技有限公司"]


# 与 after a body's full name joins two bodies, even before a national laboratory's head.


def test_yu_after_a_school_joins_it_to_a_national_laboratory():
    text = "溪源大学材料科学与工程学院与高温结构材料全国重点实验室联合攻关。"
    assert names(text) == ["溪源大学材料科学与工程学院", "高温结构材料全国重点实验室"]


def test_yu_between_two_fields_of_a_national_laboratory_stays_inside_it():
    text = "溪源大学精密测量与控制全国重点实验室、海洋感知与通信全国重点实验室揭牌。"
    assert names(text) == ["溪源大学精密测量与控制全国重点实验室", "海洋感知与通信全国重点实验室"]


# A government named in full: its place + 人民政府.


def test_a_government_named_in_full_with_its_place_is_a_body():
    text = "青岚省人民政府与国家知识产权局签署协议。由南塘县人民政府主办的博览会开幕。"
    assert names(text) == ["青岚省人民政府", "国家知识产权局", "南塘县人民政府"]
    assert names("会议传达了省人民政府的部署。") == ["省人民政府"]


def test_renmin_zhengfu_without_a_place_names_no_one_government():
    assert names("各级人民政府应当加强领导，两县人民政府联合行文。人民政府是执行机关。") == []


def test_a_town_body_keeps_the_town_named_before_its_level():
    text = "南塘县松岙镇人民政府与鹤浦区白沙乡科技办签约。"
    assert names(text) == ["南塘县松岙镇人民政府", "鹤浦区白沙乡科技办"]


def test_each_or_all_places_of_a_level_name_no_one_government():
    assert names("全县各乡镇人民政府派员参加，各乡人民政府和全市科技局配合。") == []


# Technical nouns: fields and products, printed like trade names, name no company.


def test_a_trade_name_running_on_into_an_industry_noun_names_the_field():
    text = "鹤浦区30多家具身智能企业参赛。\n具身智能产业规模扩大，具身智能领域人才紧缺。"
    assert names(text) == []


def test_a_trade_name_running_on_into_a_kind_of_product_names_the_field():
    assert names("具身智能机器人、人形机器人成为热点，具身智能大模型加速迭代。") == []


def test_a_trade_name_before_a_noun_for_its_people_or_acts_is_still_a_company():
    text = "澄芯科技负责人表示，澄芯科技与海鹞智能签约。"
    assert names(text) == ["澄芯科技", "海鹞智能"]


def test_latin_letters_before_a_trade_word_name_a_kind_of_software_not_a_company():
    text = "公司的CAE软件已有用户。\nEDA软件、BIM软件国产化加快。"
    assert names(text) == []


# Libraries, museums and observatories: bodies when named with their place or parent.


def test_a_library_museum_or_observatory_named_with_its_place_is_a_body():
    text = (
        "溪源市图书馆与溪源市博物馆联合办展，青岚省科技馆、南塘县档案馆协办。"
        "中国科学院溪源天文台提供观测数据。"
    )
    assert names(text) == [
        "溪源市图书馆",
        "溪源市博物馆",
        "青岚省科技馆",
        "南塘县档案馆",
        "中国科学院溪源天文台",
    ]


def test_a_library_or_museum_without_a_place_is_any_one():
    text = "学生可在校内借还图书馆藏书，博物馆和科技馆免费开放，社区图书馆延长开放时间。"
    assert names(text) == []


# The segmenter's cuts: a verb's second character read as a place's first.


def test_a_verb_cut_before_its_second_character_introduces_the_name_after_it():
    text = "系统接入海岚数据科技有限公司的用能数据。"
    assert names(text) == ["海岚数据科技有限公司"]


def test_a_place_after_a_one_character_verb_that_makes_no_word_with_it_stays_a_place():
    assert names("记者走进入海口的青岚海洋科技有限公司。") == ["青岚海洋科技有限公司"]


def test_a_level_committee_sending_its_people_is_the_committee_and_its_verb():
    text = "市委派出的驻村工作队到达松岙镇，县委派驻的指导组同行。"
    assert names(text) == ["市委", "县委"]


def test_weipai_after_a_department_stem_is_the_verb_to_delegate():
    assert names("由组织委派的干部到岗。") == []


# A person's titles listed with 、: the roles of one person, not bodies listed together.


def test_a_role_listed_before_a_body_and_a_persons_title_is_the_persons_role():
    text = "在终评环节，评委、溪源大学电子工程学院教授林澈说，作品水平明显提高。"
    assert names(text) == ["溪源大学电子工程学院"]
    text = "会上，顾问、鹤浦大学院长陈默介绍了经验。"
    assert names(text) == ["鹤浦大学"]


def test_a_brand_listed_beside_a_body_acting_with_it_is_still_a_body():
    assert names("项目联合鹤鸣、溪源鹤鸣智能装备有限公司共同建设。") == [
        "鹤鸣",
        "溪源鹤鸣智能装备有限公司",
    ]


# A place the dictionary does not know, printed with its level elsewhere in the article.


def test_a_place_printed_with_its_level_elsewhere_opens_a_weak_name_without_it():
    text = "溪源市发布规划。溪源人形机器人创新中心揭牌，鹤浦区也成立鹤浦智能网联汽车创新中心。"
    assert names(text) == ["溪源人形机器人创新中心", "鹤浦智能网联汽车创新中心"]


def test_a_weak_name_opening_with_no_place_printed_so_names_nothing():
    text = "中国市场规模扩大。人形机器人创新中心揭牌，溪源人形机器人创新中心也在筹划。"
    assert names(text) == []


# A unit named after a company: the company's trade name is the company, not the unit.


def test_a_trade_name_printed_with_a_unit_named_after_it_is_the_company():
    assert names("鹤鸣科技与鹤鸣科技研究院签约。") == ["鹤鸣科技", "鹤鸣科技研究院"]
    assert names("溪源鹤鸣科技研究院由鹤鸣科技出资设立。") == ["溪源鹤鸣科技研究院", "鹤鸣科技"]


def test_a_company_named_in_full_keeps_its_trade_name_as_a_short_form():
    text = "溪源鹤鸣科技有限公司成立研究院。鹤鸣科技负责人介绍。"
    assert names(text) == ["溪源鹤鸣科技有限公司"]


def test_a_schools_subject_after_yu_may_be_named_by_a_verb():
    text = "青岚大学能源与运载工程学院与高温结构材料全国重点实验室合作。"
    assert names(text) == ["青岚大学能源与运载工程学院", "高温结构材料全国重点实验室"]


def test_a_verb_after_a_university_and_yu_outside_a_schools_name_stays_apart():
    assert names("溪源大学与运营团队座谈后，鹤浦大学与运载火箭研究院签约。") == [
        "溪源大学",
        "鹤浦大学",
        "运载火箭研究院",
    ]


# Brands joined to brands: a foreign company printed as a common noun + 公司 (苹果公司).


def test_a_noun_and_gongsi_joined_to_a_brand_are_two_companies():
    text = "苹果公司和谷歌相继发布新一代可穿戴设备，溪源鹤鸣智能装备有限公司为其供货。"
    assert names(text) == ["苹果公司", "谷歌", "溪源鹤鸣智能装备有限公司"]


def test_kinds_of_company_joined_together_name_no_company():
    assert names("物流公司和快递公司加入，保险公司和银行合作，一家物流公司和谷歌签约。") == []


def test_items_of_a_list_closed_by_a_field_noun_are_fields():
    text = "论坛聚焦算力网络、具身智能等前沿领域。\n展会上，海鹞智能、鹤鸣科技等企业集中亮相。"
    assert names(text) == ["海鹞智能", "鹤鸣科技"]
