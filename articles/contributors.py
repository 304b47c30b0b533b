"""Folding duplicate contributors (the same reporter typed two ways) into one."""

from django.db import transaction

from articles.models import Byline, Contributor


@transaction.atomic
def merge_contributors(keep: Contributor, duplicates) -> Contributor:
    """Move every byline of `duplicates` to `keep`, then delete the duplicates.

    An article that already credits `keep` keeps that byline; the duplicate's byline on the
    same article is dropped rather than violating the one-byline-per-contributor rule.
    """
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    for duplicate in duplicates:
        already_credited = Byline.objects.filter(contributor=keep).values("article")
        duplicate.bylines.filter(article__in=already_credited).delete()
        duplicate.bylines.update(contributor=keep)
        duplicate.delete()
    return keep
