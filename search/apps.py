from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "搜索"

    def ready(self):
        from newsroom import caching
        from search import signals  # noqa: F401
        from search.models import SearchDocument

        caching.watch(SearchDocument)  # search results are lists
