from django.apps import AppConfig
from django.db.backends.signals import connection_created

from newsroom.sqlite import use_write_ahead_log


class NewsroomConfig(AppConfig):
    """The project itself as an app: settings, the page cache, health."""

    name = "newsroom"
    verbose_name = "编辑部"

    def ready(self):
        connection_created.connect(use_write_ahead_log, dispatch_uid="newsroom_sqlite_wal")
