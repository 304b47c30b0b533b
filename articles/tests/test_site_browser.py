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
        "走进江澄市青禾湾产业园的一家五金厂，流水线尽头的摄像头正给刚下线的合页“拍照体检”。"
        "不到一秒，屏幕上就标出一道肉眼难辨的细小划痕。",
        "运营“算力驿站”的是江澄青禾智算科技有限公司（以下简称“青禾智算”）。"
        "企业只需上传几百张样品照片，工程师两三天就能调出一套专用的质检模型。",
        "## 一台服务器多家企业拼着用",
        "江澄理工大学机械工程学院与青禾智算共建了联合实验室，团队提出的少样本缺陷检测方法，"
        "已在园区37家企业落地。",
        "江澄市工业智能研究院副院长姜若溪表示，企业上线新模型前，可以先用真实工况数据跑一遍，"
        "检出率、误报率一目了然。",
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
    page = make_page(issue, number=3, name="创新一线")
    now = timezone.now()
    make_article("我国科技创新指数稳步提升", page=front, body="全国科技创新指数持续提升。")
    lead = make_article(
        "小工厂用上“共享质检员”",
        page=page,
        position=1,
        kicker="县域产业园里的数字化转型",
        subtitle="——江澄市“算力驿站”服务中小企业调查",
        dateline="本报讯",
        body=BODY,
        tags=["人工智能", "智能制造"],
        publish_at=now - datetime.timedelta(hours=2),
    )
    add_byline(lead, "林知远", role="记者")
    add_byline(lead, "苏晓棠", role="通讯员")
    add_caption(lead, "工程师正在调试质检摄像头。", credit="林知远摄")
    make_article("风电叶片有了爬行“体检医生”", page=page, position=2)
    organisation = Organisation.objects.create(name="江澄青禾智算科技有限公司")
    OrganisationAlias.objects.create(organisation=organisation, alias="青禾智算")
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
    page.get_by_role("link", name="第3版 创新一线").first.click()
    page.wait_for_url("**/issues/2025-08-05/3/")
    assert page.locator("h1").inner_text() == "第3版 · 创新一线"
    page.get_by_role("link", name="小工厂用上“共享质检员”").click()
    page.wait_for_url(f"**/articles/{edition['lead'].pk}/")
    assert page.locator("h1").inner_text() == "小工厂用上“共享质检员”"
    assert page.locator(".body h2").inner_text() == "一台服务器多家企业拼着用"
    indent = page.locator(".body p").first.evaluate("p => getComputedStyle(p).textIndent")
    assert indent == "34px"  # 2em of 17px
    page.screenshot(path=ARTIFACTS / "article-desktop.png", full_page=True)

    phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone.goto(page.url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the article must not scroll sideways on a phone"
    phone.screenshot(path=ARTIFACTS / "article-phone.png", full_page=True)
    phone.close()

    page.get_by_role("link", name="江澄青禾智算科技有限公司").click()
    page.wait_for_url(f"**/organisations/{edition['organisation'].pk}/")
    assert "又称：青禾智算" in page.locator("main").inner_text()

    page.get_by_role("searchbox", name="搜索稿件").fill("缺陷检测")
    page.get_by_role("searchbox", name="搜索稿件").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".results mark").first.inner_text() == "缺陷检测"
    assert "小工厂用上“共享质检员”" in page.locator(".results").inner_text()
    page.screenshot(path=ARTIFACTS / "search-desktop.png", full_page=True)
    assert outside == [], "nothing may load from outside the site"
