"""Printed pages -> rows. Reads and parses every page before writing any, then stores each page
in its own transaction, so bad input changes nothing and a failing page leaves nothing behind.

Re-imports are safe: each article carries an `import_ref` (issue date / page / position) and an
`import_checksum` of what the import wrote. The same text again changes nothing; a changed text
is refused unless `replace=True`; and an article an editor has changed since is never overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, IntegrityError, OperationalError, transaction
from django.utils import timezone

from articles.body import serialise_body
from articles.contributors import KnownContributors
from articles.history import refresh_first_record, refresh_latest_record
from articles.models import (
    FINGERPRINT_VERSION,
    Article,
    Byline,
    Caption,
    Contributor,
    Issue,
    Page,
    content_fingerprint,
)
from articles.page_cache import article_page
from articles.pagerender import RenderedPage, RenderError, render_page
from articles.pagetext import PageTextError, ParsedArticle, ParsedPage, RunningHead, parse_page
from articles.pagetext.bylines import photo_credit
from articles.pagetext.text import HAN_CHARACTER
from articles.pdfpage import PdfError, read_pdf
from articles.printed import store_printed_files, stored_regions
from articles.publishing import publish_imported
from entities.models import Organisation, OrganisationAlias
from entities.recognisers import ORGANISATIONS
from entities.recording import OrganisationRecorder
from newsroom import caching
from newsroom.text import clean_text

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DIGITS = re.compile(r"\d+")
CJK = HAN_CHARACTER
FALLBACK_ENCODINGS = ("gb18030",)
# A page PDF is 0.2-2 MB and a whole issue's a few tens; far larger is not a page of print.
MAX_PDF_BYTES = 64 * 1024 * 1024


class PageImportError(Exception):
    """Input that cannot be imported; the message names the file and the problem."""


@dataclass
class PageSource:
    """One page to import: where it came from, its text, and where it was printed."""

    label: str
    text: str
    date: datetime.date
    number: int
    name: str = ""
    encoding: str = "utf-8"

    checksum_field = "source_checksum"

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def parse(self) -> ParsedPage:
        return parse_page(clean_text(self.text))


@dataclass
class PdfPageSource:
    """One page of a PDF to import: the file, which of its pages, and where it was printed.

    The page is parsed when it is read (its running head may say where it was printed); it is
    drawn for readers (`rendered`) only when it is about to be stored."""

    label: str
    data: bytes
    index: int
    page_count: int
    parsed: ParsedPage
    date: datetime.date
    number: int
    name: str = ""
    notes: list[str] = field(default_factory=list)
    rendered: RenderedPage | None = None
    file_checksum: str = ""  # the whole file's SHA-256, computed once for all its pages

    checksum_field = "pdf_checksum"

    @property
    def checksum(self) -> str:
        """The file's SHA-256; for a page of a multi-page PDF, of the file and the page."""
        digest = self.file_checksum or hashlib.sha256(self.data).hexdigest()
        if self.page_count == 1:
            return digest
        return hashlib.sha256(f"{digest}:{self.index + 1}".encode()).hexdigest()

    def render(self) -> RenderedPage:
        """The page drawn for readers (once); PageImportError if PDFium cannot draw it."""
        if self.rendered is None:
            try:
                self.rendered = render_page(self.data, self.index)
            except RenderError as exc:
                raise PageImportError(f"{self.label}: {exc}") from exc
        return self.rendered

    def parse(self) -> ParsedPage:
        return self.parsed


@dataclass
class PageReport:
    source: PageSource
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def summary(self) -> str:
        if self.error:
            return f"{self.source.label}: 失败 — {self.error}"
        parts = [
            f"新建 {len(self.created)}",
            f"更新 {len(self.updated)}",
            f"未变 {len(self.unchanged)}",
            f"跳过 {len(self.skipped)}",
            f"新机构 {len(self.new_organisations)}",
        ]
        where = f"{self.source.date.isoformat()} 第{self.source.number}版"
        return f"{self.source.label} ({where}): " + "，".join(parts)


# Reading ------------------------------------------------------------------------------------


def decode_page(data: bytes, label: str, encoding: str | None = None) -> tuple[str, str]:
    """The page's text and the encoding it was read with; GB18030 is recognised by itself."""
    if b"\x00" in data:
        raise PageImportError(f"{label}: 这是二进制文件，不是提取出的版面文本。")
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise PageImportError(f"{label}: 不认识的编码 {encoding}。") from exc
        except UnicodeDecodeError as exc:
            raise PageImportError(
                f"{label}: 无法按 {encoding} 解码（第 {exc.start} 字节）。"
            ) from exc
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for candidate in FALLBACK_ENCODINGS:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if CJK.search(text):
            return text, candidate
    raise PageImportError(f"{label}: 不是 UTF-8 文本，也不像 GB18030；请用 --encoding 指明编码。")


def read_page(path: Path, *, date, number, name="", encoding=None, label=None) -> PageSource:
    label = label or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageImportError(f"{label}: 无法读取（{exc.strerror}）。") from exc
    text, used = decode_page(data, label, encoding)
    if not text.strip():
        raise PageImportError(f"{label}: 文件是空的。")
    return PageSource(label=label, text=text, date=date, number=number, name=name, encoding=used)


def page_number_from_name(path: Path) -> int | None:
    """`03.txt`, `page-03.txt`, `03-创新一线.txt` -> 3: the last number in the file name."""
    numbers = DIGITS.findall(path.stem)
    return int(numbers[-1]) if numbers else None


def page_name_from_name(path: Path) -> str:
    """`03-创新一线.txt` -> 创新一线; names without Chinese say nothing about the page."""
    name = DIGITS.sub("", path.stem).strip(" -_.")
    return name if CJK.search(name) else ""


def parse_date(value: str, label: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise PageImportError(f"{label}: 日期“{value}”无效，应为 YYYY-MM-DD。") from exc


def collect_pages(
    paths, *, date=None, page=None, page_name=None, encoding=None
) -> list[PageSource]:
    """Every page named by the paths (files, or directories of one issue), read and decoded."""
    if isinstance(date, str):
        date = parse_date(date, "--date")
    single_file = len(paths) == 1 and Path(paths[0]).is_file()
    if page is not None and not single_file:
        raise PageImportError("--page 只能用于单个文件。")
    sources: list[PageSource] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            sources += _collect_directory(path, date=date, page_name=page_name, encoding=encoding)
        elif path.is_file() and is_pdf(path):
            sources += read_pdf_pages(
                path,
                date=date,
                default_date=_date_from_directory(path.parent),
                page=page,
                page_name=page_name,
            )
        elif path.is_file():
            number = page if page is not None else (page_number_from_name(path) or 1)
            if page is None and not single_file and page_number_from_name(path) is None:
                raise PageImportError(f"{path}: 文件名中没有版次数字。")
            sources.append(
                read_page(
                    path,
                    date=date or _date_from_directory(path.parent) or timezone.localdate(),
                    number=number,
                    name=page_name or page_name_from_name(path),
                    encoding=encoding,
                )
            )
        else:
            raise PageImportError(f"{path}: 文件或目录不存在。")
    _refuse_duplicates(sources)
    return sources


def _date_from_directory(directory: Path) -> datetime.date | None:
    if ISO_DATE.match(directory.name):
        return parse_date(directory.name, str(directory))
    return None


def _collect_directory(directory, *, date, page_name, encoding) -> list[PageSource]:
    files = sorted(p for p in directory.glob("*.txt") if p.is_file())
    pdfs = sorted(p for p in directory.iterdir() if p.is_file() and is_pdf(p))
    if not files and not pdfs:
        raise PageImportError(f"{directory}: 目录中没有 .txt 或 .pdf 版面文件。")
    issue_date = date or _date_from_directory(directory) or timezone.localdate()
    sources = []
    for path in pdfs:
        sources += read_pdf_pages(
            path,
            date=date,
            default_date=_date_from_directory(directory),
            page=None,
            page_name=page_name,
            numbered_by_file=True,
        )
    for path in files:
        number = page_number_from_name(path)
        if number is None:
            raise PageImportError(f"{path}: 文件名中没有版次数字。")
        sources.append(
            read_page(
                path,
                date=issue_date,
                number=number,
                name=page_name or page_name_from_name(path),
                encoding=encoding,
            )
        )
    return sorted(sources, key=lambda source: source.number)


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def read_pdf_pages(
    path: Path, *, date, default_date, page, page_name, numbered_by_file=False
) -> list[PdfPageSource]:
    """A one-page PDF is one 版面, numbered by --page, its running head or its file name; a
    multi-page PDF is a whole issue, its page N being 版面 N. Each page is parsed here."""
    label = str(path)
    data = _read_pdf_file(path, label)
    try:
        document = read_pdf(data)
    except PdfError as exc:
        raise PageImportError(f"{label}: {exc}") from exc
    try:
        count = document.page_count
        if count > 1 and page is not None:
            raise PageImportError(
                f"{label}: 这是 {count} 页的 PDF（一整期，第 N 页即第 N 版），不能用 --page。"
            )
        if count > 1 and page_name:
            raise PageImportError(
                f"{label}: 这是 {count} 页的 PDF（一整期），不能给所有版面同一个 --page-name。"
            )
        sources = []
        file_checksum = hashlib.sha256(data).hexdigest()
        for index in range(count):
            page_label = label if count == 1 else f"{label} 第{index + 1}页"
            try:
                parsed = document.parse_page(index)
            except (PdfError, PageTextError) as exc:
                raise PageImportError(f"{page_label}: {exc}") from exc
            sources.append(
                _pdf_page_source(
                    page_label,
                    data,
                    index,
                    count,
                    parsed,
                    date=date,
                    default_date=default_date,
                    number=(index + 1) if count > 1 else page,
                    number_given_by="PDF 页序" if count > 1 else "--page",
                    default_number=page_number_from_name(path),
                    name=page_name,
                    default_name=page_name_from_name(path) if count == 1 else "",
                    numbered_by_file=numbered_by_file and count == 1,
                )
            )
            sources[-1].file_checksum = file_checksum
        return sources
    finally:
        document.close()


def _read_pdf_file(path: Path, label: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            limit = _readable_size(MAX_PDF_BYTES)
            raise PageImportError(f"{label}: PDF 大小 {_readable_size(size)}，超过上限 {limit}。")
        return path.read_bytes()
    except OSError as exc:
        raise PageImportError(f"{label}: 无法读取（{exc.strerror}）。") from exc


def _readable_size(count: int) -> str:
    """A size in bytes as people say it, rounded up: a file over a limit never reads as the
    limit's own size (64 MB and one byte is 64.1 MB, not 64 MB)."""
    for unit, size in (("MB", 2**20), ("KB", 2**10)):
        if count >= size:
            return f"{math.ceil(count * 10 / size) / 10:g} {unit}"
    return f"{count} 字节"


def _pdf_page_source(
    label,
    data,
    index,
    count,
    parsed,
    *,
    date,
    default_date,
    number,
    number_given_by,
    default_number,
    name,
    default_name,
    numbered_by_file,
) -> PdfPageSource:
    """Where the page was printed: what the command says, else what its running head says,
    else what the file's name says; every disagreement with the running head is noted, and so
    is a date that none of them gives (a running head printed as an image has no text)."""
    head = parsed.running_head or RunningHead()
    notes: list[str] = []
    settled_date = _settle(
        "出版日期",
        notes,
        given=(date, "--date"),
        read=head.date,
        default=(default_date, "目录名"),
        show=datetime.date.isoformat,
    )
    settled_number = _settle(
        "版次",
        notes,
        given=(number, number_given_by),
        read=head.number,
        default=(default_number, "文件名"),
        show=lambda n: f"第{n}版",
    )
    if settled_number is None and numbered_by_file:
        raise PageImportError(f"{label}: 文件名和眉头中都没有版次数字。")
    if settled_date is None:
        settled_date = timezone.localdate()
        notes.append(
            f"命令、眉头和目录名都没有出版日期，按今天（{settled_date.isoformat()}）导入。"
        )
    settled_name = _settle(
        "版名",
        notes,
        given=(name or None, "--page-name"),
        read=head.name or None,
        default=(default_name or None, "文件名"),
        show=lambda text: f"“{text}”",
    )
    return PdfPageSource(
        label=label,
        data=data,
        index=index,
        page_count=count,
        parsed=parsed,
        date=settled_date,
        number=settled_number or 1,
        name=settled_name or "",
        notes=notes,
    )


def _settle(what, notes, *, given, read, default, show):
    """The command's value over the running head's over the file name's, noting disagreements."""
    given_value, given_by = given
    default_value, default_by = default
    if given_value is not None:
        if read is not None and read != given_value:
            notes.append(
                f"眉头的{what}是{show(read)}，与 {given_by} 的{show(given_value)}不同，"
                f"按{show(given_value)}导入。"
            )
        return given_value
    if read is not None:
        if default_value is not None and default_value != read:
            notes.append(
                f"眉头的{what}是{show(read)}，与{default_by}的{show(default_value)}不同，"
                "按眉头导入。"
            )
        return read
    return default_value


def _refuse_duplicates(sources: list[PageSource]) -> None:
    seen: dict[tuple, str] = {}
    for source in sources:
        key = (source.date, source.number)
        if key in seen:
            raise PageImportError(
                f"{source.label}: 与 {seen[key]} 同为 {source.date} 第{source.number}版。"
            )
        seen[key] = source.label


# Parsing ------------------------------------------------------------------------------------


def parse_source(
    source: PageSource, known_organisations: dict[str, str] | None = None
) -> ParsedPage:
    """The page's articles with the organisations each one mentions."""
    try:
        parsed = source.parse()
    except PageTextError as exc:
        raise PageImportError(f"{source.label}: {exc}") from exc
    if not parsed.articles:
        raise PageImportError(f"{source.label}: 没有识别出任何稿件。")
    for article in parsed.articles:
        article.organisations = ORGANISATIONS.find(article.plain_text(), known_organisations)
    return parsed


# Storing ------------------------------------------------------------------------------------


def import_ref(source: PageSource, position: int) -> str:
    return f"{source.date.isoformat()}/{source.number:02d}/{position}"


def import_pages(
    sources: list[PageSource],
    *,
    publish=False,
    replace=False,
    user=None,
    progress=None,
) -> list[PageReport]:
    """Parse every page first (bad input raises PageImportError before anything is written),
    then store each page in its own transaction; a page that fails is reported, the rest go on."""
    recorder = OrganisationRecorder()
    run = ImportRun(recorder)
    parsed_pages = [parse_source(source, recorder.known) for source in sources]
    problems = [page_problems(parsed, recorder) for parsed in parsed_pages]
    render_printed_pages(sources)
    reports = []
    for index, (source, parsed) in enumerate(zip(sources, parsed_pages, strict=True), start=1):
        try:
            if problems[index - 1]:
                raise PageImportError("；".join(problems[index - 1]))
            report = _store_in_transaction(
                source, parsed, run, publish=publish, replace=replace, user=user
            )
        except (PageImportError, ValidationError, DatabaseError) as exc:
            report = PageReport(source, error=one_line(exc).removeprefix(f"{source.label}: "))
            run.forget_unsaved()
        reports.append(report)
        if progress:
            progress(index, len(sources), report)
    return reports


#: A page whose transaction lost a deadlock or a lock wait to another import, or met a row
#: another process deleted meanwhile, is tried again.
CONFLICT_RETRIES = 2


@dataclass
class ImportRun:
    """What one import run learns from the database as it goes, so later pages need not ask
    again: organisations (`OrganisationRecorder`), contributors, and issues by date."""

    recorder: OrganisationRecorder
    contributors: KnownContributors = field(default_factory=KnownContributors)
    issues: dict[datetime.date, Issue] = field(default_factory=dict)

    def forget_unsaved(self) -> None:
        """After a page's transaction rolled back, trust only what the database holds."""
        self.recorder.forget_unsaved()
        self.contributors.forget()
        self.issues.clear()

    def issue(self, date: datetime.date) -> Issue:
        """The issue of this date, locked for this transaction: imports of the same issue
        running at once take turns here (a no-op on SQLite, where a write transaction already
        excludes others), so no two create the same page. The lock also confirms that an
        issue met on an earlier page still exists."""
        issue = self.issues.get(date)
        if issue is None or not Issue.objects.select_for_update().filter(pk=issue.pk).exists():
            issue, _ = Issue.objects.get_or_create(date=date)
            Issue.objects.select_for_update().filter(pk=issue.pk).exists()
            self.issues[date] = issue
        return issue


def _store_in_transaction(source, parsed, run, **options) -> PageReport:
    retries = CONFLICT_RETRIES
    while True:
        report = PageReport(source)
        try:
            with transaction.atomic():
                _store_page(source, parsed, report, run, **options)
            return report
        except (OperationalError, IntegrityError):
            # A lost deadlock or lock wait, or a row this run had learnt that another
            # process removed meanwhile (a contributor merged away): try again, learning
            # afresh. A page that breaks a constraint by itself fails again and is reported.
            run.forget_unsaved()
            if not retries:
                raise
            retries -= 1


def one_line(error: Exception) -> str:
    messages = getattr(error, "messages", None) or [str(error)]
    return " ".join("；".join(messages).split())


def page_problems(parsed: ParsedPage, recorder: OrganisationRecorder) -> list[str]:
    """What the models would refuse in the page's articles, one reason per article: checked
    before anything is written, whatever the parser returned."""
    problems = []
    for position, article in enumerate(parsed.articles, start=1):
        reasons = article_problems(ArticleContent.from_parsed(article), recorder)
        if reasons:
            label = (article.title or (article.captions[0] if article.captions else ""))[:20]
            where = f"第{position}篇“{label}”" if label else f"第{position}篇"
            problems.append(f"{where}不能导入（{'，'.join(reasons)}）")
    return problems


def article_problems(content: ArticleContent, recorder: OrganisationRecorder) -> list[str]:
    names = {recorder.canonical_name(found) for found in content.organisations}
    rows = [
        (Article(**content.fields), ["tags", "page", "updated_by"]),
        *((Caption(text=t, credit=photo_credit(t)), ["article"]) for t in content.captions),
        *((Byline(role=role), ["article", "contributor"]) for role, _ in content.bylines),
        *((Contributor(name=name), []) for _, name in content.bylines),
        *((Organisation(name=name), []) for name in names),
        *(
            (OrganisationAlias(alias=alias), ["organisation"])
            for found in content.organisations
            for alias in found.aliases
        ),
    ]
    reasons = []
    for row, exclude in rows:
        try:
            row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            reasons += [
                _reason(type(row), field, m) for field, ms in error.message_dict.items() for m in ms
            ]
    return list(dict.fromkeys(reasons))


def _reason(model, field_name: str, message: str) -> str:
    if field_name == NON_FIELD_ERRORS:
        return message.rstrip("。")
    field = model._meta.get_field(field_name).verbose_name
    if model is not Article:
        field = f"{model._meta.verbose_name}的{field}"
    return f"{field}：{message.rstrip('。')}"


def render_printed_pages(sources) -> None:
    """Draw each PDF page for readers before anything is written (a page PDFium cannot draw
    is bad input), except the pages already stored from the very same PDF."""
    pending = [s for s in sources if isinstance(s, PdfPageSource) and s.rendered is None]
    if not pending:
        return
    stored = set(
        Page.objects.filter(pdf_checksum__in=[source.checksum for source in pending]).values_list(
            "issue__date", "number", "pdf_checksum"
        )
    )
    for source in pending:
        if (source.date, source.number, source.checksum) not in stored:
            source.render()


def _refuse_other_source(page, source, replace) -> None:
    """A page already imported from other text, or from another PDF, changes only with
    --replace. The PDF of a page imported as text is no other source: it attaches to it."""
    if page is None or replace:
        return
    if getattr(page, source.checksum_field):
        kind = "PDF" if isinstance(source, PdfPageSource) else "文本"
        raise PageImportError(
            f"{source.label}: {source.date} 第{source.number}版已从另一份{kind}导入；"
            f"确认要用新{kind}更新时，请加 --replace（编辑改过的稿件不会被覆盖）。"
        )
    if page.pdf_checksum and not isinstance(source, PdfPageSource):
        raise PageImportError(
            f"{source.label}: {source.date} 第{source.number}版已从 PDF 导入，PDF 比文本更准确；"
            "确认要用文本更新时，请加 --replace（编辑改过的稿件不会被覆盖）。"
        )


def _store_page(source, parsed, report, run, *, publish, replace, user):
    recorder = run.recorder
    created_before = len(recorder.created)
    warnings_before = len(recorder.warnings)
    report.warnings += getattr(source, "notes", [])
    issue = run.issue(source.date)
    page = Page.objects.filter(issue=issue, number=source.number).first()
    if page and getattr(page, source.checksum_field) == source.checksum:
        report.unchanged = [
            article.title or article.import_ref
            for article in page.articles.filter(import_ref__isnull=False).order_by("position")
        ]
        return
    _refuse_other_source(page, source, replace)
    if page is None:
        page = Page(issue=issue, number=source.number, name=source.name)
    elif source.name and page.name != source.name:
        page.name = source.name
    setattr(page, source.checksum_field, source.checksum)
    if isinstance(source, PdfPageSource):
        store_printed_files(page, source.render())
    page.save()

    existing = existing_by_ref(import_ref(source, n) for n in range(1, len(parsed.articles) + 1))
    context = PageImport(
        source, page, report, recorder, run.contributors, existing, publish=publish, user=user
    )
    for position, parsed_article in enumerate(parsed.articles, start=1):
        report.warnings += review_hints(position, parsed_article)
        _store_article(context, position, parsed_article)
    leftovers = page.articles.filter(import_ref__isnull=False, position__gt=len(parsed.articles))
    for article in leftovers:
        report.warnings.append(
            f"原第{article.position}篇“{article}”不在新文本中，已保留，请编辑处理。"
        )
    report.new_organisations = recorder.created[created_before:]
    report.warnings += recorder.warnings[warnings_before:]


def existing_by_ref(refs) -> dict[str, Article]:
    """The articles already imported under these refs, one equality lookup each, not one
    `IN (...)`: once ANALYZE has seen a table where most articles have no import_ref (written
    in the admin), SQLite's planner reckons every value of the unique index matches all of
    them and scans the whole table instead (47 ms a page at 100,000 articles)."""
    found = {}
    for ref in refs:
        article = next(iter(Article.objects.filter(import_ref=ref).order_by()), None)
        if article is not None:
            found[ref] = article
    return found


REVIEW_HINT = "核对提示（不是错误，稿件已导入）："


def review_hints(position: int, parsed: ParsedArticle) -> list[str]:
    """Where the parser had to guess, so an editor knows what to check first; each says
    itself that it is a hint, so a first `make run` does not read as a failure."""
    label = f"{REVIEW_HINT}第{position}篇“{parsed.title or '图片新闻'}”"
    hints = []
    if parsed.kind == "article" and not parsed.bylines:
        hints.append(f"{label}没有识别出署名，请核对。")
    if parsed.kind == "article" and len(parsed.body) <= 1:
        hints.append(f"{label}只有一段，可能与相邻稿件分错，请核对。")
    if parsed.kind == "photo" and not parsed.captions:
        hints.append(f"{label}是图片新闻却没有图片说明，请核对。")
    return hints


@dataclass
class ArticleContent:
    """What an import writes for one article, in the form the database stores it."""

    fields: dict
    bylines: list[tuple[str, str]]
    captions: list[str]
    organisations: list

    @classmethod
    def from_parsed(cls, parsed: ParsedArticle) -> ArticleContent:
        bylines, seen = [], set()
        for byline in parsed.bylines:
            name = clean_text(byline.name)
            if name not in seen:
                seen.add(name)
                bylines.append((clean_text(byline.role or ""), name))
        fields = {
            "kind": parsed.kind,
            "kicker": clean_text(parsed.kicker or ""),
            "title": clean_text(parsed.title or ""),
            "subtitle": clean_text(parsed.subtitle or ""),
            "dateline": clean_text(parsed.dateline or ""),
            "body": clean_text(serialise_body(parsed.body)),
        }
        captions = [clean_text(caption) for caption in parsed.captions]
        return cls(fields, bylines, captions, list(parsed.organisations))

    def fingerprint(self, recorder: OrganisationRecorder) -> str:
        names = {recorder.canonical_name(found) for found in self.organisations}
        return content_fingerprint(
            **self.fields,
            bylines=self.bylines,
            captions=self.captions,
            entities={"organisation": names},
        )


@dataclass
class PageImport:
    """What storing each article of one page needs: the page, its report and the run's choices."""

    source: PageSource
    page: Page
    report: PageReport
    recorder: OrganisationRecorder
    contributors: KnownContributors
    existing: dict[str, Article]
    publish: bool = False
    user: object = None


def _store_article(context: PageImport, position: int, parsed: ParsedArticle) -> None:
    page, report, recorder = context.page, context.report, context.recorder
    ref = import_ref(context.source, position)
    label = parsed.title or (parsed.captions[0][:20] if parsed.captions else ref)
    content = ArticleContent.from_parsed(parsed)
    article = context.existing.get(ref)
    regions = stored_regions(parsed.regions) if isinstance(context.source, PdfPageSource) else None
    if article is None:
        article = Article(import_ref=ref)
        outcome = report.created
    elif edited_since_import(article):
        reason = "编辑在导入后改过这篇稿件，未覆盖。"
        if _attach_regions(article, regions):
            reason = "编辑在导入后改过这篇稿件，文字未覆盖；已附上它在版面上的位置。"
        report.skipped.append((label, reason))
        return
    elif (
        article.import_fingerprint_version == FINGERPRINT_VERSION
        and article.import_checksum == content.fingerprint(recorder)
        and article.page_id == page.pk
    ):
        if _attach_regions(article, regions):
            report.updated.append(label)
        else:
            report.unchanged.append(label)
        return
    else:
        outcome = report.updated

    if regions is not None:
        article.regions = regions
    article.page = page
    article.position = position
    for name, value in content.fields.items():
        setattr(article, name, value)
    article.updated_by = context.user
    article.import_checksum = content.fingerprint(recorder)
    article.import_fingerprint_version = FINGERPRINT_VERSION
    if context.publish and outcome is report.created:
        publish_imported(article)
    article.full_clean(
        exclude=["tags", "page", "updated_by"], validate_unique=False, validate_constraints=False
    )
    article.save()
    new_article = outcome is report.created
    bylines = _replace_bylines(
        article, content.bylines, context.contributors, new_article=new_article
    )
    _replace_captions(article, content.captions, new_article=new_article)
    recorder.record_mentions(article, content.organisations, new_article=new_article)
    if new_article:
        refresh_first_record(article, bylines)
    else:
        refresh_latest_record(article)
    outcome.append(label)


def edited_since_import(article: Article) -> bool:
    """Whether an editor changed anything a re-import would rewrite: the imported content
    (its fingerprint), or a caption's photo or credit, which the fingerprint leaves out."""
    if article.import_checksum and article.content_checksum() != article.import_checksum:
        return True
    return any(
        caption.image or not caption.credit_is_from_text() for caption in article.captions.all()
    )


def _attach_regions(article: Article, regions: list[dict] | None) -> bool:
    """Where a PDF says an article is printed, whatever an editor did to its words (the
    regions are the page's geometry, not the editor's work); False when nothing changes."""
    if regions is None or article.regions == regions:
        return False
    article.regions = regions
    Article.objects.filter(pk=article.pk).update(regions=regions)
    caching.content_changed([article_page(article.pk)])
    return True


def _replace_bylines(
    article: Article, bylines: list[tuple[str, str]], known: KnownContributors, *, new_article
) -> list[Byline]:
    """The article's bylines made exactly these, in order; returns them as stored."""
    if not new_article:
        article.bylines.all().delete()
    if not bylines:
        return []
    contributors = known.named([name for _, name in bylines])
    credited = {}  # a name and its alias credit one contributor once
    for role, name in bylines:
        credited.setdefault(contributors[name].pk, (role, contributors[name]))
    return Byline.objects.bulk_create(
        [
            Byline(article=article, contributor=contributor, role=role, order=order)
            for order, (role, contributor) in enumerate(credited.values())
        ]
    )


def _replace_captions(article: Article, captions: list[str], *, new_article) -> None:
    if not new_article:
        article.captions.all().delete()
    Caption.objects.bulk_create(
        Caption(article=article, text=text, credit=photo_credit(text), order=order)
        for order, text in enumerate(captions)
    )
