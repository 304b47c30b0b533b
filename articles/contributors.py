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


class KnownContributors:
    """name or alias -> contributor, learnt during one import run, so a run of thousands of
    articles asks the database only about names it has not met yet (an archive's reporters
    recur on every page). A name missing from the database is created with the unique
    constraint deciding (`ignore_conflicts`) and read back, so a name another import created
    meanwhile is found, not duplicated. Only what the database has committed or this run's
    open transaction wrote is learnt: `forget` after a rollback."""

    def __init__(self):
        self._known: dict[str, Contributor] = {}

    def named(self, names) -> dict[str, Contributor]:
        unknown = [name for name in dict.fromkeys(names) if name not in self._known]
        if unknown:
            found = contributors_named(unknown)
            missing = [Contributor(name=name) for name in unknown if name not in found]
            if missing:
                Contributor.objects.bulk_create(missing, ignore_conflicts=True)
                found |= contributors_named([contributor.name for contributor in missing])
            self._known |= found
        return {name: self._known[name] for name in names}

    def forget(self) -> None:
        self._known.clear()
