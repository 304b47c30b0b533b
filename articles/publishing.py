"""The editorial workflow: the only code that changes an article's status.

draft -> review (reporters and editors), then published (now, or scheduled: a future
`publish_at` that `Article.objects.published()` reaches by itself), unpublished back to
draft, or archived. A scheduled article is one more *state* (定时) of the status 已发布: it
can be published at once, rescheduled or unscheduled, as in WordPress and Wagtail.

`STEPS` is the one table of transitions: the workflow functions below, the admin's buttons
and its changelist actions all ask it. Each step checks who asks, validates the article and
records who did it.
"""

import dataclasses

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from articles.models import Article

Status = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"
EDITABLE_BY_REPORTERS = {Status.DRAFT, Status.REVIEW}
# What the workflow owns: a restore of an old version, an import file or a form never sets it.
WORKFLOW_FIELDS = ("status", "publish_at")


class State:
    """What an editor sees as an article's state: its status, with 已发布 split in two."""

    DRAFT, REVIEW, SCHEDULED, PUBLISHED, ARCHIVED = (
        "draft",
        "review",
        "scheduled",
        "published",
        "archived",
    )
    LABELS = {
        DRAFT: "草稿",
        REVIEW: "待审",
        SCHEDULED: "定时",
        PUBLISHED: "已发布",
        ARCHIVED: "已归档",
    }


def state_of(article, now=None) -> str:
    if article.status == Status.PUBLISHED and is_scheduled(article, now):
        return State.SCHEDULED
    return str(article.status)


def state_label(article) -> str:
    return State.LABELS[state_of(article)]


def is_scheduled(article, now=None) -> bool:
    """Also for a historical version, which has the fields but not the model's methods."""
    return Article(status=article.status, publish_at=article.publish_at).is_scheduled(now)


def state_counts() -> dict:
    """How many articles are in each state, in one grouped query; which published ones are
    still waiting is `Article.objects.scheduled()`'s to say."""
    waiting = Q(pk__in=Article.objects.scheduled().values("pk"))
    rows = (
        Article.objects.order_by()
        .values("status")
        .annotate(total=Count("pk"), waiting=Count("pk", filter=waiting))
    )
    counts = dict.fromkeys(State.LABELS, 0)
    for row in rows:
        counts[row["status"]] += row["total"] - row["waiting"]
        counts[State.SCHEDULED] += row["waiting"]
    return counts


# When a step sets `publish_at`.
NOW, GIVEN, FUTURE, CLEAR, KEEP = "now", "given", "future", "clear", "keep"
TAKES_A_TIME = {GIVEN, FUTURE}  # steps that read the form's 定时发布时间


@dataclasses.dataclass(frozen=True)
class Step:
    name: str
    label: str  # the button's and the action's verb
    sources: frozenset  # states it may start from
    target: str  # the status it leaves
    timing: str  # NOW, GIVEN (the schedule, or now), FUTURE (the schedule, required), CLEAR, KEEP
    publishers_only: bool = True


STEPS = {
    step.name: step
    for step in [
        Step(
            "submit_for_review",
            "提交审核",
            frozenset({State.DRAFT}),
            Status.REVIEW,
            KEEP,
            publishers_only=False,
        ),
        Step("publish", "发布", frozenset({State.DRAFT, State.REVIEW}), Status.PUBLISHED, GIVEN),
        Step("publish_now", "立即发布", frozenset({State.SCHEDULED}), Status.PUBLISHED, NOW),
        Step("reschedule", "修改定时", frozenset({State.SCHEDULED}), Status.PUBLISHED, FUTURE),
        Step("unschedule", "取消定时", frozenset({State.SCHEDULED}), Status.DRAFT, CLEAR),
        Step(
            "unpublish",
            "撤回为草稿",
            frozenset({State.PUBLISHED, State.ARCHIVED}),
            Status.DRAFT,
            CLEAR,
        ),
        Step(
            "archive",
            "归档",
            frozenset({State.DRAFT, State.REVIEW, State.SCHEDULED, State.PUBLISHED}),
            Status.ARCHIVED,
            KEEP,
        ),
    ]
}


def can_publish(user) -> bool:
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article) -> bool:
    """Reporters may edit drafts and articles in review; only editors touch the rest."""
    if not (user.is_active and user.has_perm(CHANGE_PERMISSION)):
        return False
    return article.status in EDITABLE_BY_REPORTERS or can_publish(user)


def may_take(step: Step, user, article) -> bool:
    """Whether `user` may take `step` on `article` as it stands (the buttons offered)."""
    allowed = can_publish(user) if step.publishers_only else can_edit(user, article)
    return allowed and state_of(article) in step.sources


def steps_for(user, article) -> list[Step]:
    return [step for step in STEPS.values() if may_take(step, user, article)]


def take(step_name, article, user, at=None) -> Article:
    """Take the step named `step_name`; `at` is the schedule the editor gave, if any."""
    step = STEPS[step_name]
    if step.publishers_only:
        if not can_publish(user):
            raise PermissionDenied("只有编辑可以发布、定时、撤回或归档稿件。")
    elif not can_edit(user, article):
        raise PermissionDenied("您没有修改这篇稿件状态的权限。")
    return _move(article, user, step, at)


def submit_for_review(article, user) -> Article:
    return take("submit_for_review", article, user)


def publish(article, user, at=None) -> Article:
    """Publish now, or at `at` if it lies in the future (the article then waits, scheduled)."""
    return take("publish", article, user, at)


def publish_now(article, user) -> Article:
    return take("publish_now", article, user)


def reschedule(article, user, at) -> Article:
    return take("reschedule", article, user, at)


def unschedule(article, user) -> Article:
    return take("unschedule", article, user)


def unpublish(article, user) -> Article:
    return take("unpublish", article, user)


def archive(article, user) -> Article:
    return take("archive", article, user)


def publish_imported(article) -> Article:
    """Mark a new, not yet saved article from `import_issue --publish` as published now.

    Whoever runs the command on the server is trusted, so no user is asked; the import's own
    save records it in the history, and nothing else sets the status of an import."""
    if article.pk is not None:
        raise ValueError("publish_imported() is for articles an import is creating.")
    article.status = Status.PUBLISHED
    article.publish_at = timezone.now()
    return article


def keep_workflow_state(article) -> Article:
    """Put back the stored status and publication time on an instance built from elsewhere
    (an old version being restored): only the steps above change them."""
    stored = Article.objects.values(*WORKFLOW_FIELDS).get(pk=article.pk)
    for field, value in stored.items():
        setattr(article, field, value)
    return article


def _publish_at(step: Step, current, at, now):
    if step.timing == NOW:
        return now
    if step.timing == GIVEN:
        return at if at is not None and at > now else now
    if step.timing == FUTURE:
        if at is None or at <= now:
            raise ValidationError("请填写一个将来的定时发布时间。")
        return at
    if step.timing == CLEAR:
        return None
    return current


def _move(article, user, step: Step, at) -> Article:
    with transaction.atomic():
        stored = Article.objects.select_for_update().values(*WORKFLOW_FIELDS).get(pk=article.pk)
        now = timezone.now()
        current = Article(**stored)
        state = state_of(current, now)
        if state not in step.sources:
            raise ValidationError(
                f"稿件《{article}》当前状态为“{State.LABELS[state]}”，不能{step.label}。"
            )
        article.status = step.target
        article.publish_at = _publish_at(step, stored["publish_at"], at, now)
        article.updated_by = user
        article._history_user = user
        article.full_clean()
        article.save(update_fields=["status", "publish_at", "updated_by", "updated_at"])
    return article
