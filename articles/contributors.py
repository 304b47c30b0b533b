"""Folding duplicate contributors (the same reporter typed two ways) into one, through the
one merge service (entities.merging): bylines move, old names become aliases the importer
looks up, and the search index hears of every byline moved."""

from articles.models import Byline, Contributor, ContributorAlias
from entities.merging import Merger, Use, merge

CONTRIBUTORS = Merger(
    model=Contributor,
    uses=(Use(Byline, "contributor", "处署名", one_per="article"),),
    alias_model=ContributorAlias,
    alias_owner="contributor",
    alias_name="name",
)


def merge_contributors(keep: Contributor, duplicates) -> Contributor:
    return merge(CONTRIBUTORS, keep, duplicates)


def contributors_named(names) -> dict[str, Contributor]:
    """name -> contributor, by name or by an alias left by a merge."""
    found = Contributor.objects.in_bulk(names, field_name="name")
    missing = [name for name in names if name not in found]
    if missing:
        for alias in ContributorAlias.objects.filter(name__in=missing).select_related(
            "contributor"
        ):
            found[alias.name] = alias.contributor
    return found
