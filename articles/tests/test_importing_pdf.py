"""Importing page PDFs: where each page goes, what is stored with it, re-imports, bad files."""

import datetime
import io
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from articles import importing
from articles.importing import PageImportError, collect_pages, import_pages
from articles.models import Article, Issue, Page
from articles.pagerender import IMAGE_WIDTH, THUMBNAIL_WIDTH
from articles.tests.printed_pdfs import fix_parse, page_pdf, parsed_article, parsed_page

pytestmark = pytest.mark.django_db

DATE = datetime.date(2025, 8, 5)
LEAD = parsed_article("科技创新指数稳步提升", regions=[(0.05, 0.1, 0.9, 0.4)])
SECOND = parsed_article("叶片巡检机器人下海", regions=[(0.05, 0.52, 0.4, 0.4)], name="周钢")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run_import(*args):
    out = StringIO()
    call_command("import_issue", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def write_pdf(directory: Path, name: str, *pages) -> Path:
    path = directory / name
    path.write_bytes(page_pdf(*pages))
    return path


def write_text_page(path: Path) -> Path:
    path.write_text(
        "科技创新指数稳步提升\n\n本报讯（记者 李墨）全国科技创新指数持续提升，创新能力稳步增强。\n",
        encoding="utf-8",
    )
    return path


def stored_files(media_root: Path) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


class TestWhereAPdfPageGoes:
    def test_a_one_page_pdf_is_one_page_numbered_and_named_by_its_file(self, tmp_path, monkeypatch):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, SECOND)})
        path = write_pdf(tmp_path, "03-创新一线.pdf", ["一"])
        run_import(path, "--date", "2025-08-05")
        page = Page.objects.get()
        assert (page.issue.date, page.number, page.name) == (DATE, 3, "创新一线")
        assert list(page.articles.order_by("position").values_list("title", "import_ref")) == [
            ("科技创新指数稳步提升", "2025-08-05/03/1"),
            ("叶片巡检机器人下海", "2025-08-05/03/2"),
        ]

    def test_the_running_head_says_where_the_page_was_printed_when_the_command_does_not(
        self, tmp_path, monkeypatch
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, date=DATE, number=5, name="国际")})
        run_import(write_pdf(tmp_path, "page.pdf", ["一"]))
        page = Page.objects.get()
        assert (page.issue.date, page.number, page.name) == (DATE, 5, "国际")

    def test_a_page_no_one_dates_is_dated_today_and_the_editor_is_told(self, tmp_path, monkeypatch):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, number=5)})  # a head set as an image
        out = StringIO()
        call_command("import_issue", str(write_pdf(tmp_path, "page.pdf", ["一"])), stdout=out)
        today = timezone.localdate()
        assert Page.objects.get().issue.date == today
        assert f"命令、眉头和目录名都没有出版日期，按今天（{today.isoformat()}）导入。" in (
            out.getvalue()
        )

    def test_a_running_head_that_disagrees_with_the_command_is_reported_and_the_command_wins(
        self, tmp_path, monkeypatch
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, date=DATE, number=5, name="国际")})
        path = write_pdf(tmp_path, "page.pdf", ["一"])
        output = run_import(path, "--date", "2025-08-06", "--page", "6", "--page-name", "要闻")
        page = Page.objects.get()
        assert (page.issue.date, page.number, page.name) == (datetime.date(2025, 8, 6), 6, "要闻")
        assert "眉头的出版日期是2025-08-05，与 --date 的2025-08-06不同" in output
        assert "眉头的版次是第5版，与 --page 的第6版不同" in output
        assert "眉头的版名是“国际”，与 --page-name 的“要闻”不同" in output

    def test_a_running_head_that_disagrees_with_the_file_name_is_reported_and_wins(
        self, tmp_path, monkeypatch
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, number=4)})
        output = run_import(write_pdf(tmp_path, "03.pdf", ["一"]), "--date", "2025-08-05")
        assert Page.objects.get().number == 4
        assert "眉头的版次是第4版，与文件名的第3版不同，按眉头导入" in output

    def test_a_multi_page_pdf_is_a_whole_issue_its_page_n_being_page_n(self, tmp_path, monkeypatch):
        fix_parse(
            monkeypatch,
            {
                0: parsed_page(LEAD, name="要闻"),
                1: parsed_page(SECOND, name="创新一线"),
            },
        )
        run_import(write_pdf(tmp_path, "issue.pdf", ["一"], ["二"]), "--date", "2025-08-05")
        pages = Page.objects.order_by("number")
        assert [(p.number, p.name) for p in pages] == [(1, "要闻"), (2, "创新一线")]
        assert Article.objects.get(title="叶片巡检机器人下海").import_ref == "2025-08-05/02/1"
        with pytest.raises(PageImportError, match="不能用 --page"):
            collect_pages([tmp_path / "issue.pdf"], page=3)

    def test_an_issue_directory_may_hold_pdfs_beside_texts(self, tmp_path, monkeypatch):
        fix_parse(monkeypatch, {0: parsed_page(SECOND)})
        issue = tmp_path / "2025-08-05"
        issue.mkdir()
        write_pdf(issue, "02-创新一线.pdf", ["二"])
        write_text_page(issue / "01-要闻.txt")
        run_import(issue)
        pages = Page.objects.order_by("number")
        assert [(p.number, p.name, p.is_printed) for p in pages] == [
            (1, "要闻", False),
            (2, "创新一线", True),
        ]


class TestWhatIsStoredWithAPage:
    def test_the_pdf_an_image_for_readers_a_thumbnail_and_each_articles_regions(
        self, tmp_path, monkeypatch, media
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, SECOND)})
        path = write_pdf(tmp_path, "03.pdf", ["一"])
        run_import(path, "--date", "2025-08-05")
        page = Page.objects.get()
        assert page.pdf.read() == path.read_bytes()
        image = Image.open(io.BytesIO(page.image.read()))
        thumbnail = Image.open(io.BytesIO(page.thumbnail.read()))
        assert (image.format, image.width) == ("WEBP", IMAGE_WIDTH)
        assert (thumbnail.format, thumbnail.width) == ("WEBP", THUMBNAIL_WIDTH)
        assert (page.image_width, page.image_height) == image.size
        assert round(image.height / image.width, 2) == round(842 / 595, 2)
        lead = Article.objects.get(position=1)
        assert lead.regions == [{"x": 0.05, "y": 0.1, "w": 0.9, "h": 0.4}]
        assert len(stored_files(media)) == 3

    def test_each_page_of_a_multi_page_pdf_keeps_its_own_one_page_pdf(self, tmp_path, monkeypatch):
        fix_parse(monkeypatch, {0: parsed_page(LEAD), 1: parsed_page(SECOND)})
        run_import(write_pdf(tmp_path, "issue.pdf", ["一"], ["二"]), "--date", "2025-08-05")
        for page in Page.objects.all():
            stored = importing.read_pdf(page.pdf.read())
            assert stored.page_count == 1

    def test_regions_are_clipped_to_the_page(self, tmp_path, monkeypatch):
        overflowing = parsed_article("越界", regions=[(0.6, 0.9, 0.7, 0.3), (1.2, 0, 0.1, 0.1)])
        fix_parse(monkeypatch, {0: parsed_page(overflowing)})
        run_import(write_pdf(tmp_path, "01.pdf", ["一"]), "--date", "2025-08-05")
        assert Article.objects.get().regions == [{"x": 0.6, "y": 0.9, "w": 0.4, "h": 0.1}]


class TestReimporting:
    def test_the_same_pdf_again_changes_nothing(self, tmp_path, monkeypatch, media):
        fix_parse(monkeypatch, {0: parsed_page(LEAD, SECOND)})
        path = write_pdf(tmp_path, "03.pdf", ["一"])
        run_import(path, "--date", "2025-08-05")
        before = list(Article.objects.values_list("pk", "updated_at", "regions"))
        files = stored_files(media)
        history = Article.history.count()
        output = run_import(path, "--date", "2025-08-05")
        assert "未变 2" in output
        assert list(Article.objects.values_list("pk", "updated_at", "regions")) == before
        assert stored_files(media) == files
        assert Article.history.count() == history

    def test_the_pdf_of_a_page_imported_as_text_attaches_to_the_same_articles(
        self, tmp_path, monkeypatch, media
    ):
        text = write_text_page(tmp_path / "03.txt")
        run_import(text, "--date", "2025-08-05")
        from_text = Article.objects.get()
        fix_parse(monkeypatch, {0: parsed_page(LEAD)})
        run_import(write_pdf(tmp_path, "03.pdf", ["一"]), "--date", "2025-08-05")
        article = Article.objects.get()
        assert (article.pk, article.import_ref) == (from_text.pk, "2025-08-05/03/1")
        assert article.regions == [{"x": 0.05, "y": 0.1, "w": 0.9, "h": 0.4}]
        assert Page.objects.get().is_printed
        assert "未变 1" in run_import(text, "--date", "2025-08-05")  # the text again: no change

    def test_an_article_an_editor_changed_keeps_its_words_and_gains_its_region(
        self, tmp_path, monkeypatch
    ):
        text = write_text_page(tmp_path / "03.txt")
        run_import(text, "--date", "2025-08-05")
        Article.objects.filter().update(body="编辑改过的正文。")
        fix_parse(monkeypatch, {0: parsed_page(LEAD)})
        output = run_import(write_pdf(tmp_path, "03.pdf", ["一"]), "--date", "2025-08-05")
        article = Article.objects.get()
        assert article.body == "编辑改过的正文。"
        assert article.regions == [{"x": 0.05, "y": 0.1, "w": 0.9, "h": 0.4}]
        assert "文字未覆盖；已附上它在版面上的位置" in output

    def test_another_pdf_for_a_page_imported_from_a_pdf_needs_replace(
        self, tmp_path, monkeypatch, media, django_capture_on_commit_callbacks
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD)})
        run_import(write_pdf(tmp_path, "03.pdf", ["一"]), "--date", "2025-08-05")
        files = stored_files(media)
        moved = parsed_article("科技创新指数稳步提升", regions=[(0.1, 0.1, 0.5, 0.5)])
        fix_parse(monkeypatch, {0: parsed_page(moved)})
        second = write_pdf(tmp_path, "03-new.pdf", ["一", "改版"])
        with pytest.raises(CommandError, match="已从另一份PDF导入"):
            run_import(second, "--date", "2025-08-05", "--page", "3")
        assert Article.objects.get().regions[0]["x"] == 0.05
        with django_capture_on_commit_callbacks(execute=True):
            run_import(second, "--date", "2025-08-05", "--page", "3", "--replace")
        assert Article.objects.get().regions[0]["x"] == 0.1
        page = Page.objects.get()
        assert page.pdf.read() == second.read_bytes()
        assert stored_files(media) != files and len(stored_files(media)) == 3  # old ones gone

    def test_text_over_a_page_imported_from_its_pdf_needs_replace(self, tmp_path, monkeypatch):
        fix_parse(monkeypatch, {0: parsed_page(LEAD)})
        run_import(write_pdf(tmp_path, "03.pdf", ["一"]), "--date", "2025-08-05")
        text = tmp_path / "03.txt"
        text.write_text(
            "另一个标题\n\n本报讯（记者 李墨）另一段正文，内容不同。\n", encoding="utf-8"
        )
        with pytest.raises(CommandError, match="已从 PDF 导入"):
            run_import(text, "--date", "2025-08-05")
        assert Article.objects.get().title == "科技创新指数稳步提升"


def truncated_pdf():
    return page_pdf(["一"])[:400]


ZERO_PAGES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class TestBadPdfsChangeNothing:
    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (b"", "empty"),
            (b"%PDF-1.4\n\x00\x01garbage", "corrupt"),
            (truncated_pdf(), "corrupt or truncated"),
            (page_pdf(["一"], encrypt="secret"), "encrypted"),
            (page_pdf([]), "OCR"),
            (ZERO_PAGES, "no pages"),
        ],
        ids=["empty", "corrupt", "truncated", "encrypted", "scan", "zero-pages"],
    )
    def test_is_refused_in_one_line_naming_the_file(
        self, tmp_path, monkeypatch, media, content, reason
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD)})
        good = write_pdf(tmp_path, "01.pdf", ["一"])
        bad = tmp_path / "02.pdf"
        bad.write_bytes(content)
        with pytest.raises(CommandError) as refused:
            run_import(good, bad, "--date", "2025-08-05")
        message = str(refused.value)
        assert message.startswith(f"{bad}: ") and reason in message and "\n" not in message
        assert (Issue.objects.count(), Page.objects.count(), Article.objects.count()) == (0, 0, 0)
        assert not media.exists() or stored_files(media) == []

    def test_a_page_with_no_article_is_refused(self, tmp_path, monkeypatch, media):
        fix_parse(monkeypatch, {0: parsed_page(date=DATE, number=1, name="广告")})
        with pytest.raises(CommandError, match="没有识别出任何稿件"):
            run_import(write_pdf(tmp_path, "01.pdf", ["一"]))
        assert Page.objects.count() == 0 and not media.exists()

    def test_a_file_above_the_size_limit_is_refused_before_it_is_read(self, tmp_path, monkeypatch):
        monkeypatch.setattr(importing, "MAX_PDF_BYTES", 1000)
        with pytest.raises(CommandError, match="超过上限 1000 字节。$"):
            run_import(write_pdf(tmp_path, "01.pdf", ["一" * 40] * 30), "--date", "2025-08-05")
        assert Page.objects.count() == 0

    def test_a_file_just_above_the_limit_never_reads_as_the_limits_size(self, tmp_path):
        huge = tmp_path / "01.pdf"
        with huge.open("wb") as sparse:  # its size is all that is looked at
            sparse.truncate(importing.MAX_PDF_BYTES + 1)
        with pytest.raises(CommandError) as refused:
            run_import(huge, "--date", "2025-08-05")
        assert str(refused.value) == f"{huge}: PDF 大小 64.1 MB，超过上限 64 MB。"

    def test_a_page_pdfium_cannot_draw_is_refused_before_anything_is_written(
        self, tmp_path, monkeypatch
    ):
        fix_parse(monkeypatch, {0: parsed_page(LEAD), 1: parsed_page(SECOND)})

        def cannot_draw(data, index):
            raise importing.RenderError("PDF 无法渲染（测试）。")

        monkeypatch.setattr(importing, "render_page", cannot_draw)
        with pytest.raises(PageImportError, match="无法渲染"):
            import_pages(collect_pages([write_pdf(tmp_path, "01.pdf", ["一"])], date=DATE))
        assert Page.objects.count() == 0


def test_dry_run_reports_a_running_head_that_disagrees_on_stderr(tmp_path, monkeypatch):
    fix_parse(monkeypatch, {0: parsed_page(LEAD, number=4)})
    out, err = StringIO(), StringIO()
    path = write_pdf(tmp_path, "03.pdf", ["一"])
    call_command("import_issue", str(path), "--dry-run", "--format", "json", stdout=out, stderr=err)
    assert json.loads(out.getvalue())["articles"][0]["title"] == "科技创新指数稳步提升"
    assert f"{path}: 注意：眉头的版次是第4版，与文件名的第3版不同，按眉头导入。" in err.getvalue()


def test_dry_run_prints_the_page_parse_with_each_articles_regions(tmp_path, monkeypatch, media):
    fix_parse(monkeypatch, {0: parsed_page(LEAD, SECOND, date=DATE, number=3, name="创新一线")})
    output = run_import(write_pdf(tmp_path, "page.pdf", ["一"]), "--dry-run", "--format", "json")
    document = json.loads(output)
    assert [a["regions"] for a in document["articles"]] == [
        [{"x": 0.05, "y": 0.1, "w": 0.9, "h": 0.4}],
        [{"x": 0.05, "y": 0.52, "w": 0.4, "h": 0.4}],
    ]
    assert document["running_head"] == {"date": "2025-08-05", "number": 3, "name": "创新一线"}
    assert Page.objects.count() == 0 and not media.exists()


def test_make_runs_sample_the_text_then_its_pdf_gives_the_same_lead_the_printed_page(media):
    """fixtures/: the sample page's text, then the PDF typeset from it, read by the real reader."""
    root = Path(__file__).resolve().parents[2] / "fixtures"
    run_import(root / "2025-08-05", "--publish")
    lead = Article.objects.get(import_ref="2025-08-05/03/1")
    run_import(root / "pdf" / "03-创新一线.pdf", "--date", "2025-08-05", "--publish")
    page = Page.objects.get()
    assert page.is_printed and (page.number, page.name) == (3, "创新一线")
    assert Article.objects.get(import_ref="2025-08-05/03/1").pk == lead.pk
    assert Article.objects.get(pk=lead.pk).title == "小工厂用上“共享质检员”"
    # where fixtures/typeset_sample.py set the lead (it prints its boxes), in page fractions
    (region,) = Article.objects.get(pk=lead.pk).regions
    assert region == pytest.approx({"x": 0.048, "y": 0.067, "w": 0.905, "h": 0.339}, abs=0.01)
    assert page.articles.exclude(regions=[]).count() == 4
    assert "未变" in run_import(root / "pdf" / "03-创新一线.pdf", "--date", "2025-08-05")


def test_the_dry_runs_stdout_is_only_the_json_for_score_py_to_read():
    """As ../shared/eval/score.py runs it: a process of its own, stdout piped."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_issue",
            "--dry-run",
            "--format",
            "json",
            "fixtures/pdf/03-创新一线.pdf",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert json.loads(done.stdout)["articles"][0]["title"] == "小工厂用上“共享质检员”"
