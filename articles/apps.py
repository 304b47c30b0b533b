from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "稿件"

    def ready(self):
        from newsroom.text import clean_text_on_save

        clean_text_on_save(self)
