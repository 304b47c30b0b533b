"""Organisations: their aliases, the articles that mention them, and merging duplicates."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from entities import merge_admin
from entities.merging import ORGANISATIONS
from entities.models import Mention, Organisation, OrganisationAlias
from entities.resources import OrganisationResource
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
class OrganisationAdmin(PermissionCheckedImportExportMixin, admin.ModelAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "alias_list", "mention_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [AliasInline, MentionedInInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(mention_count=Count("mentions", distinct=True))
            .prefetch_related("aliases")
            .order_by("name")  # a grouped query drops Meta.ordering; autocomplete pages need one
        )

    @admin.display(description="别名")
    def alias_list(self, organisation):
        return "、".join(alias.alias for alias in organisation.aliases.all())

    @admin.display(description="提及次数", ordering="mention_count")
    def mention_count(self, organisation):
        return organisation.mention_count

    @admin.action(description="合并所选机构（先确认保留哪一个）", permissions=["change"])
    def merge_selected(self, request, queryset):
        return merge_admin.merge_selected(self, request, queryset, ORGANISATIONS, noun="机构")


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["alias", "organisation__name"]
    autocomplete_fields = ["organisation"]
