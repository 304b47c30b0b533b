"""A reader walks the site in a real Chromium: front page, a page of the issue, an article,
an organisation, a Chinese search. Screenshots of the article go to test-artifacts/."""

import datetime
import os
import shutil
from pathlib import Path

import pytest
from django.utils import timezone

from conftest import add_byline, add_caption, make_article, make_issue, make_page
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

BODY = "\n\n".join(
    [
        "今年以来，以“杭州六小龙”为代表的科创企业在人工智能等产业领域取得突破性进展，"
        "成为科创界热议焦点。",
        "“杭州六小龙”并非源自招大引强，其中过半系经过当地孵化培育。"
        "杭州深度求索人工智能基础技术研究有限公司（以下简称“深度求索”）运用算法优势研发的"
        "高性能大模型，标志着中国科技创新从“跟跑”向“领跑”转型。",
        "## 全球科技版图呈现多元化趋势",
        "浙江强脑科技有限公司研发的脑机接口设备，在杭州第四届亚洲残疾人运动会期间协助运动员"
        "点燃火炬。",
        "浙江省科普联合会会长周国辉表示，区域创新要有“五维密码”：人才、资本、场景、政策与"
        "文化缺一不可。",
    ]
)


@pytest.fixture
def browser_env():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def edition():
    issue = make_issue(datetime.date(2025, 8, 5), number=1234)
    front = make_page(issue, number=1, name="要闻")
    page = make_page(issue, number=3, name="区域创新")
    now = timezone.now()
    make_article("我国科技创新指数稳步提升", page=front, body="全国科技创新指数持续提升。")
    lead = make_article(
        "从“杭州六小龙”看区域创新“五维密码”",
        page=page,
        position=1,
        kicker="科创观察",
        subtitle="——访浙江省科普联合会会长周国辉",
        dateline="本报讯",
        body=BODY,
        tags=["人工智能", "区域创新"],
        publish_at=now - datetime.timedelta(hours=2),
    )
    add_byline(lead, "郭文晨", role="特约通讯员")
    add_byline(lead, "李墨", role="记者")
    add_caption(lead, "图为浙江强脑科技有限公司研发的智能仿生手。", credit="张彦摄")
    make_article("厦门留创园入选国际人才科创园建设试点", page=page, position=2)
    organisation = Organisation.objects.create(name="杭州深度求索人工智能基础技术研究有限公司")
    OrganisationAlias.objects.create(organisation=organisation, alias="深度求索")
    Mention.objects.create(article=lead, organisation=organisation)
    return {"lead": lead, "organisation": organisation}


@pytest.fixture
def browser(browser_env):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def test_a_reader_walks_from_the_front_page_to_an_article_an_organisation_and_search(
    browser, live_server, edition
):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "2025年8月5日 第1234期"
    page.get_by_role("link", name="第3版 区域创新").first.click()
    page.wait_for_url("**/issues/2025-08-05/3/")
    assert page.locator("h1").inner_text() == "第3版 · 区域创新"
    page.get_by_role("link", name="从“杭州六小龙”看区域创新“五维密码”").click()
    page.wait_for_url(f"**/articles/{edition['lead'].pk}/")
    assert page.locator("h1").inner_text() == "从“杭州六小龙”看区域创新“五维密码”"
    assert page.locator(".body h2").inner_text() == "全球科技版图呈现多元化趋势"
    indent = page.locator(".body p").first.evaluate("p => getComputedStyle(p).textIndent")
    assert indent == "34px"  # 2em of 17px
    page.screenshot(path=ARTIFACTS / "article-desktop.png", full_page=True)

    phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone.goto(page.url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the article must not scroll sideways on a phone"
    phone.screenshot(path=ARTIFACTS / "article-phone.png", full_page=True)
    phone.close()

    page.get_by_role("link", name="杭州深度求索人工智能基础技术研究有限公司").click()
    page.wait_for_url(f"**/organisations/{edition['organisation'].pk}/")
    assert "又称：深度求索" in page.locator("main").inner_text()

    page.get_by_role("searchbox", name="搜索稿件").fill("脑机接口")
    page.get_by_role("searchbox", name="搜索稿件").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".results mark").first.inner_text() == "脑机接口"
    assert "从“杭州六小龙”看区域创新“五维密码”" in page.locator(".results").inner_text()
    page.screenshot(path=ARTIFACTS / "search-desktop.png", full_page=True)
    assert outside == [], "nothing may load from outside the site"
