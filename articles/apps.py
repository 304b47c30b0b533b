from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "稿件"

    def ready(self):
        from django.db.models.signals import pre_save
        from taggit.models import Tag

        from articles.tagging import give_wordless_tag_a_slug
        from newsroom.text import clean_text_on_save

        clean_text_on_save(self)
        pre_save.connect(give_wordless_tag_a_slug, sender=Tag, dispatch_uid="wordless_tag_slug")

        from articles import page_cache

        page_cache.watch_content()
