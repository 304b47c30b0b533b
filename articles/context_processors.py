"""What every reader page links to, resolved once per process rather than on every page."""

import functools

from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject


@functools.cache
def _site_links() -> dict[str, str]:
    return {
        "home": reverse("articles:home"),
        "issues": reverse("articles:issue_list"),
        "feed": reverse("articles:feed"),
        "subscribe": reverse("articles:subscribe"),
        "search": reverse("search:search"),
    }


@functools.cache
def _stylesheet() -> str:
    """The stylesheet's URL (with its content hash in production): the storage looks it up in
    its manifest on each call, ~2 % of an uncached article page (cProfile)."""
    return static("css/site.css")


def _links_if_routed() -> dict[str, str]:
    """Only the stylesheet under a URLconf without the reader site (a test's): error pages
    render there too."""
    try:
        links = _site_links()
    except NoReverseMatch:
        links = {}
    return {**links, "stylesheet": _stylesheet()}


def site_links(request):
    return {"site_links": SimpleLazyObject(_links_if_routed)}
