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
