"""A reporter and an editor work on one imported article in a real Chromium.

The reporter corrects it, tags it in Chinese and submits it, and is offered no way to
publish; the editor publishes it; an anonymous reader then sees the change. Screenshots go
to test-artifacts/.
"""

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
    reporter.fill("#id_tags", "人工智能，芯片、区域创新")
    assert reporter.locator("button[value=publish]").count() == 0
    reporter.screenshot(path=ARTIFACTS / "admin-reporter-editing.png", full_page=True)
    reporter.click("button[value=submit_for_review]")
    reporter.wait_for_selector(".messagelist .success")
    assert "已提交审核" in reporter.inner_text(".messagelist")

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert sorted(article.tags.names()) == ["人工智能", "区域创新", "芯片"]

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
