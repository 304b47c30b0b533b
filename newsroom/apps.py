from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project itself as an app: settings, the page cache, health."""

    name = "newsroom"
    verbose_name = "编辑部"
