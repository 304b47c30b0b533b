"""Sitemaps of what readers may see: published articles and the issues that carry them."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef

from articles.models import Article, Issue


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("pk", "updated_at").order_by("-publish_at", "-id")

    def lastmod(self, item):
        return item.updated_at


class IssueSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        visible = Article.objects.published().filter(page__issue=OuterRef("pk"))
        return (
            Issue.objects.filter(Exists(visible))
            .annotate(last_change=Max("pages__articles__updated_at"))
            .order_by("-date")
        )

    def lastmod(self, item):
        return item.last_change


SITEMAPS = {"articles": ArticleSitemap, "issues": IssueSitemap}
