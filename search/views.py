"""The search page: ranked, paginated, each result with its matching passage highlighted."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from articles.article_page import read_listed
from newsroom.caching import public_page
from newsroom.reading import link
from search import backends
from search import text as search_text
from search.models import SearchDocument
from search.query import search

PER_PAGE = 10
#: What a result shows of its article (the passage comes from the search document): not the
#: body, which is most of a row, nor the columns only the article page or the admin reads.
RESULT_FIELDS = ("kind", "kicker", "title", "status", "publish_at", "page")


@public_page(query=("q", "page"))
def search_view(request):
    with backends.planned_for_their_values():
        found = search(request.GET.get("q", ""))
        try:
            page_obj = Paginator(found.ids, PER_PAGE).page(request.GET.get("page") or 1)
        except InvalidPage as error:
            if found.has_query and request.GET.get("page") not in (None, "", "1"):
                raise Http404("没有这一页。") from error
            page_obj = None
        ids = list(page_obj.object_list) if page_obj is not None else []
    results = []
    if ids:
        articles = _results(ids)
        for pk in ids:
            if pk in articles:
                article = articles[pk]
                results.append(
                    {
                        "article": article,
                        "url": link("articles:article", pk),
                        "title": search_text.highlight(article.display_title, found.keywords),
                        "kicker": search_text.highlight(article.kicker, found.keywords),
                        "snippet": search_text.snippet(article.text or "", found.keywords),
                    }
                )
    return render(
        request,
        "search/results.html",
        {
            "search": found,
            "page_obj": page_obj,
            "results": results,
            "query_prefix": urlencode({"q": found.query}),
        },
    )


def _results(ids) -> dict:
    """The visible articles among `ids`, each with its search document's text (`text`) in
    the same statement (`read_listed`: building it through the ORM was ~17 % of a search,
    cProfile). Captions are read only for an untitled photo item, whose title comes from its
    caption: most results have a headline, and the captions' query was ~12 % of a search."""
    found = read_listed(ids, RESULT_FIELDS, also=(SearchDocument, "text"))
    articles = {pk: a for pk, a in found.items() if a.is_visible_to_readers()}
    prefetch_related_objects([a for a in articles.values() if not a.title], "captions")
    return articles
