"""The reader site's template engine: Jinja2, through Django's own backend.

The public pages are rendered by Jinja2 and the admin by Django's template language. A
profile of an uncached article page put Django's template engine at ~40 % of the request
(variable lookups and escapes, no single node above ~5 %); the same page renders about four
times faster in Jinja2 (SCALING.md, "Round 4"). Escaping is the same promise: autoescape is
on, and only values Django marks safe (``SafeString``, through ``__html__``) pass unescaped.

Templates call what Django's templates call implicitly (``page_obj.has_next()``,
``request.get_host()``); Django's filters the pages use keep their meaning and their names.
"""

import jinja2
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import template_localtime


def url(name: str, *args, **kwargs) -> str:
    """``{% url %}``: ``url('articles:issue_list')``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def date(value, format_name=None) -> str:
    """Django's ``date`` filter, in the site's time zone as Django's templates give it (a
    publication time is stored in UTC: 00:30 in Beijing is the day before in UTC)."""
    return defaultfilters.date(template_localtime(value), format_name)


def environment(**options) -> jinja2.Environment:
    """An undefined name renders as nothing, as in Django's templates, in DEBUG too (the
    backend's default there, ``DebugUndefined``, would print ``{{ name }}`` to readers), and
    an attribute of it is undefined as well (``search.query`` on a page without a search)."""
    options["undefined"] = jinja2.ChainableUndefined
    env = jinja2.Environment(**options)
    env.globals.update(static=static, url=url)
    env.filters.update(
        date=date,
        linebreaksbr=defaultfilters.linebreaksbr,
        truncatechars=defaultfilters.truncatechars,
    )
    return env
