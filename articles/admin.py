from django.contrib import admin

from articles.models import Article, Byline, Caption, Contributor, Issue, Page

admin.site.register([Issue, Page, Contributor, Byline, Caption])


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "page", "kind", "status", "publish_at"]
    list_select_related = ["page__issue"]
