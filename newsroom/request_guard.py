"""Requests carrying a NUL character are refused before any view runs.

No page has a use for one, and PostgreSQL refuses it in any text value, so a NUL in a search
box, a tag's address or an admin filter would otherwise reach a query and fail with a 500.
The path, every query-string name and value, and form fields posted as
`application/x-www-form-urlencoded` are checked; the answer is 400.
"""

from django.core.exceptions import BadRequest

NUL = "\x00"


def _has_nul(query_dict) -> bool:
    return any(NUL in key or any(NUL in v for v in values) for key, values in query_dict.lists())


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or _has_nul(request.GET):
            raise BadRequest("请求中含有无效字符。")
        if request.content_type == "application/x-www-form-urlencoded" and _has_nul(request.POST):
            raise BadRequest("请求中含有无效字符。")
        return self.get_response(request)
