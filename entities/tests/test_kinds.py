"""An organisation's kind from its name's ending: the longest telling ending decides."""

import pytest

from entities.kinds import kind_from_name
from entities.models import Organisation

Kind = Organisation.Kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("华中科技大学", Kind.UNIVERSITY),
        ("中国科学院", Kind.RESEARCH),  # 科学院, not 学院
        ("中国科学院大学", Kind.UNIVERSITY),
        ("之江实验室", Kind.RESEARCH),
        ("湖北省经济和信息化厅", Kind.GOVERNMENT),
        ("省经信厅", Kind.GOVERNMENT),
        ("武汉东湖新技术开发区管委会", Kind.GOVERNMENT),
        ("合肥微芯量子计算科技有限公司", Kind.COMPANY),
        ("中国汽车工业协会", Kind.ASSOCIATION),
        ("北京协和医院", Kind.HOSPITAL),
        ("世界卫生组织", Kind.ASSOCIATION),
        ("创新中心", Kind.OTHER),
        ("", Kind.OTHER),
    ],
)
def test_the_kind_follows_the_name_s_ending(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.django_db
def test_an_import_gives_new_organisations_their_kind():
    from io import StringIO
    from pathlib import Path

    from django.core.management import call_command

    page = Path(__file__).resolve().parents[2] / "fixtures" / "2025-08-05"
    call_command("import_issue", str(page), stdout=StringIO())
    kinds = dict(Organisation.objects.values_list("name", "kind"))
    assert kinds, "the sample page names organisations"
    for name, kind in kinds.items():
        assert kind == kind_from_name(name)
    assert set(kinds.values()) - {Kind.OTHER}, "some kind is inferred on a real page"
