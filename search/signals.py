"""Re-index an article whenever it, or a byline or caption of it, is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Byline, Caption
from search.indexing import index_article


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_article(instance)


@receiver(post_save, sender=Byline, dispatch_uid="search_index_byline")
@receiver(post_save, sender=Caption, dispatch_uid="search_index_caption")
def part_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_article(instance.article)


@receiver(post_delete, sender=Byline, dispatch_uid="search_unindex_byline")
@receiver(post_delete, sender=Caption, dispatch_uid="search_unindex_caption")
def part_deleted(sender, instance, origin=None, **kwargs):
    """Skip when the article itself is being deleted: its index goes with it."""
    if isinstance(origin, Article) or getattr(origin, "model", None) is Article:
        return
    if Article.objects.filter(pk=instance.article_id).exists():
        index_article(Article.objects.get(pk=instance.article_id))
