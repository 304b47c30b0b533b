"""A reader opens the printed page (数字报) in a real Chromium, under a strict Content-Security-
Policy: clicks an article's region and lands on it, finds an unpublished article's region is no
link, comes back from the article to its region; desktop and phone screenshots go to
test-artifacts/ (epaper-*.png)."""

import datetime
from pathlib import Path

import pytest

from articles.models import Article
from articles.pagerender import render_page
from articles.printed import store_printed_files
from articles.tests import test_site_browser as site
from articles.tests.printed_pdfs import page_pdf
from conftest import add_byline, add_caption, make_article, make_issue, make_page
from search.indexing import clear_index

PlaywrightError = pytest.importorskip("playwright.sync_api").Error

browser_env, browser = site.browser_env, site.browser  # Chromium, as the reader walk starts it
ARTIFACTS = site.ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "fixtures" / "pdf" / "03-创新一线.pdf"
STRICT_CSP = (
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Where fixtures/typeset_sample.py sets the sample page's four items (it prints them).
LEAD_REGION = {"x": 0.048, "y": 0.067, "w": 0.905, "h": 0.339}
SECOND_REGION = {"x": 0.048, "y": 0.425, "w": 0.537, "h": 0.151}
SHORT_REGION = {"x": 0.048, "y": 0.593, "w": 0.537, "h": 0.093}
PHOTO_REGION = {"x": 0.599, "y": 0.425, "w": 0.353, "h": 0.219}


def printed(page, data):
    store_printed_files(page, render_page(data))
    page.save()
    return page


@pytest.fixture
def edition():
    issue = make_issue(datetime.date(2025, 8, 5), number=1234)
    front = printed(make_page(issue, number=1, name="要闻"), page_pdf(["要闻版"]))
    page = printed(make_page(issue, number=3, name="创新一线"), SAMPLE_PDF.read_bytes())
    text_only = make_page(issue, number=4, name="综合")
    make_article("我国科技创新指数稳步提升", page=front, regions=[LEAD_REGION])
    make_article("综合版稿件", page=text_only)
    lead = make_article(
        "小工厂用上“共享质检员”",
        page=page,
        position=1,
        kicker="县域产业园里的数字化转型",
        dateline="本报讯",
        body="走进江澄市青禾湾产业园的一家五金厂，流水线尽头的摄像头正给刚下线的合页“拍照体检”。",
        regions=[LEAD_REGION],
    )
    second = make_article(
        "风电叶片有了爬行“体检医生”",
        page=page,
        position=2,
        dateline="本报讯",
        body="近日，由东陵大学海洋工程学院牵头研制的风电叶片巡检机器人完成首次海上作业。",
        regions=[SECOND_REGION],
    )
    add_byline(second, "唐一禾", role="通讯员")
    short = make_article(
        "青少年科学小达人挑战赛首设“开源创作”赛道",
        page=page,
        position=3,
        dateline="本报讯",
        body="近日，第三届江澄青少年科学小达人挑战赛决赛在江澄市青少年宫举行。",
        regions=[SHORT_REGION],
    )
    add_byline(short, "钱沐阳", role="通讯员")
    photo = make_article(
        "",
        kind=Article.Kind.PHOTO,
        page=page,
        position=4,
        status=Article.Status.DRAFT,
        regions=[PHOTO_REGION],
    )
    add_caption(photo, "8月2日，江澄市夏季科普集市在滨江公园开市。■记者白晓丹摄")
    yield {"page": page, "lead": lead, "second": second, "short": short, "photo": photo}
    clear_index()  # a transactional test's flush leaves the full-text table's rows behind


def strict_page(context, live_server):
    """A tab whose every response from the site carries a strict CSP; it records violations
    and every request that leaves the site."""
    tab = context.new_page()
    tab.violations, tab.outside = [], []
    tab.on(
        "console",
        lambda message: (
            tab.violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    tab.on(
        "request",
        lambda request: (
            tab.outside.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )

    def with_csp(route):
        """A policy binds the document it arrives with, so only documents are rewritten. A
        request the tab abandons mid-way (it navigated on) has nobody left to answer: that is
        no failure of the site."""
        try:
            if route.request.resource_type != "document":
                route.fallback()
                return
            response = route.fetch()
            route.fulfill(
                response=response,
                headers={**response.headers, "content-security-policy": STRICT_CSP},
            )
        except PlaywrightError as error:
            if not tab.is_closed() and "disposed" not in str(error):
                raise

    tab.route(f"{live_server.url}/**", with_csp)
    return tab


def close(context):
    """Closing while a handler is mid-request must not fail the walk that just passed."""
    for tab in context.pages:
        tab.unroute_all(behavior="ignoreErrors")
    context.close()


# What is drawn at a point of the page image (page fractions), scrolled into view.
POINT_AT = """([fx, fy]) => {
  const svg = document.querySelector('.sheet-image');
  let box = svg.getBoundingClientRect();
  window.scrollTo(0, box.top + window.scrollY + box.height * fy - window.innerHeight / 2);
  box = svg.getBoundingClientRect();
  const x = box.left + box.width * fx, y = box.top + box.height * fy;
  const element = document.elementFromPoint(x, y);
  const link = element && element.closest('a');
  return {x, y, tag: element && element.tagName, link: link && link.getAttribute('href')};
}"""


def test_a_reader_clicks_an_article_on_the_printed_page_and_lands_on_it(
    browser, live_server, edition
):
    ARTIFACTS.mkdir(exist_ok=True)
    lead, second, photo = edition["lead"], edition["second"], edition["photo"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = strict_page(context, live_server)
    images = []
    tab.on("response", lambda r: images.append((r.url, r.status)) if "/files/" in r.url else None)
    tab.goto(live_server.url + "/")
    tab.wait_for_load_state("networkidle")
    tab.screenshot(path=ARTIFACTS / "epaper-home-desktop.png", full_page=True)
    tab.get_by_role("link", name="第3版版面图").click()  # the printed page is the front door
    tab.wait_for_url("**/issues/2025-08-05/3/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("h1").inner_text() == "第3版 · 创新一线"
    assert (edition["page"].image_url, 200) in [
        (u.removeprefix(live_server.url), s) for u, s in images
    ]

    region = tab.get_by_role("link", name="风电叶片有了爬行“体检医生”").first
    assert region.evaluate("a => a.closest('svg') !== null")  # the region, not the list's link
    rect = f"#region-{second.pk} rect"
    assert tab.locator(rect).evaluate("r => getComputedStyle(r).fillOpacity") == "0"
    tab.locator(f"#region-{second.pk}").hover()
    assert tab.locator(rect).evaluate("r => getComputedStyle(r).fillOpacity") == "0.1"
    tab.mouse.move(5, 5)
    tab.locator(f"#region-{second.pk}").focus()
    assert tab.locator(rect).evaluate("r => getComputedStyle(r).strokeOpacity") == "0.9"
    tab.screenshot(path=ARTIFACTS / "epaper-page-desktop.png", full_page=True)

    tab.locator(rect).click()  # Chromium clicks where the rect is drawn, if it is the target
    tab.wait_for_url(f"**/articles/{second.pk}/")
    assert tab.locator("h1").inner_text() == "风电叶片有了爬行“体检医生”"

    tab.go_back()
    tab.wait_for_url("**/issues/2025-08-05/3/")
    centre_of_photo = [
        PHOTO_REGION["x"] + PHOTO_REGION["w"] / 2,
        PHOTO_REGION["y"] + PHOTO_REGION["h"] / 2,
    ]
    what = tab.evaluate(POINT_AT, centre_of_photo)
    assert what["tag"] == "image" and what["link"] is None, "an unpublished region is no link"
    tab.mouse.click(what["x"], what["y"])
    tab.wait_for_timeout(300)
    assert tab.url.endswith("/issues/2025-08-05/3/")
    assert "夏季科普集市" not in tab.content()
    assert f"region-{photo.pk}" not in tab.content()

    tab.goto(live_server.url + f"/articles/{lead.pk}/")
    tab.screenshot(path=ARTIFACTS / "epaper-article-desktop.png", full_page=True)
    tab.locator(".printed-where a").click()
    tab.wait_for_url(f"**/issues/2025-08-05/3/#region-{lead.pk}")
    assert (
        tab.locator(f"#region-{lead.pk} rect").evaluate("r => getComputedStyle(r).strokeOpacity")
        == "0.9"
    )  # :target shows where it was printed
    assert tab.violations == [] and tab.outside == []
    close(context)


def test_on_a_phone_the_page_fits_the_width_and_a_tap_opens_the_article(
    browser, live_server, edition
):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        has_touch=True,
        is_mobile=True,
    )
    tab = strict_page(context, live_server)
    tab.goto(live_server.url + "/issues/2025-08-05/3/")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    sheet = tab.locator(".sheet-image").bounding_box()
    listed = tab.locator(".sheet-list").bounding_box()
    assert sheet["width"] >= 390 - 2 * 16 - 2 and listed["y"] > sheet["y"] + sheet["height"]
    tab.screenshot(path=ARTIFACTS / "epaper-page-phone.png", full_page=True)
    short = edition["short"].pk
    tab.goto(live_server.url + f"/issues/2025-08-05/3/#region-{short}")  # from its article
    tab.wait_for_load_state("networkidle")
    top = tab.locator(f"#region-{short}").bounding_box()["y"]
    assert 16 <= top <= 844 / 2, "the region comes into view with room above its headline"
    tab.locator(f"#region-{edition['lead'].pk} rect").tap()
    tab.wait_for_url(f"**/articles/{edition['lead'].pk}/")
    tab.screenshot(path=ARTIFACTS / "epaper-article-phone.png", full_page=True)
    assert tab.violations == [] and tab.outside == []
    close(context)


def test_without_javascript_a_region_is_still_a_link(browser, live_server, edition):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/issues/2025-08-05/3/")
    tab.locator(f"#region-{edition['lead'].pk} rect").click()
    tab.wait_for_url(f"**/articles/{edition['lead'].pk}/")
    context.close()
