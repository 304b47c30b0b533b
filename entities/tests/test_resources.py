"""Organisations with their aliases survive an export and re-import in every format."""

import pytest
from import_export.formats.base_formats import CSV, JSON, XLSX

from entities.models import Organisation, OrganisationAlias
from entities.resources import OrganisationResource

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        org.name: (org.kind, org.description, sorted(a.alias for a in org.aliases.all()))
        for org in Organisation.objects.prefetch_related("aliases")
    }


@pytest.mark.parametrize("file_format", [CSV, XLSX, JSON], ids=lambda f: f.__name__)
def test_organisations_and_aliases_round_trip(file_format):
    cas = Organisation.objects.create(
        name="中国科学院", kind=Organisation.Kind.RESEARCH, description="国家科研机构，含逗号"
    )
    OrganisationAlias.objects.create(organisation=cas, alias="中科院")
    OrganisationAlias.objects.create(organisation=cas, alias="国科院")
    Organisation.objects.create(name="浙江大学", kind=Organisation.Kind.UNIVERSITY)
    before = snapshot()
    fmt = file_format()
    exported = fmt.export_data(OrganisationResource().export())

    OrganisationAlias.objects.filter(alias="国科院").delete()
    Organisation.objects.filter(name="浙江大学").delete()
    cas.description = "被改了"
    cas.save()

    result = OrganisationResource().import_data(fmt.create_dataset(exported), raise_errors=True)
    assert not result.has_errors()
    assert snapshot() == before
