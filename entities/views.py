"""An organisation's public page: its names and the published articles that mention it."""

from django.http import Http404
from django.shortcuts import render

from entities.merging import redirect_to_kept
from entities.models import Organisation
from newsroom.caching import public_page
from newsroom.reading import PAGINATED, paginate


@public_page(query=PAGINATED)
def organisation_detail(request, pk):
    organisation = Organisation.objects.prefetch_related("aliases").filter(pk=pk).first()
    if organisation is None:
        return redirect_to_kept(Organisation, pk, "机构不存在。")
    page_obj = paginate(request, organisation.articles.published().for_lists())
    if not page_obj.paginator.count:
        raise Http404("没有提及这家机构的已发布稿件。")
    return render(
        request,
        "entities/organisation_detail.html",
        {"organisation": organisation, "page_obj": page_obj},
    )
