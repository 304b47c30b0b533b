"""Find the organisations a Chinese news article names, from the way papers print names.

Pure Python (no Django): the importer passes the aliases it already knows from the database.

How a name is found:

1. A full name ends in an organisation suffix (…有限公司, …大学, …联合会, …管委会) or is a
   government department (stem + ending: 科技厅, 发改委, 宣传部; or 省委, 人大常委会).
2. It starts where the clause starts, or after the word that introduces it (由, 联合, 位于 …),
   after a role noun (投资方, 上市公司), or after a town (…镇); a department takes only place
   names and levels in front of it (浙江省, 省, 国家).
3. A name that contains another printed name (浙江大学计算机科学与技术学院) is one organisation, the
   longest printed form; the contained one is listed too only when printed on its own.
4. Short forms: the one defined by （以下简称“…”）, any later mention that abbreviates the full
   name in order (中国商用飞机有限责任公司 -> 中国商飞), and names the database already knows.
5. A short trade name (brand + trade word: 某某科技, 某某药业) counts as a company when the
   brand is not an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from entities import naming
from entities.recognition import FoundOrganisation

MIN_SHORT_FORM = 4
#: Words that open a list of the bodies working together (联合华为、…).
LIST_OPENERS = ("联合", "携手", "与", "和", "由", "同")
BRAND_MAX_FREQUENCY = 300
#: Pairs that continue a suffix into an ordinary word (部门, 局面, 委员, 办法): not a suffix then.
TITLE_ENDING = "长"
#: A brand is a name, not a verb, adjective or place that happens to stand before 科技.
ORDINARY_WORD_FLAGS = frozenset(("v", "a", "ns", "vn", "ad", "an", "d", "m", "q", "t", "f", "r"))


@dataclass
class _Organisation:
    name: str
    first: int
    aliases: list[str] = field(default_factory=list)
    kind: str = "full"

    def add_alias(self, alias: str) -> None:
        if alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    #: "company" (free prefix), "government" (places only in front) or "international"
    #: (opens with 世界, 国际, 联合国 …)
    kind: str
    #: The place a bare department shares with the one listed before it (江澄市教育局和财政局).
    place: str = ""

    def contains(self, other: _Span) -> bool:
        return self.start <= other.start and other.end <= self.end and self != other

    def name(self, text: str) -> str:
        return self.place + text[self.start : self.end]


def find_organisations(
    text: str, known: Mapping[str, str] | None = None
) -> list[FoundOrganisation]:
    """Organisations the text names, each once, in order of first mention, under the first full
    form printed, with the short forms the text uses as aliases. ``known`` maps an alias or name
    already in the database to the canonical organisation name."""
    if not text or not text.strip():
        return []
    shielded = _shield_work_titles(text)
    spans = _share_places(shielded, _join_joint_units(shielded, _full_name_spans(shielded)))
    organisations: dict[str, _Organisation] = {}
    for span in spans:
        name = span.name(text)
        if name not in organisations:
            organisations[name] = _Organisation(name=name, first=span.start, kind=span.kind)
    _add_defined_aliases(shielded, spans, organisations)
    _add_relative_forms(organisations)
    _add_brand_company_forms(organisations)
    _add_units_without_parent(organisations)
    covered = _coverage(spans, len(text))
    _add_short_forms(shielded, covered, organisations)
    _add_unsuffixed_forms(shielded, covered, organisations)
    _add_contracted_forms(shielded, spans, covered, organisations)
    _add_trade_names(shielded, covered, organisations)
    _add_acting_trade_names(shielded, covered, organisations)
    _add_enumerated_names(shielded, covered, organisations)
    _add_listed_beside(shielded, spans, covered, organisations)
    _add_joined_brand_companies(shielded, covered, organisations)
    if known:
        _apply_known(shielded, known, spans, organisations)
    for organisation in organisations.values():
        organisation.first = min(
            [organisation.first]
            + [pos for form in organisation.aliases if (pos := text.find(form)) >= 0]
        )
    ordered = sorted(organisations.values(), key=lambda org: org.first)
    return [FoundOrganisation(name=org.name, aliases=tuple(org.aliases)) for org in ordered]


def _shield_work_titles(text: str) -> str:
    """Blank out titles of works (《…》): names inside a report or agreement title don't count."""
    return naming.WORK_TITLE_RE.sub(lambda match: "《" + "※" * (len(match[0]) - 2) + "》", text)


def _full_name_spans(text: str) -> list[_Span]:
    hits = [(m.start(), m.end(), "company") for m in naming.ORG_SUFFIX_RE.finditer(text)]
    hits += [(m.start(), m.end(), "government") for m in naming.GOVERNMENT_RE.finditer(text)]
    hits += [(m.start(), m.end(), "international") for m in naming.INTERNATIONAL_RE.finditer(text)]
    hits += [(m.start(), m.end(), "brand") for m in naming.BARE_COMPANY_RE.finditer(text)]
    hits += [(m.start(), m.end(), "academy") for m in BARE_ACADEMY_RE.finditer(text)]
    hits.sort(key=lambda hit: (hit[1], hit[0]))
    spans: list[_Span] = []
    for suffix_start, end, kind in hits:
        if _continues_as_word(text, suffix_start, end) or _learned(text, suffix_start, end):
            continue
        start = _name_start(text, suffix_start, end, kind, spans)
        if start is None:
            continue
        span = _Span(start, end, kind)
        if any(existing.contains(span) or existing == span for existing in spans):
            continue
        spans = [existing for existing in spans if not span.contains(existing)]
        spans.append(span)
    return spans


#: Dashes joining the bodies that run a joint unit (江澄大学—海晟科技有限公司联合实验室).
JOINT_DASHES = frozenset("—－–-")
#: The word a joint unit's name opens with after its bodies' names.
JOINT_WORD = "联合"
#: How long a joint unit's own name may be after 联合 (实验室, 创新研究中心).
JOINT_UNIT_MAX = 8


def _join_joint_units(text: str, spans: list[_Span]) -> list[_Span]:
    """江澄大学—海晟科技有限公司联合实验室: bodies' names joined by dashes and followed by
    联合 + a unit (实验室, 研究中心, 研究院) name one body, the joint unit the bodies run;
    the bodies named only so are not listed on their own."""
    joined: list[_Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined and span.start < joined[-1].end:
            continue  # inside a joint unit already read
        first, start = len(joined), span.start
        while first > 0 and _dash_between(text, joined[first - 1].end, start):
            first -= 1
            start = joined[first].start
        end = _joint_unit_end(text, span)
        if end is not None and first < len(joined):
            joined[first:] = [_Span(start, end, "company")]
        else:
            joined.append(span)
    return joined


def _dash_between(text: str, end: int, start: int) -> bool:
    return 1 <= start - end <= 2 and all(char in JOINT_DASHES for char in text[end:start])


def _joint_unit_end(text: str, span: _Span) -> int | None:
    """Where the joint unit named by ``span`` + 联合 + a unit ends: the span itself when its
    name already runs on over 联合 to the unit (…有限公司联合实验室), or the first unit's
    ending within a few characters after 联合 printed right after the span; None without."""
    name = text[span.start : span.end]
    at = name.rfind(JOINT_WORD)
    if (
        at > 0
        and name.endswith(tuple(naming.ACADEMIC_UNITS))
        and any(m.end() == at for m in naming.ORG_SUFFIX_RE.finditer(name[:at]))
    ):
        return span.end
    if not text.startswith(JOINT_WORD, span.end):
        return None
    begin = span.end + len(JOINT_WORD)
    for stop in range(begin + 1, min(len(text), begin + JOINT_UNIT_MAX) + 1):
        if text[stop - 1] in naming.HARD_STOPS:
            return None
        if text[begin:stop].endswith(tuple(naming.ACADEMIC_UNITS)):
            return stop
    return None


#: Words listing two departments (教育局和财政局, 科技局、财政局).
DEPARTMENT_LIST_JOINERS = frozenset("和与及、")
#: Endings of a place's own departments (局, 厅, 委, 办), which a list of them repeats; a 部
#: after a city's 部 is as often a ministry (科技部) or a party committee's department.
SHARED_PLACE_ENDINGS = ("局", "厅", "委", "办")


def _share_places(text: str, spans: list[_Span]) -> list[_Span]:
    """江澄市教育局和财政局: a bare department listed right after one named with its place,
    ending the same way (局 after 局, 厅 after 厅), is that place's department too: a list
    of one place's departments prints the place once (江澄市财政局)."""
    shared: list[_Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        before = shared[-1] if shared else None
        if (
            before is not None
            and before.kind == span.kind == "government"
            and span.start == before.end + 1
            and text[before.end] in DEPARTMENT_LIST_JOINERS
        ):
            span = _Span(span.start, span.end, span.kind, _shared_place(text, before, span))
        shared.append(span)
    return shared


def _shared_place(text: str, before: _Span, span: _Span) -> str:
    """The place of ``before`` (江澄市 of 江澄市教育局) when ``span`` is a bare department
    with the same ending, else ""."""
    name = text[span.start : span.end]
    previous = before.name(text)
    if not name.endswith(SHARED_PLACE_ENDINGS) or name[-1] != previous[-1]:
        return ""
    if not _bare_department(name):
        return ""
    department = next(
        (m for m in naming.GOVERNMENT_RE.finditer(previous) if m.end() == len(previous)), None
    )
    if department is None or not _bare_department(department[0]):
        return ""
    return previous[: department.start()]


def _bare_department(name: str) -> bool:
    """科技局, 财政局: a stem and a department's ending, no place and no body printed whole
    (政协, 中科院: those are named as they are)."""
    return name not in naming.GOVERNMENT_WORDS and any(
        name.startswith(stem) and name[len(stem) :] in naming.DEPARTMENT_ENDINGS
        for stem in naming.DEPARTMENT_STEMS
    )


def _continues_as_word(text: str, suffix_start: int, end: int) -> bool:
    """部门, 局面, 委员, 大学生: the suffix runs on into an ordinary word."""
    if end >= len(text):
        return False
    following = text[end]
    if following == TITLE_ENDING or following in naming.HARD_STOPS:
        return False
    title = text[end : end + 2]
    if title.endswith(TITLE_ENDING) and naming.word_frequency(title) > 0:
        return False
    if title in naming.PERSON_TITLES:
        return False
    if text[end - 1] + following in naming.DEPARTMENT_CONTINUATIONS:
        return not _committee_sends(text[suffix_start:end], following)
    return any(
        (frequency := naming.word_frequency(text[suffix_start : end + extra])) > 0
        and not (frequency <= RARE_WORD_FREQUENCY and _unit_follows(text, end))
        for extra in (1, 2)
        if end + extra <= len(text)
    )


#: Aspect particles after a verb (学会了, 学会过): no noun, and so no society's name, takes them.
ASPECT_PARTICLES = frozenset("了过着")
#: What closes a subject that acts (孩子们, 他们): a society's name never ends with it.
SUBJECT_ENDINGS = frozenset("们他她它")


def _learned(text: str, suffix_start: int, end: int) -> bool:
    """机器人学会了抓取, 孩子们学会编程: 学会 after a subject is the verb "learned" when an
    aspect particle follows it (a word of its own: 学会了解到 is the society learning) or a
    plural or pronoun closes the subject before it; a society is named by its place or field +
    学会 as a noun phrase (青岚省人工智能学会举办年会)."""
    if text[suffix_start:end] != "学会":
        return False
    following = naming.words(text[end : end + WORD_LOOKAHEAD])[:1]
    before = text[suffix_start - 1 : suffix_start]
    particle = bool(following) and following[0][0] in ASPECT_PARTICLES  # not 了|解 (了解)
    return particle or before in SUBJECT_ENDINGS


def _committee_sends(suffix: str, following: str) -> bool:
    """市委派出, 县委派驻: a committee printed whole (市委, 党委, 发改委) then 派 is the committee
    sending its people; 委派 (to delegate) is read only after a stem (组织委派)."""
    return following == "派" and suffix in naming.GOVERNMENT_WORDS


#: How often the dictionary may have met a word for it to be a rare one (大学化学, 大学物理:
#: course titles, not words a paper prints).
RARE_WORD_FREQUENCY = 10
#: How far after a body's name the name of one of its units may end (化学与分子工程学院).
UNIT_NAME_MAX = 14


def _unit_follows(text: str, end: int) -> bool:
    """北京大学化学与分子工程学院: a university's or academy's name is followed by the name of
    one of its schools, so a rare word the suffix would run into (大学化学) is not read there
    when the clause goes on to a unit's ending (学院, 研究所, 实验室 …)."""
    stop = end
    while stop < len(text) and stop - end < UNIT_NAME_MAX and text[stop] not in naming.HARD_STOPS:
        stop += 1
    return any(unit in text[end + 1 : stop] for unit in naming.ACADEMIC_UNITS)


def _clause_start(text: str, position: int, legal_ending: bool = False) -> int:
    """Where the run of name characters before ``position`` begins (parenthesised places kept).
    ``legal_ending``: ``position`` opens a company's legal ending (有限公司), so a bracket
    right before it holds the place the company is registered in (…（江澄）有限公司), a
    place the dictionary may not know."""
    index = position
    while index > 0:
        char = text[index - 1]
        if char == "）":
            opening = text.rfind("（", max(0, index - 8), index - 1)
            inner = text[opening + 1 : index - 1]
            if opening > 0 and (
                _is_name_parenthesis(inner)
                or (legal_ending and index == position and _registered_place(inner))
            ):
                index = opening
                continue
            break
        if char in naming.HARD_STOPS and not _joins_foreign_name(text, index - 1):
            break
        index -= 1
    return _after_profile_verb(text, index, position)


#: The dot a foreign name is printed with between its parts (马克斯·普朗克).
NAME_DOT = "·"


def _joins_foreign_name(text: str, at: int) -> bool:
    """德国马克斯·普朗克研究所: a dot between the parts of a foreign name (proper nouns or
    fragments of words the dictionary does not know), here the person a body is named after,
    ends no clause; between two ordinary words (…战略·走进…, a column's title) it does."""
    if text[at] != NAME_DOT or not 0 < at < len(text) - 1:
        return False
    if not (_is_han(text[at - 1]) and _is_han(text[at + 1])):
        return False
    left = naming.words(text[max(0, at - FOREIGN_PART_MAX) : at])[-1]
    right = naming.words(text[at + 1 : at + 1 + FOREIGN_PART_MAX])[0]
    return all(
        flag in naming.PROPER_NOUN_FLAGS or naming.is_brand_fragment(word, flag)
        for word, flag in (left, right)
    )


#: How far either side of the dot the segmenter reads a foreign name's part.
FOREIGN_PART_MAX = 6


def _after_profile_verb(text: str, index: int, position: int) -> int:
    """——记青岚省农业科学院水稻研究所育种团队, ——访溪源鹤鸣智能装备有限公司董事长: a profile's
    subtitle opens with a dash and 记 or 访 (专访), then the body or person it profiles; the
    clause, and any name in it, starts after the verb."""
    if index == 0 or text[index - 1] != "—":
        return index
    verb = next((v for v in naming.PROFILE_VERBS if text.startswith(v, index)), "")
    return index + len(verb) if index + len(verb) < position else index


#: How long a place in a company's registered name may be (（江澄）, （澄湖东岚）).
REGISTERED_PLACE_MAX = 4


def _registered_place(inner: str) -> bool:
    """江澄, 澄湖: two to four Han characters, no verb, adverb or word that ends a name
    (（暂定）, （筹建）)."""
    return (
        2 <= len(inner) <= REGISTERED_PLACE_MAX
        and all(_is_han(char) for char in inner)
        and not any(
            _ends_name(word, flag) or naming.is_verb(word, flag) or naming.is_function_word(flag)
            for word, flag in naming.words(inner)
        )
    )


def _is_name_parenthesis(inner: str) -> bool:
    """（湖北）, （集团）, （中国）: brackets that belong to a registered company name."""
    if inner in ("集团", "控股", "中国"):
        return True
    pieces = naming.words(inner)
    return bool(pieces) and all(naming.is_place(word, flag) for word, flag in pieces)


def _prefix_pieces(text: str, begin: int, end: int, spans: list[_Span]) -> list[tuple[str, str]]:
    """The words between ``begin`` and ``end``, with names already found kept whole ("ORG")."""
    pieces: list[tuple[str, str]] = []
    cursor = begin
    for span in sorted(spans, key=lambda s: s.start):
        if span.start >= cursor and span.end <= end:
            pieces += _plain_words(text[cursor : span.start])
            pieces.append((text[span.start : span.end], "ORG"))
            cursor = span.end
    pieces += _plain_words(text[cursor:end])
    return pieces


def _plain_words(text: str) -> list[tuple[str, str]]:
    """Words of a stretch, bracket groups such as （湖北） kept as one name piece."""
    pieces: list[tuple[str, str]] = []
    for part in re.split(r"(（[^（）]*）)", text):
        if not part:
            continue
        if part.startswith("（"):
            pieces.append((part, "PAREN"))
            continue
        for number, name_part in enumerate(part.split(NAME_DOT)):
            words = _rejoin_cut_verbs(naming.words(name_part))
            if number and pieces and words:  # 马克斯·普朗克: one foreign name
                pieces[-1] = (pieces[-1][0] + NAME_DOT + words[0][0], "nr")
                words = words[1:]
            pieces += words
    return pieces


def _rejoin_cut_verbs(pieces) -> list[tuple[str, str]]:
    """系统接|入海|岚数据科技有限公司: the segmenter may take a verb's second character with the
    next one for a place (入海), leaving the verb's first alone; where the lone character and
    the place's first make a verb the dictionary knows (接入, 流入), that verb introduces the
    name and the place's second character opens it (海岚…)."""
    rejoined: list[tuple[str, str]] = []
    for word, flag in pieces:
        before = rejoined[-1] if rejoined else ("", "")
        verb = before[0] + word[:1]
        if (
            len(word) == 2
            and flag == "ns"
            and len(before[0]) == 1
            and before[1] == "v"
            and naming.words(verb) == ((verb, "v"),)
        ):
            rejoined[-1:] = [(verb, "v"), (word[1], "n")]
        else:
            rejoined.append((word, flag))
    return rejoined


def _name_start(
    text: str, suffix_start: int, end: int, kind: str, spans: list[_Span]
) -> int | None:
    """Where the name ending at ``end`` starts, or None when the suffix names nothing."""
    begin = _clause_start(text, suffix_start, legal_ending=text[suffix_start:end] in LEGAL_ENDINGS)
    pieces = _prefix_pieces(text, begin, suffix_start, spans)
    if kind == "international":
        return _international_start(pieces, suffix_start)
    if kind == "brand":
        return _brand_company_start(pieces, suffix_start)
    if kind == "academy":
        return _academy_start(pieces, suffix_start)
    if kind == "government" and text[suffix_start:end] in naming.STREET_OFFICES:
        return _street_office_start(pieces, suffix_start)
    if kind == "government" and text[suffix_start:end] in naming.GENERAL_OFFICES:
        return _general_office_start(pieces, suffix_start)
    if kind == "government":
        suffix = text[suffix_start:end]
        kept = _place_tail(pieces, before_level=naming.is_level_committee(suffix))
        if not kept:
            kept = _national_tail(pieces, suffix)
    else:
        kept = _name_tail(
            pieces,
            academic=text[suffix_start:end] in naming.ACADEMIC_UNITS,
            committee=text[suffix_start:end] in naming.COMMITTEE_SUFFIXES,
            association=text[suffix_start:end] in naming.ASSOCIATION_SUFFIXES,
        )
    start = suffix_start - sum(len(word) for word, _ in kept)
    if kind == "government" and _counted_places(text, start):
        return None
    if not kept and text[suffix_start:end] in naming.PLACED_GOVERNMENT_WORDS:
        return None
    if kind == "company" and not _plausible_company(
        text[start:suffix_start], text[suffix_start:end], kept, text
    ):
        return None
    if kind == "company" and _after_designation_level(pieces[: len(pieces) - len(kept)], kept):
        return None
    return start


#: Words that open a designation (省级现代产业学院, 国家级孵化器), not a body's name.
DESIGNATION_LEVELS = ("国家级", "省级", "市级", "县级", "区级")
#: A numbered grade (三级医院, 二级甲等医院): a class of bodies, not one body's name.
GRADE_RE = re.compile("(?<!第)[一二三四五]级")
#: A body's numbered term or sitting (第十届委员会, 第三次代表大会).
TERM_RE = re.compile("第[〇一二三四五六七八九十百零两0-9]+[届次]")


def _after_designation_level(before: list[tuple[str, str]], kept: list[tuple[str, str]]) -> bool:
    """入选省级现代产业学院: a level of designation one or two words before a name of common
    words (the words between describe the designation) makes it a designation, not a body;
    a proper name after it (省级|江澄大学…) is still one."""
    if not any(word in DESIGNATION_LEVELS for word, _ in before[-2:]):
        return False
    return all(
        len(word) >= 2 and flag not in naming.PROPER_NOUN_FLAGS and not naming.is_place(word, flag)
        for word, flag in kept
    )


def _international_start(pieces: list[tuple[str, str]], suffix_start: int) -> int | None:
    """世界卫生组织, 国际能源署, 联合国开发计划署: the name runs back to the leftmost opener
    word within the words before the suffix; without an opener (能源署, 组织) or with nothing
    between opener and suffix (国际组织) the suffix names no international body."""
    start = None
    offset = suffix_start
    for word, flag in reversed(pieces):
        if flag != "ORG" and _ends_name(word, flag):
            break
        offset -= len(word)
        opener = next((o for o in naming.INTERNATIONAL_OPENERS if word.startswith(o)), None)
        if opener and suffix_start - offset > len(opener):
            start = offset
    return start


#: A bare 院 (not 院士, 院长, 院内): an academy's kind only after a country or a brand.
BARE_ACADEMY_RE = re.compile("院(?![士长内外区子落校])")
#: Flags of an academy's own name or field between its country or brand and 院.
ACADEMY_NAME_FLAGS = frozenset(("n", "nz", "nr", "nrt", "l"))


def _academy_start(pieces: list[tuple[str, str]], suffix_start: int) -> int | None:
    """韩国科学技术院, 阿里巴巴达摩院: a bare 院 names an academy when the clause before it is a
    country (a place ending in 国) or a brand the dictionary knows, then one or two words of
    the academy's own name or field; 该院, 两院, a field alone (科学技术院) name none."""
    for opener in (len(pieces) - 2, len(pieces) - 3):
        if opener < 0 or (opener and not _ends_name(*pieces[opener - 1])):
            continue
        word, flag = pieces[opener]
        country = naming.is_place(word, flag) and word.endswith("国") and len(word) >= 2
        if flag == "ORG" or not (country or _known_brand(word, flag)):
            continue
        if all(f in ACADEMY_NAME_FLAGS and len(w) >= 2 for w, f in pieces[opener + 1 :]):
            return suffix_start - sum(len(piece) for piece, _ in pieces[opener:])
    return None


def _brand_company_start(pieces: list[tuple[str, str]], suffix_start: int) -> int | None:
    """腾讯公司, 英伟达公司, 美国高通公司: a bare 公司 names a company when a brand stands right
    before it: a proper noun (高通/nr, 腾讯/nz) or a run of fragments the dictionary does not
    know (英/伟达: a transliteration). Ordinary nouns (物流公司, 芯片公司), pronouns (该公司)
    and places (美国公司) name no company. A place right before the brand opens the name."""
    brand: list[tuple[str, str]] = []
    index = len(pieces)
    while index > 0:
        word, flag = pieces[index - 1]
        if flag in ("ORG", "PAREN") or _ends_name(word, flag) or naming.is_place(word, flag):
            break
        if not (flag in naming.PROPER_NOUN_FLAGS or naming.is_brand_fragment(word, flag)):
            break  # 援引 / 芯片: a verb or a common noun is no piece of a brand
        brand.insert(0, (word, flag))
        index -= 1
    text = "".join(word for word, _ in brand)
    if not 2 <= len(text) <= 4 or not text.isalpha() or text.isascii():
        return None
    if not (
        all(flag in naming.PROPER_NOUN_FLAGS for _, flag in brand)
        or naming.is_unknown_run(text, brand)
    ):
        return None
    start = suffix_start - len(text)
    if index > 0 and naming.is_place(*pieces[index - 1]) and pieces[index - 1][1] == "ns":
        start -= len(pieces[index - 1][0])
    return start


def _general_office_start(pieces: list[tuple[str, str]], suffix_start: int) -> int | None:
    """国务院办公厅, 江澄市委办公室: a government body's general office is named after the
    body right before it; 办公室 alone is any office, and a company's or institute's office
    is no body of its own."""
    if not pieces or pieces[-1][1] != "ORG" or _opening_name(*pieces[-1]):
        return None
    return suffix_start - sum(len(word) for word, _ in _place_tail(pieces))


def _street_office_start(pieces: list[tuple[str, str]], suffix_start: int) -> int | None:
    """余杭区仓前街道办事处: two or three characters name the street (jieba rarely knows them
    as a place), places before them the district; a bare 街道办事处 names no one office."""
    street = 0
    index = len(pieces)
    while index > 0 and street < 2:
        word, flag = pieces[index - 1]
        if flag in ("ORG", "PAREN") or naming.is_breaker(word, flag) or word in naming.LINK_WORDS:
            break
        if naming.is_place(word, flag) and len(word) >= 2 and street == 0:
            street = len(word)  # 仓前街道 printed with a known place name: that is the street
            index -= 1
            break
        street += len(word)
        index -= 1
    if not 2 <= street <= 3:
        return None
    places = _place_tail(pieces[:index])
    return suffix_start - street - sum(len(word) for word, _ in places)


def _place_tail(pieces: list[tuple[str, str]], before_level: bool = False) -> list[tuple[str, str]]:
    """The places, levels, zones and names right before a department (浙江省, 省, 湖北省委).
    ``before_level``: the suffix itself opens with a level (市委, 县委), so the words right
    before it may spell the place's name (江澄|市委)."""
    pieces = _split_straddled_levels(pieces)
    kept: list[tuple[str, str]] = []
    index = len(pieces) - 1
    if before_level:
        named = _place_name_before_level(pieces, len(pieces))
        kept = pieces[len(pieces) - named :]
        index -= named
    while index >= 0:
        word, flag = pieces[index]
        if (
            _place_before_level_committee(pieces, index)
            or flag == "ORG"
            or naming.is_place(word, flag)
        ):
            opens_with_place = (
                word in naming.PLACE_LEVELS
                or word in naming.TOWN_LEVELS
                or word in naming.ZONE_WORDS
            )
            named = _place_name_before_level(pieces, index) if opens_with_place else 0
            if _one_character_place(word, flag):
                named = _place_name_before_level(pieces, index, inside=1)
            kept[:0] = pieces[index - named : index + 1]
            index -= named + 1
            continue
        if naming.ZONE_END_RE.search(word):
            zone = _name_tail(pieces[: index + 1])
            return (zone or []) + kept
        break
    return kept


#: A count of places, 各 or 全 before a level or 地 (两市, 三省, 两地, 各市, 各乡, 全县): several
#: places, or all of them. 州 followed by 县 or 市 closes a place's own name (全州县, a county),
#: not a count of prefectures.
COUNTED_PLACES_RE = re.compile(
    "[两二三四五六七八九十多几数各诸全](?:[省市县区地乡镇]|州(?![县市]))"
)


def _counted_places(text: str, start: int) -> bool:
    """两市科技局, 两地教育局, 各市科技局, 全县各乡镇人民政府: a level or 地 after a count, 各 or
    全 names the bodies of several places together, no single one; the body so named starts
    at ``start``, at the level (两|市科技局), right after the count and its 地 (两地|教育局)
    or at the count, read as one word with its level (各市科技局)."""
    if COUNTED_PLACES_RE.match(text, start):
        return True
    if start < len(text) and text[start] in naming.PLACE_LEVELS:
        pair = text[max(0, start - 1) : start + 1]
    else:
        pair = text[max(0, start - 2) : start]
    return COUNTED_PLACES_RE.fullmatch(pair) is not None


#: A place's own name before its level: two to four characters (江澄市, 兰溪口县).
PLACE_NAME_MAX = 4


def _one_character_place(word: str, flag: str) -> bool:
    """沙区 of 北沙区: the segmenter took one character of a place's name with its level, so
    the rest of the name stands in the words before."""
    return len(word) == 2 and word[-1] in naming.PLACE_LEVELS and flag == "ns"


def _split_straddled_levels(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """江澄|市北|沙区: a level closes the name of the place before it, so a word the segmenter
    made of a level and the next place's first character (市北, a direction word) is read
    as the two, when a place's level follows (江澄市 / 北沙区). So is a word it made of a
    one-character link word and a place's first character, taking them for a person's name
    (记者|从江|澄|市: 从 + 江澄市), when one more character and the level follow."""
    split: list[tuple[str, str]] = []
    for index, (word, flag) in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else ("", "")
        after = pieces[index + 2] if index + 2 < len(pieces) else ("", "")
        if (
            len(word) == 2
            and word[0] in naming.PLACE_LEVELS
            and flag in ("s", "f")
            and _one_character_place(*following)
        ):
            split += [(word[0], "n"), (word[1], "ns")]
        elif (
            len(word) == 2
            and word[0] in naming.LINK_WORDS
            and flag == "nr"
            and len(following[0]) == 1
            and after[0] in naming.PLACE_LEVELS
        ):
            split += [(word[0], "p"), (word[1], "ns")]
        else:
            split.append((word, flag))
    return split


def _place_name_before_level(pieces: list[tuple[str, str]], level: int, inside: int = 0) -> int:
    """A government body is named with its place: the place's own name, two to four
    characters, stands right before its level (江澄|市, 兰溪口|县, 北湾|省) or its zone's kind
    (江澄|高新区), and the name of any place will do, not only those the dictionary knows.
    Read back from the level over single characters of any kind but a function word or a
    numeral, and over rare or proper words; a common word (推动, 日前, 记者) is no place's
    name, and the level alone then stands for the article's own place (推动市科技局).
    ``inside``: characters of the name the level's own word holds (沙区 of 北沙区).
    Returns how many of the pieces before ``level`` spell the name (0: none)."""
    size, count = inside, 0
    for word, flag in reversed(pieces[:level]):
        if flag in ("ORG", "PAREN") or naming.is_place(word, flag) or _ends_name(word, flag):
            break
        if len(word) == 1 and flag == "m":
            break  # 两市: a count of places, not a name
        if len(word) >= 2 and not _rare_or_proper(word, flag):
            break
        if size + len(word) > PLACE_NAME_MAX:
            break
        size += len(word)
        count += 1
    return count if size >= 2 else 0


def _rare_or_proper(word: str, flag: str) -> bool:
    """A word that may be part of a place's name: a proper noun or abbreviation the dictionary
    tags so (兰溪/nr), or one it has seldom met (溪口), never a verb, time or quantity word."""
    if naming.is_soft_breaker(word, flag) or naming.is_verb(word, flag):
        return False
    return (
        flag in naming.PROPER_NOUN_FLAGS
        or flag == "j"
        or (naming.word_frequency(word) <= BRAND_MAX_FREQUENCY)
    )


def _place_before_level_committee(pieces: list[tuple[str, str]], index: int) -> bool:
    """安吉|县委, 余杭|区委: jieba splits a county's name from the 县 it shares with the committee
    and may tag it as a person; a two- or three-character noun-like word right before a level
    committee (县委, 市委, 区委) is that place."""
    if index + 1 >= len(pieces) or pieces[index + 1][1] != "ORG":
        return False
    following = pieces[index + 1][0]
    if not (following[:1] in naming.PLACE_ENDINGS and following[1:2] == "委"):
        return False
    word, flag = pieces[index]
    return (
        2 <= len(word) <= 3
        and flag in ("nr", "nz", "ns", "n", "j", "nrt")
        and word not in naming.LINK_WORDS
        and word not in naming.ROLE_NOUNS
    )


def _name_tail(
    pieces: list[tuple[str, str]],
    academic: bool = False,
    committee: bool = False,
    association: bool = False,
) -> list[tuple[str, str]]:
    """The words of a name before its suffix: back to a link word, role noun or town. A zone's
    management committee runs back over a descriptive head (未来科技城管委会) too. An
    association's name joins two trades with 与/和 after the place opening it (江澄市软件和
    信息服务业协会) and may name its members by a role noun (高新技术企业协会)."""
    kept: list[tuple[str, str]] = []
    national = academic and _national_lab_head(pieces)
    for index in range(len(pieces) - 1, -1, -1):
        word, flag = pieces[index]
        if national and flag not in ("ORG", "PAREN"):
            if _ends_name(word, flag) and not _joins_lab_fields(pieces, index, word, kept):
                break
            if word in naming.DESIGNATION_VERBS or word in naming.FACILITY_MODIFIERS:
                break
            if naming.is_verb(word, flag) and not _inside_field(pieces, index):
                break  # 围绕|先进材料国家重点实验室: a verb opening the run introduces the lab
            kept.insert(0, (word, flag))
            continue
        if flag not in ("ORG", "PAREN"):
            joins_disciplines = bool(kept) and (
                (academic and _joins_disciplines(pieces[:index], word, kept))
                or (association and _joins_trades(pieces[:index], word))
                or _joins_national_fields(pieces[:index], word)
            )
            members = (
                association
                and not kept
                and word in naming.ROLE_NOUNS
                and _place_further_left(pieces[:index])
            )
            # 联合 opens a joint unit's kind (联合实验室, 联合研究中心)
            joined_body = word in naming.NAME_INNER_LINKS and "".join(
                piece for piece, _ in kept
            ) in ("", JOINT_RESEARCH)
            if (
                _ends_name(word, flag)
                and not joins_disciplines
                and not members
                and not (
                    joined_body
                    and (
                        _place_further_left(pieces[:index])
                        or _field_opens_joint_unit(pieces[:index])
                    )
                )
                and not _fragment_opening_clause(index, word, kept)
            ):
                break
            if (
                naming.is_soft_breaker(word, flag)
                and not (committee and kept and _descriptive_head(word, flag))
                and not (not kept and _in_national_field(pieces, index))
                and not _place_further_left(pieces[:index])
                and not _numbered_unit(pieces[:index], flag)
                and not _opens_clause_with_direction(pieces[:index], flag)
            ):
                break
            if (
                kept
                and naming.is_verb(word, flag)
                and not _opens_with_place(pieces[:index])
                and not _in_national_field(pieces, index)
                and not (joined_body and _field_opens_joint_unit(pieces[:index]))
                and not (academic and _subject_after_joiner(pieces, index, kept))
            ):
                break
        kept.insert(0, (word, flag))
    return kept


def _subject_after_joiner(
    pieces: list[tuple[str, str]], index: int, kept: list[tuple[str, str]]
) -> bool:
    """青岚大学能源与运载工程学院: a school's second subject may open with a verb (运载, 控制);
    right after a 与/和 that joins two of its subjects it is part of the school's name."""
    if index == 0 or pieces[index - 1][0] not in ("与", "和"):
        return False
    joiner = pieces[index - 1][0]
    return _joins_disciplines(pieces[: index - 1], joiner, [pieces[index], *kept])


def _joins_lab_fields(
    pieces: list[tuple[str, str]], index: int, word: str, kept: list[tuple[str, str]]
) -> bool:
    """精密测量与控制全国重点实验室: 与/和 inside a national laboratory's name joins two of its
    fields; after a body's full name (溪源大学材料科学与工程学院与高温结构材料全国重点实验室)
    it joins the two bodies, as it does before any other name."""
    return word in ("与", "和") and bool(kept) and index > 0 and pieces[index - 1][1] != "ORG"


def _national_lab_head(pieces: list[tuple[str, str]]) -> bool:
    """Whether the words before 实验室 end in 全国重点/国家重点 (精密测量与控制全国重点实验室)."""
    tail = "".join(word for word, _ in pieces[-2:])
    return tail.endswith(naming.NATIONAL_LAB_HEADS)


def _inside_field(pieces: list[tuple[str, str]], index: int) -> bool:
    """智能|感知, 与|控制: a verb is a word of a laboratory's field when a word of the field or
    the 与/和 joining two fields stands right before it; 该所|催化材料国家重点实验室: so is one
    right after the parent the laboratory belongs to (该所, 该院), which opens the name."""
    if index == 0:
        return False
    word, flag = pieces[index - 1]
    if word in naming.PARENT_REFERENCES:
        return pieces[index][0] not in naming.LINK_WORDS  # 该院|围绕…: the verb introduces it
    return word in ("与", "和") or not (_ends_name(word, flag) or naming.is_verb(word, flag))


def _fragment_opening_clause(index: int, word: str, kept: list[tuple[str, str]]) -> bool:
    """顺|丰 科技有限公司 opening a clause: the segmenter cut an unknown brand into single
    characters and tagged one as a preposition; first in its clause and before another single
    character, it is the brand's first character, not a word introducing the name."""
    return (
        index == 0
        and len(word) == 1
        and word not in naming.LINK_WORDS
        and bool(kept)
        and len(kept[0][0]) == 1
        and kept[0][1] not in ("ORG", "PAREN")
    )


def _descriptive_head(word: str, flag: str) -> bool:
    """未来 (t) before 科技城: a time or direction word that describes rather than dates."""
    return flag in ("t", "f") and not any(char in naming.DATING_CHARS for char in word)


def _opens_clause_with_direction(before: list[tuple[str, str]], flag: str) -> bool:
    """北方氢能…有限公司, 东方电气…: a direction word opening the clause opens the name."""
    return flag == "f" and not before


def _joins_disciplines(
    before: list[tuple[str, str]], word: str, kept: list[tuple[str, str]]
) -> bool:
    """计算机科学与技术学院: 与/和 joins two subjects of a school inside a named university, or
    one the text points back to (该校光电科学与工程学院)."""
    if word not in ("与", "和") or not before or before[-1][1] == "ORG":
        return False
    if any(flag == "ORG" for _, flag in kept):
        # 中国科学院上海微系统与信息技术研究所 has its parent inside: a 与 further left
        # (…大学潘建伟团队与中国科学院…) joins two organisations, not two subjects.
        return False
    for piece_word, flag in reversed(before):
        if flag == "ORG" or piece_word in naming.PARENT_REFERENCES:
            return True
        if _ends_name(piece_word, flag):
            return False
    return _place_opens_fields(before)


def _joins_trades(before: list[tuple[str, str]], word: str) -> bool:
    """软件和信息服务业协会: 与/和 joins two trades of an association named with the place
    opening its clause (江澄市软件和…); after another body's name or a person (江澄大学团队
    与…学会) it joins two parties."""
    return word in ("与", "和") and _place_opens_fields(before)


def _joins_national_fields(before: list[tuple[str, str]], word: str) -> bool:
    """美国国家海洋和大气管理局, 国家林业和草原局: after 国家 and a field, 与/和 joins the two
    fields a national body is in charge of."""
    if word not in ("与", "和"):
        return False
    for index in range(len(before) - 1, -1, -1):
        piece, flag = before[index]
        if piece == "国家":
            return index < len(before) - 1
        if flag not in naming.FIELD_WORD_FLAGS:
            return False
    return False


def _place_opens_fields(before: list[tuple[str, str]]) -> bool:
    """苏州纳米技术与纳米仿生研究所: an institute named by its city and two fields joined
    with 与; the words before 与 are a place opening the clause, then one or more nouns (a
    field, 光电/j an abbreviated one, 生态环境/l a set phrase). 上海与苏州研究所 joins two
    places: no field stands between. The place may be one spelled before its level
    (江澄|市光电技术与…研究院)."""
    for index in range(len(before) - 1, -1, -1):
        word, flag = before[index]
        opening = None
        if naming.is_place(word, flag) and word not in naming.LEVEL_WORDS:
            opening = index
        elif word in naming.PLACE_LEVELS and _place_name_before_level(before, index):
            opening = index - _place_name_before_level(before, index)
        if opening is not None:
            has_field = index < len(before) - 1
            return has_field and (opening == 0 or _ends_name(*before[opening - 1]))
        if (
            not (flag.startswith("n") or flag in ("j", "l"))
            or flag in ("nr", "ns")
            or len(word) < 2
        ):
            return False
    return False


def _ends_name(word: str, flag: str) -> bool:
    return naming.is_breaker(word, flag) or word in naming.ROLE_NOUNS or naming.is_town(word)


def _numbered_unit(before: list[tuple[str, str]], flag: str) -> bool:
    """中铁十一局, 第一人民医院: a numeral inside a name, right after a piece of that name."""
    if flag != "m" or not before:
        return False
    word, left_flag = before[-1]
    return left_flag in ("ORG", "PAREN") or not (
        _ends_name(word, left_flag) or naming.is_soft_breaker(word, left_flag)
    )


#: What a joint unit's kind may say between 联合 and its suffix (联合研究中心).
JOINT_RESEARCH = "研究"
#: How long a joint unit's field must be (高压输变电: 高压|输变电).
JOINT_FIELD_MIN = 3


def _field_opens_joint_unit(before: list[tuple[str, str]]) -> bool:
    """高压输变电联合研究中心: the words of a field (two or more nouns) opening the clause
    before 联合 + a research unit's kind name a joint unit by its field, as a place would; a
    party (双方联合, 两家企业联合) or a verb's object is no field."""
    field: list[str] = []
    for word, flag in reversed(before):
        if flag == "ORG" or flag not in naming.FIELD_WORD_FLAGS or _ends_name(word, flag):
            if not (_ends_name(word, flag) or flag == "PAREN"):
                return False
            break
        field.insert(0, word)
    name = "".join(field)
    return (
        len(field) >= 2
        and len(name) >= JOINT_FIELD_MIN
        and not naming.GENERIC_NAME_RE.fullmatch(name)  # 新材料: trade vocabulary
    )


def _place_further_left(pieces: list[tuple[str, str]]) -> bool:
    """Whether a place or a found name stands among the words before a doubtful one."""
    for word, flag in reversed(pieces):
        if _opening_name(word, flag) or naming.is_place(word, flag):
            return True
        if flag != "PAREN" and _ends_name(word, flag):
            return False
    return False


def _opens_with_place(pieces: list[tuple[str, str]]) -> bool:
    """Whether the words before a doubtful one reach back to a place that opens the name,
    one the dictionary knows or one spelled out before its level (澄湖|省…)."""
    start = len(pieces)
    while start > 0:
        word, flag = pieces[start - 1]
        if flag not in ("ORG", "PAREN") and _ends_name(word, flag):
            break
        start -= 1
    if start == len(pieces):
        return False
    if _opening_name(*pieces[start]) or naming.is_place(*pieces[start]):
        return True
    return any(
        pieces[level][0] in naming.PLACE_LEVELS
        and level - _place_name_before_level(pieces, level) == start
        for level in range(start + 1, min(start + PLACE_NAME_MAX + 1, len(pieces)))
    )


def _opening_name(word: str, flag: str) -> bool:
    """A name found further left that may open a longer one (中车 …, 同济大学 …), unlike a
    government body (中国证监会日前同意…有限公司: the verb after it ends the clause's subject)."""
    return flag == "ORG" and not any(
        match.end() == len(word) for match in naming.GOVERNMENT_RE.finditer(word)
    )


def _plausible_company(
    prefix: str, suffix: str, kept: list[tuple[str, str]], text: str = ""
) -> bool:
    """Enough of a proper name in front of the suffix; weak suffixes need a place or a name
    (one ``text`` prints with its level elsewhere will do)."""
    if len(prefix) < 2:
        return False
    if any(level in prefix for level in DESIGNATION_LEVELS) or GRADE_RE.search(prefix):
        return False
    if any(TERM_RE.fullmatch(word) for word, _ in kept):
        return False  # 市科协第十届委员会: the association's tenth term, no other body
    if _relative_qualifier(kept):
        return False
    if suffix == "中心" and prefix.endswith(naming.VENUE_WORDS):
        return False  # 上海世博中心, 国际会展中心: a venue
    if naming.GENERIC_NAME_RE.fullmatch(prefix) and not (
        suffix == "大学" and len(prefix) >= MIN_SHORT_FORM
    ):
        # 科技有限公司, 科技大学 name nothing; 电子科技大学 is a university's whole name.
        return False
    if suffix in naming.WEAK_SUFFIXES:
        if any(flag != "ORG" and word in naming.FACILITY_MODIFIERS for word, flag in kept):
            return False  # 园区新建数据中心: a building described, not a body named
        if suffix == "实验室" and _field_before_national_head(prefix, kept):
            return True
        if _dictionary_names_body(prefix + suffix):
            return True
        if suffix == "实验室" and _named_after_landmark(kept):
            return True
        if suffix in naming.ACADEMIC_UNITS and len(kept) > 1 and _known_brand(*kept[0]):
            return True  # 腾讯优图实验室: a company's lab, its brand then the lab's own name
        joint = [i for i, (word, _) in enumerate(kept) if word in naming.NAME_INNER_LINKS]
        if joint and "".join(word for word, _ in kept[joint[-1] + 1 :]) in ("", JOINT_RESEARCH):
            return _field_opens_joint_unit(kept[: joint[-1]])  # 高压输变电联合研究中心
        has_place = any(
            flag == "ORG"
            or (
                naming.is_place(word, flag)
                and word not in ("国家", "中国", "全国")
                and not naming.is_scope(word)
            )
            for word, flag in kept
        )
        return has_place or _place_printed_with_level(text, prefix) or _national_field(kept, suffix)
    studied_at = suffix in ("大学", "学院") and len(kept) == 1 and kept[0][1] == "v"
    return not studied_at


#: Flags of a word that says which body of a kind is meant, not what it is called: rank or
#: kind (上级, 所在, 民营: b), whereabouts (当地: s; 附近, 周边: f) or a pronoun (本地, 其他: r).
RELATIVE_QUALIFIER_FLAGS = frozenset(("b", "s", "f", "r"))


def _relative_qualifier(kept: list[tuple[str, str]]) -> bool:
    """上级医院, 当地医院, 周边医院, 其他研究所: a body named by nothing but its rank, its
    whereabouts or its relation to the article is any body of that kind, none named."""
    return len(kept) == 1 and kept[0][1] in RELATIVE_QUALIFIER_FLAGS


def _national_field(kept: list[tuple[str, str]], suffix: str) -> bool:
    """国家卫星气象中心, 国家空间科学中心, 美国国家航空航天局: 国家 (the state, perhaps a
    country's) + the words of a field + a unit's kind names a national body; a field of kind
    words only (国家企业技术中心, 国家工程研究中心) is a designation awarded to many, and a
    field that is one word with the unit's kind (国家|数据中心) a facility."""
    opener = next((i for i, (word, _) in enumerate(kept[:2]) if word == "国家"), None)
    if opener is None:
        return False
    field = kept[opener + 1 :]
    joined = [piece for piece in field if piece[0] not in ("和", "与")]
    return (
        sum(len(word) for word, _ in joined) >= 2
        and _field_words(joined)
        and not all(word in naming.NATIONAL_DESIGNATION_WORDS for word, _ in joined)
        and field[0][0] not in ("和", "与")
        and field[-1][0] not in ("和", "与")
        and len(naming.words(field[-1][0] + suffix)) > 1
    )


def _field_words(field: list[tuple[str, str]]) -> bool:
    """卫星|气象, 技术|转移|东部: the words of a national body's field: nouns, a verb after a
    noun (技术转移), and last perhaps the region it serves, named by its direction (东部)."""
    for index, (word, flag) in enumerate(field):
        if flag in naming.FIELD_WORD_FLAGS:
            continue
        if flag == "v" and index and field[index - 1][1] in naming.FIELD_WORD_FLAGS:
            continue
        if index and index == len(field) - 1 and _direction_region(word, flag):
            continue
        return False
    return True


def _direction_region(word: str, flag: str) -> bool:
    """东部, 西部, 中部: a part of the country named by its direction."""
    return flag == "f" and len(word) == 2 and word.endswith("部")


def _in_national_field(pieces: list[tuple[str, str]], index: int) -> bool:
    """The word at ``index`` is one of a field's after 国家 (国家|技术|转移|东部…)."""
    for opener in range(index - 1, -1, -1):
        if pieces[opener][0] == "国家":
            return opener < index and _field_words(pieces[opener + 1 : index + 1])
    return False


def _national_tail(pieces: list[tuple[str, str]], suffix: str) -> list[tuple[str, str]]:
    """美国国家航空航天局: a department printed after 国家 and the words of a field is that
    national body, with the country named before 国家; none when the words are no field's."""
    for index in range(len(pieces) - 1, -1, -1):
        word, flag = pieces[index]
        if word == "国家":
            kept = _place_tail(pieces[: index + 1]) + pieces[index + 1 :]
            return kept if _national_field(kept, suffix) else []
        if flag not in naming.FIELD_WORD_FLAGS and word not in ("和", "与"):
            return []
    return []


def _place_printed_with_level(text: str, prefix: str) -> bool:
    """溪源市发布规划 … 溪源人形机器人创新中心: a name the dictionary hardly knows (two to four
    characters) that the article prints as a place with its level (溪源市, a word of its own
    there, not 中国|市场) is that place wherever else it opens a name without the level."""
    for size in range(2, PLACE_NAME_MAX + 1):
        place = prefix[:size]
        if len(prefix) <= size or naming.word_frequency(place) > RARE_WORD_FREQUENCY:
            continue
        for level in naming.PLACE_LEVELS:
            at = text.find(place + level)
            while at >= 0:
                if not _ends_inside_word(text, at, at + size + 1):
                    return True
                at = text.find(place + level, at + 1)
    return False


#: Landforms a laboratory is named after (紫金山实验室, 松山湖材料实验室): the provincial
#: laboratories take a mountain's, lake's, bay's or river's name as their own.
LANDMARK_ENDINGS = ("山", "湖", "湾", "岛", "峰", "岭", "江", "河")


def _named_after_landmark(kept: list[tuple[str, str]]) -> bool:
    """A laboratory whose name opens with a mountain, lake or river: a proper noun ending in
    山/湖/江 … (紫金山/nr), or two or three characters ending so that the dictionary does not
    know as a word (澄|湖, 云|栖|湾: a landform it has never seen)."""
    if not kept:
        return False
    word, flag = kept[0]
    if len(word) >= 2 and word.endswith(LANDMARK_ENDINGS) and flag in ("nr", "ns", "nz"):
        return True
    run = []
    for piece in kept:
        run.append(piece)
        text = "".join(w for w, _ in run)
        if len(text) > 3 or piece[1] in ("ORG", "PAREN") or len(piece[0]) > 1:
            return False
        if len(text) >= 2 and text.endswith(LANDMARK_ENDINGS):
            return naming.word_frequency(text) == 0 and not any(_ends_name(w, f) for w, f in run)
    return False


def _dictionary_names_body(name: str) -> bool:
    """酒泉卫星发射中心: a long name the dictionary lists whole as an organisation's (nt) is a
    body's proper name, whatever its words would say apart; a generic 数据中心 is listed as an
    ordinary noun."""
    pieces = naming.words(name)
    return len(name) >= 5 and len(pieces) == 1 and pieces[0][1] == "nt"


def _field_before_national_head(prefix: str, kept: list[tuple[str, str]]) -> bool:
    """移动通信全国重点实验室: a field name before 全国重点/国家重点 names the laboratory, even
    without a place in front; 国家重点实验室 alone is a designation."""
    head = next((h for h in naming.NATIONAL_LAB_HEADS if prefix.endswith(h)), None)
    if head is None:
        return False
    field_name = prefix[: -len(head)]
    return len(field_name) >= 2 and not any(
        word in naming.DESIGNATION_VERBS or naming.is_function_word(flag)
        for word, flag in kept
        if word not in ("与", "和")
    )


def _coverage(spans: list[_Span], length: int) -> list[bool]:
    covered = [False] * length
    for span in spans:
        for index in range(span.start, span.end):
            covered[index] = True
    return covered


def _add_defined_aliases(
    text: str, spans: list[_Span], organisations: dict[str, _Organisation]
) -> None:
    """（以下简称“X”） right after a name makes X its alias. The text defines X as that body's
    name from then on, so X is never a body of its own, wherever it is printed (市科协 read as
    a name inside the brackets and after them is the 科学技术协会 defined)."""
    ends = {span.end: span.name(text) for span in spans}
    for match in naming.DEFINITION_RE.finditer(text):
        name = ends.get(match.start())
        organisation = organisations.get(name)
        if organisation is None:
            continue
        organisation.add_alias(match[1])
        other = organisations.get(match[1])
        if other is not None and other is not organisation:
            _absorb(organisations, organisation, other)


def _add_relative_forms(organisations: dict[str, _Organisation]) -> None:
    """澄湖省江澄市人民医院 … 市人民医院, 江澄高新技术产业开发区管理委员会 … 江澄高新区管委会 …
    高新区管委会: once the text has named a body with its place, the level alone stands for
    that place (市…, 省…, 县…) and a zone's kind for the zone (高新区…), and government
    vocabulary has its standard short forms (管理委员会 -> 管委会, 发展和改革委员会 -> 发改委),
    so a shorter name that agrees with a longer one read so is the same body. When two bodies
    share it (江澄市人民医院, 临澜市人民医院 … 市人民医院) the text does not say which: all
    stay apart."""
    kept: list[tuple[_Organisation, set[str]]] = []
    for organisation in sorted(organisations.values(), key=lambda org: -len(org.name)):
        key = naming.standard_short_form(organisation.name)
        owners = [owner for owner, forms in kept if key in forms]
        if len(owners) == 1 and len(owners[0].name) > len(organisation.name):
            _absorb(organisations, owners[0], organisation)
            continue
        kept.append((organisation, _same_body_forms(organisation.name)))


def _add_brand_company_forms(organisations: dict[str, _Organisation]) -> None:
    """江澄海晟科技有限公司 … 海晟公司, 华为技术有限公司 … 华为公司: a company named in full is
    named again by its brand and a bare 公司. A brand company whose brand is printed in
    exactly one company's full name is that company; in two, or in none, it stays apart."""
    for organisation in list(organisations.values()):
        if organisation.kind != "brand" or organisations.get(organisation.name) is not organisation:
            continue
        brand = organisation.name[: -len("公司")]
        owners = [
            owner
            for owner in organisations.values()
            if owner.kind == "company"
            and owner.name.endswith(("公司", "集团"))
            and brand in owner.name[: -len("公司")]
        ]
        if len(owners) == 1:
            _absorb(organisations, owners[0], organisation)


#: How long a unit's own name must be to name it without its parent (医工交叉研究院, not 党委).
UNIT_OWN_NAME_MIN = 4


def _add_units_without_parent(organisations: dict[str, _Organisation]) -> None:
    """江澄理工大学医工交叉研究院 … 医工交叉研究院: a unit named after the body it belongs to
    (the parent's name, listed in the text, then the unit's own) is named by its own name
    alone too. When two parents' units share that name, the text does not say which."""
    for organisation in sorted(organisations.values(), key=lambda org: len(org.name)):
        name = organisation.name
        if len(name) < UNIT_OWN_NAME_MIN or organisations.get(name) is not organisation:
            continue
        owners = [
            owner
            for owner in organisations.values()
            if owner is not organisation
            and owner.name.endswith(name)
            and owner.name[: -len(name)] in organisations
        ]
        if len(owners) == 1:
            _absorb(organisations, owners[0], organisation)


@lru_cache(maxsize=4096)
def _same_body_forms(name: str) -> frozenset[str]:
    """The forms, in standard short words, a later mention may name this body by: its name,
    the name from its place's level on, and the name from its zone's kind on."""
    forms = {name, *_inner_place_forms(name)}
    relative = _relative_form(name)
    if relative:
        forms.add(relative)
    zone = _zone_form(name)
    if zone:
        forms.add(zone)
    return frozenset(naming.standard_short_form(form) for form in forms)


def _zone_form(name: str) -> str | None:
    """江澄高新区管委会 -> 高新区管委会: a zone's committee named from the zone's kind on, its
    place (two to eight characters) left out."""
    match = naming.ZONE_WORD_RE.search(name, 2)
    if match is None or match.start() > 8 or match.end() == len(name):
        return None
    return name[match.start() :]


@lru_cache(maxsize=4096)
def _relative_form(name: str) -> str | None:
    """江澄市科学技术局 -> 市科学技术局: the name from the level of the place it opens with,
    or None when it opens with no place and level. A level committee is named by its level
    (江澄市东岚区委 -> 区委), the place's name printed before it."""
    committee = name[-2:]
    if len(name) > 2 and naming.is_level_committee(committee):
        prefix = list(naming.words(name[:-2]))
        if sum(len(w) for w, _ in _place_tail(prefix, before_level=True)) == len(name) - 2:
            return committee
    ends = _level_ends(name)
    if not ends or ends[-1] < 2 or len(name) - ends[-1] < 2:
        return None
    return name[ends[-1] - 1 :]


def _inner_place_forms(name: str) -> list[str]:
    """江澄市北沙区科学技术局 -> 北沙区科学技术局: a body named with its own place and the
    places that place lies in is named by its own place alone too."""
    ends = _level_ends(name)
    return [name[end:] for end in ends[:-1] if len(name) - end > 2]


@lru_cache(maxsize=4096)
def _level_ends(name: str) -> tuple[int, ...]:
    """Where each level of the places a name opens with ends (江澄市|北沙区| -> 3, 6)."""
    ends = []
    offset = 0
    for word, flag in _split_straddled_levels(list(naming.words(name))):
        offset += len(word)
        if word[-1] in naming.PLACE_LEVELS and naming.is_place(word, flag):
            prefix = name[:offset]
            if sum(len(w) for w, _ in _place_tail(list(naming.words(prefix)))) == len(prefix):
                ends.append(offset)
    return tuple(ends)


def _add_short_forms(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """Later mentions abbreviating a company's full name in order (中国商用飞机 -> 中国商飞)."""
    for organisation in list(organisations.values()):
        if organisation.kind != "company":
            continue
        for alias in organisation.aliases:
            if alias in text:
                _mark(covered, text, alias)
        for core_offset in _core_offsets(organisation.name):
            brand = organisation.name[core_offset : core_offset + 2]
            for match in re.finditer(re.escape(brand), text):
                if covered[match.start()] or _qualified_otherwise(
                    text, match.start(), organisation.name, core_offset
                ):
                    continue
                short = _abbreviation_at(
                    text, match.start(), organisation.name, core_offset, covered
                )
                if (
                    short
                    and match.start() < organisation.first
                    and _inside_phrase(text, match.start())
                ):
                    # 超导量子计算领域 … 安徽省量子计算工程研究中心: printed before the name and
                    # inside a phrase, a piece of the name is the topic; a headline's short form
                    # (宁德时代发布新电池) opens its clause.
                    continue
                if _unit_named_after(short, organisation.name):
                    continue
                if short and short != organisation.name and short not in organisations:
                    organisation.add_alias(short)


#: Legal endings a company drops when the text names it again (国家电网有限公司 -> 国家电网).
LEGAL_ENDINGS = ("集团股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "有限公司")
#: Where a body's kind shows in its last character, which its short form keeps
#: (研究所 -> …所, 科学院 -> …院, 大学 -> …大, 委员会 -> …委, 协会 -> …协, 联合会 -> …联).
CONTRACTED_KIND_ENDINGS = {
    "研究所": "所",
    "研究院": "院",
    "科学院": "院",
    "工程院": "院",
    "设计院": "院",
    "医院": "院",
    "大学": "大",
    "委员会": "委",
    "协会": "协",
    "联合会": "联",
    "厅": "厅",
    "局": "局",
}
CONTRACTION_MAX = 7


def _add_unsuffixed_forms(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """A company named again without its legal ending (…有限公司, …股份有限公司): the rest of
    its registered name, printed after the full form, is the same company."""
    for organisation in list(organisations.values()):
        if (
            organisation.kind != "company"
            or organisations.get(organisation.name) is not organisation
        ):
            continue
        for ending in LEGAL_ENDINGS:
            if organisation.name.endswith(ending):
                _add_unsuffixed_form(text, covered, organisations, organisation, ending)


def _add_unsuffixed_form(
    text: str,
    covered: list[bool],
    organisations: dict[str, _Organisation],
    organisation: _Organisation,
    ending: str,
) -> None:
    stem = organisation.name[: -len(ending)]
    if len(stem) < MIN_SHORT_FORM:
        return
    other = organisations.get(stem)
    if other is not None:
        if other is not organisation and other.first > organisation.first:
            _absorb(organisations, organisation, other)  # …控股集团 printed after its full name
        return
    position = text.find(stem, organisation.first + len(organisation.name))
    while position >= 0:
        if not any(covered[position : position + len(stem)]):
            organisation.add_alias(stem)
            _mark(covered, text, stem)
            return
        position = text.find(stem, position + 1)


def _add_contracted_forms(
    text: str, spans: list[_Span], covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """上海光机所, 省农科院, 哈工大: a body named again by one or two characters of each word of
    its full name, ending in the character that says its kind. Only a contraction counts: a
    form made of whole words of the name (浙江大学 from 浙江工业大学) is another body."""
    span_names = {(span.start, span.end) for span in spans}
    for organisation in list(organisations.values()):
        name = organisation.name
        ending = next((e for e in CONTRACTED_KIND_ENDINGS if name.endswith(e)), None)
        if organisation.kind not in ("company", "government") or ending is None:
            continue
        if organisations.get(name) is not organisation:
            continue  # absorbed as another body's short form
        last = CONTRACTED_KIND_ENDINGS[ending]
        start_after = organisation.first + len(name)
        position = text.find(last, start_after)
        while position >= 0:
            short = _contraction_ending_at(text, position, name)
            end = position + 1
            if short and not _covered_by_other(covered, span_names, end - len(short), end):
                other = organisations.get(short)
                if other is not None and other is not organisation:
                    _absorb(organisations, organisation, other)
                elif other is None:
                    organisation.add_alias(short)
            position = text.find(last, end)


def _absorb(
    organisations: dict[str, _Organisation], organisation: _Organisation, other: _Organisation
) -> None:
    """``other`` was a later short form of ``organisation``: its forms become aliases."""
    for alias in (other.name, *other.aliases):
        organisation.add_alias(alias)
    del organisations[other.name]


def _covered_by_other(
    covered: list[bool], span_names: set[tuple[int, int]], start: int, end: int
) -> bool:
    """Whether part of start..end lies in a found name other than exactly this stretch."""
    return (start, end) not in span_names and any(covered[start:end])


def _contraction_ending_at(text: str, position: int, name: str) -> str | None:
    """The form ending at ``position`` whose characters appear in ``name`` in order, read
    back to the clause start; a contraction takes part of at least two of the name's words."""
    cursor = name.rfind(text[position])
    index = position
    matched: list[int] = []
    while index >= 0 and position - index < CONTRACTION_MAX:
        char = text[index]
        if char in naming.HARD_STOPS:
            break
        found = name.rfind(char, 0, cursor + 1)
        if found < 0:
            break
        matched.insert(0, found)
        cursor = found - 1
        index -= 1
    start = index + 1
    short = text[start : position + 1]
    if len(short) < 3 or len(short) >= len(name) or _ordinary_word(short):
        return None
    if start > 0 and text[start - 1] not in naming.HARD_STOPS:
        pieces = naming.words(text[_clause_start(text, start) : start])
        if pieces and not _ends_name(*pieces[-1]):
            return None  # the form runs on from a word before it: not a name's start
    if short[0] in naming.PLACE_LEVELS and (
        _opens_with_outer_level(name, matched[0]) or _counted_places(text, start)
    ):
        return None
    if _contracts(matched) or _partial_words(name, matched) >= 2 or _drops_place(name, short):
        return short
    return None


def _opens_with_outer_level(name: str, first: int) -> bool:
    """江澄市东岚区科学技术局 is not 市科技局: a form opening with a level names the body at
    that level (市 the city's, 区 the district's), so a level taken from the place further out
    than the body's own (the 市 of 江澄市 before 东岚区) names another body."""
    relative = _relative_form(name)
    return relative is not None and first < len(name) - len(relative)


def _partial_words(name: str, matched: list[int]) -> int:
    """How many words of ``name`` give some but not all of their characters (四川|大学 in
    川大华西医院)."""
    partial = 0
    offset = 0
    for word, _ in naming.words(name):
        taken = sum(1 for index in matched if offset <= index < offset + len(word))
        if 0 < taken < len(word):
            partial += 1
        offset += len(word)
    return partial


def _drops_place(name: str, short: str) -> bool:
    """北京协和医院 -> 协和医院: the name without the place it opens with, once the text has
    said where the body is."""
    size = len(name) - len(short)
    if not (2 <= size <= 6 and name.endswith(short) and naming.is_place(*_one_word(name[:size]))):
        return False
    ending = next(e for e in CONTRACTED_KIND_ENDINGS if short.endswith(e))
    # 人民医院 is what many towns' hospitals are called: the rest must be a proper name.
    return all(
        flag in naming.PROPER_NOUN_FLAGS or flag == "ns"
        for _, flag in naming.words(short[: -len(ending)])
    ) and len(short) > len(ending)


def _one_word(text: str) -> tuple[str, str]:
    pieces = naming.words(text)
    return pieces[0] if len(pieces) == 1 else (text, "")


def _contracts(matched: list[int]) -> bool:
    """At least two single characters taken apart from the rest (哈|工|大, 省农|科|院): a
    contraction; whole runs (浙江|大学 of 浙江工业大学) drop words and name another body."""
    runs = []
    for index in matched:
        if runs and runs[-1][1] == index - 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return sum(1 for begin, end in runs if begin == end) >= 2


def _ordinary_word(form: str) -> bool:
    """A word the dictionary knows other than as a name or an abbreviation (j)."""
    if naming.word_frequency(form) == 0:
        return False
    pieces = naming.words(form)
    return not (len(pieces) == 1 and pieces[0][1] in ("j", "nt", "nz"))


def _inside_phrase(text: str, start: int) -> bool:
    """Whether the word before ``start`` runs on into it (超导|量子计算): no clause start, link
    word, place or found name stands right before."""
    begin = _clause_start(text, start)
    pieces = naming.words(text[begin:start])
    if not pieces:
        return False
    word, flag = pieces[-1]
    return not (_ends_name(word, flag) or naming.is_place(word, flag))


def _qualified_otherwise(text: str, start: int, name: str, core_offset: int) -> bool:
    """东陵高新区 is not 江澄高新区: another place stands before the short form."""
    begin = _clause_start(text, start)
    pieces = naming.words(text[begin:start])
    if not pieces or not naming.is_place(*pieces[-1]):
        return False
    return not name[:core_offset].endswith(pieces[-1][0])


def _mark(covered: list[bool], text: str, form: str) -> None:
    for match in re.finditer(re.escape(form), text):
        for index in range(match.start(), match.end()):
            covered[index] = True


@lru_cache(maxsize=4096)
def _core_offsets(name: str) -> tuple[int, ...]:
    """Where the brand may start: after each place word the name opens with (湖北 / 祥云 …)."""
    offsets = []
    offset = 0
    for word, flag in naming.words(name):
        if not naming.is_place(word, flag):
            break
        offset += len(word)
        offsets.append(offset)
    usable = tuple(o for o in offsets if len(name) - o >= 3 and name[o] not in "（(")
    return usable or (0,)


def _abbreviation_at(
    text: str, start: int, name: str, core_offset: int, covered: list[bool]
) -> str | None:
    """The longest run from ``start`` whose characters appear in ``name`` in order."""
    cursor = core_offset
    index = start
    while index < len(text) and not covered[index] and text[index] not in naming.HARD_STOPS:
        found = name.find(text[index], cursor)
        if found < 0:
            break
        cursor = found + 1
        index += 1
    short = text[start:index]
    if len(short) < MIN_SHORT_FORM or naming.word_frequency(short) > 0:
        return None
    if short.endswith(("有限", "有限公司", "公司")) or _ends_inside_word(text, start, index):
        return None
    place = name[:core_offset]
    if place and text[max(0, start - len(place)) : start] == place:
        short = place + short
    return short


#: How many characters after a short form are read to see whether a word runs over its end.
WORD_LOOKAHEAD = 3


def _ends_inside_word(text: str, start: int, end: int) -> bool:
    """澄湖省科学技术协会 … 澄湖省科技馆: a short form is made of whole words, so a run whose
    last characters make one word with the next ones (科技馆, a museum) is no short form."""
    pieces = naming.words(text[start : end + WORD_LOOKAHEAD])
    return end - start not in set(accumulate(len(word) for word, _ in pieces))


def _add_trade_names(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """Brand + trade word printed on its own (某某科技、某某药业) names a company; run on into
    an event's ending or a noun for an industry (具身智能产业, 具身智能企业) it names the event
    or the field, as it does listed before 等 + a field's word (算力网络、具身智能等领域)."""
    known_forms = {form for org in organisations.values() for form in (org.name, *org.aliases)}
    for match in naming.TRADE_WORD_RE.finditer(text):
        if covered[match.start()]:
            continue
        brand = _brand_before(text, match.start(), match.end(), covered)
        if not brand:
            continue
        trade_name = brand + match[0]
        if trade_name in known_forms or _opens_event_name(text, match.end()):
            continue
        if _read_as_field(text, trade_name):
            continue  # 具身智能企业, 算力网络、具身智能等领域: the field such companies work in
        if _opens_longer_quote(text, match.start() - len(brand), match.end()):
            continue
        owner = next(
            (
                org
                for org in organisations.values()
                if org.kind == "company"
                and _abbreviates(trade_name, org.name)
                and not _unit_named_after(trade_name, org.name)
            ),
            None,
        )
        if owner:
            owner.add_alias(trade_name)
        else:
            organisations[trade_name] = _Organisation(
                trade_name, first=match.start() - len(brand), kind="trade"
            )
        known_forms.add(trade_name)


#: A brand and the trade word after it, each two Han characters (岚驰|储能, 澄海|智造).
ACTING_TRADE_NAME_RE = re.compile("[\u4e00-\u9fff]{4}")


def _add_acting_trade_names(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """岚驰储能发布了…, 澄海智造与溪源市人民政府签约: a brand of two characters the dictionary
    hardly knows + a two-character trade word outside TRADE_WORDS is a company when it opens
    its clause and acts as one (releases, signs, invests: COMPANY_ACTS), or recurs and one
    mention is followed by its officer (岚驰储能董事长). Run on into a field's noun anywhere in
    the text (具身智能产业) it is the field, as ``_add_trade_names`` reads it."""
    known_forms = {form for org in organisations.values() for form in (org.name, *org.aliases)}
    for start in range(len(text) - 3):
        if start and text[start - 1] not in naming.HARD_STOPS | ACTOR_OPENERS:
            continue
        run = text[start : start + 4]
        if run in known_forms or not ACTING_TRADE_NAME_RE.fullmatch(run):
            continue
        if any(covered[start : start + 4]) or not _coined_trade_name(run):
            continue
        if not (_acts_as_company(text, start + 4) or _recurs_with_officer(text, run)):
            continue
        if _read_as_field(text, run):
            continue
        organisations[run] = _Organisation(run, first=start, kind="trade")
        known_forms.add(run)


def _coined_trade_name(run: str) -> bool:
    """A brand the dictionary hardly knows, a word of its own, before a trade word that is no
    function word, title or person's group (林澈团队)."""
    brand, trade = run[:2], run[2:]
    pieces = naming.words(run)
    if 2 not in set(accumulate(len(word) for word, _ in pieces)):
        return False
    if naming.word_frequency(run) > 0 or naming.word_frequency(brand) > BRAND_MAX_FREQUENCY:
        return False
    if naming.GENERIC_NAME_RE.fullmatch(brand) or naming.is_level_committee(brand):
        return False
    trade_pieces = naming.words(trade)
    return (
        trade not in naming.PERSON_GROUP_WORDS
        and trade not in naming.PERSON_TITLES
        and not trade.endswith(TITLE_ENDING)
        and not any(naming.is_function_word(flag) for _, flag in trade_pieces)
        and not any(naming.is_function_word(flag) for _, flag in naming.words(brand))
    )


#: What may stand right before a company acting (由岚驰储能投资…, 溪源大学与岚驰储能签约).
ACTOR_OPENERS = frozenset("由与和同")


def _acts_as_company(text: str, end: int) -> bool:
    """岚驰储能发布…, 岚驰储能日前推出…, …与溪源市人民政府签约: the act right after the name
    or after a time word or adverb (今年, 日前, 已), or 与/和 and a joint act in the same
    clause."""
    for word, flag in naming.words(text[end : _clause_end(text, end)])[:2]:
        if flag not in ("t", "d"):
            break
        end += len(word)
    if text.startswith(naming.COMPANY_ACTS, end):
        return True
    if text[end : end + 1] in JOINING_WORDS:
        return any(act in text[end : _clause_end(text, end)] for act in naming.JOINT_ACTS)
    return False


def _recurs_with_officer(text: str, run: str) -> bool:
    """岚驰储能 … 岚驰储能董事长林澈: printed again, once with its officer after it."""
    return text.count(run) >= 2 and any(
        text.startswith(officer, at + 4)
        for at in range(len(text))
        if text.startswith(run, at)
        for officer in naming.COMPANY_OFFICERS
    )


def _read_as_field(text: str, run: str) -> bool:
    """具身智能产业, 具身智能、算力网络等领域: the run names a field somewhere in the text."""
    at = text.find(run)
    while at >= 0:
        end = at + len(run)
        if text.startswith(naming.FIELD_NOUNS, end) or naming.FIELD_ENUMERATION_RE.match(text, end):
            return True
        at = text.find(run, at + 1)
    return False


def _unit_named_after(short: str | None, name: str) -> bool:
    """鹤鸣科技 … 鹤鸣科技研究院: a research unit named after a company prints the company's
    trade name (brand + trade word) whole, then its own kind (研究院, 研究中心, 实验室); the
    trade name printed alone is that company, not a short form of its unit."""
    if not short or short not in name or not name.endswith(tuple(naming.ACADEMIC_UNITS)):
        return False
    rest = name[name.index(short) + len(short) :]
    return bool(rest) and short.endswith(tuple(naming.BRAND_TRADE_WORDS))


def _opens_longer_quote(text: str, start: int, end: int) -> bool:
    """“江澄科技大脑”, “海晟智能工厂”: a trade name opening a quoted phrase that runs on past it
    names the product, platform or programme in quotes; quoted whole (“海晟科技”) it is the
    company's name."""
    return (
        start > 0
        and text[start - 1] in naming.OPENING_QUOTES
        and end < len(text)
        and text[end] not in naming.CLOSING_QUOTES
    )


#: Nouns an event's name may put between a trade word and its ending (科技成果交易会).
EVENT_TOPIC_WORDS = 2
#: How far ahead an event's ending is looked for, topic words included.
EVENT_NAME_MAX = 8


def _opens_event_name(text: str, position: int) -> bool:
    """海晟科技大会, 澄湖科技成果交易会: a trade name followed by an event's ending (大会, 论坛,
    博览会, 峰会), directly or after a noun or two naming its topic, is the event's name; a
    verb between (海晟科技参加大会) leaves the trade name a company acting."""
    for _ in range(EVENT_TOPIC_WORDS + 1):
        if text.startswith(naming.EVENT_ENDINGS, position):
            return True
        pieces = naming.words(text[position : position + EVENT_NAME_MAX])
        if not pieces or pieces[0][1] not in ("n", "vn", "nz") or pieces[0][0] in naming.LINK_WORDS:
            return False
        position += len(pieces[0][0])
    return False


def _add_enumerated_names(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """商汤科技、阿里巴巴等企业: the items of a list closed by 等企业 (等单位, 等高校 …) are
    organisations; an item is kept when it reads as a proper name (阿里巴巴/nrt, an unknown
    transliteration), never when it is an ordinary word, a place or a trade (钢铁、化工等企业)."""
    known_forms = {form for org in organisations.values() for form in (org.name, *org.aliases)}
    for match in naming.ENUMERATION_RE.finditer(text):
        items = _enumeration_items(text, match.start())
        if len(items) < 2:
            continue
        for start, item in items:
            if item in known_forms or any(covered[start : start + len(item)]):
                continue
            if _proper_name(item):
                organisations[item] = _Organisation(item, first=start, kind="trade")
                known_forms.add(item)


def _add_listed_beside(
    text: str, spans: list[_Span], covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """联合华为、中国移动通信集团江西有限公司: a short proper name listed with 、 beside an
    organisation's full name is an organisation too, printed without a suffix (a brand known
    by its name alone); a place or an ordinary word is not (北京、上海等地的…公司), nor a
    government body's word with a member's title after it (市委常委, 政协委员): an office.
    Beside a body followed by a person's title (评委、溪源大学…教授林澈) the list is that
    person's roles, not bodies."""
    for span in spans:
        if text.startswith(naming.PERSON_TITLES, span.end):
            continue
        for start, item in _neighbour_items(text, span):
            if any(covered[start : start + len(item)]) or item in organisations:
                continue
            if naming.GOVERNMENT_RE.match(item):
                continue
            pieces = naming.words(item)
            if any(
                naming.is_place(word, flag) or naming.is_verb(word, flag) for word, flag in pieces
            ):
                continue
            if len(pieces) == 1 and naming.word_frequency(item) > BRAND_MAX_FREQUENCY * 10:
                continue
            organisations[item] = _Organisation(item, first=start, kind="trade")


def _add_joined_brand_companies(
    text: str, covered: list[bool], organisations: dict[str, _Organisation]
) -> None:
    """苹果公司和谷歌: a foreign company is often printed as a common noun translating its brand
    and a bare 公司. A kind of company (物流公司, 保险公司) is listed with other kinds, so a noun
    + 公司 opening its clause and joined by 和/与 to a brand (谷歌, a word the dictionary does
    not know; a proper noun) names a company, and the brand another. A noun of trade or of
    what a field makes (物流公司, 芯片公司) names a kind of company, no translated brand, and
    the unknown word joined to it is as likely a person (物流公司与林澈签约)."""
    for match in naming.BARE_COMPANY_RE.finditer(text):
        joiner = match.end()
        if joiner >= len(text) or text[joiner] not in JOINING_WORDS:
            continue
        begin = _clause_start(text, match.start())
        noun = text[begin : match.start()]
        if any(covered[begin:joiner]) or naming.words(noun) != ((noun, "n"),) or len(noun) > 3:
            continue
        if naming.GENERIC_NAME_RE.fullmatch(noun) or noun in naming.FIELD_NOUNS:
            continue
        partner = _brand_after(text, joiner + 1, covered)
        if partner is None:
            continue
        for start, name, kind in ((begin, noun + "公司", "brand"), (*partner, "trade")):
            if name not in organisations:
                organisations[name] = _Organisation(name, first=start, kind=kind)


def _brand_after(text: str, start: int, covered: list[bool]) -> tuple[int, str] | None:
    """The brand opening the words at ``start`` (谷|歌 相继…): a proper noun, or a run of
    fragments the dictionary does not know, of two to four Han characters."""
    pieces: list[tuple[str, str]] = []
    for word, flag in naming.words(text[start : _clause_end(text, start)]):
        if _ends_name(word, flag) or not (
            flag in naming.PROPER_NOUN_FLAGS or naming.is_brand_fragment(word, flag)
        ):
            break
        pieces.append((word, flag))
    brand = "".join(word for word, _ in pieces)
    if not 2 <= len(brand) <= 4 or not all(_is_han(char) for char in brand):
        return None
    if any(covered[start : start + len(brand)]) or naming.is_place(brand, pieces[0][1]):
        return None
    proper = len(pieces) == 1 and pieces[0][1] in naming.PROPER_NOUN_FLAGS - {"nt"}
    return (start, brand) if proper or naming.is_unknown_run(brand, pieces) else None


def _clause_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] not in naming.HARD_STOPS:
        end += 1
    return end


def _neighbour_items(text: str, span: _Span) -> list[tuple[int, str]]:
    """The names of two to four characters set next to a span with 、 between them."""
    found = []
    joined = _joined_brand(text, span)
    if joined:
        found.append(joined)
    if span.start >= 3 and text[span.start - 1] == "、":
        begin = span.start - 1
        while begin > 0 and _is_han(text[begin - 1]) and span.start - 1 - begin < 6:
            begin -= 1
        item = text[begin : span.start - 1]
        introduced = begin > 0 and (text[begin - 1] in naming.HARD_STOPS)
        for opener in LIST_OPENERS:
            at = item.rfind(opener)
            if at >= 0 and len(item) > at + len(opener):
                cut = at + len(opener)
                item, begin, introduced = item[cut:], begin + cut, True
                break
        if introduced and 2 <= len(item) <= 4:
            found.append((begin, item))
    end = span.end
    if end < len(text) - 2 and text[end] == "、":
        stop = end + 1
        while stop < len(text) and _is_han(text[stop]) and stop - end <= 5:
            stop += 1
        item = text[end + 1 : stop]
        if 2 <= len(item) <= 4 and (stop >= len(text) or text[stop] in "、，。等和与及"):
            found.append((end + 1, item))
    return found


#: Conjunctions that join two bodies acting together (华为与清华大学签约).
JOINING_WORDS = ("与", "和", "同")
#: How often the dictionary must have met a proper noun for it to be a brand known by name
#: alone (华为, 腾讯), not a person's name, which it mostly does not list.
KNOWN_BRAND_FREQUENCY = 50


def _joined_brand(text: str, span: _Span) -> tuple[int, str] | None:
    """华为与清华大学签约: a proper noun the dictionary knows, opening its clause and joined
    with 与/和 to a body's full name, is a body acting with it; a person's name (王强与…) is
    rarely in the dictionary, a foreign one's last part follows its dot (约翰·史密斯与…), and
    a place (上海与…) is excluded."""
    if span.start < 3 or text[span.start - 1] not in JOINING_WORDS:
        return None
    begin = _clause_start(text, span.start - 1)
    pieces = naming.words(text[begin : span.start - 1])
    if not pieces:
        return None
    word, flag = pieces[-1]
    opens = len(pieces) == 1 or (_ends_name(*pieces[-2]) and pieces[-2][0] != NAME_DOT)
    if not (opens and _known_brand(word, flag)):
        return None
    return span.start - 1 - len(word), word


def _known_brand(word: str, flag: str) -> bool:
    """华为, 腾讯, 阿里巴巴: a proper noun the dictionary has often met, no place."""
    return (
        2 <= len(word) <= 4
        and flag in naming.PROPER_NOUN_FLAGS
        and flag != "nt"
        and not naming.is_place(word, flag)
        and naming.word_frequency(word) >= KNOWN_BRAND_FREQUENCY
    )


def _is_han(char: str) -> bool:
    return char.isalpha() and not char.isascii()


def _enumeration_items(text: str, position: int) -> list[tuple[int, str]]:
    """(start, text) of the items before ``position`` separated by 、 (A、B、C等)."""
    items: list[tuple[int, str]] = []
    end = position
    while True:
        begin = end
        while begin > 0 and text[begin - 1] not in naming.HARD_STOPS:
            begin -= 1
        pieces = naming.words(text[begin:end])
        kept = 0
        for word, flag in reversed(pieces):
            if _ends_name(word, flag) or naming.is_verb(word, flag):
                break
            kept += len(word)
        if not kept:
            break
        items.insert(0, (end - kept, text[end - kept : end]))
        if kept != end - begin or begin == 0 or text[begin - 1] != "、":
            break
        end = begin - 1
    return items


def _proper_name(item: str) -> bool:
    """阿里巴巴 (nrt), 英伟达 (英/伟达, unknown): a name, not an ordinary word or a place."""
    if not 2 <= len(item) <= 8 or not item.isalpha() or naming.GENERIC_NAME_RE.fullmatch(item):
        return False
    pieces = naming.words(item)
    if len(pieces) == 1:
        return pieces[0][1] in ("nrt", "nz")  # not nr (people), not nt (科研院所, 国家队)
    return naming.is_unknown_run(item, pieces)


def _brand_before(text: str, position: int, end: int, covered: list[bool]) -> str | None:
    """A brand of two or three Han characters right before a trade word, not an ordinary word."""
    begin = _clause_start(text, position)
    pieces = naming.words(text[begin:end])
    if not pieces or pieces[-1][0] != text[position:end]:
        return None
    pieces = pieces[:-1]
    brand_words: list[tuple[str, str]] = []
    for word, flag in reversed(pieces):
        if _ends_name(word, flag) or naming.is_place(word, flag):
            break
        brand_words.insert(0, (word, flag))
        if sum(len(w) for w, _ in brand_words) >= 2:
            break
    brand = "".join(word for word, _ in brand_words)
    if not brand.isalpha() or not 2 <= len(brand) <= 3 or brand.isascii():
        # CAE软件, EDA软件: Latin letters before a trade word are the acronym of a kind of
        # product or field; a trade name is printed in Han characters (澄芯软件), as a brand
        # before a bare 公司 is.
        return None
    if naming.GENERIC_NAME_RE.fullmatch(brand):
        return None  # 新能源汽车, 智能科技: trade vocabulary, not a brand
    if any(covered[position - len(brand) : position]):
        return None
    if len(brand_words) == 1:
        flag = brand_words[0][1]
        if naming.word_frequency(brand) > BRAND_MAX_FREQUENCY or flag in ORDINARY_WORD_FLAGS:
            return None
    elif any(naming.is_function_word(flag) for _, flag in brand_words):
        return None
    elif all(flag in ("v", "vn") for _, flag in brand_words):
        return None  # 加氢|站 网络: verbs describe what is done, they name no brand
    if _reduplicated_measure(brand):
        return None
    before = pieces[: len(pieces) - len(brand_words)]
    if before and not (_ends_name(*before[-1]) or naming.is_place(*before[-1])):
        return None
    return brand


def _reduplicated_measure(word: str) -> bool:
    """一排排, 一座座: one + a doubled measure word counts things; it names nothing."""
    return len(word) == 3 and word[0] == "一" and word[1] == word[2]


def _abbreviates(short: str, name: str) -> bool:
    cursor = 0
    for char in short:
        cursor = name.find(char, cursor) + 1
        if cursor == 0:
            return False
    return True


def _apply_known(
    text: str, known: Mapping[str, str], spans: list[_Span], organisations: dict[str, _Organisation]
) -> None:
    """Names the database knows: found in the text, listed under their canonical name."""
    span_of = [None] * len(text)
    for span in spans:
        for index in range(span.start, span.end):
            span_of[index] = span
    for start, end in _known_matches(text, known):
        inside = span_of[start]
        if inside and (inside.start, inside.end) != (start, end):
            continue
        form = text[start:end]
        if form not in organisations and not any(
            form in org.aliases for org in organisations.values()
        ):
            organisations[form] = _Organisation(form, first=start, kind="known")
    merged: dict[str, _Organisation] = {}
    for organisation in organisations.values():
        canonical = next(
            (known[form] for form in (organisation.name, *organisation.aliases) if form in known),
            organisation.name,
        )
        target = merged.get(canonical)
        if target is None:
            target = merged[canonical] = _Organisation(
                canonical, first=organisation.first, kind=organisation.kind
            )
        target.first = min(target.first, organisation.first)
        for form in (organisation.name, *organisation.aliases):
            target.add_alias(form)
    organisations.clear()
    organisations.update(merged)


class KnownForms(dict):
    """Known name or alias -> canonical name, indexed as forms are added: for each first
    character, the lengths of the forms starting with it, longest first. Matching an article
    then costs what its length costs, not what the count of known names does (an archive
    knows tens of thousands, and building the index again for each article was most of it)."""

    def __init__(self, *args, **kwargs):
        super().__init__()
        self._lengths: dict[str, tuple[int, ...]] = {}
        self.update(*args, **kwargs)

    def __setitem__(self, form, name):
        super().__setitem__(form, name)
        if len(form) >= 2:
            sizes = self._lengths.get(form[0], ())
            if len(form) not in sizes:
                self._lengths[form[0]] = tuple(sorted((*sizes, len(form)), reverse=True))

    def update(self, *args, **kwargs):
        for form, name in dict(*args, **kwargs).items():
            self[form] = name

    def setdefault(self, form, name=None):
        if form not in self:
            self[form] = name
        return self[form]

    def lengths(self) -> dict[str, tuple[int, ...]]:
        """First character -> lengths of the known forms starting with it, longest first
        (a form removed since may still be listed: a match is always checked in the map)."""
        return self._lengths


def _known_lengths(known: Mapping[str, str]) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of known forms starting with it, longest first."""
    if isinstance(known, KnownForms):
        return known.lengths()
    return KnownForms(known).lengths()


def _known_matches(text: str, known: Mapping[str, str]):
    """(start, end) of known forms in the text, longest first, without overlaps."""
    lengths = _known_lengths(known)
    index = 0
    while index < len(text):
        for size in lengths.get(text[index], ()):
            if text[index : index + size] in known:
                yield index, index + size
                index += size
                break
        else:
            index += 1
