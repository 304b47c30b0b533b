"""Answer a reader's query from the full-text index.

Each keyword becomes the phrase of its tokens (see `search.text`); a document matches when
it has every keyword's phrase. Results rank headline matches first (the headline has every
phrase), then the newest, then the highest id: the index is keyed by that order (`rank`, see
`search.backends`), so a page is two small ordered reads (headline matches, then the others)
and the count is two index counts that stop at MAX_RESULTS.

A keyword that is not one Chinese run or one Latin word (`QingHe-M2`, `5G网`) is also
checked as a substring of the stored document; such queries read the matching documents.
"""

import functools
import operator
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Case, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from search import backends
from search import text as search_text
from search.indexing import flush
from search.models import SearchDocument

#: Matches counted and paged at most: 100 pages of 10. Counting further would read the whole
#: posting list of a common word; the page then says "more than 1000".
MAX_RESULTS = 1000


class RankedIds:
    """Article ids of a query in rank order: sliceable and countable, for a Paginator.
    `count()` stops at MAX_RESULTS; `truncated` says whether there are more."""

    def __init__(self, phrases=None, bound=None):
        self.phrases, self.bound = phrases, bound
        self._counts = None

    def counts(self) -> tuple[int, int]:
        """(matches in the headline, all matches)."""
        if self._counts is None:
            if not self.phrases:
                self._counts = (0, 0)
            else:
                backend = backends.backend(connection)
                self._counts = backend.counts(self.phrases, self.bound, MAX_RESULTS + 1)
        return self._counts

    @property
    def truncated(self) -> bool:
        return self.counts()[1] > MAX_RESULTS

    def count(self) -> int:
        return min(self.counts()[1], MAX_RESULTS)

    def __len__(self) -> int:
        return self.count()

    def _slice(self, start: int, stop: int) -> list[int]:
        if not self.phrases or stop <= start:
            return []
        head, _ = self.counts()
        stop = min(stop, self.count())
        parts = []
        if start < head:
            parts.append((True, start, min(stop, head) - start))
        if stop > head:
            first = max(start, head)
            parts.append((False, first - head, stop - first))
        if not parts or all(limit <= 0 for _, _, limit in parts):
            return []
        backend = backends.backend(connection)
        ranks = backend.page(self.phrases, self.bound, parts, common=self.truncated)
        return [backends.article_id(rank) for rank in ranks]

    def __getitem__(self, key):
        if isinstance(key, slice):
            if key.step not in (None, 1):
                raise ValueError("RankedIds takes no step")
            start, stop, _ = key.indices(self.count())
            return self._slice(start, stop)
        index = key if key >= 0 else self.count() + key
        found = self._slice(index, index + 1)
        if not found:
            raise IndexError(key)
        return found[0]

    def __iter__(self):
        return iter(self[:])


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
    result.ids = RankedIds()
    phrases = [p for p in map(search_text.keyword_phrase, result.keywords) if p]
    if not result.keywords:
        return result
    if not phrases:
        result.hint = "请至少输入两个字。"
        return result
    flush()  # articles saved earlier in this transaction
    bound = backends.rank_bound(now or timezone.now())
    if all(search_text.is_exact(k) for k in result.keywords):
        result.ids = RankedIds(phrases, bound)
        return result
    result.ids = _checked(result.keywords, phrases, bound)
    return result


def _checked(keywords, phrases, bound):
    """Matches of the phrases that also contain every keyword as written."""
    sql, params = backends.backend(connection).candidates_sql(phrases, bound)
    documents = SearchDocument.objects.filter(pk__in=RawSQL(sql, params))
    for keyword in keywords:
        documents = documents.filter(Q(headline__icontains=keyword) | Q(text__icontains=keyword))
    in_headline = functools.reduce(operator.and_, (Q(headline__icontains=k) for k in keywords))
    return (
        documents.annotate(
            headline_match=Case(
                When(in_headline, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-headline_match", "-rank")
        .values_list("pk", flat=True)
    )
