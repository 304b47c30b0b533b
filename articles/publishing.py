"""The editorial workflow: the only code that changes an article's status.

draft -> review (reporters and editors), then published (now, or scheduled: a future
`publish_at` that `Article.objects.published()` reaches by itself), unpublished back to
draft, or archived. Each step checks who asks, validates the article and records who did it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

Status = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"
EDITABLE_BY_REPORTERS = {Status.DRAFT, Status.REVIEW}


def can_publish(user) -> bool:
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article) -> bool:
    """Reporters may edit drafts and articles in review; only editors touch the rest."""
    if not (user.is_active and user.has_perm(CHANGE_PERMISSION)):
        return False
    return article.status in EDITABLE_BY_REPORTERS or can_publish(user)


def submit_for_review(article, user) -> Article:
    if not can_edit(user, article):
        raise PermissionDenied("您没有提交这篇稿件的权限。")
    return _move(article, user, allowed_from={Status.DRAFT}, to=Status.REVIEW)


def publish(article, user, at=None) -> Article:
    """Publish now, or at `at` if it lies in the future (the article then waits, scheduled)."""
    _require_publisher(user)
    return _move(
        article,
        user,
        allowed_from={Status.DRAFT, Status.REVIEW, Status.PUBLISHED},
        to=Status.PUBLISHED,
        publish_at=at or timezone.now(),
    )


def publish_imported(article) -> Article:
    """Mark a new, not yet saved article from `import_issue --publish` as published now.

    Whoever runs the command on the server is trusted, so no user is asked; the import's own
    save records it in the history, and nothing else sets the status of an import."""
    if article.pk is not None:
        raise ValueError("publish_imported() is for articles an import is creating.")
    article.status = Status.PUBLISHED
    article.publish_at = timezone.now()
    return article


def unpublish(article, user) -> Article:
    _require_publisher(user)
    return _move(
        article,
        user,
        allowed_from={Status.PUBLISHED, Status.ARCHIVED},
        to=Status.DRAFT,
        publish_at=None,
    )


def archive(article, user) -> Article:
    _require_publisher(user)
    return _move(
        article,
        user,
        allowed_from={Status.DRAFT, Status.REVIEW, Status.PUBLISHED},
        to=Status.ARCHIVED,
    )


def is_scheduled(article) -> bool:
    return article.is_scheduled()


_KEEP = object()


def _require_publisher(user):
    if not can_publish(user):
        raise PermissionDenied("只有编辑可以发布、撤回或归档稿件。")


def _move(article, user, *, allowed_from, to, publish_at=_KEEP) -> Article:
    with transaction.atomic():
        current_status = (
            Article.objects.select_for_update().values_list("status", flat=True).get(pk=article.pk)
        )
        if current_status not in allowed_from:
            raise ValidationError(
                f"稿件《{article}》当前状态为“{Status(current_status).label}”，"
                f"不能改为“{Status(to).label}”。"
            )
        article.status = to
        if publish_at is not _KEEP:
            article.publish_at = publish_at
        article.updated_by = user
        article._history_user = user
        article.full_clean()
        article.save(update_fields=["status", "publish_at", "updated_by", "updated_at"])
    return article
