"""Government bodies named with their place, and short forms defined or used later for them,
specified with sentences of our own whose places are invented (江澄市, 澄湖省, 临澜市): the
rules must hold for a place the dictionary has never seen.

No database: ``entities.matching`` is pure Python.
"""

from __future__ import annotations

from entities.matching import find_organisations
from entities.recognition import FoundOrganisation


def names(text: str) -> list[str]:
    return [org.name for org in find_organisations(text)]


# A body's name includes the place it is named with: 2-4 characters + 省/市/区/县 + the body.


def test_a_department_keeps_the_city_it_is_named_with():
    assert names("近日，江澄市工业和信息化局发布通知。") == ["江澄市工业和信息化局"]


def test_a_place_of_two_to_four_characters_before_any_level_opens_the_name():
    text = (
        "会议由临澜市发展和改革委员会主办，宁川县市场监督管理局协办。"
        "青禾县教育局、云栖区卫生健康局和北湾省科技厅派员参加。"
        "兰溪口县文化广电旅游局也派员到场。"
    )
    assert names(text) == [
        "临澜市发展和改革委员会",
        "宁川县市场监督管理局",
        "青禾县教育局",
        "云栖区卫生健康局",
        "北湾省科技厅",
        "兰溪口县文化广电旅游局",
    ]


def test_a_province_and_a_city_both_open_the_name():
    assert names("澄湖省江澄市工业和信息化局日前印发方案。") == ["澄湖省江澄市工业和信息化局"]


def test_a_party_committee_keeps_its_city():
    text = "江澄市委宣传部、江澄市文化广电旅游局联合举办读书节。"
    assert names(text) == ["江澄市委宣传部", "江澄市文化广电旅游局"]


def test_a_level_after_a_verb_a_time_word_or_a_noun_is_the_articles_own_place():
    text = "推动市科技局与企业对接。日前市教育局发文。记者去市民政局采访，两市财政局也表态。"
    # 两市财政局: a count is no place's name; the two cities' bureaus are no one body either
    # (test_a_level_after_a_count_of_places_names_no_single_body).
    assert names(text) == ["市科技局", "市教育局", "市民政局"]


def test_a_place_is_read_only_up_to_the_word_that_introduces_it():
    text = "据江澄市科技局介绍，由临澜市财政局牵头，联合宁川县教育局共同实施。"
    assert names(text) == ["江澄市科技局", "临澜市财政局", "宁川县教育局"]


def test_a_one_character_verb_introducing_a_body_is_not_part_of_its_name():
    text = "项目受江澄新材料有限公司委托，获江澄市科技局立项支持，经临澜市财政局批准实施。"
    assert names(text) == ["江澄新材料有限公司", "江澄市科技局", "临澜市财政局"]


def test_a_laboratory_named_with_an_invented_province_keeps_it():
    text = "澄湖省智能感知重点实验室、江澄市先进材料重点实验室同日揭牌。"
    assert names(text) == ["澄湖省智能感知重点实验室", "江澄市先进材料重点实验室"]


# A short form defined by （以下简称“…”） is an alias of the full name, never its own body.


def test_a_defined_short_form_is_only_an_alias_wherever_it_recurs():
    text = "据江澄市科学技术协会（以下简称“市科协”）介绍，市科协今年将举办科普活动。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术协会", aliases=("市科协",))
    ]


def test_a_short_form_defined_with_xiacheng_is_an_alias_too():
    text = "澄湖省科学技术协会（下称“省科协”）主办本次大赛。省科协有关负责人说，"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省科学技术协会", aliases=("省科协",))
    ]


def test_a_defined_short_form_of_a_department_named_with_its_place():
    text = "澄湖省江澄市科学技术局（以下简称“市科技局”）介绍，市科技局将加大投入。"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省江澄市科学技术局", aliases=("市科技局",))
    ]


def test_a_short_form_defined_with_a_colon_single_quotes_or_ascii_brackets_is_the_bare_form():
    for definition in ("（简称：海晟科技）", "（以下简称‘海晟科技’）", "(下称“海晟科技”)"):
        text = f"江澄海晟科技有限公司{definition}发布新品。海晟科技负责人说，"
        assert find_organisations(text) == [
            FoundOrganisation(name="江澄海晟科技有限公司", aliases=("海晟科技",))
        ], definition


# A short form used later that is plainly the same body is its alias.


def test_a_department_named_again_by_level_and_contracted_stem_is_the_same_body():
    text = "江澄市科学技术局局长王林表示，市科技局将加大投入。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术局", aliases=("市科技局",))
    ]


def test_an_association_named_again_by_its_contraction_is_the_same_body():
    text = "江澄市科学技术协会举办科普周。市科协负责人表示，活动将持续一周。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术协会", aliases=("市科协",))
    ]


def test_the_name_from_its_level_on_is_the_body_named_with_its_place():
    text = "澄湖省江澄市人民医院专家表示，市人民医院将开设专病门诊。"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省江澄市人民医院", aliases=("市人民医院",))
    ]


def test_a_level_shared_by_two_places_bodies_names_neither():
    text = "江澄市人民医院和临澜市人民医院专家会诊。市人民医院将开设专病门诊。"
    assert names(text) == ["江澄市人民医院", "临澜市人民医院", "市人民医院"]


# 与/和 inside a department's name joins the two things it is in charge of.


def test_a_department_in_charge_of_two_things_joined_with_he_is_one_body():
    text = (
        "江澄市城市管理和综合执法局、临澜市科学技术和工业信息化局、"
        "宁川县政务服务和数据管理局联合检查。"
    )
    assert names(text) == [
        "江澄市城市管理和综合执法局",
        "临澜市科学技术和工业信息化局",
        "宁川县政务服务和数据管理局",
    ]


def test_he_between_two_full_names_still_separates_them():
    text = "澄湖省工业和信息化厅与江澄市工业和信息化局联合调研，江澄大学和临澜理工学院参加。"
    assert names(text) == [
        "澄湖省工业和信息化厅",
        "江澄市工业和信息化局",
        "江澄大学",
        "临澜理工学院",
    ]


# Laboratories named after a landform, whether or not the dictionary knows it.


def test_a_laboratory_named_after_an_unknown_lake_or_bay_is_a_body():
    text = "澄湖实验室、云栖湾实验室同日揭牌。据悉，澄江实验室将与江澄大学共建。"
    assert names(text) == ["澄湖实验室", "云栖湾实验室", "澄江实验室", "江澄大学"]


def test_an_ordinary_word_before_a_laboratory_names_no_landform():
    assert names("团队在学校实验室和企业实验室完成测试。") == []


def test_a_zone_committee_named_again_in_standard_short_words_is_the_same_body():
    text = (
        "江澄高新技术产业开发区管理委员会日前发布扶持政策。江澄高新区管委会负责人介绍，"
        "高新区管委会将设立专项资金。"
    )
    assert find_organisations(text) == [
        FoundOrganisation(
            name="江澄高新技术产业开发区管理委员会", aliases=("江澄高新区管委会", "高新区管委会")
        )
    ]


def test_a_commission_named_again_without_he_and_its_full_ending_is_the_same_body():
    text = "澄湖省发展和改革委员会日前批复项目。省发展改革委有关负责人说，省发改委将跟进。"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省发展和改革委员会", aliases=("省发展改革委", "省发改委"))
    ]


def test_a_zone_kind_shared_by_two_zones_committees_names_neither():
    text = "江澄高新区管委会、临澜高新区管委会联合发文。高新区管委会表示，"
    assert names(text) == ["江澄高新区管委会", "临澜高新区管委会", "高新区管委会"]


def test_a_school_joining_two_subjects_with_yu_after_its_university_is_one_name():
    assert names("澄湖大学化学与分子工程学院教授王林说，") == ["澄湖大学化学与分子工程学院"]
    assert names("江澄大学生在校园里做实验。") == []


def test_a_governments_general_office_is_a_body_named_with_its_place():
    text = "江澄市人民政府办公室印发通知，澄湖省人民政府办公厅、临澜市政府办公室转发。"
    assert names(text) == ["江澄市人民政府办公室", "澄湖省人民政府办公厅", "临澜市政府办公室"]
    assert names("当地政府部门高度重视，政府委托第三方评估。") == []


def test_an_institute_named_by_its_city_and_two_fields_joined_with_yu():
    text = "江澄市光电技术与智能制造研究院、澄湖省生态环境与资源研究院联合发布成果。"
    assert names(text) == ["江澄市光电技术与智能制造研究院", "澄湖省生态环境与资源研究院"]
    assert "江澄与临澜研究所" not in names("江澄与临澜研究所的专家参加评审。")


def test_a_bureau_in_charge_of_the_sea_and_fisheries_is_one_body():
    assert names("江澄市海洋与渔业局发布休渔通告。") == ["江澄市海洋与渔业局"]


def test_a_government_bodys_general_office_is_named_after_it():
    text = "国务院办公厅印发意见，江澄市委办公室、澄湖省委办公厅联合转发。"
    assert names(text) == ["国务院办公厅", "江澄市委办公室", "澄湖省委办公厅"]
    assert names("江澄大学研究院办公室主任说，居委办公室也已搬迁。") == ["江澄大学研究院"]


# A national key laboratory's full name: its field, verbs and 与 included, before 全国重点.


def test_a_national_key_laboratorys_field_may_join_verbs_with_yu():
    text = "依托江澄大学建设的智能感知与控制全国重点实验室日前通过验收。"
    assert names(text) == ["江澄大学", "智能感知与控制全国重点实验室"]


def test_a_verb_that_introduces_or_confers_the_designation_is_no_field():
    text = "围绕先进材料国家重点实验室建设，学校建成国家重点实验室两个，正在申建国家重点实验室。"
    assert names(text) == ["先进材料国家重点实验室"]


def test_a_university_is_not_shortened_like_a_department():
    text = "澄湖科学技术大学与澄湖科技大学联合培养研究生。"
    assert names(text) == ["澄湖科学技术大学", "澄湖科技大学"]


# Schools and clinics: common nouns that name one body only with its place.


def test_a_school_or_clinic_named_with_its_place_is_a_body():
    text = "江澄市第一中学、临澜市实验小学和江澄市妇幼保健院联合开展健康课堂。"
    assert names(text) == ["江澄市第一中学", "临澜市实验小学", "江澄市妇幼保健院"]


def test_a_school_or_clinic_without_a_place_is_any():
    assert names("中学生和小学生都很兴奋，农村小学、乡镇卫生院也将受益。") == []


# Designations and a body's terms are no bodies of their own.


def test_a_name_after_a_designation_level_is_a_designation():
    text = "江澄大学等6所高校入选首批省级现代产业学院建设名单。"
    assert names(text) == ["江澄大学"]


def test_a_bodys_numbered_term_is_that_body():
    text = (
        "江澄市科学技术协会（以下简称“市科协”）第十次代表大会开幕，"
        "选举产生了市科协第十届委员会。江澄市政协第十三届委员会第二次会议开幕。"
    )
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术协会", aliases=("市科协",)),
        FoundOrganisation(name="江澄市政协"),
    ]


def test_an_agricultural_institute_is_named_by_its_abbreviation():
    assert names("宁川县农业农村局联合县农科所开展水稻新品种示范。") == [
        "宁川县农业农村局",
        "县农科所",
    ]


def test_a_zones_bureau_keeps_the_place_the_zone_is_named_with():
    text = "江澄高新区科技创新局、临澜经开区经济发展局联合发布扶持政策。"
    assert names(text) == ["江澄高新区科技创新局", "临澜经开区经济发展局"]
    assert names("推动经济发展局面持续向好。") == []


def test_a_company_named_again_by_its_brand_and_gongsi_is_the_same_company():
    text = "江澄海晟科技有限公司发布新品。海晟公司负责人说，英伟达公司也将参与。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄海晟科技有限公司", aliases=("海晟公司",)),
        FoundOrganisation(name="英伟达公司"),
    ]


def test_a_school_of_the_whole_city_is_no_named_school():
    text = "全市中小学开展科普周活动，本省卫生院、该县幼儿园也参加。江澄市第一中学承办。"
    assert names(text) == ["江澄市第一中学"]


# Round two: levels that name another body, or several; a list of one place's departments; a
# joint unit of two bodies; an event named like a company.


def test_a_city_level_names_the_citys_bureau_not_its_districts():
    text = "江澄市科学技术局和江澄市东岚区科学技术局联合发文。市科技局负责人表示，将加大投入。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术局", aliases=("市科技局",)),
        FoundOrganisation(name="江澄市东岚区科学技术局"),
    ]


def test_a_district_level_names_the_districts_bureau_and_a_city_level_not():
    text = "江澄市东岚区科学技术局发文。区科技局负责人表示，市科技局将给予支持。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市东岚区科学技术局", aliases=("区科技局",)),
        FoundOrganisation(name="市科技局"),
    ]


def test_a_level_after_a_count_of_places_names_no_single_body():
    text = (
        "江澄市科学技术局与临澜市科学技术局签署协议。两市科技局将共建平台，"
        "两地教育局、各市科技局也将参与。"
    )
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市科学技术局"),
        FoundOrganisation(name="临澜市科学技术局"),
    ]
    assert names("江澄市科学技术局发文。三市科技局将联合推进。") == ["江澄市科学技术局"]


def test_a_bare_department_listed_after_a_placed_one_keeps_its_place():
    assert names("江澄市教育局和财政局联合发布通知。") == ["江澄市教育局", "江澄市财政局"]
    text = "澄湖省科学技术厅、财政厅与教育厅联合发文。"
    assert names(text) == ["澄湖省科学技术厅", "澄湖省财政厅", "澄湖省教育厅"]


def test_a_department_of_another_kind_or_place_after_a_placed_one_is_its_own():
    text = "江澄市科技局与科技部对接，江澄市教育局和政协联合调研，临澜市教育局和宁川县财政局参加。"
    assert names(text) == [
        "江澄市科技局",
        "科技部",
        "江澄市教育局",
        "政协",
        "临澜市教育局",
        "宁川县财政局",
    ]


def test_bodies_joined_by_a_dash_before_a_joint_laboratory_are_one_body():
    text = (
        "澄湖大学—海晟科技有限公司联合实验室今日揭牌。"
        "江澄理工学院——临澜市人民医院联合研究中心同期成立。"
    )
    assert names(text) == [
        "澄湖大学—海晟科技有限公司联合实验室",
        "江澄理工学院——临澜市人民医院联合研究中心",
    ]


def test_bodies_named_apart_from_a_joint_unit_are_still_listed():
    text = "澄湖大学—江澄大学学术交流会举行。澄湖大学与海晟科技有限公司联合攻关。"
    assert names(text) == ["澄湖大学", "江澄大学", "海晟科技有限公司"]


def test_an_event_named_like_a_trade_name_is_no_organisation():
    text = (
        "2026海晟科技大会在江澄召开，澄芯科技论坛、海晟科技博览会和澄湖智能峰会同期举行，"
        "澄湖科技成果交易会也将开幕。"
    )
    assert names(text) == []


def test_a_trade_name_acting_at_an_event_is_still_a_company():
    assert names("澄芯科技参加大会，澄芯科技产品亮相论坛。") == ["澄芯科技"]


def test_a_district_whose_first_character_the_segmenter_joins_to_the_city_keeps_both():
    text = "江澄市北沙区科学技术局发布措施。区科技局负责人介绍，将配套给予奖励。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市北沙区科学技术局", aliases=("区科技局",))
    ]


def test_a_body_named_again_without_its_province_is_the_same_body():
    text = "澄湖省江澄市人民医院专家表示，江澄市人民医院将开设专病门诊。"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省江澄市人民医院", aliases=("江澄市人民医院",))
    ]
    text = "江澄市北沙区科学技术局发布措施。北沙区科学技术局负责人介绍，将配套给予奖励。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市北沙区科学技术局", aliases=("北沙区科学技术局",))
    ]


def test_a_cooperative_is_a_body_only_with_its_place():
    text = (
        "宁川县供销合作社联合社与江澄市青禾种植专业合作社签约。村里新成立了农民专业合作社，"
        "合作社社员增收。"
    )
    assert names(text) == ["宁川县供销合作社联合社", "江澄市青禾种植专业合作社"]


def test_a_peoples_congress_standing_committee_named_in_its_short_words_is_the_same_body():
    text = "江澄市人民代表大会常务委员会审议条例。江澄市人大常委会副主任出席，市人大常委会将督办。"
    assert find_organisations(text) == [
        FoundOrganisation(
            name="江澄市人民代表大会常务委员会", aliases=("江澄市人大常委会", "市人大常委会")
        )
    ]


def test_a_run_ending_inside_a_word_of_the_text_is_no_short_form():
    text = "澄湖省科学技术协会与澄湖省科技馆联合举办科普展。"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖省科学技术协会"),
        FoundOrganisation(name="澄湖省科技馆"),  # a body of its own (org-r3), no short form
    ]


def test_a_branch_bureau_is_a_body_when_named_with_its_bureau():
    text = "江澄市公安局东岚分局发布通告。该局今年新设分局两个，分局民警将上门服务。"
    assert names(text) == ["江澄市公安局东岚分局"]


def test_a_link_word_the_segmenter_joins_to_a_places_first_character_stays_out():
    text = "记者从江澄市公安局北沙分局获悉，由江澄市财政局牵头的项目已启动。"
    assert names(text) == ["江澄市公安局北沙分局", "江澄市财政局"]


def test_a_unit_named_after_its_parent_is_named_by_its_own_name_too():
    text = "澄湖理工大学与江澄市第二人民医院共建医工交叉研究院。澄湖理工大学医工交叉研究院院长说，"
    assert find_organisations(text) == [
        FoundOrganisation(name="澄湖理工大学"),
        FoundOrganisation(name="江澄市第二人民医院"),
        FoundOrganisation(name="澄湖理工大学医工交叉研究院", aliases=("医工交叉研究院",)),
    ]


def test_a_unit_name_two_parents_share_names_neither():
    text = (
        "江澄大学与临澜大学分别成立人工智能研究院。"
        "江澄大学人工智能研究院、临澜大学人工智能研究院将合作。"
    )
    assert names(text) == [
        "江澄大学",
        "临澜大学",
        "人工智能研究院",
        "江澄大学人工智能研究院",
        "临澜大学人工智能研究院",
    ]


def test_an_association_joining_two_trades_or_naming_its_members_is_one_name():
    text = (
        "临澜市软件和信息服务业协会、澄湖省机器人与智能装备学会、"
        "江澄市高新技术企业协会联合举办对接会。"
    )
    assert names(text) == [
        "临澜市软件和信息服务业协会",
        "澄湖省机器人与智能装备学会",
        "江澄市高新技术企业协会",
    ]


def test_he_after_a_body_or_a_person_before_an_association_joins_two_parties():
    text = "江澄大学团队与临澜市机器人学会合作，海晟科技有限公司员工和江澄市软件行业协会代表参加。"
    assert names(text) == [
        "江澄大学",
        "临澜市机器人学会",
        "海晟科技有限公司",
        "江澄市软件行业协会",
    ]
    assert names("企业协会、龙头企业商会负责人参加。") == []


def test_an_association_followed_by_its_members_is_named_whole():
    text = "江澄市软件行业协会会员、澄湖省机器人学会会员共200余人参加。"
    assert names(text) == ["江澄市软件行业协会", "澄湖省机器人学会"]


def test_a_trade_name_opening_a_quoted_title_names_no_company():
    text = "“澄芯科技大脑”平台上线，“海晟智能工厂”项目投产。“澜启科技”负责运营。"
    assert names(text) == ["澜启科技"]


def test_a_government_bodys_member_listed_beside_a_body_is_an_office():
    text = "江澄市委常委、临澜市科学技术局局长王平出席，政协委员、澄湖大学教授陈林发言。"
    assert names(text) == ["临澜市科学技术局", "澄湖大学"]


def test_a_bracketed_place_before_a_legal_ending_is_part_of_the_registered_name():
    text = "海晟生物医药（江澄）有限公司与澄芯半导体（临澜）有限公司签约。海晟生物将提供试剂。"
    assert find_organisations(text) == [
        FoundOrganisation(name="海晟生物医药（江澄）有限公司", aliases=("海晟生物",)),
        FoundOrganisation(name="澄芯半导体（临澜）有限公司"),
    ]


def test_a_branch_academy_is_a_body_when_named_with_its_academy():
    text = "澄湖省科学院江澄分院挂牌成立。该分院将聚焦新材料，首批设立分院两家。"
    assert names(text) == ["澄湖省科学院江澄分院"]


def test_a_hospital_grade_names_a_class_of_hospitals():
    text = "江澄市卫生健康委员会发文，明确三级医院检查结果互认，二级甲等医院参照执行。"
    assert names(text) == ["江澄市卫生健康委员会"]
    assert names("江澄市第三人民医院开诊。") == ["江澄市第三人民医院"]


def test_a_level_committee_named_again_by_its_level_is_the_same_body():
    text = "江澄市东岚区委召开全会。区委书记张斌讲话，临澜市委也派员列席。"
    assert find_organisations(text) == [
        FoundOrganisation(name="江澄市东岚区委", aliases=("区委",)),
        FoundOrganisation(name="临澜市委"),
    ]


def test_customs_named_by_its_place_is_a_body_and_alone_the_service():
    text = "据临澜市海关统计，经海关查验的货物增长一成，海关总署将推广其做法。"
    assert names(text) == ["临澜市海关", "海关总署"]
