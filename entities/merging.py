"""Folding duplicate rows into one (organisations, contributors): the one merge service.

A `Merger` says, for one model, which rows point at it (`Use`: mentions, bylines), where a
duplicate's names go (its aliases, and its own name, which becomes an alias of the one
kept) and which models' public pages it has. `preview` lists what a merge would move, for
the editor's confirmation page; `merge` does it. Rows move one by one through `save()` and
`delete()`, never `QuerySet.update`, so every listener hears of each change: the search
index re-indexes the articles whose bylines changed, and the page cache is renewed. The
merged-away row is remembered (`MergedAway`) so its public URL redirects to the one kept.
"""

import dataclasses

from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect

from entities.kinds import kind_from_name
from entities.models import Mention, MergedAway, Organisation, OrganisationAlias


@dataclasses.dataclass(frozen=True)
class Use:
    """Rows of `model` whose `field` points at the merged model; `label` counts them
    (“处提及”). `one_per` names a field that, with `field`, is unique: a duplicate's row
    for something the kept row already has is dropped instead of doubled."""

    model: type
    field: str
    label: str
    one_per: str | None = None


@dataclasses.dataclass(frozen=True)
class Merger:
    model: type
    uses: tuple[Use, ...]
    alias_model: type
    alias_owner: str  # the alias model's field pointing at the merged model
    alias_name: str  # the alias model's field holding the name

    def aliases_of(self, row):
        return self.alias_model.objects.filter(**{self.alias_owner: row})


@dataclasses.dataclass
class PlannedMove:
    row: object
    moves: list[str]  # “3 处提及”, “别名：中科院、国科院”
    total_uses: int


def preview(merger: Merger, rows) -> list[PlannedMove]:
    """For each row, what it would hand over if merged into another."""
    planned = []
    for row in rows:
        lines, total = [], 0
        for use in merger.uses:
            count = use.model.objects.filter(**{use.field: row}).count()
            total += count
            lines.append(f"{count} {use.label}")
        names = list(merger.aliases_of(row).values_list(merger.alias_name, flat=True))
        if names:
            lines.append("别名：" + "、".join(names))
        planned.append(PlannedMove(row, lines, total))
    return planned


def most_used(planned: list[PlannedMove]):
    """The row to offer as the one kept: the most used, the oldest on a tie."""
    return min(planned, key=lambda move: (-move.total_uses, move.row.pk)).row


@transaction.atomic
def merge(merger: Merger, keep, duplicates):
    """Move what the duplicates own to `keep`, make their names its aliases, delete them,
    and remember where they went."""
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    label = merger.model._meta.label_lower
    for duplicate in duplicates:
        for use in merger.uses:
            _move_uses(use, duplicate, keep)
        for alias in merger.aliases_of(duplicate):
            if getattr(alias, merger.alias_name) == keep.name:
                alias.delete()
            else:
                setattr(alias, merger.alias_owner, keep)
                alias.save()
        old_name, old_id = duplicate.name, duplicate.pk
        duplicate.delete()
        if old_name != keep.name:
            merger.alias_model.objects.update_or_create(
                **{merger.alias_name: old_name}, defaults={merger.alias_owner: keep}
            )
        MergedAway.objects.filter(model=label, kept_id=old_id).update(kept_id=keep.pk)
        MergedAway.objects.update_or_create(
            model=label, old_id=old_id, defaults={"kept_id": keep.pk}
        )
    return keep


def merged_into(model, pk):
    """The row that `model`'s row `pk` was merged into, or None."""
    kept_id = (
        MergedAway.objects.filter(model=model._meta.label_lower, old_id=pk)
        .values_list("kept_id", flat=True)
        .first()
    )
    return model._default_manager.filter(pk=kept_id).first() if kept_id else None


def redirect_to_kept(model, pk, missing: str):
    """The answer for a public URL of `model` whose row is gone: 301 to the row it was merged
    into, so readers' links and search engines follow the merge; 404 (`missing`) otherwise."""
    kept = merged_into(model, pk)
    if kept is None:
        raise Http404(missing)
    return HttpResponsePermanentRedirect(kept.get_absolute_url())


def _move_uses(use: Use, duplicate, keep) -> None:
    rows = use.model.objects.filter(**{use.field: duplicate})
    if use.one_per:
        already = use.model.objects.filter(**{use.field: keep}).values(use.one_per)
        for row in rows.filter(**{f"{use.one_per}__in": already}):
            row.delete()
    for row in rows:
        setattr(row, use.field, keep)
        row.save(update_fields=[use.field])


ORGANISATIONS = Merger(
    model=Organisation,
    uses=(Use(Mention, "organisation", "处提及", one_per="article"),),
    alias_model=OrganisationAlias,
    alias_owner="organisation",
    alias_name="alias",
)


def merge_organisations(keep: Organisation, duplicates) -> Organisation:
    return merge(ORGANISATIONS, keep, duplicates)


@transaction.atomic
def split_organisation(organisation: Organisation, mentions, new_name: str) -> Organisation:
    """Move some of an organisation's mentions to another one, named `new_name` (found by
    name or alias, or created): the undoing of a wrong merge, or of a relative name such as
    省经信厅 that the importer gave to two provinces' bodies."""
    new_name = new_name.strip()
    if not new_name or new_name == organisation.name:
        raise ValueError("请填写另一个机构的名称。")
    target = (
        Organisation.objects.filter(name=new_name).first()
        or Organisation.objects.filter(aliases__alias=new_name).first()
        or Organisation.objects.create(name=new_name, kind=kind_from_name(new_name))
    )
    if target.pk == organisation.pk:
        raise ValueError("这个名称就是本机构的别名，请填写另一个机构的名称。")
    already = set(target.mentions.values_list("article_id", flat=True))
    for mention in organisation.mentions.filter(pk__in=[m.pk for m in mentions]):
        if mention.article_id in already:
            mention.delete()
        else:
            mention.organisation = target
            mention.save(update_fields=["organisation"])
    return target
