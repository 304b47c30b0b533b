from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from newsroom.caching import cache_status

#: The trivial response answered where a cached page is (see ``EdgeHealthMiddleware``).
EDGE_PATH = "/healthz/edge"


def _health() -> HttpResponse:
    return HttpResponse(f"ok\ncache: {cache_status()}\n", content_type="text/plain")


@never_cache
def healthz(request):
    """Liveness for a load balancer or orchestrator: the process answers, without the
    database. A cache outage is reported (the site serves uncached) but does not fail it.
    It passes every middleware, as any uncached page does."""
    return _health()


class EdgeHealthMiddleware:
    """``/healthz/edge``: the same answer as ``/healthz``, given at the depth where the page
    cache answers a hit (after the security, static-file and request-guard middleware, before
    sessions, authentication, CSRF, CSP and axes). It is the trivial view to compare cached
    pages with: ``/healthz`` runs the middleware a hit skips, so a hit could be faster than it
    (the bench measured 1.36x and called the run disturbed). Place it right before
    ``PublicPageCacheMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != EDGE_PATH:
            return self.get_response(request)
        response = _health()
        add_never_cache_headers(response)
        return response
