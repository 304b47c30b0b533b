from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project itself as an app: it wires the public page cache to content changes."""

    name = "newsroom"
    verbose_name = "编辑部"

    def ready(self):
        from newsroom import caching

        caching.connect_signals()
