from django.shortcuts import get_object_or_404, render

from articles.models import Article
from entities.models import Organisation


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    articles = Article.objects.published().filter(mentions__organisation=organisation)
    return render(
        request,
        "entities/organisation_detail.html",
        {"organisation": organisation, "articles": articles},
    )
