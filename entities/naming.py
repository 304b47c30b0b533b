"""How Chinese papers print organisation names: generic vocabulary and a private word segmenter.

Only generic words live here (suffixes, department stems, place levels, function words);
no organisation of any sample page is named, so the rules hold for another day's paper.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

#: Endings of a full name whose prefix may be any proper name (a brand, a zone, a person's name).
STRONG_SUFFIXES = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "集团",
    "大学",
    "科学院",
    "工程院",
    "学院",
    "研究院",
    "研究所",
    "研究会",
    "设计院",
    "医院",
    "协会",
    "学会",
    "联合会",
    "商会",
    "基金会",
    "促进会",
    "委员会",
    "管委会",
    "管理委员会",
    "管理局",
    "领导小组办公室",
    "党工委",
    "银行",
    "交易所",
    "出版社",
    "通讯社",
    "报社",
    "杂志社",
    "电视台",
    "电视总台",
    "广播电台",
    "法院",
    "检察院",
    "事务所",
    "分公司",
    "子公司",
    "分行",
    "支行",
)

#: Units of a university or academy, whose names join subjects with 与/和 (科学与工程学院).
ACADEMIC_UNITS = frozenset(("学院", "研究院", "研究所", "实验室", "中心", "系", "学部"))

#: Associations, whose names join the two trades they gather with 与/和 (软件和信息服务业协会)
#: and name the kind of members they gather with a role noun (高新技术企业协会).
ASSOCIATION_SUFFIXES = frozenset(("协会", "学会", "联合会", "商会", "促进会", "研究会"))

#: Titles printed right after a name (华中科技大学教授丁汉, 江澄市软件行业协会会员): the name
#: has ended, even where the dictionary knows suffix + title as one word (大学教授, 协会会员).
PERSON_TITLES = ("教授", "院士", "博士", "研究员", "讲师", "校长", "院长", "主任", "书记", "会员")

#: What a 中心 is when it is a building or venue (世博中心, 会展中心): a place, not a body.
VENUE_WORDS = ("世博", "会展", "博览", "展览", "会议", "体育", "购物", "市民", "演艺", "奥体")

#: Endings of an event's name (澄芯科技大会, 海晟智能峰会): a trade name running on into one
#: names the event, not a company.
EVENT_ENDINGS = (
    "大会",
    "论坛",
    "博览会",
    "展览会",
    "交易会",
    "洽谈会",
    "研讨会",
    "峰会",
    "年会",
    "大赛",
)

#: Nouns for an industry, its field or its members (具身智能产业, 具身智能企业, 智能科技领域)
#: and for the kinds of product a field makes (具身智能机器人, 具身智能大模型): a trade name
#: running on into one is the field's name, not a company's.
FIELD_WORDS = ("产业", "行业", "领域", "赛道", "技术", "集群", "板块", "专业")
FIELD_NOUNS = FIELD_WORDS + (
    "企业",
    "人才",
    "机器人",
    "大模型",
    "模型",
    "芯片",
    "终端",
)

#: 算力网络、具身智能等前沿领域: a list closed by 等 + a field's word lists fields.
FIELD_ENUMERATION_RE = re.compile(
    "(?:、[^，。；：！？\\s]+?)*等(?:[^，。；：、\\s等]{0,4}?)(?:" + "|".join(FIELD_WORDS) + ")"
)

#: 华为、阿里巴巴等企业: a list closed by 等 + one of these nouns lists organisations.
ENUMERATION_RE = re.compile(
    "等(?:[一二三四五六七八九十百千多数余0-9]+[家个所])?(?:[^，。；：、\\s等]{0,4}?)"
    "(?:企业|公司|单位|机构|高校|院校|车企|药企|银行|券商|厂商)"
)

#: Endings that also name designations, projects and awards (国家企业技术中心, 重点实验室), or
#: any branch (新设分局, 该分院) unless its parent or place is named (江澄市公安局东岚分局):
#: the name counts only when it carries a place or contains another organisation.
WEAK_SUFFIXES = (
    "中心",
    "实验室",
    "创业园",
    "产业园",
    "科技园",
    "工业园",
    "示范园",
    "孵化器",
    "代表处",
    "办事处",
    "分局",
    "分院",
)
#: Common nouns that name one body only with its place or parent (江澄市第一中学, 宁川县妇幼
#: 保健院, 临澜市供销合作社, 溪源市图书馆, 中国科学院溪源天文台); 农村小学 is any school,
#: 农民专业合作社 any cooperative, 社区图书馆 any library. They are read as the weak endings are.
PLACED_SUFFIXES = (
    "中学",
    "小学",
    "幼儿园",
    "保健院",
    "卫生院",
    "合作社",
    "联合社",
    "图书馆",
    "博物馆",
    "博物院",
    "科技馆",
    "美术馆",
    "纪念馆",
    "档案馆",
    "天文台",
)
WEAK_SUFFIXES += PLACED_SUFFIXES

#: A bare 公司 names a company only after a trade word (科技公司), never in 上市公司 or 该公司.
TRADE_WORDS = (
    "科技",
    "技术",
    "集团",
    "电子",
    "光电",
    "红外",
    "药业",
    "制药",
    "医药",
    "生物",
    "化工",
    "新材",
    "材料",
    "能源",
    "汽车",
    "电气",
    "电器",
    "电力",
    "重工",
    "机械",
    "装备",
    "通信",
    "网络",
    "软件",
    "信息",
    "传媒",
    "食品",
    "乳业",
    "酒业",
    "物流",
    "置业",
    "环保",
    "光伏",
    "半导体",
    "微电子",
    "智能",
    "动力",
    "精工",
    "控股",
    "实业",
    "股份",
    "投资",
    "建设",
    "建工",
    "钢铁",
    "纺织",
    "农业",
    "贸易",
    "发展",
)

#: Trade words that, after a two-character brand, make a short company name (澄芯科技); the
#: rest read as ordinary words after a brand-like pair (新材料, 大发展).
BRAND_TRADE_WORDS = frozenset(TRADE_WORDS) - {
    "技术",
    "材料",
    "电力",
    "机械",
    "装备",
    "信息",
    "食品",
    "环保",
    "投资",
    "建设",
    "建工",
    "钢铁",
    "纺织",
    "农业",
    "贸易",
    "发展",
}

#: What a government department's name is about (科技厅, 市场监管局, 宣传部).
DEPARTMENT_STEMS = (
    "人力资源和社会保障",
    "人力资源社会保障",
    "人力社保",
    "住房城乡建设",
    "粮食和物资储备",
    "文化广电和旅游",
    "文化广电旅游",
    "自然资源和规划",
    "规划和自然资源",
    "金融监督管理",
    "金融监管",
    "安全生产监督管理",
    "质量技术监督",
    "食品药品监督管理",
    "民族宗教事务",
    "行政审批",
    "医疗保障",
    "乡村振兴",
    "国防科工",
    "教育体育",
    "经济和信息化",
    "工业和信息化",
    "工业信息化",
    "城市管理",
    "综合行政执法",
    "综合执法",
    "政务服务",
    "数据管理",
    "数据资源",
    "城乡建设",
    "经济发展",
    "人民政府",
    "政府",
    "住房和城乡建设",
    "文化和旅游",
    "发展和改革",
    "退役军人事务",
    "市场监督管理",
    "药品监督管理",
    "民用航空",
    "能源",
    "国防科技工业",
    "地方金融监督管理",
    "通信管理",
    "无线电管理",
    "卫生和计划生育",
    "农业农村",
    "自然资源",
    "国土资源",
    "生态环境",
    "交通运输",
    "应急管理",
    "市场监管",
    "药品监管",
    "药监",
    "卫生健康",
    "发展改革",
    "机关事务",
    "知识产权",
    "新闻出版",
    "投资促进",
    "科技创新",
    "大数据",
    "数据",
    "科学技术",
    "科技",
    "经信",
    "工信",
    "发改",
    "教育",
    "财政",
    "商务",
    "人社",
    "住建",
    "城建",
    "交通",
    "水利",
    "林业",
    "渔业",
    "农业",
    "文旅",
    "文化",
    "旅游",
    "卫健",
    "卫生",
    "民政",
    "司法",
    "公安",
    "审计",
    "统计",
    "外事",
    "侨务",
    "国资",
    "金融",
    "税务",
    "医保",
    "体育",
    "广电",
    "气象",
    "地震",
    "邮政",
    "铁路",
    "民航",
    "粮食",
    "海洋",
    "宣传",
    "人才",
    "海关",
    "航天",
    "林草",
    "疾控",
    "版权",
    "文物",
    "国土",
    "质监",
    "安监",
    "食药监",
    "工商",
    "人防",
    "民宗",
    "教体",
    "文广旅",
    "组织",
    "统战",
    "政法",
    "网信",
    "信访",
    "招商",
    "环保",
    "环境保护",
    "档案",
    "新闻",
    "外交",
    "国防",
)
DEPARTMENT_ENDINGS = (
    "委员会",
    "办公室",
    "办公厅",
    "总局",
    "总署",
    "厅",
    "局",
    "委",
    "部",
    "办",
    "署",
)

#: Ordinary words a department ending starts (科技部门, 产业布局, 委员): no department then.
DEPARTMENT_CONTINUATIONS = frozenset(
    (
        "部门",
        "部分",
        "部署",
        "部位",
        "部件",
        "部落",
        "部队",
        "部属",
        "局面",
        "局势",
        "局部",
        "局限",
        "委员",
        "委托",
        "委屈",
        "委婉",
        "委派",
        "办法",
        "办理",
        "办事",
        "办学",
        "办案",
        "办好",
        "办成",
        "厅堂",
        "署名",
        "署理",
    )
)

#: Government bodies printed whole, without a stem + ending split.
GOVERNMENT_WORDS = (
    "人大常委会",
    "常委会",
    "发改委",
    "经信委",
    "卫健委",
    "卫计委",
    "国资委",
    "工信委",
    "农委",
    "科委",
    "教委",
    "经委",
    "建委",
    "民委",
    "侨委",
    "省委",
    "市委",
    "县委",
    "区委",
    "州委",
    "党委",
    "纪委",
    "政协",
    "国务院",
    "共青团",
    "科协",
    "侨联",
    "妇联",
    "残联",
    "文联",
    "工商联",
    "总工会",
    "团委",
    "团省委",
    "团市委",
    "团县委",
    "团区委",
    "纪委监委",
    "证监会",
    "银保监会",
    "银监会",
    "保监会",
    "人大",
    "中科院",
    "社科院",
    "农科院",
    "农科所",
    "医科院",
    "林科院",
)

#: Words an international body's name opens with (世界卫生组织, 国际能源署, 联合国开发计划署).
INTERNATIONAL_OPENERS = ("联合国", "世界", "国际", "亚洲", "欧洲", "亚太", "非洲", "美洲")
#: Endings that name an international body only after such an opener (组织 alone is a verb,
#: 能源署 alone a department).
INTERNATIONAL_SUFFIXES = ("组织", "署", "联盟", "理事会")

#: A subdistrict's office: named by the street (two or three characters the dictionary rarely
#: knows as a place) before it, and the district before that (余杭区仓前街道办事处).
STREET_OFFICES = ("街道办事处", "街道办")

#: Words that stand for an administrative level in front of a department (省科技厅, 国家发改委).
LEVEL_WORDS = frozenset(
    ("省", "市", "县", "区", "州", "镇", "乡", "国家", "中央", "全国", "自治区", "自治州", "地区")
)
PLACE_ENDINGS = ("省", "市", "县", "区", "州", "盟", "旗")
#: The levels a place's own name is printed before (江澄市, 澄湖省): the name of a body set
#: there opens with that place.
PLACE_LEVELS = frozenset(("省", "市", "县", "区", "州"))
#: A town's levels, which its own name is printed before as a county's is (南塘县松岙镇).
TOWN_LEVELS = frozenset(("镇", "乡"))


def is_level_committee(word: str) -> bool:
    """市委, 县委, 省委: a committee named by its level, printed right after its place's name."""
    return len(word) == 2 and word[0] in PLACE_LEVELS and word[1] == "委"


#: Levels that name a body relative to the place its text is about: 省科技厅 is the science
#: department of whichever province the article speaks of. 国家, 中央 and 全国 name one body
#: wherever they are printed, so they are not here.
RELATIVE_LEVELS = ("自治区", "自治州", "地区", "省", "市", "县", "区", "州", "镇", "乡")


def is_relative_name(form: str) -> bool:
    """A form that names a body only together with its article's place (省农科院, 市发改委)
    or zone (高新区管委会): right inside that article, wrong as a name for every later one."""
    return form.startswith(RELATIVE_LEVELS) or ZONE_WORD_RE.match(form) is not None


TOWN_ENDINGS = ("镇", "乡", "村", "街道", "社区", "路", "街", "大道", "号")

#: Development zones: a place-like name a management committee or party committee sits in.
ZONE_WORDS = (
    "高新技术产业开发区",
    "经济技术开发区",
    "经济开发区",
    "工业园区",
    "开发区",
    "高新区",
    "经开区",
    "自贸区",
    "保税区",
    "示范区",
    "试验区",
    "新区",
    "园区",
)

#: Management committees of a zone (未来科技城管委会): the name runs back over a descriptive
#: head the segmenter tags as a time or direction word (未来/t, 中/f), up to a bounding word.
COMMITTEE_SUFFIXES = frozenset(("管委会", "管理委员会", "党工委"))
#: Characters of a time word that dates the sentence (近日, 今年, 目前): such a word bounds a
#: name; a descriptive one (未来) may open it.
DATING_CHARS = frozenset("日年月天时今前后近目当此昨明季周晚早初底")

#: Words for a facility's stage or state (新建数据中心, 在建实验室): the phrase describes a
#: building, not a body, whatever the segmenter tags them as.
FACILITY_MODIFIERS = frozenset(
    ("新建", "在建", "拟建", "已建", "扩建", "改建", "续建", "筹建", "新增", "新投", "现有", "原有")
)
#: Words pointing back to a university or institute named earlier (该校…学院).
PARENT_REFERENCES = frozenset(("该校", "该院", "该所", "本校", "学校"))
#: National designations a named laboratory carries after its field (移动通信全国重点实验室).
#: The field before them is named by nouns and verbs alike (精密测量与控制), so a verb is part
#: of it, unless it is one that confers or creates the designation (获批, 建成 国家重点实验室).
NATIONAL_LAB_HEADS = ("全国重点", "国家重点")
#: The kind words of a national designation (国家企业技术中心, 国家工程研究中心,
#: 国家技术创新中心): a class of units many bodies are awarded, not one body's field.
NATIONAL_DESIGNATION_WORDS = frozenset(
    ("企业", "工程", "技术", "研究", "创新", "技术创新", "工程技术", "重点", "制造业", "产业")
)
#: Flags of the words naming a national body's field (国家|卫星|气象|中心, 国家|空间科学|中心).
FIELD_WORD_FLAGS = frozenset(("n", "ns", "nr", "nz", "l", "a", "vn", "j"))
DESIGNATION_VERBS = frozenset(
    ("获批", "批准", "建成", "建设", "创建", "认定", "升级", "重组", "新增", "申报", "申建", "成为")
)

#: Nouns for a role that a name follows (投资方山东…, 上市公司江苏…): the name starts after them.
ROLE_NOUNS = frozenset(
    (
        "企业",
        "公司",
        "上市公司",
        "单位",
        "厂家",
        "厂商",
        "客户",
        "龙头",
        "龙头企业",
        "子公司",
        "旗下",
        "车间",
        "项目",
        "投资方",
        "合作方",
        "建设方",
        "承建方",
        "运营方",
        "甲方",
        "乙方",
        "双方",
        "各方",
    )
)

#: Verbs and prepositions that introduce a name without being part of it.
LINK_WORDS = frozenset(
    (
        "围绕",
        "聚焦",
        "面向",
        "针对",
        "联合",
        "携手",
        "联手",
        "涌现",
        "希望",
        "位于",
        "来自",
        "获悉",
        "成立",
        "设立",
        "建立",
        "组建",
        "筹建",
        "共建",
        "组织",
        "举行",
        "举办",
        "公布",
        "公示",
        "发布",
        "参观",
        "考察",
        "走进",
        "前往",
        "落户",
        "入选",
        "确定",
        "认定",
        "包括",
        "依托",
        "委托",
        "收购",
        "签约",
        "牵头",
        "主办",
        "承办",
        "协办",
        "授予",
        "表彰",
        "邀请",
        "会同",
        "会见",
        "拜访",
        "调研",
        "视察",
        "同步",
        "传输",
        "介绍",
        "表示",
        "认为",
        "指出",
        "显示",
        "推出",
        "打造",
        "成为",
        "作为",
        "通过",
        "经过",
        "获得",
        "荣获",
        "是",
        "有",
        "到",
        "赴",
        "至",
        "称",
        "说",
        "据",
        "对",
        "向",
        "在",
        "由",
        "从",
        "给",
        "与",
        "和",
        "及",
        "同",
        "跟",
        "把",
        "被",
        "将",
        "受",
        "获",
        "经",
        "去",
        "让",
        "使",
        "为",
        "于",
        "等",
        "并",
        "或",
        "而",
        "也",
        "都",
        "还",
        "就",
        "又",
        "已",
        "即",
        "图为",
        "该",
        "其",
        "本",
        "我",
        "各",
        "此",
        "这",
        "那",
        "每",
    )
)

#: Link words that, right before the suffix and with a place further left, are part of the name
#: (浙江出版联合集团), not the verb that introduces it (联合清华大学).
NAME_INNER_LINKS = frozenset(("联合",))

#: Part-of-speech flags of words that never belong to a name: prepositions, conjunctions,
#: particles, pronouns, numerals.
HARD_FUNCTION_FLAGS = frozenset(
    ("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "o")
)
#: Flags the segmenter also gives to pieces of unknown brands (互动/d, 四方/m, 中/f): a word with
#: one of them ends a name only when no place stands further left in the name.
SOFT_FUNCTION_FLAGS = frozenset(("d", "q", "t", "f", "m"))

#: Numerals that count (三家, 十余个) rather than name (四方).
QUANTITY_ENDINGS = frozenset("家个余多批项名位只件次")

#: A character that ends a name on its left: punctuation, quotes, brackets, spaces, 的.
HARD_STOPS = frozenset("，。、；：！？“”‘’《》「」『』【】（）()[]<>,.;:!?\"' \t\n\u3000—…·的■▲")

#: What a company does as a sentence's subject (…发布了…, …与…签约): the acts that make a
#: brand + a trade word not in TRADE_WORDS (岚驰储能, 澄海智造) a company, not a product or field.
COMPANY_ACTS = ("发布", "推出", "签约", "签署", "投资", "宣布", "牵头", "携手", "量产", "中标")
#: Acts done with another named after 与/和 (…与溪源市人民政府签约).
JOINT_ACTS = ("签约", "签署", "合作", "共建", "联合", "携手")
#: A company's officers printed right after its trade name (岚驰储能董事长林澈).
COMPANY_OFFICERS = ("董事长", "总经理", "总裁", "副总裁", "负责人", "创始人", "首席执行官")
#: Words for a person's group or rank after a name (林澈团队发布…): no trade word.
PERSON_GROUP_WORDS = frozenset(("团队", "课题", "小组", "一行", "等人", "先生", "女士", "老师"))

#: Verbs a profile's dash subtitle opens with (——记…团队, ——访…董事长): the body it names
#: follows them; they are no part of its name.
PROFILE_VERBS = ("专访", "记", "访")

#: Quotes a paper sets a name or a title in (“江澄科技大脑”).
OPENING_QUOTES = frozenset("“‘「『")
CLOSING_QUOTES = frozenset("”’」』")

#: （以下简称“X”）, (下称X), （简称：X）, （以下简称‘X’）: the short form a text defines.
DEFINITION_RE = re.compile(
    r"[（(](?:以下|下文|下)?简?称(?:为)?[:：]?[“\"‘'「]?"
    r"([^”\"’'」（）()：:]{2,16})[”\"’'」]?[）)]"
)
WORK_TITLE_RE = re.compile(r"《[^》]*》")


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


ORG_SUFFIX_RE = re.compile(
    f"(?:{_alternation(STRONG_SUFFIXES + WEAK_SUFFIXES)})|(?:(?:{_alternation(TRADE_WORDS)})公司)"
)
#: A body's general office, named by the body before it (国务院办公厅, 市委办公室).
GENERAL_OFFICES = ("办公厅", "办公室")

#: Bodies named by their place alone (南宁海关, the customs district of that city; 青岚省人民政府,
#: a province's government named in full): without a place they are the service or the
#: government in general (经海关查验, 各级人民政府). Tried last, so 海关总署 and
#: 人民政府办公室 are read whole.
PLACED_GOVERNMENT_WORDS = ("海关", "人民政府")

GOVERNMENT_RE = re.compile(
    f"(?:(?:{_alternation(DEPARTMENT_STEMS)})[和与](?:{_alternation(DEPARTMENT_STEMS)})"
    f"(?:{_alternation(DEPARTMENT_ENDINGS)}))"
    f"|(?:(?<=[委院])(?:{_alternation(GENERAL_OFFICES)}))"
    f"|(?:{_alternation(GOVERNMENT_WORDS + STREET_OFFICES)})"
    f"|(?:(?:{_alternation(DEPARTMENT_STEMS)})(?:{_alternation(DEPARTMENT_ENDINGS)}))"
    f"|(?:{_alternation(PLACED_GOVERNMENT_WORDS)})"
)
GENERIC_NAME_RE = re.compile(f"(?:{_alternation(TRADE_WORDS + ('新', '开发', '制造', '服务'))})+")
INTERNATIONAL_RE = re.compile(_alternation(INTERNATIONAL_SUFFIXES))
#: A bare 公司 (not …有限公司, 科技公司, 分公司): a company only after a brand (腾讯公司).
BARE_COMPANY_RE = re.compile("(?<![有限总分子母股份])公司")
TRADE_WORD_RE = re.compile(_alternation(BRAND_TRADE_WORDS))
ZONE_END_RE = re.compile(f"(?:{_alternation(ZONE_WORDS)})$")
ZONE_WORD_RE = re.compile(_alternation(ZONE_WORDS))

#: Government vocabulary and the short form papers print for it (江澄高新区管委会 for the
#: 高新技术产业开发区管理委员会): two names that agree once so shortened name one body.
STANDARD_SHORT_WORDS = {
    "高新技术产业开发区": "高新区",
    "经济技术开发区": "经开区",
    "管理委员会": "管委会",
    "发展和改革委员会": "发改委",
    "发展改革委员会": "发改委",
    "发展改革委": "发改委",
    "卫生健康委员会": "卫健委",
    "人力资源和社会保障": "人社",
    "人力资源社会保障": "人社",
    "市场监督管理": "市场监管",
    "工业和信息化": "工信",
    "经济和信息化": "经信",
    "住房和城乡建设": "住建",
    "科学技术协会": "科协",
    "科学技术局": "科技局",
    "科学技术厅": "科技厅",
    "工商业联合会": "工商联",
    "妇女联合会": "妇联",
    "人民代表大会常务委员会": "人大常委会",
}
_STANDARD_SHORT_RE = re.compile(_alternation(STANDARD_SHORT_WORDS))


def standard_short_form(name: str) -> str:
    """A name with each piece of government vocabulary in its standard short form."""
    return _STANDARD_SHORT_RE.sub(lambda match: STANDARD_SHORT_WORDS[match[0]], name)


#: Words our segmenter should keep whole, so that 宁波经开区 is not read as 宁波 / 经 / 开区.
_EXTRA_WORDS = ZONE_WORDS + GOVERNMENT_WORDS + STREET_OFFICES
_EXTRA_WORDS += ("人力资源和社会保障", "经济和信息化", "管委会")

#: Cities jieba's dictionary tags as nouns, verbs or people (合肥/n, 包头/v, 嘉兴/nr): tagged as
#: places here, since a place opens a full name (合肥微芯量子计算科技有限公司).
MISTAGGED_CITIES = (
    "合肥",
    "银川",
    "拉萨",
    "大连",
    "石家庄",
    "南通",
    "嘉兴",
    "金华",
    "烟台",
    "岳阳",
    "连云港",
    "宿迁",
    "包头",
)

_lock = threading.Lock()
_segmenter = None


def _posseg():
    """A private jieba tokenizer, built on first use so importing this module stays cheap."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                import logging

                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                for word in _EXTRA_WORDS:
                    tokenizer.add_word(word, freq=None, tag="nt")
                for word in MISTAGGED_CITIES:
                    tokenizer.add_word(word, freq=None, tag="ns")
                _segmenter = _tagger(jieba, tokenizer)
    return _segmenter


def _tagger(jieba, tokenizer):
    """A part-of-speech tagger on our tokenizer. Importing jieba.posseg has already read the
    default dictionary's tags (0.2-0.5 s a process, paid by every import command): on the same
    dictionary they are copied, not read again."""

    class SharedTags(jieba.posseg.POSTokenizer):
        def load_word_tag(self, f):
            if self.tokenizer.dictionary != jieba.dt.dictionary:
                return super().load_word_tag(f)
            f.close()
            self.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
            return None

    return SharedTags(tokenizer)


@lru_cache(maxsize=20000)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech flag) pairs of a short text, cached: the same prefixes recur."""
    return tuple((pair.word, pair.flag) for pair in _posseg().cut(text, HMM=False))


def word_frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when unknown): rare words make brands."""
    _posseg()
    return _segmenter.tokenizer.FREQ.get(word) or 0


def is_place(word: str, flag: str) -> bool:
    if word in LEVEL_WORDS:
        return True
    return len(word) >= 2 and (flag == "ns" or word.endswith(PLACE_ENDINGS))


#: Words that make a level a scope, not a place's name: 全市 (the whole city), 本省, 该县.
SCOPE_OPENERS = frozenset("全本我该各此")


def is_scope(word: str) -> bool:
    """全市中小学, 本省卫生院: the whole of the article's place, no place that names a body."""
    return len(word) == 2 and word[0] in SCOPE_OPENERS and word[1] in PLACE_ENDINGS


def is_town(word: str) -> bool:
    return len(word) >= 2 and word.endswith(TOWN_ENDINGS) or word in ("镇", "乡", "村")


#: Flags jieba gives to proper nouns: people's names (also brands: 高通, 华为), transliterations,
#: other proper nouns, organisation names.
PROPER_NOUN_FLAGS = frozenset(("nr", "nrt", "nz", "nt"))
#: Fragments of an unknown word that a transliteration cannot start with or contain.
NOT_BRAND_FRAGMENT_FLAGS = frozenset(("v", "vn", "vd", "p", "c", "u", "r", "m", "q", "d", "f", "t"))


def is_brand_fragment(word: str, flag: str) -> bool:
    """A piece jieba cuts from a word it does not know (英, 伟达): no verb or function word,
    and no common word of two or more characters."""
    if flag in NOT_BRAND_FRAGMENT_FLAGS:
        return False
    return len(word) == 1 or word_frequency(word) <= 10


def is_unknown_run(text: str, pieces) -> bool:
    """英伟达 -> 英/伟达: two or more fragments of a word the dictionary does not know (a
    transliteration or a coined brand), not a phrase of ordinary words."""
    return (
        len(pieces) >= 2
        and word_frequency(text) == 0
        and all(is_brand_fragment(word, flag) for word, flag in pieces)
    )


def is_breaker(word: str, flag: str) -> bool:
    """A word that cannot be inside a name: a name printed before it has ended."""
    if word in LINK_WORDS or flag == "x" or any(char.isdigit() for char in word):
        return True
    if flag == "m" and word[-1] in QUANTITY_ENDINGS:
        return True
    return flag in HARD_FUNCTION_FLAGS


def is_function_word(flag: str) -> bool:
    return flag in HARD_FUNCTION_FLAGS or flag in SOFT_FUNCTION_FLAGS


def is_soft_breaker(word: str, flag: str) -> bool:
    """A word that usually ends a name (近日, 共同), unless it is a piece of an unknown brand."""
    return len(word) >= 2 and flag in SOFT_FUNCTION_FLAGS


def is_verb(word: str, flag: str) -> bool:
    """A verb usually ends a name (新增), unless the name opens with a place (深圳大疆创新)."""
    return len(word) >= 2 and flag == "v"
