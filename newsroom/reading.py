"""Helpers every public view may use, whichever app it belongs to: Django only, no app.

The article list itself is `Article.objects.published().for_lists()`, a queryset method, so an
app below `articles` reaches it through its own relation (`organisation.articles.published()`)
without importing `articles`.
"""

import datetime
import functools

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.urls import reverse

PER_PAGE = 20
#: The one query parameter of the paginated lists (the page cache keys on it alone).
PAGINATED = ("page",)


def paginate(request, items, per_page=PER_PAGE):
    """The page of `items` that `?page=` asks for; a page that does not exist is a 404."""
    try:
        return Paginator(items, per_page).page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("没有这一页。") from error


def date_from_url(value: str) -> datetime.date:
    """A `YYYY-MM-DD` part of a URL; anything else is a 404."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise Http404("日期无效。") from error


#: Stands for the number in a route resolved once; no real id is this large.
_MARK = 987654321987654321


@functools.cache
def _around_number(route: str) -> tuple[str, str]:
    before, found, after = reverse(route, args=[_MARK]).partition(str(_MARK))
    assert found, f"{route} does not end its URL with its number"
    return before, after


def link(route: str, pk: int) -> str:
    """``reverse(route, args=[pk])`` for a route whose one argument is an integer, resolved once
    per process: an article page links to its contributors and organisations, and ``reverse``
    for each link was ~8 % of rendering it (cProfile). An integer needs no quoting."""
    before, after = _around_number(route)
    return f"{before}{int(pk)}{after}"
