"""The printed page in the admin: an article's region beside its text, a 版面 with its regions."""

import datetime
import re

import pytest
from django.urls import reverse

from articles.models import Article
from articles.tests.admin_forms import change_url
from articles.tests.roles import make_editor, make_reporter
from articles.tests.test_epaper_views import RENDERED, printed_page
from conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db

REGION = {"x": 0.25, "y": 0.5, "w": 0.5, "h": 0.25}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def page():
    return printed_page(3)


def test_the_change_form_shows_the_articles_region_cut_from_the_page_beside_its_body(client, page):
    article = make_article("草稿标题", page=page, status=Article.Status.DRAFT, regions=[REGION])
    client.force_login(make_reporter())
    html = client.get(change_url(article)).content.decode()
    region = html[html.index('class="printed-region"') :]
    x, y = round(0.25 * RENDERED.width, 1), round(0.5 * RENDERED.height, 1)
    w, h = round(0.5 * RENDERED.width, 1), round(0.25 * RENDERED.height, 1)
    assert f'viewBox="{x} {y} {w} {h}"' in region
    assert page.image_url in region
    body_row = html[html.index('name="body"') - 2000 : html.index('class="printed-region"')]
    assert "field-body" in body_row and "field-printed_region" in body_row  # one row
    assert client.get(page.image_url).status_code == 200  # staff see a draft's page


def test_an_article_printed_nowhere_has_no_region_field(client):
    article = make_article("文本稿件", page=make_page(make_issue(datetime.date(2025, 8, 5))))
    client.force_login(make_editor())
    html = client.get(change_url(article)).content.decode()
    assert "printed-region" not in html and "版面原样" not in html


def test_the_page_shows_its_image_with_every_articles_region_linked_to_its_form(client, page):
    published = make_article("已发布", page=page, position=1, regions=[REGION])
    draft = make_article(
        "草稿", page=page, position=2, status=Article.Status.DRAFT, regions=[REGION]
    )
    unplaced = make_article("没有区域", page=page, position=3)
    client.force_login(make_editor())
    html = client.get(reverse("admin:articles_page_change", args=[page.pk])).content.decode()
    figure = html[html.index('class="printed-page"') :]
    assert page.image_url in figure
    linked = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', figure)
    assert linked == [
        (change_url(published), "第1篇 已发布"),
        (change_url(draft), "第2篇 草稿"),
    ]
    assert f'<a href="{change_url(unplaced)}">没有区域</a> （已发布，版面上没有区域）' in figure


def test_the_page_shows_its_texts_checksum_but_offers_no_box_to_change_it(client, page):
    """It is how a re-import knows the page: edited, the same text looks like another one."""
    page.source_checksum = "a" * 64
    page.save()
    client.force_login(make_editor())
    html = client.get(reverse("admin:articles_page_change", args=[page.pk])).content.decode()
    assert "a" * 64 in html and 'name="source_checksum"' not in html
