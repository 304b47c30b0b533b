"""Thin wrapper: arguments -> articles.importing -> a report on stdout."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.importing import PageImportError, collect_pages, import_pages, parse_source
from entities.recording import known_organisation_names


class Command(BaseCommand):
    help = "导入版面文本（从报纸 PDF 提取的 .txt）：一个文件是一个版面，一个目录是一期。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="版面文件，或一期的目录")
        parser.add_argument("--date", help="出版日期 YYYY-MM-DD（默认取目录名或今天）")
        parser.add_argument(
            "--page", type=int, help="版次（仅用于单个文件，默认取文件名中的数字或 1）"
        )
        parser.add_argument("--page-name", help="版名，如 要闻、创新一线")
        parser.add_argument("--encoding", help="文本编码（默认自动识别 UTF-8 / GB18030）")
        parser.add_argument("--publish", action="store_true", help="新稿件直接发布（默认为草稿）")
        parser.add_argument(
            "--replace", action="store_true", help="版面文本有变化时更新（编辑改过的稿件除外）"
        )
        parser.add_argument("--dry-run", action="store_true", help="只解析并打印，不写数据库")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        try:
            sources = collect_pages(
                options["paths"],
                date=options["date"],
                page=options["page"],
                page_name=options["page_name"],
                encoding=options["encoding"],
            )
            if options["dry_run"]:
                self._print_parses(sources, options["format"])
                return
            reports = import_pages(
                sources,
                publish=options["publish"],
                replace=options["replace"],
                progress=self._progress if len(sources) > 1 else None,
            )
        except PageImportError as exc:
            raise CommandError(str(exc)) from exc
        self._print_reports(reports, options["format"], progress_shown=len(sources) > 1)
        failed = [report for report in reports if report.error]
        if failed:
            raise CommandError(
                f"{len(failed)} 个版面导入失败：" + "；".join(r.error for r in failed)
            )

    def _print_parses(self, sources, output_format):
        try:
            known = known_organisation_names()
        except DatabaseError:
            known = {}
            self.stderr.write("数据库尚未建立（请先 migrate），本次解析不参考已知机构。")
        pages = [parse_source(source, known).to_dict() for source in sources]
        for source in sources:
            for note in getattr(source, "notes", []):  # a PDF's running head disagreeing
                self.stderr.write(f"{source.label}: 注意：{note}")
        if output_format == "json":
            document = pages[0] if len(pages) == 1 else {"pages": pages}
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        for source, page in zip(sources, pages, strict=True):
            self.stdout.write(f"{source.label}: {len(page['articles'])} 篇")
            for article in page["articles"]:
                title = article["title"] or "（无标题图片新闻）"
                self.stdout.write(f"  - {title}")

    def _progress(self, index, total, report):
        self.stdout.write(f"[{index}/{total}] {report.summary()}")

    def _print_reports(self, reports, output_format, progress_shown):
        if output_format == "json":
            self.stdout.write(json.dumps([_report_dict(r) for r in reports], ensure_ascii=False))
            return
        for report in reports:
            if not progress_shown:
                self.stdout.write(report.summary())
            for title, reason in report.skipped:
                self.stdout.write(f"  跳过“{title}”：{reason}")
            for name in report.new_organisations:
                self.stdout.write(f"  新机构：{name}")
            for warning in report.warnings:
                self.stdout.write(self.style.WARNING(f"  注意：{warning}"))


def _report_dict(report):
    return {
        "file": report.source.label,
        "date": report.source.date.isoformat(),
        "page": report.source.number,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": [{"title": t, "reason": r} for t, r in report.skipped],
        "new_organisations": report.new_organisations,
        "warnings": report.warnings,
        "error": report.error,
    }
