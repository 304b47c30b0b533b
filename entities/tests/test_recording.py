"""Found organisations become rows: what an import teaches the next one, and what it must not."""

import pytest

from entities.matching import find_organisations
from entities.models import Organisation, OrganisationAlias
from entities.recording import OrganisationRecorder

pytestmark = pytest.mark.django_db


def record(text: str) -> list[str]:
    recorder = OrganisationRecorder()
    ids = [recorder.resolve(found) for found in find_organisations(text)]
    return [Organisation.objects.get(pk=pk).name for pk in ids]


def test_a_short_form_of_a_proper_name_is_kept_for_later_imports():
    assert record("北京协和医院专家表示，协和医院将开设门诊。") == ["北京协和医院"]
    assert OrganisationAlias.objects.filter(alias="协和医院").exists()
    assert record("协和医院今天开设新门诊。") == ["北京协和医院"]


def test_a_relative_short_form_stays_with_its_article_and_is_not_kept():
    assert record("浙江省科学技术厅日前发布通知。省科技厅有关负责人表示，将加大支持。") == [
        "浙江省科学技术厅"
    ]
    assert not OrganisationAlias.objects.filter(alias="省科技厅").exists()
    assert record("湖北省科学技术厅印发方案。省科技厅将组织专家评审。") == ["湖北省科学技术厅"]
    assert record("省科技厅有关负责人表示，将加大支持。") == ["省科技厅"]


def test_a_zone_committee_named_by_the_zones_kind_alone_is_not_kept():
    text = "江澄高新区管委会发布扶持政策。高新区管委会负责人介绍，资金年内到位。"
    assert record(text) == ["江澄高新区管委会"]
    assert not OrganisationAlias.objects.filter(alias="高新区管委会").exists()
    assert record("临澜高新区管委会出台新政。高新区管委会表示，") == ["临澜高新区管委会"]
