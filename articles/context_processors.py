"""What every reader page links to, resolved once per process rather than on every page."""

import functools

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


def _links_if_routed() -> dict[str, str]:
    """Empty under a URLconf without the reader site (a test's): error pages render there too."""
    try:
        return _site_links()
    except NoReverseMatch:
        return {}


def site_links(request):
    return {"site_links": SimpleLazyObject(_links_if_routed)}
