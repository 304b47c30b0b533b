"""The RSS feed of the latest published articles, full text, with bylines and tags."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import format_html, format_html_join

from articles.bylines import format_bylines
from articles.models import Article, Byline
from newsroom.text import clean_text

FEED_SIZE = 30


class CleanRss201rev2Feed(Rss201rev2Feed):
    """XML refuses control characters: one left in an old row must not take the feed down."""

    def add_item(self, **kwargs):
        for name, value in kwargs.items():
            if isinstance(value, str):
                kwargs[name] = clean_text(value)
        kwargs["categories"] = [clean_text(str(c)) for c in kwargs.get("categories") or ()]
        super().add_item(**kwargs)


class LatestArticlesFeed(Feed):
    feed_type = CleanRss201rev2Feed
    title = "科技日报 · 最新稿件"
    description = "科技日报最新发布的稿件全文。"
    language = "zh-cn"

    def link(self):
        return reverse("articles:home")

    def items(self):
        return (
            Article.objects.published()
            .select_related("page__issue")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("contributor")),
                "captions",
                "tags",
            )
            .order_by("-dated_at", "-publish_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        """Full text as escaped HTML: a photo item's captions, an article's body then captions."""
        captions = format_html_join("\n", "<p>{}</p>", ((c.text,) for c in item.captions.all()))
        if item.kind == Article.Kind.PHOTO:
            return format_html("{}\n{}", captions, item.body_html)
        return format_html("{}\n{}", item.body_html, captions)

    def item_author_name(self, item):
        return format_bylines(item.bylines.all()) or None

    def item_pubdate(self, item):
        """In the paper's time zone, as readers there read the date: the database gives UTC."""
        return timezone.localtime(item.dated_at)

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
