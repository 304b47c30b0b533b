"""The editors' desk: articles with their bylines, captions, organisations and tags.

Status changes only through articles.publishing (actions and the form's workflow buttons);
who may edit what is checked here per object, not only by which buttons are shown.
"""

import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, Max, Min, OuterRef, Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from taggit.models import Tag

from articles import publishing
from articles.bylines import format_bylines
from articles.contributors import CONTRIBUTORS
from articles.forms import ArticleAdminForm
from articles.history import changed_labels, compare_records, refresh_latest_record
from articles.models import Article, Byline, Caption, Contributor, ContributorAlias, Issue, Page
from articles.printed_admin import ArticleRegionAdmin, PrintedPageAdmin
from articles.publishing import State
from articles.resources import ArticleResource
from entities import merge_admin
from entities.models import Mention, Organisation
from newsroom.exporting import ChineseExportForm
from newsroom.import_export_admin import PermissionCheckedImportExportMixin

BODY_SYNTAX = (
    "正文是纯文本：段落之间空一行；一行以“## ”（两个井号加一个空格）开头，"
    "这一段就是小标题。不支持 HTML，输入的所有字符都按原样显示给读者。"
)


class EditableWithArticle:
    """Inline rows follow their article: read-only where the article is read-only."""

    def _article_editable(self, request, obj):
        return obj is None or publishing.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._article_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_editable(request, obj)


class BylineInline(EditableWithArticle, admin.TabularInline):
    model = Byline
    fields = ["order", "role", "contributor"]
    autocomplete_fields = ["contributor"]
    extra = 0


class CaptionInline(EditableWithArticle, admin.StackedInline):
    model = Caption
    fields = ["order", "text", "credit", "image"]
    extra = 0


class MentionInline(EditableWithArticle, admin.TabularInline):
    model = Mention
    fields = ["organisation"]
    autocomplete_fields = ["organisation"]
    extra = 0
    verbose_name = "提及的机构"
    verbose_name_plural = "提及的机构"


class NameFilter(admin.SimpleListFilter):
    """A text box instead of a link per row: a list of every tag or organisation grows with
    the archive (thousands of links, and a query for all of them on every changelist).
    Takes the exact name (or the id, as links from elsewhere give it)."""

    template = "articles/admin/name_filter.html"
    model = None  # the filtered model, with a unique `name`
    lookup = ""  # the Article lookup to its id

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True

    def choices(self, changelist):
        others = {
            key: value
            for key, value in changelist.get_filters_params().items()
            if key != self.parameter_name
        }
        yield {
            "parameter_name": self.parameter_name,
            "value": self.value() or "",
            "others": [(key, item) for key, values in others.items() for item in values],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
        }

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        rows = self.model._default_manager.all()
        rows = rows.filter(pk=int(value)) if value.isdigit() else rows.filter(name=value)
        return queryset.filter(**{f"{self.lookup}__in": rows.values("pk")})


class TagFilter(NameFilter):
    title = "标签"
    parameter_name = "tag"
    model = Tag
    lookup = "tags"


class OrganisationFilter(NameFilter):
    title = "提及的机构"
    parameter_name = "organisation"
    model = Organisation
    lookup = "mentions__organisation"


class StateFilter(admin.SimpleListFilter):
    """草稿 / 待审 / 定时 / 已发布 / 已归档, each with its count: 已发布 is what readers see now
    (`published()`), 定时 what they will see (`scheduled()`)."""

    title = "状态"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        counts = state_counts_for(request)
        return [(state, f"{label}（{counts[state]}）") for state, label in State.LABELS.items()]

    def queryset(self, request, queryset):
        return filter_by_state(queryset, self.value())


def filter_by_state(queryset, state):
    if state == State.PUBLISHED:
        return queryset & Article.objects.published()
    if state == State.SCHEDULED:
        return queryset & Article.objects.scheduled()
    if state in State.LABELS:
        return queryset.filter(status=state)
    return queryset


def state_counts_for(request) -> dict:
    """The counts once per request: the filter and the queue's tabs both show them."""
    if not hasattr(request, "article_state_counts"):
        request.article_state_counts = publishing.state_counts()
    return request.article_state_counts


class PageNumberFilter(admin.SimpleListFilter):
    """Page numbers from the pages table (thousands of rows), not from every article."""

    title = "版次"
    parameter_name = "page__number"

    def lookups(self, request, model_admin):
        numbers = Page.objects.order_by("number").values_list("number", flat=True).distinct()
        return [(str(number), f"第{number}版") for number in numbers]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(page__number=int(value))
        return queryset


def numeric_id(value) -> int:
    """An id from a URL or a query string; anything else is a page that does not exist."""
    if value is None or not str(value).isdigit():
        raise Http404("编号无效。")
    return int(value)


def issue_date_hierarchy(cl) -> dict:
    """Django's date hierarchy for `page__issue__date`, its dates read from the issues table
    (one row a day) instead of from every article joined to its page and issue: Django's own
    takes 0.8 s at 100,000 articles on SQLite. It lists the days with any article, whatever
    other filters are chosen; filtering by the chosen date is Django's own."""
    field = cl.date_hierarchy
    year_field, month_field, day_field = (f"{field}__{part}" for part in ("year", "month", "day"))
    year, month, day = (cl.params.get(name) for name in (year_field, month_field, day_field))

    def link(filters):
        return cl.get_query_string(filters, [f"{field}__"])

    issues = Issue.objects.filter(
        Exists(Page.objects.filter(issue=OuterRef("pk"), articles__isnull=False))
    )
    if not (year or month or day):
        span = issues.aggregate(first=Min("date"), last=Max("date"))
        if span["first"] and span["first"].year == span["last"].year:
            year = span["first"].year
            if span["first"].month == span["last"].month:
                month = span["first"].month
    try:
        if year and month and day:
            chosen = datetime.date(int(year), int(month), int(day))
            return {
                "show": True,
                "back": {
                    "link": link({year_field: year, month_field: month}),
                    "title": capfirst(formats.date_format(chosen, "YEAR_MONTH_FORMAT")),
                },
                "choices": [{"title": capfirst(formats.date_format(chosen, "MONTH_DAY_FORMAT"))}],
            }
        if year and month:
            days = issues.filter(date__year=int(year), date__month=int(month)).dates("date", "day")
            return {
                "show": True,
                "back": {"link": link({year_field: year}), "title": str(year)},
                "choices": [
                    {
                        "link": link({year_field: year, month_field: month, day_field: d.day}),
                        "title": capfirst(formats.date_format(d, "MONTH_DAY_FORMAT")),
                    }
                    for d in days
                ],
            }
        if year:
            months = issues.filter(date__year=int(year)).dates("date", "month")
            return {
                "show": True,
                "back": {"link": link({}), "title": "全部日期"},
                "choices": [
                    {
                        "link": link({year_field: year, month_field: m.month}),
                        "title": capfirst(formats.date_format(m, "YEAR_MONTH_FORMAT")),
                    }
                    for m in months
                ],
            }
    except ValueError:  # a hand-typed date that is none: Django reports the filter itself
        return {"show": False}
    years = issues.dates("date", "year")
    return {
        "show": True,
        "back": None,
        "choices": [{"link": link({year_field: str(y.year)}), "title": str(y.year)} for y in years],
    }


@admin.register(Article)
class ArticleAdmin(ArticleRegionAdmin, PermissionCheckedImportExportMixin, SimpleHistoryAdmin):
    form = ArticleAdminForm
    resource_classes = [ArticleResource]
    export_form_class = ChineseExportForm
    inlines = [BylineInline, CaptionInline, MentionInline]
    list_display = [
        "headline",
        "issue_date",
        "page_number",
        "kind",
        "state_badge",
        "byline_list",
        "tag_list",
    ]
    # Issues are reached through the date hierarchy; tags and organisations through a text
    # box (see NameFilter): no filter lists rows that grow with the archive.
    list_filter = [StateFilter, PageNumberFilter, "kind", TagFilter, OrganisationFilter]
    list_select_related = ["page__issue"]
    # The title (and kicker) only: `body__icontains` reads every article's whole text, about
    # half a second at 100,000 articles on PostgreSQL; readers' full-text search is /search/.
    search_fields = ["title", "kicker"]
    search_help_text = "按标题或引题查找；全文检索请用读者网站的搜索。"
    date_hierarchy = "page__issue__date"
    show_full_result_count = False
    list_per_page = 50
    autocomplete_fields = ["page"]
    readonly_fields = ["state_badge", "publish_at", "updated_by", "updated_at", "preview_link"]
    actions = [
        "submit_selected",
        "publish_selected_now",
        "unschedule_selected",
        "unpublish_selected",
        "archive_selected",
    ]
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "articles/admin/article_change_list.html"
    object_history_list_template = "admin/articles/article/object_history_list.html"
    view_on_site = False

    def get_fieldsets(self, request, obj=None):
        """Status, schedule and the workflow buttons are not a fieldset at the bottom: the
        form's template shows them in a bar that stays on screen while the body is edited."""
        fieldsets = [
            (None, {"fields": ["kicker", "title", "subtitle", "dateline", "loaded_version"]}),
            ("正文", {"fields": ["body"], "description": BODY_SYNTAX}),
            ("标签与版面", {"fields": ["tags", ("page", "position", "kind")]}),
        ]
        return self.with_printed_region(obj, fieldsets)

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(
                "tags",
                "captions",
                Prefetch("bylines", queryset=Byline.objects.select_related("contributor")),
            )
        )
        match = request.resolver_match
        if match is not None and match.url_name == "articles_article_changelist":
            queryset = queryset.defer("body")  # a list of 100 rows need not read 100 bodies
        return queryset

    @admin.display(description="标题", ordering="title")
    def headline(self, article):
        return article.display_title

    @admin.display(description="出版日期", ordering="page__issue__date")
    def issue_date(self, article):
        return article.page.issue.date if article.page else "—"

    @admin.display(description="版次", ordering="page__number")
    def page_number(self, article):
        return article.page.number if article.page else "—"

    @admin.display(description="状态", ordering="status")
    def state_badge(self, article):
        state = publishing.state_of(article)
        label = State.LABELS[state]
        if state in (State.SCHEDULED, State.PUBLISHED) and article.publish_at:
            at = f"{timezone.localtime(article.publish_at):%Y-%m-%d %H:%M}"
            return format_html(
                '<span class="state state-{}">{}</span> <span class="state-time">{}</span>',
                state,
                label,
                at,
            )
        return format_html('<span class="state state-{}">{}</span>', state, label)

    @admin.display(description="署名")
    def byline_list(self, article):
        return format_bylines(article.bylines.all())

    @admin.display(description="标签")
    def tag_list(self, article):
        return "、".join(sorted(tag.name for tag in article.tags.all()))

    @admin.display(description="预览")
    def preview_link(self, article):
        if not article.pk:
            return "保存后可预览"
        return format_html(
            '<a href="{}" target="_blank" class="article-preview">预览（读者看到的样子）</a>',
            article.get_absolute_url(),
        )

    # Who may do what, on the server.

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or publishing.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and publishing.can_publish(request.user)

    def has_publish_permission(self, request):
        return publishing.can_publish(request.user)

    def has_import_permission(self, request):
        """Imports can set status, so they are for editors only."""
        return super().has_import_permission(request) and publishing.can_publish(request.user)

    def revert_disabled(self, request, obj=None):
        return not publishing.can_publish(request.user) or super().revert_disabled(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        return super().history_view(request, str(numeric_id(object_id)), extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        object_id, version_id = str(numeric_id(object_id)), numeric_id(version_id)
        if request.method == "POST":
            article = get_object_or_404(Article, pk=object_id)
            if self.revert_disabled(request, article) or not self.has_change_permission(
                request, article
            ):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        """The 改动 column: every field that differs from the version before, bylines and tags
        included (simple-history's own delta sees only the article's columns)."""
        records = list(historical_records)
        for newer, older in zip(records, [*records[1:], None], strict=True):
            older = older or newer.prev_record
            newer.changed_fields = (
                (changed_labels(older, newer) or ["（无改动）"]) if older else ["（首个版本）"]
            )
            newer.state_label = State.LABELS[
                publishing.state_of(newer.instance, newer.history_date)
            ]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None:
            response.context_data["issue_date_hierarchy"] = issue_date_hierarchy(cl)
            response.context_data["state_tabs"] = self._state_tabs(request, cl)
        return response

    @staticmethod
    def _state_tabs(request, cl):
        """The queue's tabs above the list: 全部, then each state with its count, 待审 first."""
        counts = state_counts_for(request)
        chosen = request.GET.get(StateFilter.parameter_name)
        order = [State.REVIEW, State.SCHEDULED, State.DRAFT, State.PUBLISHED, State.ARCHIVED]
        tabs = [
            {
                "label": "全部",
                "count": None,
                "url": cl.get_query_string(remove=[StateFilter.parameter_name, "o"]),
                "chosen": not chosen,
            }
        ]
        for state in order:
            tabs.append(
                {
                    "label": State.LABELS[state],
                    "count": counts[state],
                    "url": cl.get_query_string({StateFilter.parameter_name: state}, ["o"]),
                    "chosen": chosen == state,
                    "state": state,
                }
            )
        return tabs

    def get_ordering(self, request):
        """The review queue oldest first: what has waited longest is read first."""
        if request.GET.get(StateFilter.parameter_name) == State.REVIEW:
            return ["updated_at", "id"]
        return super().get_ordering(request)

    # Saving.

    def save_model(self, request, obj, form, change):
        if getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is not None:
            publishing.keep_workflow_state(obj)  # a restore brings back content, not status
        obj.updated_by = request.user
        request.article_schedule_at = form.cleaned_data.get("schedule_at")
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        refresh_latest_record(obj)
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        refresh_latest_record(obj)
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, article):
        """Take the workflow step the editor pressed, once the edits are saved."""
        step = publishing.STEPS.get(request.POST.get("_workflow"))
        if step is None:
            return None
        try:
            publishing.take(
                step.name, article, request.user, at=getattr(request, "article_schedule_at", None)
            )
        except ValidationError as error:
            self.message_user(
                request,
                f"已保存修改，但未能{step.label}：{'；'.join(error.messages)}",
                messages.ERROR,
            )
        else:
            self.message_user(request, self._done_message(step, article), messages.SUCCESS)
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        return HttpResponseRedirect(change_url)

    @staticmethod
    def _done_message(step, article):
        if publishing.is_scheduled(article):
            at = f"{timezone.localtime(article.publish_at):%Y-%m-%d %H:%M:%S}"
            return f"《{article}》已定时，将于 {at} 自动发布。"
        return f"《{article}》已{step.label}。"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        steps = []
        if obj is not None and self.has_change_permission(request, obj):
            steps = publishing.steps_for(request.user, obj)
        context["panel_article"] = obj
        context["workflow_buttons"] = [(step.name, step.label) for step in steps]
        context["article_state"] = publishing.state_of(obj) if obj is not None else None
        context["article_state_label"] = State.LABELS.get(context["article_state"], "新稿件")
        context["can_schedule"] = any(step.timing in publishing.TAKES_A_TIME for step in steps)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Changelist actions.

    def _apply_to_selection(self, request, queryset, *step_names):
        """Take on each article the first of `step_names` its state allows (立即发布 is
        发布 for a draft and 立即发布 for a scheduled article)."""
        steps = [publishing.STEPS[name] for name in step_names]
        label = steps[0].label
        done, refused = 0, []
        for article in queryset:
            state = publishing.state_of(article)
            step = next((s for s in steps if state in s.sources), steps[0])
            try:
                publishing.take(step.name, article, request.user)
            except (ValidationError, PermissionDenied) as error:
                reason = "；".join(getattr(error, "messages", None) or [str(error)])
                refused.append(f"《{article}》：{reason}")
            else:
                done += 1
        if done:
            self.message_user(request, f"已{label} {done} 篇稿件。", messages.SUCCESS)
        for line in refused:
            self.message_user(request, f"未能{label}{line}", messages.WARNING)

    @admin.action(description="提交审核所选稿件", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._apply_to_selection(request, queryset, "submit_for_review")

    @admin.action(description="立即发布所选稿件", permissions=["publish"])
    def publish_selected_now(self, request, queryset):
        self._apply_to_selection(request, queryset, "publish_now", "publish")

    @admin.action(description="取消所选稿件的定时（回到草稿）", permissions=["publish"])
    def unschedule_selected(self, request, queryset):
        self._apply_to_selection(request, queryset, "unschedule")

    @admin.action(description="撤回所选稿件为草稿", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._apply_to_selection(request, queryset, "unpublish")

    @admin.action(description="归档所选稿件", permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._apply_to_selection(request, queryset, "archive")

    # Comparing two versions.

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id):
        """Any two versions (`old`, `new`); without `old`, the version before `new`."""
        article = get_object_or_404(Article, pk=numeric_id(object_id))
        if not self.has_view_history_or_change_history_permission(request, article):
            raise PermissionDenied
        versions = article.history.select_related("history_user")
        new = get_object_or_404(versions, history_id=numeric_id(request.GET.get("new")))
        old_id = request.GET.get("old")
        if old_id:
            old = get_object_or_404(versions, history_id=numeric_id(old_id))
        else:
            old = new.prev_record or new
        if (old.history_date, old.history_id) > (new.history_date, new.history_id):
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"对比版本：{article}",
            "object": article,
            "old": old,
            "new": new,
            "changes": compare_records(old, new),
            "can_revert": not self.revert_disabled(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


class ContributorAliasInline(admin.TabularInline):
    model = ContributorAlias
    fields = ["name"]
    extra = 0


@admin.register(Contributor)
class ContributorAdmin(merge_admin.AliasedRecordAdmin, admin.ModelAdmin):
    list_display = ["name", "alias_list", "byline_count"]
    search_fields = ["name", "aliases__name"]
    inlines = [ContributorAliasInline]
    actions = ["merge_selected"]
    used_by, use_count = "bylines", "byline_count"

    @admin.display(description="署名次数", ordering="byline_count")
    def byline_count(self, contributor):
        return contributor.byline_count

    @admin.action(description="合并所选作者（先确认保留哪一位）", permissions=["change"])
    def merge_selected(self, request, queryset):
        return merge_admin.merge_selected(self, request, queryset, CONTRIBUTORS, noun="作者")


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "name"]
    search_fields = ["date", "name"]
    date_hierarchy = "date"


@admin.register(Page)
class PageAdmin(PrintedPageAdmin, admin.ModelAdmin):
    list_display = ["__str__", "issue", "number", "name"]
    list_select_related = ["issue"]
    list_filter = ["issue"]
    search_fields = ["name", "issue__date"]
    readonly_fields = ["source_checksum"]  # how a re-import knows the page
