"""Issue 12's organisation classes, specified with news sentences of our own: names joined with
与/和 inside them, laboratories and centres the dictionary knows by name, names printed without a
company suffix, and short forms used later without （以下简称…）.

No database: ``entities.matching`` is pure Python.
"""

from __future__ import annotations

from entities.matching import find_organisations
from entities.recognition import FoundOrganisation


def names(text: str) -> list[str]:
    return [org.name for org in find_organisations(text)]


# 与/和 inside a name


def test_institute_joining_two_fields_with_yu_is_one_name():
    text = "近日，苏州纳米技术与纳米仿生研究所的团队在柔性电池领域取得突破。"
    assert names(text) == ["苏州纳米技术与纳米仿生研究所"]


def test_yu_between_two_bodies_still_separates_them():
    text = "浙江大学与之江实验室联合发布新一代类脑计算机。"
    assert names(text) == ["浙江大学", "之江实验室"]


def test_yu_after_a_place_alone_joins_two_places_not_fields():
    text = "上海与苏州研究所的专家共同参与了评审。"
    assert "上海与苏州研究所" not in names(text)


# laboratories and centres named in full


def test_launch_centre_known_by_name_is_an_organisation():
    text = "11月1日，一颗试验卫星在酒泉卫星发射中心成功发射。"
    assert names(text) == ["酒泉卫星发射中心"]


def test_state_key_laboratory_of_an_institute_is_one_name():
    text = "中国科学院大连化学物理研究所催化基础国家重点实验室研究员介绍，新催化剂已完成中试。"
    assert names(text) == ["中国科学院大连化学物理研究所催化基础国家重点实验室"]


def test_designation_alone_is_no_laboratory():
    text = "该校新获批两个国家重点实验室和一个国家企业技术中心。"
    assert names(text) == []


# names without a company suffix


def test_brand_joined_with_yu_to_a_named_body_is_an_organisation():
    text = "华为与清华大学签署合作协议。华为将为联合实验室提供算力支持。"
    assert names(text) == ["华为", "清华大学"]


def test_person_joined_with_yu_to_a_body_is_no_organisation():
    text = "王强与清华大学的同事合作完成了这项研究。"
    assert names(text) == ["清华大学"]


def test_laboratory_named_without_a_place_word():
    text = "浙江大学与之江实验室联合发布新一代类脑计算机。之江实验室主任表示，"
    assert find_organisations(text)[1] == FoundOrganisation(name="之江实验室")


# short forms used later without 以下简称


def test_company_printed_later_without_its_legal_suffix():
    text = "国家电网有限公司加快建设特高压工程。国家电网相关负责人表示，工程年内投运。"
    assert find_organisations(text) == [
        FoundOrganisation(name="国家电网有限公司", aliases=("国家电网",))
    ]


def test_institute_abbreviated_one_character_a_word():
    text = (
        "中国科学院上海光学精密机械研究所研发出新型激光器。"
        "上海光机所研究员介绍，该激光器已用于工业检测。"
    )
    assert find_organisations(text) == [
        FoundOrganisation(name="中国科学院上海光学精密机械研究所", aliases=("上海光机所",))
    ]


def test_academy_abbreviated_later_is_an_alias_not_a_second_body():
    text = "浙江省农业科学院与杭州市农业农村局签约。省农科院将派出专家驻村指导。"
    assert find_organisations(text) == [
        FoundOrganisation(name="浙江省农业科学院", aliases=("省农科院",)),
        FoundOrganisation(name="杭州市农业农村局"),
    ]


def test_university_abbreviated_later():
    text = "哈尔滨工业大学的团队研制出新型卫星。哈工大团队负责人说，卫星已完成测试。"
    assert find_organisations(text) == [
        FoundOrganisation(name="哈尔滨工业大学", aliases=("哈工大",))
    ]


def test_another_university_sharing_words_is_no_short_form():
    text = "浙江工业大学与浙江大学的学生共同参赛。"
    assert names(text) == ["浙江工业大学", "浙江大学"]


def test_group_printed_later_without_its_legal_ending_is_one_company():
    text = "浙江新安化工集团有限公司发布新品。浙江新安化工集团旗下品牌销量增长。"
    assert find_organisations(text) == [
        FoundOrganisation(name="浙江新安化工集团有限公司", aliases=("浙江新安化工集团",))
    ]


def test_hospital_named_again_without_its_city():
    text = "北京协和医院专家介绍了新疗法。协和医院已完成首例手术。"
    assert find_organisations(text) == [
        FoundOrganisation(name="北京协和医院", aliases=("协和医院",))
    ]


def test_generic_hospital_name_is_no_short_form_of_a_city_hospital():
    text = "浙江省人民医院与高校合作。人民医院的医生说，新疗法效果良好。"
    assert "人民医院" not in find_organisations(text)[0].aliases


# precision and recall of trade names


def test_brand_cut_into_characters_opening_the_clause_keeps_its_first_one():
    text = "目前，顺丰科技有限公司已在山区开通多条无人机航线。"
    assert names(text) == ["顺丰科技有限公司"]


def test_counted_things_before_a_trade_word_are_no_brand():
    text = "走进基地，一排排智能大棚整齐排列。"
    assert names(text) == []


def test_verbs_before_a_trade_word_are_no_brand():
    text = "城市加氢站网络初具规模，充电桩数量持续增长。"
    assert names(text) == []


def test_laboratory_named_after_a_mountain_is_an_organisation():
    text = "紫金山实验室的科研人员介绍，新一代网络设备已完成测试。"
    assert names(text) == ["紫金山实验室"]


def test_laboratory_in_a_room_is_no_organisation():
    text = "他每天在实验室里工作，联合实验室也已建成。"
    assert names(text) == []


def test_department_contracted_later_is_an_alias():
    text = "杭州市发展和改革委员会印发实施方案。市发改委将牵头推进重点项目。"
    assert find_organisations(text) == [
        FoundOrganisation(name="杭州市发展和改革委员会", aliases=("市发改委",))
    ]


def test_another_level_department_is_no_contraction():
    text = "国家发展和改革委员会发布通知，省发改委随后作出部署。"
    assert names(text) == ["国家发展和改革委员会", "省发改委"]
