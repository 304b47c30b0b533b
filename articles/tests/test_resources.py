"""Articles exported and imported again come back exactly, in CSV, XLSX and JSON."""

import pytest
import tablib
from django.urls import reverse
from import_export.formats.base_formats import CSV, JSON, XLSX

from articles.models import Article
from articles.resources import ArticleResource, text_to_bylines
from conftest import add_byline, make_article, make_issue, make_page

pytestmark = pytest.mark.django_db
FORMATS = [CSV, XLSX, JSON]


def snapshot():
    """What an export should preserve, article by article."""
    return [
        {
            "id": a.pk,
            "import_ref": a.import_ref,
            "page": (a.page.issue.date, a.page.number) if a.page else None,
            "position": a.position,
            "kind": a.kind,
            "text": (a.kicker, a.title, a.subtitle, a.dateline, a.body),
            "status": a.status,
            "publish_at": a.publish_at,
            "bylines": [(b.order, b.role, b.contributor.name) for b in a.bylines.all()],
            "tags": sorted(a.tags.names()),
        }
        for a in Article.objects.order_by("pk")
    ]


def sample_articles():
    page = make_page(make_issue(), number=3, name="创新一线")
    first = make_article(
        "“共享质检员”，何以走红",
        page=page,
        position=2,
        kicker="引题",
        dateline="本报讯",
        body="第一段，含逗号。\n\n## 小标题\n\n第二段“引号”<b>不是标签</b>。",
        import_ref="2025-08-05/03/2",
        tags=["人工智能", "江澄, 东陵"],
    )
    add_byline(first, "李墨")
    add_byline(first, "周钢", role="通讯员")
    draft = make_article("草稿", status=Article.Status.DRAFT, page=page, position=3)
    add_byline(draft, "欧阳 娜娜", role="")
    return first, draft


def export_as(file_format):
    dataset = ArticleResource().export()
    return file_format().export_data(dataset)


def import_from(file_format, exported, dry_run=False):
    fmt = file_format()
    dataset = fmt.create_dataset(exported if fmt.is_binary() else exported)
    return ArticleResource().import_data(dataset, dry_run=dry_run, raise_errors=True)


@pytest.mark.parametrize("file_format", FORMATS, ids=lambda f: f.__name__)
def test_an_export_reimported_over_edited_articles_restores_them(file_format):
    first, draft = sample_articles()
    before = snapshot()
    exported = export_as(file_format)

    first.title = "被改掉的标题"
    first.save()
    first.tags.clear()
    first.bylines.all().delete()
    draft.delete()

    result = import_from(file_format, exported)
    assert not result.has_errors()
    assert snapshot() == before


@pytest.mark.parametrize("file_format", FORMATS, ids=lambda f: f.__name__)
def test_a_dry_run_import_previews_without_writing(file_format):
    first, _ = sample_articles()
    exported = export_as(file_format)
    first.title = "编辑后的标题"
    first.save()
    result = import_from(file_format, exported, dry_run=True)
    assert [row.import_type for row in result.rows] == ["update", "update"]
    assert Article.objects.get(pk=first.pk).title == "编辑后的标题"


def test_bylines_are_written_as_role_and_name():
    assert text_to_bylines("记者：李墨；通讯员:周钢；欧阳 娜娜") == [
        ("记者", "李墨"),
        ("通讯员", "周钢"),
        ("", "欧阳 娜娜"),
    ]


def test_the_exported_columns_are_the_documented_ones():
    sample_articles()
    dataset: tablib.Dataset = ArticleResource().export()
    assert dataset.headers[:4] == ["id", "import_ref", "issue_date", "page_number"]
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["bylines"] == "记者：李墨；通讯员：周钢"
    assert row["tags"] == '"江澄, 东陵", 人工智能'


def test_the_export_page_is_in_chinese_with_xlsx_chosen(editor_client):
    client = editor_client
    for url in ("admin:articles_article_export", "admin:entities_organisation_export"):
        html = client.get(reverse(url)).content.decode()
        for english in ("Select all", "Import Ref", ">Id<", "Issue Date", "Publish At", "Aliases"):
            assert english not in html, (url, english)
        assert "全选" in html
        assert '<option value="1" selected>xlsx</option>' in html or "selected>xlsx<" in html
    article_page = client.get(reverse("admin:articles_article_export")).content.decode()
    for label in ("导入编号", "出版日期", "版次", "署名", "标签", "发布时间"):
        assert label in article_page
