"""An organisation's kind read from how its name ends, as Chinese names say what a body is
in their last word (…大学, …研究所, …有限公司, …厅). The longest matching ending decides
(科学院 is research, not a 学院); a name with no telling ending stays 其他. Editors can
change the kind; only new organisations get it from here."""

from entities.models import Organisation

Kind = Organisation.Kind

ENDINGS = {
    Kind.UNIVERSITY: ("大学", "学院", "职业技术学院", "高等专科学校", "师范学校"),
    Kind.RESEARCH: (
        "科学院",
        "工程院",
        "研究院",
        "研究所",
        "研究中心",
        "实验室",
        "设计院",
        "科学研究院",
        "技术研究院",
    ),
    Kind.HOSPITAL: ("医院", "卫生院", "保健院", "医学中心"),
    Kind.GOVERNMENT: (
        "政府",
        "人民政府",
        "局",
        "厅",
        "部",
        "委",
        "委员会",
        "管委会",
        "管理委员会",
        "办公室",
        "办事处",
        "法院",
        "检察院",
    ),
    Kind.ASSOCIATION: (
        "协会",
        "学会",
        "研究会",
        "联合会",
        "基金会",
        "商会",
        "促进会",
        "联盟",
        "理事会",
        "组织",
    ),
    Kind.COMPANY: ("公司", "集团", "企业", "厂", "银行", "合作社", "事务所"),
}

_BY_LENGTH = sorted(
    ((ending, kind) for kind, endings in ENDINGS.items() for ending in endings),
    key=lambda pair: -len(pair[0]),
)


def kind_from_name(name: str) -> str:
    name = (name or "").strip().rstrip("）)")
    for ending, kind in _BY_LENGTH:
        if name.endswith(ending):
            return kind
    return Kind.OTHER
