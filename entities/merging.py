"""Folding duplicate organisations into one, keeping every name they were known by."""

from django.db import transaction

from entities.models import Mention, Organisation, OrganisationAlias


@transaction.atomic
def merge_organisations(keep: Organisation, duplicates) -> Organisation:
    """Move the duplicates' aliases and mentions to `keep`; their names become aliases.

    A mention of an article that already mentions `keep` is dropped (one mention per
    article and organisation); an alias equal to `keep`'s own name is not kept.
    """
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    for duplicate in duplicates:
        already_mentioned = Mention.objects.filter(organisation=keep).values("article")
        duplicate.mentions.filter(article__in=already_mentioned).delete()
        duplicate.mentions.update(organisation=keep)
        duplicate.aliases.exclude(alias=keep.name).update(organisation=keep)
        old_name = duplicate.name
        duplicate.delete()
        if old_name != keep.name:
            OrganisationAlias.objects.update_or_create(
                alias=old_name, defaults={"organisation": keep}
            )
    return keep
