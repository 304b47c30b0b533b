"""Organisations: their aliases, the articles that mention them, and merging duplicates."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from entities import merge_admin, merging
from entities.kinds import kind_from_name
from entities.merging import ORGANISATIONS
from entities.models import Mention, Organisation, OrganisationAlias
from entities.resources import OrganisationResource
from newsroom.exporting import ChineseExportForm
from newsroom.import_export_admin import PermissionCheckedImportExportMixin


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    fields = ["alias"]
    extra = 1


class MentionedInInline(admin.TabularInline):
    """Read-only: mentions are edited from the article, where the context is."""

    model = Mention
    fields = ["article_link", "article_status"]
    readonly_fields = ["article_link", "article_status"]
    extra = 0
    can_delete = False
    verbose_name = "提及它的稿件"
    verbose_name_plural = "提及它的稿件"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__page__issue")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="稿件")
    def article_link(self, mention):
        url = reverse("admin:articles_article_change", args=[mention.article_id])
        return format_html('<a href="{}">{}</a>', url, mention.article.title or mention.article)

    @admin.display(description="状态")
    def article_status(self, mention):
        return mention.article.get_status_display()


@admin.register(Organisation)
class OrganisationAdmin(
    PermissionCheckedImportExportMixin, merge_admin.AliasedRecordAdmin, admin.ModelAdmin
):
    resource_classes = [OrganisationResource]
    export_form_class = ChineseExportForm
    list_display = ["name", "kind", "alias_list", "mention_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [AliasInline, MentionedInInline]
    actions = ["merge_selected", "infer_kind_selected"]
    alias_name, used_by, use_count = "alias", "mentions", "mention_count"

    @admin.display(description="提及次数", ordering="mention_count")
    def mention_count(self, organisation):
        return organisation.mention_count

    change_form_template = "admin/entities/organisation/change_form.html"

    def get_urls(self):
        split = path(
            "<int:object_id>/split/",
            self.admin_site.admin_view(self.split_view),
            name="entities_organisation_split",
        )
        return [split, *super().get_urls()]

    def split_view(self, request, object_id):
        """Move chosen mentions to another organisation (see merging.split_organisation)."""
        organisation = get_object_or_404(Organisation, pk=object_id)
        if not self.has_change_permission(request, organisation):
            raise PermissionDenied
        mentions = organisation.mentions.select_related("article__page__issue").order_by(
            "-article__page__issue__date", "article_id"
        )
        error = ""
        if request.method == "POST":
            chosen = mentions.filter(pk__in=request.POST.getlist("mention"))
            try:
                if not chosen:
                    raise ValueError("请至少选择一篇稿件。")
                target = merging.split_organisation(
                    organisation, list(chosen), request.POST.get("name", "")
                )
            except ValueError as refused:
                error = str(refused)
            else:
                self.message_user(
                    request,
                    f"已把 {len(chosen)} 篇稿件的提及从 {organisation} 移到 {target}。",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:entities_organisation_change", args=[organisation.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"拆分机构：{organisation}",
            "organisation": organisation,
            "mentions": mentions,
            "error": error,
            "name": request.POST.get("name", ""),
        }
        return TemplateResponse(request, "admin/entities/organisation/split.html", context)

    @admin.action(description="按名称推断所选机构的类型", permissions=["change"])
    def infer_kind_selected(self, request, queryset):
        changed = 0
        for organisation in queryset:
            kind = kind_from_name(organisation.name)
            if kind != organisation.kind and kind != Organisation.Kind.OTHER:
                organisation.kind = kind
                organisation.save(update_fields=["kind"])
                changed += 1
        self.message_user(request, f"已按名称改了 {changed} 个机构的类型。", messages.SUCCESS)

    @admin.action(description="合并所选机构（先确认保留哪一个）", permissions=["change"])
    def merge_selected(self, request, queryset):
        return merge_admin.merge_selected(self, request, queryset, ORGANISATIONS, noun="机构")


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["alias", "organisation__name"]
    autocomplete_fields = ["organisation"]
