"""Helpers every public view may use, whichever app it belongs to: Django only, no app.

The article list itself is `Article.objects.published().for_lists()`, a queryset method, so an
app below `articles` reaches it through its own relation (`organisation.articles.published()`)
without importing `articles`.
"""

import datetime

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

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
