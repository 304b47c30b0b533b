"""Every page works under its Content-Security-Policy in a real Chromium: the reader's pages
and the admin pages an editor uses log no CSP violation."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Caption
from articles.tests import test_admin_browser
from articles.tests.roles import make_editor
from conftest import add_byline, make_article, make_issue, make_page
from entities.models import Mention, Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests"
browser = test_admin_browser.browser  # Chromium, or a skip saying why
# Collects violations from the moment a document starts, before any of its own scripts.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    migration = importlib.import_module("articles.migrations.0003_reporter_and_editor_groups")
    migration.create_groups(apps, None)
    page = make_page(make_issue(datetime.date(2025, 8, 5)), number=3, name="创新一线")
    article = make_article("安全策略下的稿件", page=page, body="正文。", tags=["人工智能"])
    add_byline(article, "李墨")
    image = io.BytesIO()
    Image.new("RGB", (8, 6), "blue").save(image, "PNG")
    Caption.objects.create(
        article=article,
        text="图为现场。",
        image=SimpleUploadedFile("现场.png", image.getvalue(), content_type="image/png"),
    )
    organisation = Organisation.objects.create(name="之江实验室")
    Mention.objects.create(article=article, organisation=organisation)
    editor = make_editor()
    editor.set_password(PASSWORD)
    editor.save()
    return {"article": article, "organisation": organisation, "editor": editor}


def visit(page, url) -> list[str]:
    response = page.goto(url)
    assert response.status < 500, url
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


def console_violations(page) -> list[str]:
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_reader_pages_log_no_csp_violation(browser, live_server, site):
    article = site["article"]
    page = browser.new_page()
    page.add_init_script(LISTEN)
    console = console_violations(page)
    urls = [
        "/",
        "/issues/",
        "/issues/2025-08-05/",
        "/issues/2025-08-05/3/",
        article.get_absolute_url(),
        "/tags/人工智能/",
        site["organisation"].get_absolute_url(),
        f"/contributors/{article.bylines.get().contributor_id}/",
        "/search/?q=安全策略",
        "/no-such-page/",
    ]
    for url in urls:
        assert visit(page, live_server.url + url) == [], url
    images = page.evaluate("[...document.images].map(i => i.naturalWidth)")
    assert images == [], "the 404 page shows no image"
    page.goto(live_server.url + article.get_absolute_url())
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert console == []


def test_admin_pages_an_editor_uses_log_no_csp_violation(browser, live_server, site):
    article, organisation = site["article"], site["organisation"]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.add_init_script(LISTEN)
    console = console_violations(page)
    assert visit(page, f"{live_server.url}/admin/login/") == []
    page.fill("#id_username", site["editor"].username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")
    urls = [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/?q=安全",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/history/",
        "/admin/articles/article/import/",
        "/admin/articles/article/export/",
        "/admin/articles/contributor/",
        "/admin/entities/organisation/",
        f"/admin/entities/organisation/{organisation.pk}/change/",
        "/admin/taggit/tag/",
    ]
    for url in urls:
        assert visit(page, live_server.url + url) == [], url
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click(".select2-selection")  # the page autocomplete opens and searches
    page.wait_for_selector(".select2-results__option")
    page.fill("#id_title", "安全策略下改过的稿件")
    page.click("#publishing-panel input[name=_continue]")
    page.wait_for_selector(".messagelist")
    assert page.evaluate("window.__cspViolations") == []
    assert console == []
