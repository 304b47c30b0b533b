"""A reporter and an editor work on one imported article in a real Chromium.

The reporter corrects it, tags it in Chinese and submits it, and is offered no way to
publish; the editor publishes it; an anonymous reader then sees the change. Screenshots go
to test-artifacts/.
"""

import datetime
import importlib
import shutil
from pathlib import Path

import pytest
from django.apps import apps

from articles.models import Article
from articles.tests.roles import make_editor, make_reporter
from conftest import add_byline, make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "pw-for-tests"


@pytest.fixture
def browser(monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it with apt)")
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def newsroom_groups():
    """A transactional test starts from a flushed database: recreate the migration's groups."""
    migration = importlib.import_module("articles.migrations.0003_reporter_and_editor_groups")
    migration.create_groups(apps, None)


def log_in(browser, live_server, username):
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")
    return page


def test_reporter_submits_editor_publishes_reader_sees_it(browser, live_server, newsroom_groups):
    make_reporter("reporter")
    make_editor("editor")
    article = make_article(
        "导入的标题有错别子",
        status=Article.Status.DRAFT,
        import_ref="2025-08-05/03/1",
        dateline="本报讯",
        body="导入的第一段。\n\n导入的第二段。",
    )
    add_byline(article, "郭文晨", role="特约通讯员")
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    reporter = log_in(browser, live_server, "reporter")
    reporter.goto(change_url)
    reporter.fill("#id_title", "导入的标题已改正")
    reporter.fill("#id_body", "导入的第一段。\n\n## 记者补充\n\n记者补写的第二段。")
    reporter.fill("#id_tags", "人工智能，芯片、智能制造")
    assert reporter.locator("button[value=publish]").count() == 0
    reporter.screenshot(path=ARTIFACTS / "admin-reporter-editing.png", full_page=True)
    reporter.click("button[value=submit_for_review]")
    reporter.wait_for_selector(".messagelist .success")
    assert "已提交审核" in reporter.inner_text(".messagelist")

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert sorted(article.tags.names()) == ["人工智能", "智能制造", "芯片"]

    reporter.goto(change_url)
    assert reporter.locator("button[value=publish]").count() == 0
    reporter.goto(f"{live_server.url}/admin/articles/article/")
    actions = reporter.locator("select[name=action] option").all_inner_texts()
    assert "立即发布所选稿件" not in actions
    assert not Article.objects.published().exists()

    editor = log_in(browser, live_server, "editor")
    editor.goto(change_url)
    assert editor.input_value("#id_title") == "导入的标题已改正"
    editor.click("button[value=publish]")
    editor.wait_for_selector(".messagelist .success")
    editor.screenshot(path=ARTIFACTS / "admin-editor-published.png", full_page=True)
    assert Article.objects.published().filter(pk=article.pk).exists()

    reader = browser.new_page(viewport={"width": 1280, "height": 1000})
    reader.goto(f"{live_server.url}/articles/{article.pk}/")
    text = reader.inner_text("body")
    assert "导入的标题已改正" in text
    assert "记者补写的第二段。" in text
    assert "预览" not in text
    reader.screenshot(path=ARTIFACTS / "admin-reader-sees-change.png", full_page=True)

    history = editor
    history.goto(f"{live_server.url}/admin/articles/article/{article.pk}/history/")
    assert "reporter" in history.inner_text("#change-history")
    reporters_edit = article.history.filter(body__contains="记者补写").earliest("history_date")
    history.click(f"a.compare-link[href$='?new={reporters_edit.pk}']")
    assert "记者补写的第二段" in history.inner_text(".version-diff")
    history.screenshot(path=ARTIFACTS / "admin-history-compare.png", full_page=True)


def test_an_editors_day_schedule_history_stale_save_and_merge(
    browser, live_server, newsroom_groups
):
    """Schedule -> see 定时 -> publish now from the form; edit only the title -> history shows
    only the title; a stale save shows the other editor's change; merge with confirmation
    and redirect. Screenshots of the changelist, the form and the history diff."""
    from django.utils import timezone

    from entities.models import Mention, Organisation

    make_editor("editor")
    make_editor("colleague")
    article = make_article(
        "定时发布的稿件",
        status=Article.Status.DRAFT,
        import_ref="2025-08-05/03/1",
        body="第一段。\n\n第二段。",
    )
    add_byline(article, "郭文晨", role="特约通讯员")
    make_article("等着审的稿件", status=Article.Status.REVIEW)
    base = live_server.url
    change_url = f"{base}/admin/articles/article/{article.pk}/change/"

    editor = log_in(browser, live_server, "editor")
    editor.goto(change_url)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    editor.fill("#id_schedule_at_0", f"{tomorrow:%Y/%m/%d}")
    editor.fill("#id_schedule_at_1", "09:30:00")
    editor.click("button[value=publish]")
    editor.wait_for_selector(".messagelist .success")
    assert "已定时" in editor.inner_text(".messagelist")
    assert editor.inner_text("#article-state") == "定时"
    buttons = editor.locator("#publishing-panel button").all_inner_texts()
    assert buttons == ["立即发布", "修改定时", "取消定时", "归档"]
    editor.screenshot(path=ARTIFACTS / "admin-change-form.png", full_page=False)
    editor.mouse.wheel(0, 1500)  # deep in the body, the controls stay on screen
    editor.wait_for_timeout(200)
    panel = editor.locator("#publishing-panel").bounding_box()
    assert 0 <= panel["y"] <= 5
    editor.screenshot(path=ARTIFACTS / "admin-change-form-scrolled.png", full_page=False)
    editor.set_viewport_size({"width": 390, "height": 844})
    editor.evaluate("window.scrollTo(0, 0)")
    editor.screenshot(path=ARTIFACTS / "admin-change-form-phone.png", full_page=False)
    editor.set_viewport_size({"width": 1280, "height": 1000})

    editor.goto(f"{base}/admin/articles/article/")
    assert "定时" in editor.inner_text("#result_list")
    assert "待审1" in editor.inner_text(".state-tabs").replace("\n", "")
    editor.screenshot(path=ARTIFACTS / "admin-changelist.png", full_page=True)

    editor.goto(change_url)
    editor.click("button[value=publish_now]")
    editor.wait_for_selector(".messagelist .success")
    assert editor.inner_text("#article-state") == "已发布"
    assert Article.objects.published().filter(pk=article.pk).exists()

    # Edit only the title (the browser sends the body back with \r\n line ends).
    editor.fill("#id_title", "只改了标题")
    editor.click("#publishing-panel input[name=_continue]")
    editor.wait_for_selector(".messagelist .success")
    assert "\r" not in Article.objects.get(pk=article.pk).body  # saved as the text it was
    editor.goto(f"{base}/admin/articles/article/{article.pk}/history/")
    newest_changes = editor.locator("#change-history tbody tr").first.locator(".history-changes")
    assert newest_changes.inner_text() == "主题"
    editor.screenshot(path=ARTIFACTS / "admin-history-list.png", full_page=True)
    editor.click("#compare-chosen")
    assert [
        row.strip() for row in editor.locator(".version-diff th[scope=row]").all_inner_texts()
    ] == ["主题"]
    editor.screenshot(path=ARTIFACTS / "admin-history-diff.png", full_page=True)

    # Two editors, one article.
    editor.goto(change_url)
    colleague = log_in(browser, live_server, "colleague")
    colleague.goto(change_url)
    colleague.fill("#id_body", "同事改写的第一段。\n\n第二段。")
    colleague.click("#publishing-panel input[name=_continue]")
    colleague.wait_for_selector(".messagelist .success")
    editor.fill("#id_title", "我改的标题")
    editor.click("#publishing-panel input[name=_continue]")
    editor.wait_for_selector(".errornote, .errorlist")
    refused = editor.inner_text("#content-main")
    assert "colleague" in refused and "对方的改动" in refused
    assert "同事改写" in editor.inner_text(".stale-diff table ins")
    assert editor.input_value("#id_title") == "我改的标题"
    editor.screenshot(path=ARTIFACTS / "admin-stale-save.png", full_page=False)

    # Merge two organisations, choosing the one kept.
    main = Organisation.objects.create(name="浙江大学")
    duplicate = Organisation.objects.create(name="浙大")
    Mention.objects.create(article=article, organisation=main)
    old_url = f"{base}{duplicate.get_absolute_url()}"
    editor.goto(f"{base}/admin/entities/organisation/")
    for org in (main, duplicate):
        editor.check(f"input[name=_selected_action][value='{org.pk}']")
    editor.select_option("select[name=action]", "merge_selected")
    editor.click("button[name=index]")
    editor.wait_for_selector("#merge-confirmation")
    assert "1 处提及" in editor.inner_text("#merge-confirmation")
    editor.screenshot(path=ARTIFACTS / "admin-merge-confirmation.png", full_page=True)
    editor.check(f"#keep-{main.pk}")
    editor.click("input[name=confirm_merge]")
    editor.wait_for_selector(".messagelist .success")
    assert list(Organisation.objects.values_list("name", flat=True)) == ["浙江大学"]
    reader = browser.new_page(viewport={"width": 1280, "height": 1000})
    response = reader.goto(old_url)
    assert reader.url == f"{base}{main.get_absolute_url()}"
    assert response.status == 200 and "浙江大学" in reader.inner_text("h1")


def test_the_proof_region_is_legible_beside_the_body_and_fits_a_phone(
    browser, live_server, newsroom_groups, settings, tmp_path
):
    """校对: the article's region is drawn at a size its body text can be read at (a wide
    region scrolls in its box rather than shrinking to the column), beside the body on a
    desktop and below it on a phone, where neither the body nor the region runs off screen."""
    from articles.tests.test_epaper_browser import LEAD_REGION, SAMPLE_PDF, printed
    from conftest import make_issue, make_page

    settings.MEDIA_ROOT = tmp_path / "media"
    make_editor("editor")
    page = printed(
        make_page(make_issue(datetime.date(2025, 8, 5)), number=3), SAMPLE_PDF.read_bytes()
    )
    article = make_article("小工厂用上“共享质检员”", page=page, regions=[LEAD_REGION])
    region_pixels = LEAD_REGION["w"] * page.image_width
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    desk = log_in(browser, live_server, "editor")
    desk.set_viewport_size({"width": 1366, "height": 900})
    desk.goto(change_url)
    desk.wait_for_load_state("networkidle")
    crop = desk.locator(".printed-region svg").bounding_box()
    assert crop["width"] / region_pixels >= 0.75  # ~13 px body text on the sample page
    body = desk.locator("#id_body").bounding_box()
    box = desk.locator(".printed-crop").bounding_box()
    assert box["x"] >= body["x"] + body["width"] and box["x"] + box["width"] <= 1366
    desk.locator(".form-row.field-printed_region").screenshot(
        path=ARTIFACTS / "admin-proof-desktop.png"
    )

    phone = log_in(browser, live_server, "editor")
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(change_url)
    phone.wait_for_load_state("networkidle")
    body = phone.locator("#id_body").bounding_box()
    box = phone.locator(".printed-crop").bounding_box()
    assert body["x"] + body["width"] <= 390 and box["x"] + box["width"] <= 390
    assert box["y"] >= body["y"] + body["height"]
    phone.screenshot(path=ARTIFACTS / "admin-proof-phone.png", full_page=True)
