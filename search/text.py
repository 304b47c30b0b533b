"""Tokens, query parsing and highlighting: pure text functions shared by indexing and search.

A token is a character bigram of a run of Chinese characters (a run of one character is its
own token) or a whole Latin/digit word, lower-cased. The database's full-text index (SQLite
FTS5 or a PostgreSQL tsvector, see `search.backends`) stores each document's tokens with
their positions, and a keyword is looked up as the PHRASE of its own tokens: `质检员` is the
phrase `质检 检员`, which a text has exactly where it contains `质检员`. That makes any
substring of two or more Chinese characters findable without trusting a segmenter to cut the
same way in the query and in the article.

Two runs in a row can chain into a false phrase (`…青禾，禾智…` has `青禾 禾智`): where a run
starts with the character the previous run ended with, a SEPARATOR token goes between them.
"""

import functools
import operator
import re
from html import escape

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from articles.pagetext.text import HAN

MAX_TERM_LENGTH = 32
MAX_KEYWORDS = 5
MAX_KEYWORD_LENGTH = 40
#: Never produced by text: Latin words are cut at MAX_TERM_LENGTH characters.
SEPARATOR = "q" * (MAX_TERM_LENGTH + 1)

_CJK = HAN
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(r"[0-9A-Za-z]+")
_PIECE = re.compile(f"([{_CJK}]+)|([0-9A-Za-z]+)")


def tokens(text: str) -> list[str]:
    """The tokens of `text` in order, repeats included, SEPARATOR where runs would chain."""
    found: list[str] = []
    last = ""  # the previous token when it was a bigram
    for run, word in _PIECE.findall(text or ""):
        if word:
            found.append(word.lower()[:MAX_TERM_LENGTH])
            last = ""
        elif len(run) == 1:
            found.append(run)
            last = ""
        else:
            if last and last[-1] == run[0]:
                found.append(SEPARATOR)
            found += map(operator.add, run, run[1:])
            last = run[-2:]
    return found


def terms(text: str) -> set[str]:
    """The distinct tokens of `text`."""
    found = set(tokens(text))
    found.discard(SEPARATOR)
    return found


def keywords(query: str) -> list[str]:
    """The query's keywords: whitespace-separated, de-duplicated, bounded in number and length."""
    seen = []
    for word in (query or "").split():
        word = word[:MAX_KEYWORD_LENGTH]
        if word and word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    return seen[:MAX_KEYWORDS]


def keyword_phrase(keyword: str) -> list[str]:
    """The tokens a text containing `keyword` has in a row: the keyword's own tokens, less a
    single Chinese character at either end (in a text its run may go on: `芯` in `芯片`)."""
    found = tokens(keyword)
    pieces = _PIECE.findall(keyword)
    if pieces and len(pieces[-1][0]) == 1:
        found = found[:-1]
    if len(pieces) > 1 and len(pieces[0][0]) == 1:
        found = found[1:]
    return found


def is_exact(keyword: str) -> bool:
    """True when finding the keyword's phrase already proves the keyword is in the text: a
    run of two or more Chinese characters, or one Latin word. Anything else (`QingHe-M2`,
    `5G网`) is also checked as a substring."""
    if _CJK_RUN.fullmatch(keyword):
        return len(keyword) >= 2
    return bool(_WORD.fullmatch(keyword)) and len(keyword) <= MAX_TERM_LENGTH


@functools.lru_cache(maxsize=256)
def _compiled(words: tuple[str, ...]):
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    if not ordered:
        return None
    # One group: `split` then gives text and matches in turn.
    return re.compile("(" + "|".join(map(re.escape, ordered)) + ")", re.IGNORECASE)


def _pattern(words):
    """The words' pattern, built once per query: a page highlights up to thirty texts."""
    return _compiled(tuple(words))


def highlight(text: str, words) -> SafeString:
    """`text` escaped, with each occurrence of the words wrapped in <mark>."""
    pattern = _pattern(words)
    if pattern is None:
        return conditional_escape(text)
    parts = pattern.split(text)
    parts[1::2] = [f"<mark>{escape(part)}</mark>" for part in parts[1::2]]
    parts[::2] = map(escape, parts[::2])
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
