"""The search index: one document per published article and its distinct terms.

Terms are character bigrams of Chinese text and whole Latin words (see `search.text`), so any
query of two characters or more finds every article containing it, on any database.
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

    class Meta:
        verbose_name = "搜索文档"
        verbose_name_plural = "搜索文档"

    def __str__(self):
        return self.headline or str(self.article_id)


class SearchTerm(models.Model):
    """One distinct term of one document; `in_headline` ranks headline matches first."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=32)
    in_headline = models.BooleanField(default=False)
    publish_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "检索词"
        verbose_name_plural = "检索词"
        constraints = [
            models.UniqueConstraint(fields=["term", "document"], name="search_term_per_document")
        ]
        indexes = [
            models.Index(fields=["term", "in_headline", "publish_at"], name="search_term_rank"),
        ]

    def __str__(self):
        return self.term
