"""Printed pages -> rows. Reads and parses every page before writing any, then stores each page
in its own transaction, so bad input changes nothing and a failing page leaves nothing behind.

Re-imports are safe: each article carries an `import_ref` (issue date / page / position) and an
`import_checksum` of what the import wrote. The same text again changes nothing; a changed text
is refused unless `replace=True`; and an article an editor has changed since is never overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from articles.body import serialise_body
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
from articles.pagetext import PageTextError, ParsedArticle, ParsedPage, parse_page
from articles.publishing import publish_imported
from entities.recognisers import ORGANISATIONS
from entities.recording import OrganisationRecorder

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DIGITS = re.compile(r"\d+")
CJK = re.compile(r"[\u4e00-\u9fff]")
PHOTO_CREDIT = re.compile(r"[■▲]?\s*([^。！？■▲\s]{2,20})摄\s*$")
FALLBACK_ENCODINGS = ("gb18030",)


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

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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
    """`03.txt`, `page-03.txt`, `03-区域创新.txt` -> 3: the last number in the file name."""
    numbers = DIGITS.findall(path.stem)
    return int(numbers[-1]) if numbers else None


def page_name_from_name(path: Path) -> str:
    """`03-区域创新.txt` -> 区域创新; names without Chinese say nothing about the page."""
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
    if not files:
        raise PageImportError(f"{directory}: 目录中没有 .txt 版面文件。")
    issue_date = date or _date_from_directory(directory) or timezone.localdate()
    sources = []
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
        parsed = parse_page(source.text)
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
    parsed_pages = [parse_source(source, recorder.known) for source in sources]
    reports = []
    for index, (source, parsed) in enumerate(zip(sources, parsed_pages, strict=True), start=1):
        report = PageReport(source)
        try:
            with transaction.atomic():
                _store_page(
                    source, parsed, report, recorder, publish=publish, replace=replace, user=user
                )
        except PageImportError as exc:
            report.error = str(exc).removeprefix(f"{source.label}: ")
            recorder.forget_unsaved()
        reports.append(report)
        if progress:
            progress(index, len(sources), report)
    return reports


def _store_page(source, parsed, report, recorder, *, publish, replace, user):
    created_before = len(recorder.created)
    warnings_before = len(recorder.warnings)
    issue, _ = Issue.objects.get_or_create(date=source.date)
    page = Page.objects.filter(issue=issue, number=source.number).first()
    if page and page.source_checksum == source.checksum:
        report.unchanged = [
            article.title or article.import_ref
            for article in page.articles.filter(import_ref__isnull=False).order_by("position")
        ]
        return
    if page and page.source_checksum and not replace:
        raise PageImportError(
            f"{source.label}: {source.date} 第{source.number}版已从另一份文本导入；"
            "确认要用新文本更新时，请加 --replace（编辑改过的稿件不会被覆盖）。"
        )
    if page is None:
        page = Page.objects.create(issue=issue, number=source.number, name=source.name)
    elif source.name and page.name != source.name:
        page.name = source.name
    page.source_checksum = source.checksum
    page.save()

    existing = {
        article.import_ref: article
        for article in Article.objects.filter(
            import_ref__in=[import_ref(source, n) for n in range(1, len(parsed.articles) + 1)]
        )
    }
    context = PageImport(source, page, report, recorder, existing, publish=publish, user=user)
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


def review_hints(position: int, parsed: ParsedArticle) -> list[str]:
    """Where the parser had to guess, so an editor knows what to check first."""
    label = f"第{position}篇“{parsed.title or '图片新闻'}”"
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
            if byline.name not in seen:
                seen.add(byline.name)
                bylines.append((byline.role or "", byline.name))
        fields = {
            "kind": parsed.kind,
            "kicker": parsed.kicker or "",
            "title": parsed.title or "",
            "subtitle": parsed.subtitle or "",
            "dateline": parsed.dateline or "",
            "body": serialise_body(parsed.body),
        }
        return cls(fields, bylines, list(parsed.captions), list(parsed.organisations))

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
    existing: dict[str, Article]
    publish: bool = False
    user: object = None


def _store_article(context: PageImport, position: int, parsed: ParsedArticle) -> None:
    page, report, recorder = context.page, context.report, context.recorder
    ref = import_ref(context.source, position)
    label = parsed.title or (parsed.captions[0][:20] if parsed.captions else ref)
    content = ArticleContent.from_parsed(parsed)
    article = context.existing.get(ref)
    if article is None:
        article = Article(import_ref=ref)
        outcome = report.created
    elif article.import_checksum and article.content_checksum() != article.import_checksum:
        report.skipped.append((label, "编辑在导入后改过这篇稿件，未覆盖。"))
        return
    elif (
        article.import_fingerprint_version == FINGERPRINT_VERSION
        and article.import_checksum == content.fingerprint(recorder)
        and article.page_id == page.pk
    ):
        report.unchanged.append(label)
        return
    else:
        outcome = report.updated

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
    _replace_bylines(article, content.bylines, new_article=new_article)
    _replace_captions(article, content.captions, new_article=new_article)
    recorder.record_mentions(article, content.organisations, new_article=new_article)
    outcome.append(label)


def _replace_bylines(article: Article, bylines: list[tuple[str, str]], *, new_article) -> None:
    if not new_article:
        article.bylines.all().delete()
    if not bylines:
        return
    names = [name for _, name in bylines]
    contributors = Contributor.objects.in_bulk(names, field_name="name")
    missing = [Contributor(name=name) for name in names if name not in contributors]
    if missing:
        Contributor.objects.bulk_create(missing, ignore_conflicts=True)
        contributors = Contributor.objects.in_bulk(names, field_name="name")
    Byline.objects.bulk_create(
        Byline(article=article, contributor=contributors[name], role=role, order=order)
        for order, (role, name) in enumerate(bylines)
    )


def _replace_captions(article: Article, captions: list[str], *, new_article) -> None:
    if not new_article:
        article.captions.all().delete()
    Caption.objects.bulk_create(
        Caption(article=article, text=text, credit=photo_credit(text), order=order)
        for order, text in enumerate(captions)
    )


def photo_credit(caption: str) -> str:
    """`…。■记者陈硕摄` -> `记者陈硕`: the credit stays in the caption and is kept apart too."""
    match = PHOTO_CREDIT.search(caption)
    return match.group(1) if match else ""
