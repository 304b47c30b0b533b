"""Articles in and out as CSV / XLSX / JSON: one row per article, bylines and tags as text.

A byline is written `身份：姓名` (`记者：李墨`, or the name alone), bylines are joined by `；`,
and tags use the same syntax as the admin's tag field. The page is given by the issue date
and the page number, so a file can be read by people and moved between databases.
"""

import datetime

from django.utils import timezone
from import_export import fields, resources, widgets

from articles.bylines import format_bylines
from articles.models import Article, Byline, Contributor, Issue, Page
from articles.tagging import join_tags, parse_tags

BYLINE_SEPARATOR = "；"
ROLE_SEPARATOR = "："
TEXT_COLUMNS = ["kicker", "title", "subtitle", "dateline", "body", "bylines", "tags"]


def bylines_to_text(article) -> str:
    return format_bylines(
        article.bylines.all(), between=BYLINE_SEPARATOR, role_separator=ROLE_SEPARATOR
    )


def text_to_bylines(text: str) -> list[tuple[str, str]]:
    """`记者：李墨；通讯员：周钢；王五` -> [("记者", "李墨"), ("通讯员", "周钢"), ("", "王五")]"""
    bylines = []
    for part in (text or "").replace(":", ROLE_SEPARATOR).split(BYLINE_SEPARATOR):
        role, _, name = part.strip().rpartition(ROLE_SEPARATOR)
        if name.strip():
            bylines.append((role.strip(), name.strip()))
    return bylines


class IsoDateTimeWidget(widgets.Widget):
    """ISO 8601 with the offset, as text in every format: exact to the microsecond."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        moment = value if isinstance(value, datetime.datetime) else None
        moment = moment or datetime.datetime.fromisoformat(str(value).strip())
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    def render(self, value, obj=None, **kwargs):
        return timezone.localtime(value).isoformat() if value else ""


class ArticleResource(resources.ModelResource):
    issue_date = fields.Field(column_name="issue_date", attribute=None)
    page_number = fields.Field(column_name="page_number", attribute=None)
    bylines = fields.Field(column_name="bylines", attribute=None)
    tags = fields.Field(column_name="tags", attribute=None)
    publish_at = fields.Field(
        column_name="publish_at", attribute="publish_at", widget=IsoDateTimeWidget()
    )

    column_labels = {
        "id": "编号",
        "issue_date": "出版日期",
        "page_number": "版次",
        "bylines": "署名",
    }

    class Meta:
        model = Article
        fields = [
            "id",
            "import_ref",
            "issue_date",
            "page_number",
            "position",
            "kind",
            "kicker",
            "title",
            "subtitle",
            "dateline",
            "body",
            "bylines",
            "tags",
            "status",
            "publish_at",
        ]
        export_order = fields
        import_id_fields = ["id"]
        skip_unchanged = False

    def get_queryset(self):
        return (
            Article.objects.select_related("page__issue")
            .prefetch_related("tags", "bylines__contributor")
            .order_by("pk")
        )

    def dehydrate_issue_date(self, article):
        return article.page.issue.date.isoformat() if article.page else ""

    def dehydrate_page_number(self, article):
        return article.page.number if article.page else ""

    def dehydrate_bylines(self, article):
        return bylines_to_text(article)

    def dehydrate_tags(self, article):
        return join_tags(article.tags.all())

    def before_import_row(self, row, **kwargs):
        """Spreadsheets give empty cells as None; the text columns mean an empty string."""
        for column in TEXT_COLUMNS:
            if row.get(column) is None:
                row[column] = ""

    def before_save_instance(self, instance, row, **kwargs):
        instance.page = self._page_of(row)
        instance.import_ref = instance.import_ref or None

    def after_save_instance(self, instance, row, **kwargs):
        instance.tags.set(parse_tags(row.get("tags") or ""), clear=True)
        instance.bylines.all().delete()
        for order, (role, name) in enumerate(text_to_bylines(row.get("bylines") or "")):
            contributor, _ = Contributor.objects.get_or_create(name=name)
            Byline.objects.get_or_create(
                article=instance, contributor=contributor, defaults={"role": role, "order": order}
            )

    @staticmethod
    def _page_of(row):
        issue_date, page_number = row.get("issue_date"), row.get("page_number")
        if not issue_date or page_number in (None, ""):
            return None
        if isinstance(issue_date, datetime.datetime):
            issue_date = issue_date.date()
        elif not isinstance(issue_date, datetime.date):
            issue_date = datetime.date.fromisoformat(str(issue_date)[:10])
        issue, _ = Issue.objects.get_or_create(date=issue_date)
        page, _ = Page.objects.get_or_create(issue=issue, number=int(float(page_number)))
        return page
