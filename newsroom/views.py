from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from newsroom.caching import cache_status, public_page


@never_cache
def healthz(request):
    """Liveness for a load balancer or orchestrator: the process answers, without the
    database. A cache outage is reported (the site serves uncached) but does not fail it."""
    return HttpResponse(f"ok\ncache: {cache_status()}\n", content_type="text/plain")


@public_page
def trivial_page(request):
    """The trivial view at a cached page's depth: a public page of two bytes, so its hit is
    answered by the page cache before sessions and auth, as any cached page's is, with
    nothing else to do. `make bench` measures cached pages against it (and uncached ones
    against /healthz, which passes through every middleware as a miss does)."""
    return HttpResponse("ok", content_type="text/plain")
