"""Answer a reader's query from the index: candidates found by terms, checked as substrings.

A keyword of exactly one term (two Chinese characters, or one Latin word) is answered from
the term table alone, in index order: headline matches first, then the most recent. Longer
keywords start from their rarest term, narrow by the next rarest, and keep only documents
that really contain every keyword; ranking is then headline-contains-all-keywords first.
"""

import functools
import operator
from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, Value, When
from django.utils import timezone

from articles.models import Article
from search import text as search_text
from search.models import SearchDocument, SearchTerm

NARROWING_TERMS = 3


@dataclass
class Search:
    query: str
    keywords: list[str] = field(default_factory=list)
    hint: str = ""
    ids: object = None

    @property
    def has_query(self) -> bool:
        return bool(self.keywords)


def search(query: str, now=None) -> Search:
    """`ids` is a sliceable, countable sequence of article ids in rank order, for a Paginator."""
    result = Search(query=(query or "").strip(), keywords=search_text.keywords(query))
    needed = set().union(*(search_text.keyword_terms(k) for k in result.keywords))
    if not result.keywords:
        result.ids = SearchTerm.objects.none().values_list("document_id", flat=True)
        return result
    if not needed:
        result.hint = "请至少输入两个字。"
        result.ids = SearchTerm.objects.none().values_list("document_id", flat=True)
        return result
    now = now or timezone.now()
    if len(result.keywords) == 1 and search_text.is_exact(result.keywords[0]):
        (term,) = needed
        result.ids = (
            SearchTerm.objects.filter(term=term, publish_at__lte=now)
            .order_by("-in_headline", "-publish_at", "-document_id")
            .values_list("document_id", flat=True)
        )
        return result
    rarest = _by_rarity(needed)
    if rarest is None:
        result.ids = SearchTerm.objects.none().values_list("document_id", flat=True)
        return result
    driver, narrowing = rarest[0], rarest[1 : 1 + NARROWING_TERMS]
    documents = SearchDocument.objects.filter(
        publish_at__lte=now,
        article__status=Article.Status.PUBLISHED,
        pk__in=SearchTerm.objects.filter(term=driver).values("document_id"),
    )
    for term in narrowing:
        documents = documents.filter(
            Exists(SearchTerm.objects.filter(term=term, document_id=OuterRef("pk")))
        )
    for keyword in result.keywords:
        documents = documents.filter(Q(headline__icontains=keyword) | Q(text__icontains=keyword))
    in_headline = functools.reduce(
        operator.and_, (Q(headline__icontains=k) for k in result.keywords)
    )
    result.ids = (
        documents.annotate(
            headline_match=Case(
                When(in_headline, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-headline_match", "-publish_at", "-pk")
        .values_list("pk", flat=True)
    )
    return result


def _by_rarity(terms: set[str]) -> list[str] | None:
    """The terms, rarest first; None when one of them is in no document at all."""
    counts = dict(
        SearchTerm.objects.filter(term__in=terms)
        .values("term")
        .annotate(n=Count("*"))
        .values_list("term", "n")
    )
    if len(counts) < len(terms):
        return None
    return sorted(terms, key=lambda t: (counts[t], t))
