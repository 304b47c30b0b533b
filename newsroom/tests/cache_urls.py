"""A URLconf of small public views behind the page cache, independent of the reader site."""

from django.http import Http404, HttpResponse
from django.urls import path

from articles.models import Article
from articles.page_cache import ARTICLE_PAGE
from newsroom.caching import public_page
from newsroom.views import healthz


@public_page(query=("page",))
def latest(request):
    titles = Article.objects.published().values_list("title", flat=True)
    page = request.GET.get("page", "")
    return HttpResponse("|".join(titles) + (f"#{page}" if page else ""))


@public_page(versioned_by=ARTICLE_PAGE)
def article(request, pk):
    if request.user.is_authenticated and request.user.is_staff:
        found = Article.objects.filter(pk=pk).first()  # a staff preview, drafts included
        prefix = "预览:"
    else:
        found = Article.objects.published().filter(pk=pk).first()
        prefix = ""
    if found is None:
        raise Http404
    bylines = "".join(f"/{b.contributor.name}" for b in found.bylines.all())
    return HttpResponse(prefix + found.title + bylines)


@public_page
def with_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


def not_public(request):
    return HttpResponse("private page")


urlpatterns = [
    path("latest/", latest),
    path("a/<int:pk>/", article),
    path("cookie/", with_cookie),
    path("plain/", not_public),
    path("healthz", healthz),
]
