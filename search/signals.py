"""Re-index an article whenever it, or a byline or caption of it, is saved or deleted.

A save only notes the article (`search.indexing.schedule`): an import that writes an article
and then its bylines and captions indexes it once, when the transaction commits.
"""

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver

from articles.models import Article, Byline, Caption, Issue, Page
from search import backends
from search.indexing import flush, schedule
from search.models import SearchDocument


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(instance.pk)


@receiver(post_save, sender=Byline, dispatch_uid="search_index_byline")
@receiver(post_save, sender=Caption, dispatch_uid="search_index_caption")
def part_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(instance.article_id)


@receiver(pre_save, sender=Issue, dispatch_uid="search_sync_before_issue")
@receiver(pre_save, sender=Page, dispatch_uid="search_sync_before_page")
def container_saving(sender, instance, raw=False, **kwargs):
    """An import saves its issue and page before their articles, and the page cache notes the
    change at once: indexing first at commit (`flush` reads the ids noted by then) lets the
    index's renewal of the cached pages join the transaction's one record of its changes,
    written after the index, instead of a second record a page. Costs nothing when no article
    is noted."""
    if not raw:
        transaction.on_commit(flush)


@receiver(post_delete, sender=Byline, dispatch_uid="search_unindex_byline")
@receiver(post_delete, sender=Caption, dispatch_uid="search_unindex_caption")
def part_deleted(sender, instance, origin=None, **kwargs):
    """Skip when the article itself is being deleted: its index goes with it."""
    if isinstance(origin, Article) or getattr(origin, "model", None) is Article:
        return
    schedule(instance.article_id)


@receiver(post_delete, sender=SearchDocument, dispatch_uid="search_unindex_document")
def document_deleted(sender, instance, using=None, **kwargs):
    """A document deleted through the ORM (an article's cascade) takes its index row along;
    `search.indexing` deletes documents without signals and removes their rows itself."""
    row = (instance.rank, instance.headline, instance.text)
    backends.backend(connections[using]).delete([row])


@receiver(post_migrate, dispatch_uid="search_empty_index_after_flush")
def emptied(sender, using="default", **kwargs):
    """`flush` (between transactional tests) empties the documents but knows nothing of the
    full-text index, then sends post_migrate: with no documents left, empty the index too."""
    if sender.label != "search":
        return
    conn = connections[using]
    if conn.vendor not in backends.BACKENDS or backends.backend(conn).table not in (
        conn.introspection.table_names()
    ):
        return
    if not SearchDocument.objects.using(using).exists():
        backends.backend(conn).clear()
