"""The reader site: what readers may see, how it is cached, escaped and how many queries."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from articles.models import Article
from conftest import add_byline, add_caption, make_article, make_issue, make_page
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db

ISSUE_DATE = datetime.date(2025, 8, 5)
HIDDEN = {
    "草稿": {"status": Article.Status.DRAFT},
    "待审": {"status": Article.Status.REVIEW},
    "定时": {"publish_at_offset": datetime.timedelta(hours=3)},
    "已归档": {"status": Article.Status.ARCHIVED, "publish_at_offset": -datetime.timedelta(days=1)},
}


def make_hidden(kind, page, organisation, title):
    spec = dict(HIDDEN[kind])
    offset = spec.pop("publish_at_offset", None)
    publish_at = timezone.now() + offset if offset is not None else None
    article = make_article(title, page=page, publish_at=publish_at, tags=["秘密标签"], **spec)
    add_byline(article, "隐身记者")
    add_caption(article, f"{title}的图片说明")
    Mention.objects.create(article=article, organisation=organisation)
    return article


@pytest.fixture
def edition():
    """A published lead and a second article on page 3, with an organisation and tags."""
    issue = make_issue(ISSUE_DATE, number=1234)
    page = make_page(issue, number=3, name="创新一线")
    lead = make_article(
        "小工厂用上“共享质检员”",
        page=page,
        position=1,
        kicker="县域产业园里的数字化转型",
        dateline="本报讯",
        body="江澄青禾智算科技有限公司（以下简称“青禾智算”）运营算力驿站。\n\n"
        "## 一台服务器多家企业拼着用\n\n江澄理工大学机械工程学院研发缺陷检测方法。",
        tags=["人工智能", "智能制造"],
    )
    add_byline(lead, "林知远", role="记者")
    add_caption(lead, "工程师正在调试质检摄像头。", credit="林知远摄")
    second = make_article("风电叶片有了爬行“体检医生”", page=page, position=2)
    organisation = Organisation.objects.create(name="江澄青禾智算科技有限公司")
    OrganisationAlias.objects.create(organisation=organisation, alias="青禾智算")
    Mention.objects.create(article=lead, organisation=organisation)
    return {"issue": issue, "page": page, "lead": lead, "second": second, "org": organisation}


def public_urls(data):
    lead, org = data["lead"], data["org"]
    contributor = lead.bylines.get().contributor
    return [
        "/",
        "/issues/",
        "/issues/2025-08-05/",
        "/issues/2025-08-05/3/",
        f"/articles/{lead.pk}/",
        "/tags/人工智能/",
        f"/organisations/{org.pk}/",
        f"/contributors/{contributor.pk}/",
        "/search/?q=秘密",
        "/search/?q=青禾智算",
        "/feed/",
        "/sitemap.xml",
    ]


@pytest.mark.parametrize("kind", HIDDEN)
def test_an_unpublished_article_never_shows_on_any_public_page(client, edition, kind):
    hidden = make_hidden(kind, edition["page"], edition["org"], "秘密稿件标题")
    for url in public_urls(edition):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "秘密稿件标题" not in text, url
        assert "隐身记者" not in text, url
        assert f"/articles/{hidden.pk}/" not in text, url


@pytest.mark.parametrize("kind", HIDDEN)
def test_an_unpublished_article_and_its_only_pages_answer_404(client, kind):
    organisation = Organisation.objects.create(name="秘密机构")
    page = make_page(make_issue(datetime.date(2025, 9, 1)), number=2)
    hidden = make_hidden(kind, page, organisation, "秘密稿件标题")
    contributor = hidden.bylines.get().contributor
    for url in [
        f"/articles/{hidden.pk}/",
        "/issues/2025-09-01/",
        "/issues/2025-09-01/2/",
        "/tags/秘密标签/",
        f"/organisations/{organisation.pk}/",
        f"/contributors/{contributor.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    home = client.get("/").content.decode()
    assert "暂无已发布的稿件" in home
    assert "2025-09-01" not in client.get("/issues/").content.decode()


def test_counts_on_lists_count_only_published_articles(client, edition):
    make_hidden("草稿", edition["page"], edition["org"], "秘密稿件标题")
    archive = client.get("/issues/").content.decode()
    assert "1 个版面 · 2 篇稿件" in archive
    organisation = client.get(f"/organisations/{edition['org'].pk}/").content.decode()
    assert "提及它的稿件共 1 篇" in organisation


def test_staff_preview_an_unpublished_article_with_a_banner_and_no_caching(client):
    draft = make_article("尚未发布的稿件", status=Article.Status.DRAFT)
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(editor)
    response = client.get(f"/articles/{draft.pk}/")
    assert response.status_code == 200
    assert "预览：此稿件尚未发布" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_logged_in_reader_who_is_not_staff_gets_404_for_a_draft(client):
    draft = make_article("尚未发布的稿件", status=Article.Status.DRAFT)
    client.force_login(get_user_model().objects.create_user("reader", password="x"))
    assert client.get(f"/articles/{draft.pk}/").status_code == 404


def test_staff_see_a_published_article_without_the_banner(client, edition):
    client.force_login(get_user_model().objects.create_superuser("boss", password="x"))
    response = client.get(f"/articles/{edition['lead'].pk}/")
    assert "预览" not in response.content.decode()
    assert "public" in response["Cache-Control"]


def test_the_article_page_shows_everything_printed_and_links_out(client, edition):
    lead = edition["lead"]
    html = client.get(f"/articles/{lead.pk}/").content.decode()
    contributor = lead.bylines.get().contributor
    for expected in [
        '<html lang="zh-CN">',
        "县域产业园里的数字化转型",
        "<h1>小工厂用上“共享质检员”</h1>",
        "本报讯",
        f'<a href="/contributors/{contributor.pk}/">林知远</a>',
        "<h2>一台服务器多家企业拼着用</h2>",
        "工程师正在调试质检摄像头。",
        "林知远摄",
        '<a href="/tags/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/">人工智能</a>',
        f'<a href="/organisations/{edition["org"].pk}/">江澄青禾智算科技有限公司',
        '刊于 <a href="/issues/2025-08-05/3/">2025年8月5日 第3版</a>',
        f'<link rel="canonical" href="http://testserver/articles/{lead.pk}/">',
        '<meta property="og:title" content="小工厂用上“共享质检员”">',
        '<meta name="description" content="江澄青禾智算科技有限公司',
    ]:
        assert expected in html, expected


def test_a_photo_item_shows_its_caption_as_the_story(client):
    photo = make_article("", kind=Article.Kind.PHOTO)
    add_caption(photo, "8月4日，工人在生产线上忙碌。图为智能工厂一角。", credit="■记者陈硕摄")
    html = client.get(f"/articles/{photo.pk}/").content.decode()
    assert "<h1>8月4日，工人在生产线上忙碌。图为智能工厂一角。</h1>" in html
    assert 'class="photo-text">8月4日，工人在生产线上忙碌。' in html
    assert "■记者陈硕摄" in html


def test_an_imported_caption_shows_its_printed_credit_once(client):
    """The importer keeps the caption as printed and reads its credit field from it."""
    article = make_article("小工厂用上“共享质检员”")
    add_caption(article, "工程师正在调试质检摄像头。本报记者林知远摄", credit="本报记者林知远")
    add_caption(article, "流水线上的合页。", credit="记者周航")  # an editor's credit
    figures = re.findall(
        r"<figcaption>(.*?)</figcaption>",
        client.get(f"/articles/{article.pk}/").content.decode(),
        flags=re.S,
    )
    assert figures[:2] == [
        "工程师正在调试质检摄像头。本报记者林知远摄",
        '流水线上的合页。 <span class="credit">记者周航</span>',
    ]


def test_text_from_an_import_or_editor_is_escaped_everywhere(client, edition):
    evil = make_article(
        "<script>alert('t')</script>",
        page=edition["page"],
        position=3,
        kicker="<b>引题</b>",
        body="<script>alert('b')</script>\n\n## <i>小标题</i>",
        tags=["<em>标签</em>"],
    )
    add_caption(evil, "<img src=x onerror=alert(1)>")
    add_byline(evil, "<u>记者</u>")
    for url in [f"/articles/{evil.pk}/", "/", "/issues/2025-08-05/3/", "/search/?q=script"]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert "<b>引题</b>" not in html, url
    html = client.get(f"/articles/{evil.pk}/").content.decode()
    headline = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert headline.startswith("&lt;script&gt;")
    assert unescape(headline) == "<script>alert('t')</script>"  # shown as the text it is
    assert "<h2>&lt;i&gt;小标题&lt;/i&gt;</h2>" in html
    assert "&lt;u&gt;记者&lt;/u&gt;" in html


def test_the_front_page_shows_the_latest_issue_with_published_articles_lead_first(client, edition):
    newer = make_page(make_issue(ISSUE_DATE + datetime.timedelta(days=1)), number=1)
    make_article("未发布的明日稿件", page=newer, status=Article.Status.DRAFT)
    html = client.get("/").content.decode()
    assert "2025年8月5日 第1234期" in html
    assert html.index("小工厂用上") < html.index("风电叶片有了爬行“体检医生”")
    assert "第3版 · 创新一线" in html


def test_a_page_lists_articles_in_printed_order_with_its_neighbours(client, edition):
    issue = edition["issue"]
    make_article("一版头条", page=make_page(issue, number=1, name="要闻"))
    make_article("五版稿件", page=make_page(issue, number=5, name="科普"))
    make_page(issue, number=4, name="空版")
    make_article("四版草稿", page=make_page(issue, number=4), status=Article.Status.DRAFT)
    html = client.get("/issues/2025-08-05/3/").content.decode()
    assert html.index("共享质检员") < html.index("风电叶片")
    assert '<a rel="prev" href="/issues/2025-08-05/1/">← 第1版</a>' in html
    assert '<a rel="next" href="/issues/2025-08-05/5/">第5版 →</a>' in html
    assert "空版" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/issues/2025-13-01/",
        "/issues/not-a-date/",
        "/issues/2030-01-01/",
        "/issues/2025-08-05/9/",
        "/articles/999999/",
        "/tags/没有的标签/",
        "/organisations/999999/",
        "/contributors/999999/",
    ],
)
def test_unknown_addresses_answer_404(client, edition, url):
    assert client.get(url).status_code == 404


def test_public_pages_send_cdn_friendly_cache_headers(client, edition):
    for url in public_urls(edition) + ["/robots.txt"]:
        response = client.get(url)
        cache_control = response["Cache-Control"]
        assert "public" in cache_control, url
        assert "s-maxage=" in cache_control and "max-age=" in cache_control, url


def test_lists_are_paginated_newest_first(client):
    now = timezone.now()
    articles = [
        make_article(f"标签稿件{i:02d}", publish_at=now - datetime.timedelta(hours=i), tags=["芯"])
        for i in range(25)
    ]
    first = client.get("/tags/芯/").content.decode()
    assert "标签稿件00" in first and "标签稿件19" in first and "标签稿件20" not in first
    assert "共 25 篇稿件" in first
    second = client.get("/tags/芯/?page=2").content.decode()
    assert "标签稿件24" in second and "标签稿件00" not in second
    assert client.get("/tags/芯/?page=3").status_code == 404
    assert len(articles) == 25


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_published_articles_and_issues_only(client, edition):
    draft = make_article("草稿", status=Article.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/articles/{edition['lead'].pk}/" in xml
    assert "/issues/2025-08-05/" in xml
    assert f"/articles/{draft.pk}/" not in xml


def test_every_page_is_chinese_with_a_title_and_description(client, edition):
    for url in public_urls(edition)[:9]:
        html = client.get(url).content.decode()
        assert '<html lang="zh-CN">' in html, url
        assert "<title>" in html and '<meta name="description" content="' in html, url
        assert "http://" not in html.split("<body>")[0].replace("http://testserver", ""), url


def grow(data, start, count):
    """More articles on the same page, each with bylines, captions, tags and mentions."""
    for i in range(start, start + count):
        article = make_article(
            f"增补稿件{i}", page=data["page"], position=10 + i, tags=[f"t{i}", "人工智能"]
        )
        add_byline(article, f"记者{i}")
        add_byline(article, "林知远", role="记者")
        add_caption(article, f"图说{i}")
        organisation = Organisation.objects.create(name=f"机构{i}")
        Mention.objects.create(article=article, organisation=organisation)
        Mention.objects.create(article=article, organisation=data["org"])
        for n in range(3):
            data["lead"].tags.add(f"主稿标签{i}-{n}")
        add_byline(data["lead"], f"主稿作者{i}")
        Mention.objects.create(article=data["lead"], organisation=organisation)
        add_caption(data["lead"], f"主稿图说{i}")


PINNED_QUERIES = {
    "/": 3,  # latest issue, its articles, their captions
    "/issues/": 2,  # count, page of issues with their counts
    "/issues/2025-08-05/": 3,  # issue, articles, captions
    "/issues/2025-08-05/3/": 4,  # page, articles, captions, pages of the issue
    "article": 2,  # article with page and issue; bylines, tags, mentions and captions
    "/tags/人工智能/": 4,  # tag, count, page, captions
    "organisation": 5,  # organisation, aliases, count, page, captions
    "contributor": 4,  # contributor, count, page, captions
    "/feed/": 4,  # articles, bylines, captions, tags
    "/sitemap.xml": 4,  # counts and pages of both sitemaps
}


def measured_queries(client, data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    contributor = data["lead"].bylines.get(contributor__name="林知远").contributor
    urls = {
        **{url: url for url in PINNED_QUERIES if url.startswith("/")},
        "article": f"/articles/{data['lead'].pk}/",
        "organisation": f"/organisations/{data['org'].pk}/",
        "contributor": f"/contributors/{contributor.pk}/",
    }
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        counts[name] = len(context)
    return counts


def test_each_page_runs_a_fixed_number_of_queries_whatever_the_amount_of_content(client, edition):
    grow(edition, 0, 2)
    small = measured_queries(client, edition)
    grow(edition, 2, 12)
    large = measured_queries(client, edition)
    assert small == large == PINNED_QUERIES


def test_a_photo_item_without_a_headline_costs_the_queries_of_an_article(
    client, settings, django_assert_num_queries
):
    """Its title comes from the captions the page loads anyway, not from a query of its own."""
    settings.PUBLIC_CACHE_SECONDS = 0
    photo = make_article("", kind=Article.Kind.PHOTO, tags=["图片"])
    add_caption(photo, "无人机在田间喷洒农药。")
    add_caption(photo, "农技人员查看长势。")
    url = f"/articles/{photo.pk}/"
    client.get(url)
    with django_assert_num_queries(PINNED_QUERIES["article"]):
        html = client.get(url).content.decode()
    assert "<title>无人机在田间喷洒农药。 - 科技日报</title>" in html


def test_lists_put_the_newest_print_date_first_not_the_newest_import(client):
    now = timezone.now()
    later_issue = make_page(make_issue(datetime.date(2025, 9, 1)))
    make_article(
        "九月的稿件", page=later_issue, publish_at=now - datetime.timedelta(hours=3), tags=["创新"]
    )
    make_article("刚导入的八月稿件", publish_at=now - datetime.timedelta(minutes=5), tags=["创新"])
    html = client.get("/tags/创新/").content.decode()
    assert html.index("九月的稿件") < html.index("刚导入的八月稿件")


def test_an_article_from_print_shows_its_issue_date_with_the_web_time_after_it(client):
    article = make_article("刊于版面的稿件")  # printed 2025-08-05, put online an hour ago
    html = client.get(article.get_absolute_url()).content.decode()
    issue_date = html.index('<time class="issue-date" datetime="2025-08-05">2025年8月5日</time>')
    web_time = html.index('<small class="web-time">网络发布')
    assert issue_date < web_time
