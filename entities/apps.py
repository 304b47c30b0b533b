from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "机构"

    def ready(self):
        from newsroom.text import clean_text_on_save

        clean_text_on_save(self)
