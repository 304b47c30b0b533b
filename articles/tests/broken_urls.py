"""The site's URLs with one more that always fails, for the 500 page's test."""

from django.urls import path

from newsroom.urls import handler500, urlpatterns  # noqa: F401 - the handler is looked up here


def broken(request):
    raise RuntimeError("故障")


urlpatterns = [*urlpatterns, path("broken/", broken)]
