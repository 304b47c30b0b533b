"""A URLconf of small public views behind the page cache, independent of the reader site."""

from django.http import Http404, HttpResponse
from django.urls import path

from articles.models import Article
from newsroom.caching import cache_public_page


def latest(request):
    titles = Article.objects.published().values_list("title", flat=True)
    response = HttpResponse("|".join(titles))
    response["Cache-Control"] = "public, max-age=300, s-maxage=600"
    return response


def article(request, pk):
    if request.user.is_authenticated and request.user.is_staff:
        found = Article.objects.filter(pk=pk).first()  # a staff preview, drafts included
        prefix = "预览:"
    else:
        found = Article.objects.published().filter(pk=pk).first()
        prefix = ""
    if found is None:
        raise Http404
    return HttpResponse(prefix + found.title)


def with_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [
    path("latest/", cache_public_page(latest)),
    path("a/<int:pk>/", cache_public_page(article)),
    path("cookie/", cache_public_page(with_cookie)),
]
