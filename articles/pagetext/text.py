"""Character-level helpers: what extraction does to spacing, width and fake-bold headlines."""

from __future__ import annotations

import re

#: Han characters: CJK Unified Ideographs, Extension A and the Compatibility Ideographs. The one
#: definition of "a Chinese character" for the parser, the importer and the search index.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHARACTER = re.compile(f"[{HAN}]")
WHITESPACE = re.compile(r"\s+")
HAN_RUN = re.compile(f"[{HAN}]+")
LATIN_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
ASCII_PUNCT_BEFORE_SPACE = ",;:!?)"

# Closing punctuation that ends a printed paragraph (or a sentence inside one).
PARAGRAPH_END = "。！？!?”’」』）)…"
# Characters a line can never start with when it begins a paragraph.
NEVER_STARTS_PARAGRAPH = "”’」』）)》〉、，。：；！？,.;:!?%"
SENTENCE_END = "。！？!?"
#: Marks inside or closing a sentence, which a heading closed by a quotation mark holds none of.
SENTENCE_MARKS = "。！？!?，,；;：:…"

LONGEST_DOUBLED_LINE = 160
# Marks where a printed line ended inside raw text, so a name broken over two lines can be mended.
LINE_BREAK = "\u200b"


def is_gap(char: str) -> bool:
    return char.isspace() or char == LINE_BREAK


def without_breaks(text: str) -> str:
    return text.replace(LINE_BREAK, "")


def is_wide(char: str) -> bool:
    """Chinese characters and fullwidth punctuation take a full em; ASCII takes half."""
    return ord(char) > 0x7F


def keeps_space(left: str, right: str) -> bool:
    """A space survives only between Latin words or numbers, never beside Chinese text."""
    if is_wide(left) or is_wide(right):
        return False
    if not LATIN_WORD_CHAR.match(right):
        return False
    return bool(LATIN_WORD_CHAR.match(left)) or left in ASCII_PUNCT_BEFORE_SPACE


def normalise_spacing(text: str) -> str:
    """Drop the stray spaces extraction leaves beside Chinese text; keep Latin word spaces."""
    collapsed = WHITESPACE.sub(" ", without_breaks(text or "")).strip()
    kept = []
    for index, char in enumerate(collapsed):
        if char == " ":
            left, right = collapsed[index - 1], collapsed[index + 1]
            if not keeps_space(left, right):
                continue
        kept.append(char)
    return "".join(kept)


def display_width(text: str) -> float:
    """Width in ems as printed: Chinese and fullwidth characters 1, ASCII 0.5, spaces 0."""
    return sum(1.0 if is_wide(char) else 0.5 for char in text if not char.isspace())


def join_printed_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: nothing between Chinese text, a space between Latin words."""
    joined = ""
    for line in lines:
        if not line:
            continue
        if joined and LATIN_LETTER.match(joined[-1]) and LATIN_LETTER.match(line[0]):
            joined += " "
        joined += line
    return joined


def undouble(text: str) -> str | None:
    """Read a fake-bold line whose every run is printed twice; None when the line is not one.

    `从从““数字乡村数字乡村””` is the runs 从, “, 数字乡村, ” each printed twice.
    """
    compact = WHITESPACE.sub("", text)
    size = len(compact)
    if size < 4 or size > LONGEST_DOUBLED_LINE or size % 2:
        return None
    run_at: list[int | None] = [None] * (size + 1)
    run_at[size] = 0
    for start in range(size - 2, -1, -1):
        for length in range((size - start) // 2, 0, -1):
            end = start + 2 * length
            if run_at[end] is None:
                continue
            if compact[start : start + length] == compact[start + length : end]:
                run_at[start] = length
                break
    if run_at[0] is None:
        return None
    halves, position = [], 0
    while position < size:
        length = run_at[position]
        halves.append(compact[position : position + length])
        position += 2 * length
    single = "".join(halves)
    if not any(char.isalnum() for char in single) or len(single) < 2:
        return None
    return single


def ends_paragraph(text: str) -> bool:
    return bool(text) and text[-1] in PARAGRAPH_END


def cannot_start_paragraph(text: str) -> bool:
    return bool(text) and text[0] in NEVER_STARTS_PARAGRAPH


def story_words(text: str) -> set[str]:
    """The pairs of Chinese characters in a text, the words a headline takes from its story."""
    return {run[i : i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)}
