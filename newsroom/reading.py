"""Helpers every public view may use, whichever app it belongs to: Django only, no app.

The article list itself is `Article.objects.published().for_lists()`, a queryset method, so an
app below `articles` reaches it through its own relation (`organisation.articles.published()`)
without importing `articles`.
"""

import datetime
import functools

from django.core.exceptions import ImproperlyConfigured
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


#: Stand for the arguments of a route resolved once; no real id is this large.
_MARK = 987654321987654321


@functools.cache
def _pieces(route: str, arity: int) -> tuple[str, ...]:
    """The route's URL cut around its arguments: ``arity + 1`` pieces."""
    url = reverse(route, args=[_MARK + n for n in range(arity)])
    pieces = []
    for n in range(arity):
        before, found, url = url.partition(str(_MARK + n))
        if not found:
            raise ImproperlyConfigured(f"{route} does not show its argument {n} as written")
        pieces.append(before)
    return (*pieces, url)


def _plain(value) -> str:
    """An argument that needs no quoting in a URL: an integer, or a date (digits and hyphens)."""
    if type(value) is datetime.date:  # not a datetime, whose isoformat has a time
        return value.isoformat()
    return str(int(value))


def link(route: str, *args) -> str:
    """``reverse(route, args=args)`` for a route whose arguments are integers or dates,
    resolved once per process: an article page links to its contributors, organisations,
    page and issue, a list or a search to each article and page, and ``reverse`` for each
    link was ~8 % of rendering an article page and ~6 % of a search (cProfile). Such
    arguments need no quoting."""
    pieces = _pieces(route, len(args))
    return pieces[0] + "".join(
        _plain(arg) + piece for arg, piece in zip(args, pieces[1:], strict=True)
    )
