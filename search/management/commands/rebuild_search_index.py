import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = "从头重建全文检索索引（仅收录已发布的稿件）；失败时原索引保持不变。"

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, chunk_size, **options):
        started = time.monotonic()
        try:
            count = rebuild_index(chunk_size=chunk_size)
        except (DatabaseError, ValueError) as exc:
            raise CommandError(f"重建索引失败，原索引保持不变：{exc}") from exc
        elapsed = time.monotonic() - started
        self.stdout.write(f"已索引 {count} 篇已发布稿件，用时 {elapsed:.1f} 秒。")
