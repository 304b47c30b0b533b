"""The search documents: one per published article, the portable half of the index.

The postings (character bigrams and Latin words with their positions, see `search.text`)
live in the database's own full-text index, keyed by `rank` (see `search.backends`).
"""

from django.db import models


class SearchDocument(models.Model):
    """The searchable text of one published article, kept for verification and snippets."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    headline = models.TextField(blank=True)
    text = models.TextField(blank=True)
    publish_at = models.DateTimeField(null=True)
    #: publish_at to the second and the article id in one sortable key: the index's row key.
    rank = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "搜索文档"
        verbose_name_plural = "搜索文档"

    def __str__(self):
        return self.headline or str(self.article_id)
