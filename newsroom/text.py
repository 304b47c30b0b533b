"""The one cleaning of text that editors type and imports bring in.

Control characters have no place in an article: XML (the RSS feed, sitemaps) refuses them,
and they are invisible in the admin. Word's soft line break (\\x0b) and escape codes from a
PDF's text layer arrive this way. Newline and tab stay; Windows and old Mac line ends become
newlines, so a paste from any system is stored the same and history shows only real changes.
"""

import re

from django.db import models
from django.db.models.signals import pre_save

_LINE_ENDS = re.compile(r"\r\n?")
# C0 and C1 controls except tab and newline, DEL, lone surrogates, and U+FFFE/U+FFFF (not
# characters: XML 1.0 refuses them too).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """`value` with control characters removed and every line end turned into `\\n`."""
    return _CONTROL.sub("", _LINE_ENDS.sub("\n", value))


def _clean_text_fields(sender, instance, **kwargs):
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, clean_text(value))


def clean_text_on_save(app_config) -> None:
    """Every save of the app's models stores its text fields cleaned (admin, import, shell)."""
    for model in app_config.get_models():
        pre_save.connect(
            _clean_text_fields, sender=model, dispatch_uid=f"clean_text:{model._meta.label}"
        )
