"""Import and export in every admin that offers them answer only to the model's permissions."""

import pytest
import tablib
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from articles.models import Article
from articles.tests.roles import make_editor, make_reporter
from conftest import make_article
from entities.models import Organisation

pytestmark = pytest.mark.django_db


def seed_organisation():
    organisation = Organisation.objects.create(name="中国科学院", description="原有简介")
    organisation.aliases.create(alias="中科院")


def seed_article():
    make_article("原有标题")


#: One existing row per model, and the column a hostile file rewrites.
SAMPLES = {Organisation: (seed_organisation, "description"), Article: (seed_article, "title")}


def import_admins():
    return [
        (model, site)
        for model, site in admin.site._registry.items()
        if isinstance(site, ImportMixin)
    ]


def snapshot(model):
    """Every row of the model and of the tables hanging off it, as plain values."""
    rows = [sorted(map(str, model.objects.values_list()))]
    for relation in model._meta.related_objects:
        rows.append(sorted(map(str, relation.related_model.objects.values_list())))
    return rows


def hostile_upload(model, site, column):
    """The model's own export with `column` rewritten, as a reporter would craft it."""
    resource = site.get_export_resource_classes(None)[0]()
    dataset = resource.export()
    at = dataset.headers.index(column)
    rows = [[*row[:at], "改写", *row[at + 1 :]] for row in dataset]
    csv = tablib.Dataset(*rows, headers=dataset.headers).csv
    return SimpleUploadedFile("rows.csv", csv.encode(), content_type="text/csv")


def opts(model):
    return f"admin:{model._meta.app_label}_{model._meta.model_name}"


def test_every_admin_with_import_has_a_sample_here():
    assert {model for model, _ in import_admins()} == set(SAMPLES)


@pytest.mark.parametrize("model", list(SAMPLES), ids=lambda m: m.__name__)
def test_a_reporter_who_may_not_change_the_model_cannot_import_into_it(client, model):
    site = admin.site._registry[model]
    seed, column = SAMPLES[model]
    seed()
    reporter = make_reporter()
    label = model._meta.app_label
    may_change = reporter.has_perm(f"{label}.add_{model._meta.model_name}") and reporter.has_perm(
        f"{label}.change_{model._meta.model_name}"
    )
    if may_change and model is not Article:
        pytest.skip(f"记者 may change {model.__name__}")
    before = snapshot(model)

    # The editor's preview gives the form that confirms the import; a reporter replays it.
    client.force_login(make_editor())
    preview = client.post(
        reverse(f"{opts(model)}_import"),
        {"import_file": hostile_upload(model, site, column), "format": "0", "resource": "0"},
    )
    confirm = preview.context["confirm_form"]
    confirm_data = {name: confirm[name].value() for name in confirm.fields}
    client.force_login(reporter)

    assert client.get(reverse(f"{opts(model)}_import")).status_code == 403
    upload = hostile_upload(model, site, column)
    assert (
        client.post(
            reverse(f"{opts(model)}_import"),
            {"import_file": upload, "format": "0", "resource": "0"},
        ).status_code
        == 403
    )
    assert client.post(reverse(f"{opts(model)}_process_import"), confirm_data).status_code == 403
    changelist = client.get(reverse(f"{opts(model)}_changelist"))
    assert changelist.status_code == 200
    assert reverse(f"{opts(model)}_import") not in changelist.content.decode()
    assert snapshot(model) == before


def test_an_editor_may_import_organisations(client):
    seed_organisation()
    client.force_login(make_editor())
    site = admin.site._registry[Organisation]
    upload = hostile_upload(Organisation, site, "description")
    preview = client.post(
        reverse(f"{opts(Organisation)}_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    confirm = preview.context["confirm_form"]
    client.post(
        reverse(f"{opts(Organisation)}_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert Organisation.objects.get().description == "改写"


@pytest.mark.parametrize("model", list(SAMPLES), ids=lambda m: m.__name__)
def test_export_needs_the_view_permission(client, model):
    assert isinstance(admin.site._registry[model], ExportMixin)
    SAMPLES[model][0]()
    client.force_login(User.objects.create_user("nobody", password="pw-for-tests", is_staff=True))
    assert client.get(reverse(f"{opts(model)}_export")).status_code == 403
    assert client.post(reverse(f"{opts(model)}_export"), {"format": "0"}).status_code == 403

    client.force_login(make_reporter())
    assert client.get(reverse(f"{opts(model)}_export")).status_code == 200
