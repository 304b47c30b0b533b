"""What an article's history keeps beyond its own columns, and how two versions differ.

django-simple-history records the article's fields; bylines and tags live in other tables,
so each historical record also keeps them as text (`byline_names`, `tag_names`), which is
what an editor reads in a diff and what a revert restores.
"""

import datetime
import difflib
import functools

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from simple_history.signals import pre_create_historical_record

from articles.bylines import format_bylines
from articles.tagging import join_tags

COMPARED_FIELDS = [
    ("kicker", "引题"),
    ("title", "主题"),
    ("subtitle", "副题"),
    ("dateline", "电头"),
    ("byline_names", "署名"),
    ("tag_names", "标签"),
    ("kind", "类型"),
    ("status", "状态"),
    ("publish_at", "发布时间"),
    ("page", "版面"),
    ("position", "版面位置"),
    ("body", "正文"),
]


class RelatedSnapshot(models.Model):
    """Abstract base of the historical article: its bylines and tags as they stood."""

    byline_names = models.TextField("署名", blank=True, default="")
    tag_names = models.TextField("标签", blank=True, default="")

    class Meta:
        abstract = True


def byline_text(article) -> str:
    return format_bylines(article.bylines.select_related("contributor"))


def tag_text(article) -> str:
    return join_tags(article.tags.all()) if article.pk else ""


def remember_related(sender, instance, history_instance, **kwargs):
    """pre_create_historical_record receiver: copy bylines and tags into the record.

    An article that has just been created has neither yet, so nothing is looked up."""
    if instance.pk and history_instance.history_type != "+":
        history_instance.byline_names = byline_text(instance)
        history_instance.tag_names = tag_text(instance)


def refresh_latest_record(article) -> None:
    """After inlines and tags are saved (the admin and the importer save them after the
    article), update the newest record so it shows what was actually saved: the first diff
    then credits nobody with the import's bylines."""
    latest = article.history.order_by("-history_date", "-history_id").values("pk")[:1]
    article.history.filter(pk__in=latest).update(
        byline_names=byline_text(article), tag_names=tag_text(article)
    )


def refresh_first_record(article, bylines) -> None:
    """`refresh_latest_record` for an article just created, without reading back what its
    creator has just written: it has one record (made by its save, before its bylines
    existed) and no tags yet, so only that record's byline names need filling."""
    if bylines:
        _history_model()._default_manager.filter(id=article.pk).update(
            byline_names=format_bylines(bylines)
        )


@functools.cache
def _history_model():
    """The historical article model: `Article.history` builds a new manager class (with
    `inspect.getmembers`) on every access, a millisecond an article at import."""
    return apps.get_model("articles", "HistoricalArticle")


def _value(record, field):
    if field == "status":
        return record.get_status_display()
    if field == "kind":
        return record.get_kind_display()
    value = getattr(record, field)
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M:%S}"
    return "" if value is None else str(value)


def _same(before: str, after: str) -> bool:
    """Equal line by line: how a line ends (\r\n from a browser, \n) is no change."""
    return before.splitlines() == after.splitlines()


def inline_diff(old: str, new: str) -> SafeString:
    """Old and new text with deletions in <del> and insertions in <ins>, all text escaped.

    Lines are matched first, then characters within a changed line: Chinese has no spaces,
    so a word-level diff would mark whole sentences.
    """
    old_lines, new_lines = old.splitlines(), new.splitlines()
    pieces = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.extend(format_html("<div>{}</div>", line) for line in old_lines[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for old_line, new_line in zip(old_lines[i1:i2], new_lines[j1:j2], strict=True):
                pieces.append(format_html("<div>{}</div>", _char_diff(old_line, new_line)))
        else:
            pieces.extend(format_html("<div><del>{}</del></div>", x) for x in old_lines[i1:i2])
            pieces.extend(format_html("<div><ins>{}</ins></div>", x) for x in new_lines[j1:j2])
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _char_diff(old: str, new: str) -> SafeString:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(format_html("{}", old[i1:i2]))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", old[i1:i2]))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", new[j1:j2]))
    return format_html_join("", "{}", ((part,) for part in parts))


def compare_records(old, new) -> list[dict]:
    """The fields that differ between two historical records, each with an escaped diff."""
    changes = []
    for field, label in COMPARED_FIELDS:
        before, after = _value(old, field), _value(new, field)
        if not _same(before, after):
            changes.append({"field": field, "label": label, "diff": inline_diff(before, after)})
    return changes


def changed_labels(old, new) -> list[str]:
    """What the history list's 改动 column shows: every kind of change, bylines and tags too."""
    return [change["label"] for change in compare_records(old, new)]


def _remember_related_of_articles(sender, instance, history_instance, **kwargs):
    if isinstance(history_instance, RelatedSnapshot):
        remember_related(sender, instance, history_instance, **kwargs)


pre_create_historical_record.connect(
    _remember_related_of_articles, dispatch_uid="articles.history.remember_related"
)
