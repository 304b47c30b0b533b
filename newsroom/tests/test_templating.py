"""The reader site's Jinja2 environment keeps the promises Django's templates made."""

import datetime

import jinja2
import pytest
from django.template import engines
from django.utils.safestring import mark_safe

from newsroom import templating


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


def test_text_is_escaped_and_only_what_django_marks_safe_passes():
    assert render("{{ v }}", v="<b>加粗</b>") == "&lt;b&gt;加粗&lt;/b&gt;"
    assert render("{{ v }}", v=mark_safe("<p>正文</p>")) == "<p>正文</p>"
    assert render("{{ v|linebreaksbr }}", v="<i>一</i>\n二") == "&lt;i&gt;一&lt;/i&gt;<br>二"


def test_a_publication_time_is_dated_in_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    late_utc = datetime.datetime(2025, 8, 4, 17, 30, tzinfo=datetime.UTC)  # 01:30 on the 5th
    assert render('{{ when|date("DATE_FORMAT") }}', when=late_utc) == "2025年8月5日"
    assert render('{{ day|date("DATE_FORMAT") }}', day=datetime.date(2025, 8, 5)) == "2025年8月5日"


@pytest.mark.parametrize("given", [jinja2.Undefined, jinja2.DebugUndefined])
def test_an_undefined_name_and_its_attributes_render_as_nothing(given):
    """Django's backend asks for DebugUndefined under DEBUG (``make run``): readers would see
    ``{{ search.query }}`` on every page without a search."""
    env = templating.environment(undefined=given, autoescape=True)
    assert env.from_string("[{{ search.query }}]").render() == "[]"


def test_links_and_static_files_resolve_as_in_django_templates():
    assert render("{{ url('articles:issue_list') }}") == "/issues/"
    assert render("{{ url('articles:article', 7) }}") == "/articles/7/"
    assert render("{{ static('js/epaper.js') }}").endswith(".js")
