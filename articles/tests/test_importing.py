"""The importer, end to end through the command: what the database holds afterwards."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles import contributors, importing, models
from articles.contributors import KnownContributors
from articles.importing import PageImportError, decode_page, photo_credit
from articles.models import Article, Caption, Contributor, Issue, Page
from entities.models import Mention, Organisation, OrganisationAlias
from entities.recording import OrganisationRecorder

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "fixtures" / "2025-08-05"
SEED_PAGE = SEED_DIR / "03-创新一线.txt"
SHARED_SCHEMA = ROOT.parent / "shared" / "spec" / "page-parse.schema.json"


def run_import(*args):
    out = StringIO()
    call_command("import_issue", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def database_snapshot():
    return {
        "issues": Issue.objects.count(),
        "pages": Page.objects.count(),
        "articles": list(
            Article.objects.order_by("pk").values_list("pk", "title", "body", "status")
        ),
        "contributors": Contributor.objects.count(),
        "captions": Caption.objects.count(),
        "organisations": Organisation.objects.count(),
        "aliases": OrganisationAlias.objects.count(),
        "mentions": Mention.objects.count(),
    }


@pytest.fixture
def seed_copy(tmp_path):
    """The sample page in an issue directory of its own, free to be changed by a test."""
    issue_dir = tmp_path / "2025-08-05"
    issue_dir.mkdir()
    page = issue_dir / "03-创新一线.txt"
    page.write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    return page


class TestImportingTheSamplePage:
    def test_the_directory_name_gives_the_date_and_the_file_name_the_page(self):
        output = run_import(SEED_DIR)
        page = Page.objects.get()
        assert page.issue.date == datetime.date(2025, 8, 5)
        assert (page.number, page.name) == (3, "创新一线")
        assert "新建 4" in output

    def test_articles_are_drafts_in_printed_order_with_import_refs(self):
        run_import(SEED_DIR)
        articles = list(Article.objects.order_by("position"))
        assert [a.import_ref for a in articles] == [
            "2025-08-05/03/1",
            "2025-08-05/03/2",
            "2025-08-05/03/3",
            "2025-08-05/03/4",
        ]
        assert {a.status for a in articles} == {Article.Status.DRAFT}
        assert articles[0].title == "小工厂用上“共享质检员”"
        assert articles[2].title == "青少年科学小达人挑战赛首设“开源创作”赛道"
        assert articles[3].kind == Article.Kind.PHOTO

    def test_body_keeps_paragraphs_and_subheadings(self):
        run_import(SEED_DIR)
        lead = Article.objects.get(position=1)
        assert lead.body.startswith("走进江澄市青禾湾产业园的一家五金厂")
        assert "\n\n## 一台服务器多家企业拼着用\n\n" in lead.body
        assert "截至7月底，已有210余家企业接入" in lead.body

    def test_dateline_and_bylines_are_stored_apart_from_the_body(self):
        run_import(SEED_DIR)
        second = Article.objects.get(position=2)
        assert second.dateline == "本报讯"
        assert [(b.role, b.contributor.name) for b in second.bylines.all()] == [
            ("通讯员", "唐一禾"),
            ("记者", "林知远"),
        ]
        assert not second.body.startswith("本报讯")

    def test_photo_news_keeps_its_caption(self):
        run_import(SEED_DIR)
        photo = Article.objects.get(kind=Article.Kind.PHOTO)
        caption = photo.captions.get()
        assert caption.text.endswith("图为小朋友在展台前操作机械臂搭积木。■记者白晓丹摄")

    def test_organisations_are_mentioned_once_with_their_short_names(self):
        run_import(SEED_DIR)
        lead = Article.objects.get(position=1)
        company = Organisation.objects.get(name="江澄青禾智算科技有限公司")
        assert "青禾智算" in set(company.aliases.values_list("alias", flat=True))
        assert lead.mentions.filter(organisation=company).count() == 1

    def test_the_sample_page_needs_no_review_hint(self):
        assert "核对" not in run_import(SEED_DIR)

    def test_uncertain_decisions_are_reported_for_the_editor(self, seed_copy):
        text = seed_copy.read_text(encoding="utf-8")
        seed_copy.write_text(text.replace("本报讯（通讯员 钱沐阳）", "本报讯 "), "utf-8")
        output = run_import(seed_copy)
        assert "第3篇“青少年科学小达人挑战赛首设“开源创作”赛道”没有识别出署名，请核对。" in output
        assert "第1篇" not in output and "第2篇" not in output

    def test_publish_makes_the_articles_visible_at_once(self):
        run_import(SEED_DIR, "--publish")
        assert Article.objects.published().count() == 4


class TestReimporting:
    def test_an_imported_article_counts_as_untouched_until_an_editor_changes_it(self):
        run_import(SEED_DIR)
        for article in Article.objects.all():
            assert article.content_checksum() == article.import_checksum
        lead = Article.objects.get(position=1)
        lead.mentions.first().delete()
        assert lead.content_checksum() != lead.import_checksum

    def test_the_same_file_again_changes_nothing(self):
        run_import(SEED_DIR)
        before = database_snapshot()
        output = run_import(SEED_DIR)
        assert database_snapshot() == before
        assert "新建 0" in output and "未变 4" in output

    def test_a_changed_file_is_refused_without_replace(self, seed_copy):
        run_import(seed_copy)
        before = database_snapshot()
        seed_copy.write_text(seed_copy.read_text().replace("肉眼难辨", "极难察觉"))
        with pytest.raises(CommandError, match="--replace"):
            run_import(seed_copy)
        assert database_snapshot() == before

    def test_replace_updates_only_the_changed_article(self, seed_copy):
        run_import(seed_copy)
        seed_copy.write_text(seed_copy.read_text().replace("肉眼难辨", "极难察觉"))
        output = run_import(seed_copy, "--replace")
        assert "更新 1" in output and "未变 3" in output
        assert "标出一道极难察觉的细小划痕" in Article.objects.get(position=1).body

    def test_replace_never_overwrites_an_editors_correction(self, seed_copy):
        run_import(seed_copy)
        lead = Article.objects.get(position=1)
        lead.title = "编辑改过的标题"
        lead.save()
        seed_copy.write_text(seed_copy.read_text().replace("肉眼难辨", "极难察觉"))
        output = run_import(seed_copy, "--replace")
        lead.refresh_from_db()
        assert lead.title == "编辑改过的标题"
        assert "标出一道肉眼难辨的细小划痕" in lead.body
        assert "跳过" in output and "编辑在导入后改过" in output

    def test_a_new_fingerprint_version_does_not_make_earlier_imports_look_edited(
        self, seed_copy, monkeypatch
    ):
        """A kind of entity added later (a stand-in here, with no mentions) comes with a new
        fingerprint version: articles imported before it are compared by their own version,
        so a changed page updates them instead of keeping them as an editor's work."""
        run_import(seed_copy)
        kinds = {1: ("organisation",), 2: ("organisation", "person")}
        monkeypatch.setattr(models, "FINGERPRINT_ENTITY_KINDS", kinds)
        monkeypatch.setattr(models, "FINGERPRINT_VERSION", 2)
        monkeypatch.setattr(importing, "FINGERPRINT_VERSION", 2)
        for article in Article.objects.all():
            assert article.content_checksum() == article.import_checksum
        seed_copy.write_text(seed_copy.read_text().replace("肉眼难辨", "极难察觉"))
        output = run_import(seed_copy, "--replace")
        assert "跳过 0" in output and "更新 4" in output
        assert set(Article.objects.values_list("import_fingerprint_version", flat=True)) == {2}
        assert "标出一道极难察觉的细小划痕" in Article.objects.get(position=1).body

    def test_an_editors_alias_teaches_the_next_import(self, seed_copy, tmp_path):
        run_import(seed_copy)
        organisation = Organisation.objects.create(name="滨海师范大学")
        OrganisationAlias.objects.create(organisation=organisation, alias="滨师大")
        other = tmp_path / "2025-08-05" / "04.txt"
        other.write_text(
            "滨师大发布新成果\n\n本报讯（记者 林木）滨师大研究团队近日在材料领域取得新进展，\n\n"
            "相关成果已经发表。\n",
            encoding="utf-8",
        )
        run_import(other)
        article = Article.objects.get(page__number=4)
        assert organisation in article.organisations.all()

    def test_a_failing_page_leaves_nothing_and_the_others_still_import(self, seed_copy):
        run_import(seed_copy)
        seed_copy.write_text(seed_copy.read_text().replace("肉眼难辨", "极难察觉"))
        fresh = seed_copy.parent / "05.txt"
        fresh.write_text(SEED_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
        with pytest.raises(CommandError, match="1 个版面导入失败"):
            run_import(seed_copy.parent)
        assert Page.objects.filter(number=5).exists()
        assert Article.objects.filter(page__number=5).count() == 4
        assert "肉眼难辨" in Article.objects.get(page__number=3, position=1).body


class TestDryRun:
    def test_prints_one_json_document_and_writes_nothing(self):
        output = run_import(SEED_PAGE, "--dry-run", "--format", "json")
        document = json.loads(output)
        assert [a["kind"] for a in document["articles"]] == [
            "article",
            "article",
            "article",
            "photo",
        ]
        assert database_snapshot()["articles"] == []
        assert Issue.objects.count() == 0

    def test_several_pages_print_a_list_of_pages(self, seed_copy):
        second = seed_copy.parent / "04.txt"
        second.write_text(seed_copy.read_text())
        document = json.loads(run_import(seed_copy.parent, "--dry-run", "--format", "json"))
        assert len(document["pages"]) == 2

    def test_output_follows_the_page_parse_schema(self):
        if not SHARED_SCHEMA.exists():
            pytest.skip("../shared/spec/page-parse.schema.json is not beside this checkout")
        jsonschema = pytest.importorskip("jsonschema")
        document = json.loads(run_import(SEED_PAGE, "--dry-run", "--format", "json"))
        jsonschema.validate(document, json.loads(SHARED_SCHEMA.read_text(encoding="utf-8")))


class TestBadInput:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "空"),
            (b"   \n\n \t\n", "空"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
            (bytes(range(0x80, 0xFF)) * 3, "--encoding"),
        ],
        ids=["empty", "whitespace", "binary", "undecodable"],
    )
    def test_unreadable_files_are_refused_by_name_and_write_nothing(
        self, tmp_path, content, message
    ):
        bad = tmp_path / "03.txt"
        bad.write_bytes(content)
        with pytest.raises(CommandError, match=message) as error:
            run_import(bad, "--date", "2025-08-05")
        assert str(bad) in str(error.value)
        assert Issue.objects.count() == 0

    def test_a_missing_path_is_named(self, tmp_path):
        with pytest.raises(CommandError, match="不存在"):
            run_import(tmp_path / "nothing.txt")

    def test_a_directory_without_pages_is_refused(self, tmp_path):
        with pytest.raises(CommandError, match="没有 .txt"):
            run_import(tmp_path)

    def test_an_invalid_date_is_refused(self):
        with pytest.raises(CommandError, match="日期"):
            run_import(SEED_PAGE, "--date", "2025-13-45")
        assert Issue.objects.count() == 0

    def test_a_page_with_no_article_is_refused(self, tmp_path):
        page = tmp_path / "03.txt"
        page.write_text("。\n\n，\n\n——\n", encoding="utf-8")
        with pytest.raises(CommandError, match=str(page)):
            run_import(page, "--date", "2025-08-05")
        assert Issue.objects.count() == 0

    def test_one_bad_file_in_a_directory_stops_the_whole_import_before_writing(self, seed_copy):
        (seed_copy.parent / "04.txt").write_bytes(b"")
        with pytest.raises(CommandError, match="04.txt"):
            run_import(seed_copy.parent)
        assert Article.objects.count() == 0

    def test_gb18030_text_is_recognised(self, tmp_path):
        page = tmp_path / "03.txt"
        page.write_bytes(SEED_PAGE.read_text(encoding="utf-8").encode("gb18030"))
        run_import(page, "--date", "2025-08-05")
        assert Article.objects.count() == 4

    def test_an_explicit_wrong_encoding_is_reported(self, tmp_path):
        page = tmp_path / "03.txt"
        page.write_bytes("科技日报".encode("gb18030"))
        with pytest.raises(CommandError, match="utf-8"):
            run_import(page, "--encoding", "utf-8")

    def test_page_only_applies_to_a_single_file(self, seed_copy):
        with pytest.raises(CommandError, match="--page"):
            run_import(seed_copy.parent, "--page", "2")


def test_decode_page_prefers_utf8_and_strips_a_byte_order_mark():
    assert decode_page("\ufeff科技".encode(), "x.txt") == ("科技", "utf-8")


def test_decode_page_raises_its_own_error_type():
    with pytest.raises(PageImportError):
        decode_page(b"\x00", "x.txt")


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("图为小朋友在展台前操作机械臂。■记者白晓丹摄", "记者白晓丹"),
        ("▲工程师正在调试摄像头。林知远摄", "林知远"),
        ("图为科普集市的一处展台。", ""),
    ],
)
def test_photo_credit_is_read_from_the_end_of_a_caption(caption, credit):
    assert photo_credit(caption) == credit


def test_a_missing_byline_notice_says_it_is_a_review_hint_not_an_error(tmp_path):
    page = tmp_path / "2025-08-05" / "01-要闻.txt"
    page.parent.mkdir()
    page.write_text("没有署名的稿件\n\n本报讯 这是第一段。\n\n这是第二段。\n", encoding="utf-8")
    output = run_import(page)
    notice = next(line for line in output.splitlines() if "署名" in line)
    assert "核对提示（不是错误，稿件已导入）" in notice
    assert Article.objects.count() == 1


def test_control_characters_in_a_page_are_not_imported(seed_copy):
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("\n", "\x1b\r\n", 5).replace("。", "。\x0b", 3), "utf-8")
    run_import(seed_copy)
    for title, body in Article.objects.values_list("title", "body"):
        assert not any(ch in title + body for ch in "\x1b\x0b\r")
    assert not any("\x1b" in text for text in Caption.objects.values_list("text", flat=True))


class TestWhatARunLearns:
    """One run asks the database about each contributor and issue once, and stays right
    when other processes change them meanwhile."""

    def test_a_known_contributor_costs_no_query_the_second_time(self, django_assert_num_queries):
        known = KnownContributors()
        first = known.named(["王 青", "李墨"])
        with django_assert_num_queries(0):
            assert known.named(["李墨", "王 青"]) == first
        assert sorted(Contributor.objects.values_list("name", flat=True)) == ["李墨", "王 青"]

    def test_a_name_another_import_created_meanwhile_is_found_not_duplicated(self, monkeypatch):
        other = Contributor.objects.create(name="李墨")
        # As if this run's lookup ran just before the other import's insert committed.
        real, lookups = contributors.contributors_named, iter([{}])
        monkeypatch.setattr(
            contributors, "contributors_named", lambda names: next(lookups, None) or real(names)
        )
        known = KnownContributors()
        assert known.named(["李墨"]) == {"李墨": other}
        assert Contributor.objects.count() == 1

    @pytest.mark.django_db(transaction=True)
    def test_a_contributor_merged_away_during_a_run_is_looked_up_again(self, tmp_path):
        run = importing.ImportRun(OrganisationRecorder())
        sources = importing.collect_pages([str(SEED_PAGE)])
        parsed = importing.parse_source(sources[0], run.recorder.known)
        name = next(b.name for a in parsed.articles for b in a.bylines)
        run.contributors.named([name])
        Contributor.objects.filter(name=name).delete()  # an editor's merge, meanwhile

        report = importing._store_in_transaction(
            sources[0], parsed, run, publish=False, replace=False, user=None
        )
        assert report.error is None
        assert Contributor.objects.filter(name=name, bylines__isnull=False).exists()

    def test_pages_of_one_issue_look_the_issue_up_once_and_notice_its_deletion(self):
        run = importing.ImportRun(OrganisationRecorder())
        date = datetime.date(2025, 8, 5)
        issue = run.issue(date)
        assert run.issue(date) == issue
        Issue.objects.filter(pk=issue.pk).delete()
        again = run.issue(date)
        assert again.pk != issue.pk
        assert list(Issue.objects.values_list("pk", flat=True)) == [again.pk]
