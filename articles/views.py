"""Public pages. Every query starts from Article.objects.published()."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article, Contributor, Issue, Page


def published_articles():
    return Article.objects.published().select_related("page__issue")


def home(request):
    articles = published_articles()[:20]
    return render(request, "articles/home.html", {"articles": articles})


def article_detail(request, pk):
    article = get_object_or_404(published_articles(), pk=pk)
    return render(request, "articles/article_detail.html", {"article": article})


def issue_list(request):
    issues = Issue.objects.filter(pages__articles__in=published_articles()).distinct()
    return render(request, "articles/issue_list.html", {"issues": issues})


def issue_detail(request, date):
    issue = get_object_or_404(Issue, date=date)
    articles = published_articles().filter(page__issue=issue).order_by("page__number", "position")
    return render(request, "articles/issue_detail.html", {"issue": issue, "articles": articles})


def page_detail(request, date, number):
    page = get_object_or_404(Page.objects.select_related("issue"), issue__date=date, number=number)
    articles = published_articles().filter(page=page).order_by("position")
    return render(request, "articles/page_detail.html", {"page": page, "articles": articles})


def contributor_detail(request, pk):
    contributor = get_object_or_404(Contributor, pk=pk)
    articles = published_articles().filter(bylines__contributor=contributor)
    return render(
        request,
        "articles/contributor_detail.html",
        {"contributor": contributor, "articles": articles},
    )
