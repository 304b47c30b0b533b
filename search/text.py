"""Terms, query parsing and highlighting: pure text functions shared by indexing and search.

A term is a character bigram of a run of Chinese characters (a run of one character is its
own term) or a whole Latin/digit word, lower-cased. Every substring of two or more Chinese
characters therefore has all its bigrams in the index of any text that contains it, which is
what makes `六小龙` or `留创园` findable without trusting a segmenter to cut the same way in
the query and in the article.
"""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERM_LENGTH = 32
MAX_KEYWORDS = 5
MAX_KEYWORD_LENGTH = 40

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[0-9A-Za-z]+")


def terms(text: str) -> set[str]:
    """The distinct terms of `text`."""
    found = set()
    for run in _CJK_RUN.findall(text or ""):
        if len(run) == 1:
            found.add(run)
        else:
            found.update(run[i : i + 2] for i in range(len(run) - 1))
    found.update(word.lower()[:MAX_TERM_LENGTH] for word in _WORD.findall(text or ""))
    return found


def keywords(query: str) -> list[str]:
    """The query's keywords: whitespace-separated, de-duplicated, bounded in number and length."""
    seen = []
    for word in (query or "").split():
        word = word[:MAX_KEYWORD_LENGTH]
        if word and word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    return seen[:MAX_KEYWORDS]


def keyword_terms(keyword: str) -> set[str]:
    """Terms every text containing `keyword` must have; single Chinese characters are left to
    the substring check, since a text's run around them may be longer."""
    found = set()
    for run in _CJK_RUN.findall(keyword):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    found.update(word.lower()[:MAX_TERM_LENGTH] for word in _WORD.findall(keyword))
    return found


def is_exact(keyword: str) -> bool:
    """True when finding the keyword's one term already proves the keyword is in the text."""
    if _CJK_RUN.fullmatch(keyword):
        return len(keyword) == 2
    return bool(_WORD.fullmatch(keyword)) and len(keyword) <= MAX_TERM_LENGTH


def _pattern(words):
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE) if ordered else None


def highlight(text: str, words) -> SafeString:
    """`text` escaped, with each occurrence of the words wrapped in <mark>."""
    pattern = _pattern(words)
    if pattern is None:
        return conditional_escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(conditional_escape(text[last : match.start()]))
        parts.append(mark_safe(f"<mark>{conditional_escape(match.group())}</mark>"))
        last = match.end()
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(parts))


def snippet(text: str, words, before: int = 30, length: int = 110) -> SafeString:
    """The passage around the first match, highlighted; the opening when nothing matches."""
    text = " ".join((text or "").split())
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - before) if match else 0
    if match:
        sentence_end = max(text.rfind(mark, start, match.start()) for mark in "。！？")
        start = sentence_end + 1 if sentence_end >= 0 else start
    end = min(len(text), start + length)
    passage = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return highlight(passage, words)
