"""The importer when things go wrong: a parse the models refuse, an editor's work on captions
under `--replace`, and two imports running at once (real processes, both databases)."""

import datetime
import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from articles import importing
from articles.models import Article, Byline, Caption, Contributor, Issue, Page
from articles.pagetext import PageTextError, ParsedArticle, ParsedPage, parse_page
from articles.pagetext.model import Block
from articles.pagetext.model import Byline as ParsedByline
from articles.tests.test_pagetext import PAGE_LIKE_TEXT
from entities.models import Organisation

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGE = ROOT / "fixtures" / "2025-08-05" / "03-创新一线.txt"
BAD_MARK = "【解析有误的版面】"


def run_import(*args):
    out = io.StringIO()
    try:
        call_command("import_issue", *[str(a) for a in args], stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), None


@pytest.fixture
def issue_dir(tmp_path):
    directory = tmp_path / "2025-08-05"
    directory.mkdir()
    (directory / "03-创新一线.txt").write_text(SEED_PAGE.read_text("utf-8"), "utf-8")
    return directory


def good_article(**fields):
    return ParsedArticle(
        title="好稿件",
        bylines=[ParsedByline("记者", "李墨")],
        body=[Block("paragraph", "正文。")],
        **fields,
    )


REFUSED_PARSES = {
    "no title": (ParsedArticle(body=[Block("paragraph", "只有正文。")]), "主题：文章必须有主题"),
    "long byline": (
        ParsedArticle(title="标题", bylines=[ParsedByline("记者", "名" * 60)]),
        "作者的姓名：",
    ),
    "long title": (ParsedArticle(title="长" * 250), "主题："),
    "empty caption": (ParsedArticle(kind="photo", captions=[""]), "图片说明的图片说明："),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(REFUSED_PARSES))
def test_a_parse_the_models_refuse_fails_its_page_in_one_line_and_the_others_import(
    case, issue_dir, monkeypatch
):
    bad, reason = REFUSED_PARSES[case]
    parse_page = importing.parse_page

    def parser(text):
        return ParsedPage([good_article(), bad]) if BAD_MARK in text else parse_page(text)

    monkeypatch.setattr(importing, "parse_page", parser)
    (issue_dir / "01-要闻.txt").write_text(BAD_MARK + "\n正文。\n", "utf-8")
    (issue_dir / "05-综合.txt").write_text(SEED_PAGE.read_text("utf-8"), "utf-8")

    output, error = run_import(issue_dir)

    assert error is not None and "\n" not in error and "第2篇" in error and reason in error
    lines = output.splitlines()
    assert any(str(issue_dir / "01-要闻.txt") in line and "失败" in line for line in lines)
    assert sorted(Page.objects.values_list("number", flat=True)) == [3, 5]
    assert not Article.objects.filter(title="好稿件").exists()
    assert Article.objects.filter(page__number=5).count() == 4


def test_every_parse_the_importer_stores_passes_validation_or_is_reported():
    """The importer's check agrees with the models': what it lets through saves."""
    recorder = importing.OrganisationRecorder(known={})
    for bad, reason in REFUSED_PARSES.values():
        (problem,) = importing.page_problems(ParsedPage([good_article(), bad]), recorder)
        assert problem.startswith("第2篇") and reason in problem
    assert importing.page_problems(ParsedPage([good_article()]), recorder) == []


# --replace and an editor's caption work -------------------------------------------------


def png(name="photo.png"):
    data = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


@pytest.mark.django_db
@pytest.mark.parametrize("edit", ["image", "credit"])
def test_replace_keeps_an_editors_caption_photo_and_credit(edit, issue_dir, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    page_file = issue_dir / "03-创新一线.txt"
    run_import(page_file)
    caption = Caption.objects.get(article__kind=Article.Kind.PHOTO)
    if edit == "image":
        caption.image = png()
    else:
        caption.credit = "记者王五"
    caption.save()
    before = list(Caption.objects.order_by("pk").values_list("pk", "text", "credit", "image"))
    assert len(before) == 2  # the lead's ▲ caption, and the photo news

    changed = page_file.read_text("utf-8").replace("操作机械臂搭积木", "操作机械臂搭积木塔")
    assert changed != page_file.read_text("utf-8")
    page_file.write_text(changed, "utf-8")
    output, error = run_import(page_file, "--replace")

    assert error is None
    assert list(Caption.objects.order_by("pk").values_list("pk", "text", "credit", "image")) == (
        before
    )
    assert "编辑在导入后改过这篇稿件" in output
    if edit == "image":
        assert (settings.MEDIA_ROOT / caption.image.name).exists()


# Two imports at once ----------------------------------------------------------------------


def database_url(tmp_path) -> str:
    """A URL other processes reach the test database by (SQLite: a file copy of it)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def run_at_once(url, generations: Path, *commands):
    """The commands as separate processes on one database, with a generation file of the
    test's own (the store replaces that file atomically: never point it at a device)."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_PUBLIC_CACHE_GENERATION_FILE": str(generations),
    }
    env.pop("REDIS_URL", None)
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "import_issue", *map(str, args)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for args in commands
    ]
    return [(p.wait(timeout=120), p.stdout.read()) for p in processes]


TABLES = ("articles_page", "articles_article", "entities_organisation")


def counts(url):
    """Pages, articles and organisations as the other processes left them."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES]
    return [Page.objects.count(), Article.objects.count(), Organisation.objects.count()]


def new_organisations(output) -> int:
    return sum(int(n) for n in re.findall(r"新机构 (\d+)", output))


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_pages_naming_the_same_new_organisations_both_succeed(tmp_path):
    for name, number in (("a", 3), ("b", 4)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{number:02d}.txt").write_text(SEED_PAGE.read_text("utf-8"), "utf-8")
    url = database_url(tmp_path)
    results = run_at_once(
        url,
        tmp_path / "generation",
        [tmp_path / "a" / "03.txt", "--date", "2025-08-05"],
        [tmp_path / "b" / "04.txt", "--date", "2025-08-05"],
    )
    assert [code for code, _ in results] == [0, 0], results
    pages, articles, organisations = counts(url)
    assert (pages, articles) == (2, 8)
    assert organisations == sum(new_organisations(out) for _, out in results) > 0


@pytest.mark.django_db(transaction=True)
def test_the_same_page_imported_twice_at_once_is_stored_once(tmp_path):
    Issue.objects.create(date=datetime.date(2025, 8, 5))  # both find it, neither the page
    url = database_url(tmp_path)
    results = run_at_once(
        url,
        tmp_path / "generation",
        [SEED_PAGE, "--date", "2025-08-05"],
        [SEED_PAGE, "--date", "2025-08-05"],
    )
    assert [code for code, _ in results] == [0, 0], results
    assert sorted("新建 4" in out for _, out in results) == [False, True]
    assert counts(url)[:2] == [1, 4]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), PAGE_LIKE_TEXT))
def test_whatever_the_parser_returns_the_importer_stores_valid_rows_or_reports_one_line(text):
    try:
        parsed = parse_page(text)
    except PageTextError:
        return
    recorder = importing.OrganisationRecorder(known={})
    problems = importing.page_problems(parsed, recorder)
    assert all("\n" not in problem and problem.startswith("第") for problem in problems)
    refused = {int(problem[1 : problem.index("篇")]) for problem in problems}
    for position, article in enumerate(parsed.articles, start=1):
        if position in refused:
            continue
        content = importing.ArticleContent.from_parsed(article)
        row = Article(import_ref=f"2025-08-05/01/{position}", **content.fields)
        row.full_clean(exclude=["tags", "page", "updated_by"], validate_unique=False)
        for caption in content.captions:
            Caption(text=caption, credit=importing.photo_credit(caption)).full_clean(
                exclude=["article"]
            )
        for role, name in content.bylines:
            Contributor(name=name).full_clean(validate_unique=False)
            Byline(role=role).full_clean(exclude=["article", "contributor"])
