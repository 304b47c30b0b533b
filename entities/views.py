"""An organisation's public page: its names and the published articles that mention it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from articles.views import PAGINATED, paginate, published_articles
from entities.models import Organisation
from newsroom.caching import public_page


@public_page(query=PAGINATED)
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.prefetch_related("aliases"), pk=pk)
    page_obj = paginate(request, published_articles().filter(mentions__organisation=organisation))
    if not page_obj.paginator.count:
        raise Http404("没有提及这家机构的已发布稿件。")
    return render(
        request,
        "entities/organisation_detail.html",
        {"organisation": organisation, "page_obj": page_obj},
    )
