from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from newsroom.caching import cache_status


@never_cache
def healthz(request):
    """Liveness for a load balancer or orchestrator: the process answers, without the
    database. A cache outage is reported (the site serves uncached) but does not fail it."""
    return HttpResponse(f"ok\ncache: {cache_status()}\n", content_type="text/plain")
