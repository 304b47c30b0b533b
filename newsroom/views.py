from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness for a load balancer or orchestrator: the process answers; no database."""
    return HttpResponse("ok\n", content_type="text/plain")
