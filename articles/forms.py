"""The article form editors use in the admin, with its guard against overwriting."""

import datetime

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from taggit.models import Tag

from articles.history import compare_records
from articles.models import Article
from articles.publishing import is_scheduled
from articles.tagging import parse_tags


def current_version(article_pk) -> str:
    """A token that changes on every save of the article: its `updated_at`, as stored."""
    updated_at = Article.objects.values_list("updated_at", flat=True).get(pk=article_pk)
    return updated_at.isoformat()


class LabelledSplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, each with a real <label> (screen readers, clicks)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for index, text in enumerate(("日期", "时间")):
            box_id = context["widget"]["subwidgets"][index]["attrs"].get("id", "")
            context[("date_label", "time_label")[index]] = format_html(
                '<label for="{}" class="schedule-label">{}</label>', box_id, text
            )
        return context


class ArticleAdminForm(forms.ModelForm):
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    schedule_at = forms.SplitDateTimeField(
        label="定时发布时间",
        required=False,
        widget=LabelledSplitDateTime,
        help_text="点“发布”或“修改定时”时使用：留空立即发布；填写将来的时间则到时自动发布。",
    )

    class Meta:
        model = Article
        fields = [
            "kicker",
            "title",
            "subtitle",
            "dateline",
            "body",
            "tags",
            "page",
            "position",
            "kind",
        ]
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 28, "class": "vLargeTextField article-body-editor"}
            ),
            **{
                name: forms.TextInput(attrs={"class": "vTextField headline-input"})
                for name in ("kicker", "title", "subtitle")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = current_version(self.instance.pk)
            if is_scheduled(self.instance):
                self.fields["schedule_at"].initial = timezone.localtime(self.instance.publish_at)
        past_version = getattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if past_version is not None and "tags" in self.fields:
            self.initial["tags"] = [Tag(name=name) for name in parse_tags(past_version.tag_names)]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            self._refuse_stale_save(cleaned_data.get("loaded_version") or "")
        return cleaned_data

    def _refuse_stale_save(self, loaded_version):
        latest = (
            Article.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .only("updated_at", "updated_by__username")
            .get(pk=self.instance.pk)
        )
        if loaded_version == latest.updated_at.isoformat():
            return
        editor = latest.updated_by.username if latest.updated_by else "其他人"
        current_url = reverse("admin:articles_article_change", args=[self.instance.pk])
        history_url = reverse("admin:articles_article_history", args=[self.instance.pk])
        # The page shows the refused text again; saving it once more, now knowingly, goes in.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = latest.updated_at.isoformat()
        raise ValidationError(
            format_html(
                "保存失败：您打开这篇稿件之后，{} 已于 {} 修改了它。"
                "为免覆盖对方的修改，本次内容没有保存；您填写的内容仍在下面的表单里，没有丢失。"
                "{}"
                "请把对方的修改合进您的内容后再点保存（再次保存将以表单里的内容为准），"
                '或<a href="{}" target="_blank">打开当前版本</a>（<a href="{}" '
                'target="_blank">修改历史</a>）。',
                editor,
                f"{timezone.localtime(latest.updated_at):%Y-%m-%d %H:%M:%S}",
                their_changes(self.instance.pk, loaded_version),
                current_url,
                history_url,
            ),
            code="stale",
        )


def their_changes(article_pk, loaded_version) -> str:
    """What changed between the version a form was opened on and the current one, as an
    escaped diff (empty when the opened version is not in the history)."""
    try:
        opened_at = datetime.datetime.fromisoformat(loaded_version)
    except ValueError:
        return ""
    history = Article.history.filter(id=article_pk)
    opened = history.filter(updated_at=opened_at).order_by("history_date", "history_id").last()
    current = history.order_by("history_date", "history_id").last()
    if opened is None or current is None:
        return ""
    rows = format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td></tr>',
        ((change["label"], change["diff"]) for change in compare_records(opened, current)),
    )
    return format_html(
        '<div class="stale-diff"><p>对方的改动（<del>删去</del> / <ins>新增</ins>）：</p>'
        "<table>{}</table></div>",
        rows,
    )
