"""What the public page cache must watch of the printed edition, told to it at app start.

An article page shows its article, bylines, captions, tags and mentioned organisations, and
names its contributors, organisations, tags, page and issue: the first renew that article's
page (``article_page``), a rename of the others renews every page. Every change renews the
lists (front page, issues, tags, search …).
"""

import datetime

from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Caption, Contributor, Issue, Page
from entities.models import Mention, Organisation, OrganisationAlias
from newsroom import caching

#: The name of an article page's version, as ``public_page(versioned_by=...)`` gives it.
ARTICLE_PAGE = "article:{pk}"


def article_page(pk) -> str:
    return ARTICLE_PAGE.format(pk=pk)


def next_publication(now: float) -> float | None:
    after = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    first = (
        Article.objects.scheduled(after=after)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return first.timestamp() if first else None


def articles_on(page) -> list[str]:
    return [article_page(pk) for pk in page.articles.values_list("pk", flat=True)]


def watch_content() -> None:
    caching.watch_schedule(next_publication)
    caching.watch(Article, pages_of=lambda article: [article_page(article.pk)])
    caching.watch(Byline, Caption, Mention, pages_of=lambda row: [article_page(row.article_id)])
    caching.watch(TaggedItem, pages_of=lambda item: [article_page(item.object_id)])
    caching.watch_many_to_many(
        Article.tags.through, pages_of=lambda article: [article_page(article.pk)]
    )
    # A page's name and number show on its own articles' pages (an import saves its page
    # twice: created, then with its checksum), an issue's date on every page of it.
    caching.watch(Page, pages_of=articles_on)
    caching.watch(Contributor, Organisation, Tag, Issue, shared=True)
    caching.watch(OrganisationAlias)
