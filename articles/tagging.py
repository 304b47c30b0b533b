"""Tag strings as Chinese editors type them: `科技，人工智能、芯片` as well as `a, b`.

A tag is a word: one made only of punctuation (`？？`, `！！！`) has no slug for its page and is
refused where it is typed. A tag that reaches the database another way still gets a slug.
"""

import hashlib
import re

from django.core.exceptions import ValidationError
from taggit.utils import _edit_string_for_tags, _parse_tags

from newsroom.text import clean_text

CHINESE_SEPARATORS = re.compile(r"[，、；;]")
WORD_CHARACTER = re.compile(r"[^\W_]")


def parse_tags(tag_string: str) -> list[str]:
    names = _parse_tags(CHINESE_SEPARATORS.sub(",", clean_text(tag_string or "")))
    wordless = [name for name in names if not WORD_CHARACTER.search(name)]
    if wordless:
        raise ValidationError(
            f"标签“{'”“'.join(wordless)}”里没有文字或数字，请改写或删去。", code="wordless_tag"
        )
    return names


def join_tags(tags) -> str:
    return _edit_string_for_tags(tags)


def give_wordless_tag_a_slug(sender, instance, **kwargs):
    """taggit's slug of a name without letters is empty (or `_1`): one from the name instead."""
    if instance.slug is not None and not WORD_CHARACTER.search(instance.slug):
        digest = hashlib.sha256(instance.name.encode()).hexdigest()[:10]
        instance.slug = f"tag-{digest}{instance.slug}"
