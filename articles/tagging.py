"""Tag strings as Chinese editors type them: `科技，人工智能、芯片` as well as `a, b`."""

import re

from taggit.utils import _edit_string_for_tags, _parse_tags

from newsroom.text import clean_text

CHINESE_SEPARATORS = re.compile(r"[，、；;]")


def parse_tags(tag_string: str) -> list[str]:
    return _parse_tags(CHINESE_SEPARATORS.sub(",", clean_text(tag_string or "")))


def join_tags(tags) -> str:
    return _edit_string_for_tags(tags)
