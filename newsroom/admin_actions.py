"""Admin actions shared by apps: folding duplicate rows into one."""

from django.contrib import messages


def merge_into_most_used(model_admin, request, queryset, *, uses, merge, too_few, done):
    """Merge the selected rows into the one used most (the oldest on a tie).

    `uses` names the annotation counting each row's uses; `merge(keep, duplicates)` moves
    what the duplicates own; `done` is formatted with `names` and `keep`."""
    chosen = sorted(queryset, key=lambda row: (-getattr(row, uses), row.pk))
    if len(chosen) < 2:
        model_admin.message_user(request, too_few, messages.WARNING)
        return
    keep, *duplicates = chosen
    merge(keep, duplicates)
    names = "、".join(duplicate.name for duplicate in duplicates)
    model_admin.message_user(request, done.format(names=names, keep=keep.name), messages.SUCCESS)
