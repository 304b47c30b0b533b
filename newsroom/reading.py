"""Helpers every public view may use, whichever app it belongs to: Django only, no app.

The article list itself is `Article.objects.published().for_lists()`, a queryset method, so an
app below `articles` reaches it through its own relation (`organisation.articles.published()`)
without importing `articles`.
"""

import datetime
import functools

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

PER_PAGE = 20
PUBLIC_CACHE = {"public": True, "max_age": 300, "s_maxage": 600}


def public(view):
    """Mark a view's responses as shareable by a CDN, unless the view said otherwise."""

    @functools.wraps(view)
    @require_safe
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, **PUBLIC_CACHE)
        return response

    return wrapper


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
