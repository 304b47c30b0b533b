"""The organisation and contributor admin pages and their merge actions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Contributor
from articles.tests.roles import make_editor, make_reporter
from conftest import add_byline, make_article
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_an_organisation_page_lists_its_aliases_and_the_articles_that_mention_it(editor_client):
    org = Organisation.objects.create(name="中国科学院")
    OrganisationAlias.objects.create(organisation=org, alias="中科院")
    article = make_article("中科院发布新成果")
    Mention.objects.create(article=article, organisation=org)
    page = editor_client.get(reverse("admin:entities_organisation_change", args=[org.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="中科院"' in html
    assert "中科院发布新成果" in html
    assert reverse("admin:articles_article_change", args=[article.pk]) in html


def test_organisations_are_found_by_alias_for_autocomplete(editor_client):
    org = Organisation.objects.create(name="中国科学院")
    OrganisationAlias.objects.create(organisation=org, alias="中科院")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "中科院",
            "app_label": "entities",
            "model_name": "mention",
            "field_name": "organisation",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["中国科学院"]


def merge_post(client, changelist, rows, **extra):
    return client.post(
        reverse(changelist),
        {"action": "merge_selected", "_selected_action": [row.pk for row in rows], **extra},
    )


ORGANISATIONS = "admin:entities_organisation_changelist"
CONTRIBUTORS = "admin:articles_contributor_changelist"


def test_merging_organisations_asks_first_then_keeps_the_one_the_editor_chose(editor_client):
    main, duplicate = (
        Organisation.objects.create(name="浙江大学"),
        Organisation.objects.create(name="浙大"),
    )
    OrganisationAlias.objects.create(organisation=duplicate, alias="浙江大")
    for title in ("一", "二"):
        Mention.objects.create(article=make_article(title), organisation=main)
    Mention.objects.create(article=make_article("三"), organisation=duplicate)

    confirmation = merge_post(editor_client, ORGANISATIONS, [main, duplicate])
    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert "2 处提及" in html and "1 处提及；别名：浙江大" in html
    assert f'value="{main.pk}" id="keep-{main.pk}" checked' in html  # the most used offered
    assert Organisation.objects.count() == 2  # nothing merged before the confirmation

    merge_post(
        editor_client, ORGANISATIONS, [main, duplicate], keep=duplicate.pk, confirm_merge="1"
    )
    assert list(Organisation.objects.values_list("name", flat=True)) == ["浙大"]
    assert duplicate.mentions.count() == 3
    assert set(duplicate.aliases.values_list("alias", flat=True)) == {"浙江大学", "浙江大"}


def test_merging_contributors_asks_first_and_keeps_the_chosen_one(editor_client):
    for title in ("一", "二"):
        add_byline(make_article(title), "李墨")
    add_byline(make_article("三"), "李默")
    kept, typo = Contributor.objects.get(name="李墨"), Contributor.objects.get(name="李默")
    confirmation = merge_post(editor_client, CONTRIBUTORS, [typo, kept])
    assert "2 处署名" in confirmation.content.decode()
    assert Contributor.objects.count() == 2
    merge_post(editor_client, CONTRIBUTORS, [typo, kept], keep=kept.pk, confirm_merge="1")
    assert list(Contributor.objects.values_list("name", flat=True)) == ["李墨"]
    assert kept.bylines.count() == 3
    assert list(kept.aliases.values_list("name", flat=True)) == ["李默"]


def test_a_reporter_cannot_merge_organisations(client):
    client.force_login(make_reporter())
    first, second = Organisation.objects.create(name="甲"), Organisation.objects.create(name="乙")
    merge_post(client, ORGANISATIONS, [first, second], keep=first.pk, confirm_merge="1")
    assert Organisation.objects.count() == 2


def test_an_admin_import_shows_a_preview_and_writes_only_when_confirmed(editor_client):
    csv = "name,kind,description,aliases\n之江实验室,research,,之江\n".encode()
    upload = SimpleUploadedFile("orgs.csv", csv, content_type="text/csv")
    preview = editor_client.post(
        reverse("admin:entities_organisation_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert preview.status_code == 200
    assert "confirm_form" in preview.context
    assert "之江实验室" in preview.content.decode()
    assert not Organisation.objects.exists()

    confirm = preview.context["confirm_form"]
    editor_client.post(
        reverse("admin:entities_organisation_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert Organisation.objects.get().aliases.get().alias == "之江"


def test_an_editor_splits_a_relative_name_used_for_two_provinces_bodies(editor_client):
    relative = Organisation.objects.create(name="省经信厅")
    hubei, zhejiang = make_article("湖北的稿件"), make_article("浙江的稿件")
    for article in (hubei, zhejiang):
        Mention.objects.create(article=article, organisation=relative)
    split_url = reverse("admin:entities_organisation_split", args=[relative.pk])
    form = editor_client.get(split_url)
    assert "湖北的稿件" in form.content.decode()
    refused = editor_client.post(split_url, {"name": "浙江省经济和信息化厅"})
    assert "请至少选择一篇稿件" in refused.content.decode()

    zhejiang_mention = Mention.objects.get(article=zhejiang)
    editor_client.post(
        split_url, {"name": "浙江省经济和信息化厅", "mention": [zhejiang_mention.pk]}
    )
    split_off = Organisation.objects.get(name="浙江省经济和信息化厅")
    assert split_off.kind == Organisation.Kind.GOVERNMENT
    assert list(split_off.articles.all()) == [zhejiang]
    assert list(relative.articles.all()) == [hubei]


def test_a_reporter_cannot_split_an_organisation(client):
    client.force_login(make_reporter())
    org = Organisation.objects.create(name="省经信厅")
    url = reverse("admin:entities_organisation_split", args=[org.pk])
    assert client.post(url, {"name": "别的"}).status_code == 403
