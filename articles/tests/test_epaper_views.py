"""The 数字报 for readers: the printed page with its articles as linked regions, the page's
files served only once the page has a published article, and the article's 'where printed'."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.pagerender import render_page
from articles.printed import store_printed_files
from articles.tests.printed_pdfs import page_pdf
from conftest import make_article, make_issue, make_page

pytestmark = pytest.mark.django_db

DATE = datetime.date(2025, 8, 5)
RENDERED = render_page(page_pdf(["一行正文"], photo=True))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def printed_page(number, name="创新一线"):
    page = make_page(make_issue(DATE), number=number, name=name)
    store_printed_files(page, RENDERED)
    page.save()
    return page


@pytest.fixture
def edition():
    page = printed_page(3)
    lead = make_article(
        "小工厂用上“共享质检员”",
        page=page,
        position=1,
        kicker="县域产业园里的数字化转型",
        regions=[
            {"x": 0.05, "y": 0.1, "w": 0.9, "h": 0.3},
            {"x": 0.05, "y": 0.45, "w": 0.4, "h": 0.2},
        ],
    )
    second = make_article(
        "叶片巡检机器人下海",
        page=page,
        position=2,
        regions=[{"x": 0.5, "y": 0.45, "w": 0.45, "h": 0.5}],
    )
    draft = make_article(
        "尚未发布的稿件标题",
        page=page,
        position=3,
        status=Article.Status.DRAFT,
        regions=[{"x": 0.05, "y": 0.7, "w": 0.4, "h": 0.25}],
    )
    return {"page": page, "lead": lead, "second": second, "draft": draft}


def staff_client(client):
    user = get_user_model().objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    return client


def regions(html):
    """Each linked region of the page image: (href, accessible name, rects)."""
    return [
        (href, label, body.count("<rect"))
        for href, label, body in re.findall(
            r'<a class="region" id="region-\d+" href="([^"]+)" aria-label="([^"]*)"[^>]*>(.*?)</a>',
            html,
            flags=re.S,
        )
    ]


class TestThePrintedPage:
    def test_every_published_article_is_a_linked_region_named_by_its_headline(
        self, client, edition
    ):
        html = client.get("/issues/2025-08-05/3/").content.decode()
        lead, second = edition["lead"], edition["second"]
        assert regions(html) == [
            (f"/articles/{lead.pk}/", "小工厂用上“共享质检员”", 2),
            (f"/articles/{second.pk}/", "叶片巡检机器人下海", 1),
        ]
        assert edition["page"].image_url in html
        assert f'viewBox="0 0 {RENDERED.width} {RENDERED.height}"' in html
        width = RENDERED.width
        assert f'<rect x="{round(0.05 * width, 1)}" y="{round(0.1 * RENDERED.height, 1)}"' in html

    def test_the_list_of_the_pages_articles_follows_in_printed_order(self, client, edition):
        html = client.get("/issues/2025-08-05/3/").content.decode()
        listed = html[html.index('class="article-list printed"') :]
        assert listed.index("小工厂用上“共享质检员”") < listed.index("叶片巡检机器人下海")

    def test_an_unpublished_article_leaves_no_link_no_title_and_no_region(self, client, edition):
        html = client.get("/issues/2025-08-05/3/").content.decode()
        assert "尚未发布的稿件标题" not in html
        assert f"/articles/{edition['draft'].pk}/" not in html
        assert f"region-{edition['draft'].pk}" not in html

    def test_an_article_moved_to_another_page_leaves_its_region_behind(self, client, edition):
        """Its region was read from the page it left: on another page's image it would mark
        and link whatever is printed there."""
        other = printed_page(4, name="综合")
        make_article("第4版的稿件", page=other, regions=[{"x": 0.1, "y": 0.1, "w": 0.5, "h": 0.2}])
        second = Article.objects.get(pk=edition["second"].pk)
        second.page = other
        second.save()
        second.refresh_from_db()
        assert second.regions == [] and second.printed_boxes == []
        html = client.get("/issues/2025-08-05/4/").content.decode()
        assert [label for _, label, _ in regions(html)] == ["第4版的稿件"]
        assert "叶片巡检机器人下海" in html  # still listed on its new page
        article = client.get(f"/articles/{second.pk}/").content.decode()
        assert "printed-where" not in article and "2025年8月5日 第4版" in article

    def test_a_save_that_keeps_the_page_keeps_the_region(self, edition):
        lead = Article.objects.get(pk=edition["lead"].pk)
        lead.title = "编辑改过的标题"
        lead.save()
        lead.refresh_from_db()
        assert len(lead.regions) == 2

    def test_the_strip_of_the_issues_pages_previous_next_and_the_pdf(self, client, edition):
        front = printed_page(1, name="要闻")
        make_article("要闻稿件", page=front, regions=[{"x": 0.1, "y": 0.1, "w": 0.5, "h": 0.5}])
        text_only = make_page(make_issue(DATE), number=4, name="文本版")
        make_article("文本版稿件", page=text_only)
        html = client.get("/issues/2025-08-05/3/").content.decode()
        strip = html[html.index('aria-label="版面导航"') :]
        assert (
            strip.index("第1版 要闻") < strip.index("第3版 创新一线") < strip.index("第4版 文本版")
        )
        assert front.thumbnail_url in strip
        text_entry = re.search(r'<li><a href="/issues/2025-08-05/4/">(.*?)</a></li>', strip, re.S)
        assert re.sub(r"<[^>]+>|\s+", " ", text_entry[1]).split() == ["文字版", "第4版", "文本版"]
        assert 'href="/issues/2025-08-05/3/" aria-current="page"' in strip
        assert 'rel="prev" href="/issues/2025-08-05/1/"' in html
        assert 'rel="next" href="/issues/2025-08-05/4/"' in html
        assert f'href="{edition["page"].pdf_url}" download' in html
        assert "<svg" not in client.get("/issues/2025-08-05/4/").content.decode()

    def test_works_under_a_strict_content_security_policy(self, client, edition):
        html = client.get("/issues/2025-08-05/3/").content.decode()
        assert " style=" not in html and "<style" not in html
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/js/epaper.js" defer>']
        assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from outside the site

    def test_a_page_imported_from_text_keeps_the_list_view(self, client):
        page = make_page(make_issue(DATE), number=2, name="要闻")
        make_article("文本稿件", page=page)
        html = client.get("/issues/2025-08-05/2/").content.decode()
        assert "文本稿件" in html and "<svg" not in html

    def test_runs_a_fixed_number_of_queries_however_many_pages_and_articles(self, client, edition):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/issues/2025-08-05/3/").status_code == 200
            return len(queries)

        small = count()
        for number in (1, 2, 4, 5):
            page = printed_page(number, name=f"第{number}版名")
            make_article(f"稿件{number}", page=page, regions=[{"x": 0, "y": 0, "w": 1, "h": 1}])
        for position in range(4, 10):
            make_article(f"增补{position}", page=edition["page"], position=position)
        assert small == count() == 4  # page, articles, captions, the issue's pages


def test_the_issue_and_the_front_page_show_each_printed_pages_thumbnail(client, edition):
    text_only = make_page(make_issue(DATE), number=4, name="文本版")
    make_article("文本版稿件", page=text_only)
    for url in ("/", "/issues/2025-08-05/"):
        html = client.get(url).content.decode()
        assert html.count('class="edition-thumb"') == 1, url
        thumbnail = edition["page"].thumbnail_url
        link = f'<a class="edition-thumb" href="/issues/2025-08-05/3/"><img src="{thumbnail}"'
        assert f'{link} alt="第3版版面图"' in html


class TestThePagesFiles:
    def test_are_public_once_the_page_has_a_published_article_and_cached_for_a_year(
        self, client, edition
    ):
        page = edition["page"]
        response = client.get(page.image_url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        assert b"".join(response.streaming_content) == RENDERED.image
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        thumbnail = client.get(page.thumbnail_url)
        assert b"".join(thumbnail.streaming_content) == RENDERED.thumbnail

    def test_the_pdf_downloads_as_an_attachment(self, client, edition):
        response = client.get(edition["page"].pdf_url)
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert b"".join(response.streaming_content) == RENDERED.pdf

    def test_a_page_without_a_published_article_shows_readers_nothing(self, client, edition):
        Article.objects.filter(status=Article.Status.PUBLISHED).update(status=Article.Status.DRAFT)
        page = edition["page"]
        for url in (page.image_url, page.thumbnail_url, page.pdf_url, "/issues/2025-08-05/3/"):
            assert client.get(url).status_code == 404, url

    def test_staff_see_an_unpublished_pages_image_privately(self, client, edition):
        Article.objects.update(status=Article.Status.DRAFT)
        response = staff_client(client).get(edition["page"].image_url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    def test_only_the_current_files_by_their_exact_names(self, client, edition):
        page = edition["page"]
        stored = page.image.name.rsplit("/", 1)[-1]
        for name in (stored.replace(stored[-10:-5], "00000"), "../../../settings.py", "x.webp"):
            assert client.get(f"/issues/2025-08-05/3/files/{name}").status_code == 404, name

    def test_a_browser_that_has_the_file_is_told_it_has_not_changed(self, client, edition):
        url = edition["page"].image_url
        etag = client.get(url)["ETag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


class TestTheArticlePage:
    def test_shows_where_it_was_printed_linking_to_its_region_on_the_page(self, client, edition):
        lead, page = edition["lead"], edition["page"]
        html = client.get(f"/articles/{lead.pk}/").content.decode()
        figure = html[html.index('class="printed-where"') :]
        assert f'href="/issues/2025-08-05/3/#region-{lead.pk}"' in figure
        assert page.thumbnail_url in figure
        assert figure.count('<rect class="here"') == 2
        assert " style=" not in html

    def test_an_article_with_no_region_says_where_it_was_printed_in_words(self, client):
        article = make_article("文本稿件", page=make_page(make_issue(DATE), number=2))
        html = client.get(f"/articles/{article.pk}/").content.decode()
        assert "printed-where" not in html
        assert '刊于 <a href="/issues/2025-08-05/2/">' in html

    def test_runs_as_many_queries_as_any_article_page(self, client, edition):
        ContentType.objects.get_for_model(Article)  # cached by every process after its first
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/articles/{edition['lead'].pk}/")
        assert len(queries) == 2  # the article with its page and issue; what it shows
