"""What every reader page links to, resolved once per process rather than on every page."""

import functools

from django.urls import reverse


@functools.cache
def _site_links() -> dict[str, str]:
    return {
        "home": reverse("articles:home"),
        "issues": reverse("articles:issue_list"),
        "feed": reverse("articles:feed"),
        "subscribe": reverse("articles:subscribe"),
        "search": reverse("search:search"),
    }


def site_links(request):
    return {"site_links": _site_links()}
