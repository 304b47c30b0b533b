"""The reader site's error pages: in Chinese, in the site's own style, and drawn without the
database (a 500 may be the database failing) or anything else a request would set up."""

from django.http import HttpResponse
from django.template import loader

from articles.context_processors import site_links


def _error_page(template_name: str, status: int):
    def view(request, exception=None):
        context = site_links(request)
        return HttpResponse(loader.render_to_string(template_name, context), status=status)

    view.__name__ = f"error_{status}"
    return view


bad_request = _error_page("400.html", 400)
page_not_found = _error_page("404.html", 404)
server_error = _error_page("500.html", 500)
