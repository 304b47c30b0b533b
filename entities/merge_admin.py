"""The admin's merge action, for every model the merge service knows (entities.merging).

Choosing 合并 shows a confirmation page first: each selected row with what it would hand
over, and a choice of the one to keep (the most used is offered). Only the confirmed POST
merges; the action checks the change permission, as the admin's actions do.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse

from entities import merging

CONFIRM_FIELD = "confirm_merge"


class AliasedRecordAdmin:
    """The changelist of a record whose merged duplicates live on as its aliases (an
    organisation, a contributor): its aliases and how often it is used, in one query each.

    Set `alias_name` (the alias model's name field), `used_by` (the relation to count) and
    `use_count` (the annotation's name, which the changelist sorts on)."""

    alias_name = "name"
    used_by = ""
    use_count = ""

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(**{self.use_count: Count(self.used_by, distinct=True)})
            .prefetch_related("aliases")
            .order_by("name")  # a grouped query drops Meta.ordering; autocomplete pages need one
        )

    @admin.display(description="别名")
    def alias_list(self, record):
        return "、".join(getattr(alias, self.alias_name) for alias in record.aliases.all())


def merge_selected(model_admin, request, queryset, merger: merging.Merger, *, noun: str):
    rows = list(queryset.order_by("pk"))
    if len(rows) < 2:
        model_admin.message_user(request, f"请至少选择两个{noun}。", messages.WARNING)
        return None
    planned = merging.preview(merger, rows)
    if CONFIRM_FIELD in request.POST:
        keep = next((row for row in rows if str(row.pk) == request.POST.get("keep")), None)
        if keep is None:
            model_admin.message_user(request, f"请选择要保留的{noun}。", messages.ERROR)
        else:
            duplicates = [row for row in rows if row.pk != keep.pk]
            merging.merge(merger, keep, duplicates)
            names = "、".join(row.name for row in duplicates)
            model_admin.message_user(
                request,
                f"已把 {names} 并入 {keep.name}；原名称保留为别名，原网址转到 {keep.name}。",
                messages.SUCCESS,
            )
            return None
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"合并{noun}：确认",
        "noun": noun,
        "opts": opts,
        "planned": planned,
        "suggested": merging.most_used(planned),
        "action": request.POST.get("action", "merge_selected"),
        "confirm_field": CONFIRM_FIELD,
        "selected": [row.pk for row in rows],
        "action_checkbox_name": "_selected_action",
    }
    return TemplateResponse(request, "admin/merge_confirmation.html", context)
