"""From extracted text to printed lines, and from lines to paragraphs ("units").

Paragraph breaks are not marked in the extracted text. They are read from print conventions:
the last line of a paragraph usually ends in closing punctuation and is short, the first line of
the next one is indented by about two characters, both relative to the full line of the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import (
    credit_of,
    find_dateline,
    is_credit_line,
    opens_byline,
    parse_standalone_bylines,
    split_trailing_bylines,
)
from .text import (
    LINE_BREAK,
    SENTENCE_MARKS,
    WHITESPACE,
    cannot_start_paragraph,
    display_width,
    ends_paragraph,
    is_wide,
    join_printed_lines,
    normalise_spacing,
    story_words,
    undouble,
)

CAPTION_MARK = "▲"
#: Several pictures' captions number them (`图①：…`, `图2：…`), pointing at each as `图为` does.
NUMBERED_PICTURE = r"图[①-⑳0-9]{1,2}[：:]"
PICTURE_AT_START = re.compile(rf"^(?:图为|图说[：:]|{NUMBERED_PICTURE})")
#: Body text is set 9-20 characters a line; photo news captions run across a picture, 26-32.
WIDEST_TEXT_COLUMN = 23
#: A caption under an article's photo, credit included, runs over a few printed lines at most.
CAPTION_LINES = 3
PICTURE_AT_END = re.compile(r"(?:^|[。！？”])(?:图为|图说[：:])[^。！？]*[。！？]$")
#: In a justified line every gap is stretched alike: a word space is wider than the rest.
WORD_GAP = re.compile(r" {2,}")
#: Any one blank an extractor prints (a tab, an ideographic space), read as a space.
BLANK = re.compile(r"\s")
LEADING_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%\-+/]*")
LATIN_LINE_END = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%\-+]*[，。、；：！？”）)]?$")
WINDOW = 5
RELIABLE_SAMPLE = 3
SHORT_BY = 1.5
HEADING_SHORT_BY = 3.5
WIDER_BY = 2
HANGING = 1.5
#: A photo credit (`全媒体记者何川通讯员李文涛摄`) is never longer than this.
CREDIT_SPAN = 60
#: What a broken credit leaves for its next line: at most a name's last characters and `摄`.
BROKEN_CREDIT_REST = 4
LONGEST_GLUED_HEADING = 4
#: The printed lines of a headline over the opening of its article, at most.
LONGEST_HEADING_RUN = 3
#: A kicker (引题) is a phrase: four characters at the least.
SHORTEST_KICKER = 4
#: Columns whose full lines differ by this much are two columns.
COLUMN_SHIFT = 2
#: How a subtitle (副题) opens.
SUBTITLE_OPENING = ("——", "—", "--")
#: Marks inside a sentence, which a heading does without.
CLAUSE_MARKS = "，。；！？、"


#: A paragraph's first line is indented by two characters.
INDENT = 2
LONGEST_BYLINE_RUN_ON = 16
OPENING_BRACKETS = {"（": "）", "(": ")", "“": "”", "【": "】", "《": "》"}
BRACKET_CHARACTERS = re.compile(
    "[" + re.escape("".join(OPENING_BRACKETS) + "".join(OPENING_BRACKETS.values())) + "]"
)


class lazy:  # noqa: N801 - used as a decorator, like the property it stands for
    """A value computed on first use and kept on the instance: functools.cached_property
    without its lock, which costs more than the parser's small computations themselves."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class Line:
    raw: str
    glued: bool = False
    #: Printed twice over by an extractor that repeats a fake-bold line whole.
    repeated: bool = False
    #: Opens with a dateline (`本报讯`), perhaps one a narrow column breaks over two lines.
    opens_dateline: bool = False
    #: The line as printed where it holds gaps wider than a space (WORD_GAP), kept two wide.
    gapped: str | None = None

    @lazy
    def text(self) -> str:
        return normalise_spacing(self.raw)

    @lazy
    def width(self) -> float:
        return display_width(self.text)

    @lazy
    def bold(self) -> str | None:
        return self.text if self.repeated else undouble(self.text)

    @lazy
    def marked(self) -> bool:
        return self.text.startswith(CAPTION_MARK)

    @lazy
    def bylines(self):
        return parse_standalone_bylines(self.raw)

    @lazy
    def spaced(self) -> str:
        """The line with the spaces that separate words (`记者 赵亮`); a loose line's spaces
        only justify it (`宗 和 ） 近 日`), and are dropped, but for the wider gaps of the word
        spaces justification stretched with the rest (`记 者   赵 亮   王 凯`)."""
        if not (self.loose and spaced_out(self.raw)):
            return self.raw
        printed = self.gapped or self.raw
        return " ".join(normalise_spacing(part) for part in WORD_GAP.split(printed))

    @lazy
    def loose(self) -> bool:
        """Spaced out (`让 数 据 多 跑 路`): the printer justified it to the full column, so it is
        never a paragraph's short last line, even when it holds a character fewer."""
        return is_loose(self.raw)


class Unit:
    """One paragraph, heading group line, caption or byline as printed.

    Lines are added one at a time while the page is read, so what the reading asks of the unit
    so far (its text, whether a bracket is open, its widest line) is kept up to date line by
    line: a paragraph of n lines costs n steps, not n² (a page is parsed in linear time).
    """

    __slots__ = ("lines", "_pieces", "_text", "_depth", "_widest", "_glued")

    def __init__(self, lines: list[Line]) -> None:
        #: Lines appended here directly are taken in when the unit is next asked about.
        self.lines: list[Line] = list(lines)
        self._pieces: list[str] = []
        self._text: str | None = ""
        self._depth = 0
        self._widest = 0.0
        self._glued = False

    def add(self, line: Line) -> None:
        self.lines.append(line)

    def _sync(self) -> None:
        for line in self.lines[len(self._pieces) :]:
            piece = line.bold or line.text
            self._pieces.append(piece)
            self._text = None
            self._depth = bracket_depth(piece, self._depth)
            self._widest = max(self._widest, line.width)
            self._glued = self._glued or line.glued

    @property
    def text(self) -> str:
        self._sync()
        if self._text is None:
            self._text = join_printed_lines(self._pieces)
        return self._text

    def tail(self, size: int) -> str:
        """The text's last `size` characters or so, without joining the whole unit."""
        self._sync()
        count, length = 0, 0
        while count < len(self._pieces) and length < size:
            count += 1
            length += len(self._pieces[-count])
        return join_printed_lines(self._pieces[-count:]) if count else ""

    @property
    def open_bracket(self) -> bool:
        """Whether a bracket or quote opened in the unit is still open at its end."""
        self._sync()
        return self._depth > 0

    @property
    def widest(self) -> float:
        self._sync()
        return self._widest

    @property
    def any_glued(self) -> bool:
        self._sync()
        return self._glued

    def tail_raw(self, lines: int) -> str:
        """The last printed lines as extracted: what a closing byline or credit can span."""
        return LINE_BREAK.join(line.spaced for line in self.lines[-lines:])

    @property
    def raw(self) -> str:
        """The printed lines as extracted, each line break kept as LINE_BREAK."""
        return LINE_BREAK.join(line.spaced for line in self.lines)

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def marked(self) -> bool:
        return self.lines[0].marked

    @property
    def column_width(self) -> float:
        """The full line of this paragraph's column, estimated from its own lines."""
        widths = [line.width for line in self.lines]
        if len(widths) >= 3:
            inner = sorted(widths[1:-1])
            return inner[len(inner) // 2]
        if len(widths) == 2:
            return max(widths[0] + 2, widths[1])
        return widths[0] + 2


LOOSE_GAPS = 3


def has_clause_mark(text: str) -> bool:
    """A clause mark anywhere in a line: a heading divides no clauses, running text does."""
    return any(mark in text for mark in CLAUSE_MARKS)


def is_loose(raw: str) -> bool:
    gaps = 0
    for index in range(1, len(raw) - 1):
        if raw[index] == " " and is_wide(raw[index - 1]) and is_wide(raw[index + 1]):
            gaps += 1
            if gaps >= LOOSE_GAPS:
                return True
    return False


def spaced_out(raw: str) -> bool:
    """Spaces between most neighbouring Chinese characters: justification, not word breaks."""
    pairs = gaps = 0
    for index in range(1, len(raw) - 1):
        if raw[index] == " " and is_wide(raw[index - 1]) and is_wide(raw[index + 1]):
            gaps += 1
            pairs += 1
        elif is_wide(raw[index]) and is_wide(raw[index - 1]):
            pairs += 1
    return gaps * 2 >= pairs


def read_lines(page_text: str) -> list[Line]:
    """Printed lines; a line followed by a single newline is glued to the next one."""
    text = page_text.replace("\r\n", "\n").replace("\r", "\n")
    physical = text.split("\n")
    lines: list[Line] = []
    for index, raw in enumerate(physical):
        collapsed = WHITESPACE.sub(" ", raw).strip()
        if not collapsed:
            continue
        next_is_text = index + 1 < len(physical) and physical[index + 1].strip() != ""
        # A word space a justified line stretched stays wider than its other gaps.
        gapped = WORD_GAP.sub("  ", BLANK.sub(" ", raw.strip()))
        wide = gapped if gapped != collapsed else None
        lines.append(Line(raw=collapsed, glued=next_is_text, gapped=wide))
    lines = merge_byline_continuations(merge_repeated(lines))
    mark_datelines(lines)
    return unweave_side_by_side_captions(lines)


#: The most run-on lines a group of side-by-side captions is read for (a few sentences each).
LONGEST_CAPTION_GROUP = 12
#: The most pictures a page sets side by side in a row.
MOST_SIDE_BY_SIDE = 3


def unweave_side_by_side_captions(lines: list[Line]) -> list[Line]:
    """Pictures set side by side carry their ▲ captions side by side, each at its picture's
    measure, and an extractor reads across them row by row: the first line of each caption
    (`▲A1`, `▲B1`), then the second of each still running (`A2`, `B2`), and so on. A caption
    line is full but for its last: a caption runs on from a full line and ends at a short one,
    or at a full one. Where a caption before the group's last fills its line, the lines under
    the group up to the next ▲ caption, headline, dateline or byline are dealt out row by row;
    of the ways of dealing them that keep every caption's lines but its last full, the one whose
    line breaks fall inside words the page's lines use (pairs of Chinese characters printed
    together on a line: a word broken at a line end is read whole) is taken. Each caption
    becomes one line."""
    out: list[Line] = []
    index, words = 0, None
    while index < len(lines):
        stop = index
        while stop < len(lines) and lines[stop].marked and not lines[stop].bold:
            stop += 1
        if stop - index < 2:
            out.append(lines[index])
            index += 1
            continue
        if words is None:
            words = set().union(*(story_words(line.text) for line in lines if not line.marked))
        dealt = deal_captions(lines, index, stop, words)
        if dealt is None:
            out.extend(lines[index:stop])
            index = stop
            continue
        captions, index = dealt
        out.extend(captions)
    return out


def deal_captions(
    lines: list[Line], start: int, stop: int, words: set[str]
) -> tuple[list[Line], int] | None:
    """The captions lines[start:stop] open, with their run-on lines dealt out to them, and the
    index after those; None where no caption before the last fills its line, or the lines under
    the group do not end at a line that opens something else."""
    firsts = lines[start:stop]
    if len(firsts) > MOST_SIDE_BY_SIDE:
        return None
    measure = max(line.width for line in firsts)
    running = [line.width >= measure - 1 for line in firsts]
    if not any(running[:-1]):
        return None
    end = stop
    while (
        end < len(lines)
        and end - stop < LONGEST_CAPTION_GROUP
        and runs_on_caption(lines[end], measure)
    ):
        end += 1
    if end == stop or not (end == len(lines) or opens_after_captions(lines[end])):
        return None
    best = None
    for counts in caption_line_counts(len(firsts), end - stop, running):
        captions = deal_rows(firsts, lines[stop:end], counts)
        if not all(line.width >= measure - 1 for caption in captions for line in caption[:-1]):
            continue
        joins = sum(
            (above.text[-1:] + below.text[:1]) in words
            for caption in captions
            for above, below in zip(caption, caption[1:], strict=False)
        )
        if best is None or joins > best[0]:
            best = (joins, captions)
    if best is None:
        return None
    merged = [
        Line(raw=join_printed_lines([line.text for line in caption]), glued=False)
        for caption in best[1]
    ]
    return merged, end


def runs_on_caption(line: Line, measure: float) -> bool:
    """A line that may run on a caption of that measure: no ▲, headline, dateline or byline."""
    return not (opens_after_captions(line) or line.width > measure + HANGING)


def opens_after_captions(line: Line) -> bool:
    """A line that opens something other than a caption's run-on: a ▲ caption, a fake-bold
    headline, a dateline or a byline."""
    return line.marked or bool(line.bold) or line.opens_dateline or bool(line.bylines)


def caption_line_counts(captions: int, lines: int, running: list[bool]):
    """Every way of giving `lines` run-on lines to the captions, none to one whose first line
    ended it, in the order of dealing them out one a caption (round robin) first."""

    def split(position: int, left: int):
        if position == captions - 1:
            if left == 0 or running[position]:
                yield [left]
            return
        for count in range(left, -1, -1) if running[position] else (0,):
            for rest in split(position + 1, left - count):
                yield [count, *rest]

    even = [lines // captions + (i < lines % captions) for i in range(captions)]
    ways = sorted(
        split(0, lines),
        key=lambda counts: sum(abs(a - b) for a, b in zip(counts, even, strict=True)),
    )
    yield from ways


def deal_rows(firsts: list[Line], rest: list[Line], counts: list[int]) -> list[list[Line]]:
    """The captions' lines as read row by row: each row a line of every caption still running."""
    captions = [[first] for first in firsts]
    taken = iter(rest)
    for row in range(max(counts, default=0)):
        for caption, count in zip(captions, counts, strict=True):
            if row < count:
                caption.append(next(taken))
    return captions


def mark_datelines(lines: list[Line]) -> None:
    """A dateline opens its line; in a narrow column it may end on the next (`本报酒泉9月5日` /
    `电（记者 马骁）…`). A line over one that opens a dateline of its own is not the first half
    of one: `舟摄` (a credit's end) over `本报酒泉9月5日电…` does not make `舟摄本报` a
    source."""
    for index, line in enumerate(lines):
        if line.bold:
            continue
        found = find_dateline(line.text)
        if not found and index + 1 < len(lines) and not find_dateline(lines[index + 1].text):
            found = find_dateline(line.text + lines[index + 1].text)
            found = found if found and len(found) > len(line.text) else None
        line.opens_dateline = bool(found)


def merge_repeated(lines: list[Line]) -> list[Line]:
    """Some extractors print a fake-bold line whole, twice (`X`, then `X` again) instead of run
    by run. Text never prints the same line twice in a row, so the pair is one bold line.

    pdfminer does so for a headline's full lines, but the two copies of a short last line sit
    close enough to be read as one line, printed run by run (`道道`): glued to a repeated line
    in the same text box, such a line is the headline's end, however short."""
    merged: list[Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        half = len(line.text) // 2
        if (
            previous is not None
            and previous.repeated
            and previous.glued
            and len(line.text) % 2 == 0
            and line.text[:half] == line.text[half:]
            and any(char.isalnum() for char in line.text)
        ):
            merged.append(Line(raw=line.text[:half], glued=line.glued, repeated=True))
            continue
        if (
            previous is not None
            and not previous.repeated
            and previous.text == line.text
            and not previous.bold
            and any(char.isalnum() for char in line.text)
        ):
            previous.repeated = True
            previous.__dict__.pop("bold", None)
            previous.glued = line.glued
            continue
        merged.append(line)
    return merged


def merge_byline_continuations(lines: list[Line]) -> list[Line]:
    """A byline set in the column runs on to the next line (`■本报记者 赵亮 通讯` / `员 刘岩`,
    `记者 王可 实习生` / `黎安`): a line of names and role words only, with no punctuation,
    after a byline line (or one opening with a role word and cut short) is the same byline."""
    merged: list[Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and (previous.bylines or opens_byline(previous.text))
            and continues_byline(previous, line)
        ):
            joined = Line(raw=previous.raw + LINE_BREAK + line.raw, glued=line.glued)
            if joined.bylines:
                merged[-1] = joined
                continue
        merged.append(line)
    return merged


def continues_byline(previous: Line, line: Line) -> bool:
    text = line.text
    if line.bold or not text or len(text) > LONGEST_BYLINE_RUN_ON:
        return False
    return not any(not is_wide(char) or char in "，。、；：！？“”（）《》" for char in text)


def upper_median(widths: list[float]) -> float:
    """A full line's width: most lines of a column are full, the rest are shorter."""
    if not widths:
        return 0.0
    ordered = sorted(widths, reverse=True)
    return ordered[(len(ordered) - 1) // 3]


def glued_by_latin(line: Line) -> bool:
    """Extraction glues a line ending in Latin letters (`DeepSeek-V3，`) to the next one."""
    return bool(LATIN_LINE_END.search(line.text))


def starts_unit_for_sure(line: Line) -> bool:
    return bool(line.bold or line.marked or line.bylines or line.opens_dateline)


@dataclass
class Columns:
    """Full-line width on each side of a position, never looking across a hard unit start."""

    lines: list[Line]

    @lazy
    def barriers(self) -> list[bool]:
        return [starts_unit_for_sure(line) for line in self.lines]

    def widths(self, start: int, stop: int) -> list[float]:
        return [
            line.width
            for line in self.lines[max(start, 0) : min(stop, len(self.lines))]
            if not line.bold and not line.marked and not line.bylines
        ]

    def estimate(self, start: int, stop: int) -> float | None:
        """None when too few lines are in view to tell a full line from a short one."""
        widths = self.widths(start, stop)
        return upper_median(widths) if len(widths) >= RELIABLE_SAMPLE else None

    def before(self, index: int) -> float | None:
        start = index
        while start > 0 and index - start < WINDOW and not self.barriers[start]:
            start -= 1
        return self.estimate(start, index + 1)

    def after(self, index: int) -> float | None:
        """Stops where a paragraph closes and a wider column follows (a photo caption after an
        article's last paragraph), perhaps under a short heading line (photo news' title):
        those lines tell nothing about this column. A photo credit (`…记者方舟摄`) closes a
        caption as a stop closes a paragraph."""
        lines = self.lines
        stop = index + 1
        widest = lines[index].width
        while stop < len(lines) and stop - index <= WINDOW and not self.barriers[stop]:
            closing, following = lines[stop - 1], lines[stop]
            if following.width > widest + WIDER_BY and not closing.loose:
                if stop - index >= RELIABLE_SAMPLE and closes_block(closing):
                    break
                if (
                    stop - 1 - index >= RELIABLE_SAMPLE
                    and closes_block(lines[stop - 2])
                    and not ends_like_text(closing.text)
                    and closing.width < widest
                ):
                    stop -= 1
                    break
            widest = max(widest, following.width)
            stop += 1
        return self.estimate(index, stop)


def closes_block(line: Line) -> bool:
    """Closes a paragraph (its sentence) or a caption (its credit)."""
    return ends_paragraph(line.text) or closes_credit(line.text)


def closes_credit(text: str) -> bool:
    """Ends with a photo credit (`…记者方舟摄`, `（通讯员米乐摄）`)."""
    return text.rstrip("）)").endswith("摄") and credit_of(text) is not None


def bracket_depth(text: str, depth: int = 0) -> int:
    """How many brackets and quotes are open after text, starting with `depth` open."""
    for char in BRACKET_CHARACTERS.findall(text):
        if char in OPENING_BRACKETS:
            depth += 1
        elif depth:
            depth -= 1
    return depth


def is_indented(columns: Columns, index: int, column: float | None) -> bool:
    """A paragraph's first line: about two characters short of a full line that follows it.
    A line set wider than the column (a caption across its picture, a headline across
    columns) is no full line of it, and tells no indent."""
    lines = columns.lines
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if column is None or following is None or core_width(following) > column + WIDER_BY:
        return False
    if stretched_past_indent(line, column):
        return False
    narrowest_indent = 0.75 if cannot_start_paragraph(following.text) else 1.25
    # The first line may hang a closing mark past its measure, or set it inside.
    fitting = [
        width
        for width in (line.width, core_width(line))
        if column - 3.5 <= width <= column - narrowest_indent
    ]
    if not fitting:
        return False
    width = fitting[-1]
    return following.width >= width + 1 or following.loose or cannot_start_paragraph(following.text)


def stretched_past_indent(line: Line, column: float) -> bool:
    """A loose line (`2019 年 3 月 ， 新 型`) was stretched to fill its measure, so what it
    holds is narrower than that measure. Digits and Latin letters print at least the half em
    they are counted, often more: a loose line holding them, counted wider than the column less
    the indent, filled more than an indented first line's measure, so it is a full line of the
    paragraph, not the opening of the next (a closing mark may hang past the measure and is not
    counted). A line of Chinese only is exactly counted, and the indent test measures it."""
    return line.loose and not exact_width(line) and core_width(line) > column - INDENT + 0.25


def quotes_into_sentence(line: Line, column: float | None) -> bool:
    """A closing quotation mark with no stop before it closes a quoted name or phrase (`鹏城
    实验室的“鹏城云脑”`), and the sentence goes on after it: a stop goes inside the quote when
    it closes a quoted sentence (`…到家了。”`), after it when a sentence ends on a quoted
    phrase (`…“智慧电梯”。`). Such a full line is no paragraph's last (a short one may be a
    heading, `创新药研发按下“快进键”`)."""
    return line.text[-1:] in "”’」』" and not closes_sentence(line.text) and is_full(line, column)


def ends_like_text(text: str) -> bool:
    """Closed by punctuation, as a paragraph's last line is. A closing quotation mark ends a
    quoted phrase, not a sentence: a line that holds no sentence or clause mark and ends in one
    (`老旧小区装上“智慧电梯”`) closes a heading; a paragraph's last sentence closes with its
    stop, inside the quote or after it (`…到家了。”`, `…“智慧电梯”。`)."""
    if not ends_paragraph(text):
        return False
    return text[-1] not in "”’」』" or any(mark in text for mark in SENTENCE_MARKS)


def glued_run_end(lines: list[Line], index: int) -> Line:
    while lines[index].glued and index + 1 < len(lines):
        index += 1
    return lines[index]


def is_full(line: Line, column: float | None) -> bool:
    return column is not None and line.width >= column - 1


def indented_in(line: Line, column: float | None) -> bool:
    """The indent short of the column: a paragraph's first line. Under a heading, more headline
    lines further down can make the column after look as narrow as that line."""
    return column is not None and any(
        abs(column - INDENT - width) <= 0.5 for width in (line.width, core_width(line))
    )


def short_of(line: Line, *columns: float | None, by: float) -> bool:
    known = [column for column in columns if column is not None]
    return bool(known) and line.width <= min(known) - by


def looks_like_heading_line(columns: Columns, index: int, *estimates: float | None) -> bool:
    """Much shorter than the column and not closed by punctuation: a (sub)heading starts here.
    The lines after a heading may be more heading lines, which make the column after look
    narrow: the column the text came from then decides."""
    line = columns.lines[index]
    if ends_like_text(glued_run_end(columns.lines, index).text):
        return False
    after, before = estimates
    if after is not None and before is not None and after < before - COLUMN_SHIFT:
        return short_of(line, before, by=HEADING_SHORT_BY)
    return short_of(line, *estimates, by=HEADING_SHORT_BY)


def continues_marked_caption(unit: Unit, columns: Columns, index: int) -> bool:
    """A ▲ caption too long for its line runs on to the next line, without a ▲; a paragraph's
    indented first line after it is the text going on. A caption is set across its picture,
    wider than a column of text: a ▲ line no wider than the text before it filled no line.
    A caption says what the picture shows and never ends on a colon, which introduces what
    follows: a line closed by one is a kicker (引题) opening the next headline. A headline
    stands right over the dateline or byline line that opens its article: a few lines closing
    no sentence there are that headline, and no caption runs on into them, unless the line is
    shorter than any headline's first line, which fills its box: one of a few characters is
    the rest of the caption's last word. A byline line opens an article, and ends a caption's
    run-on as a dateline does."""
    lines, line = columns.lines, columns.lines[index]
    last = unit.lines[-1]
    if line.marked or line.bold or ends_paragraph(last.text) or len(unit.lines) > 1:
        return False
    if line.bylines or line.opens_dateline:
        return False
    if line.text.endswith(("：", ":")):
        return False
    heads = line.width >= SHORTEST_KICKER and heads_opening(columns, index, titles=False)
    if heads or kicks_bold_title(columns, index) or titles_photo_news(columns, index, last):
        return False
    text_column = columns.before(index - 2) if index >= 2 else None
    if text_column is not None and last.width <= text_column + WIDER_BY:
        return False
    if is_indented(columns, index, columns.after(index)):
        return False
    neighbours = [other.width for other in lines[max(0, index - 4) : index + 4] if other.marked]
    return last.width >= max(neighbours, default=last.width) - 2 and line.width < last.width


def titles_photo_news(columns: Columns, index: int, caption: Line) -> bool:
    """A phrase of a few characters right over a line set across a picture, wider than any
    text column and than the ▲ caption's line above (a caption runs on at its own measure),
    is photo news' title over its caption, not the run-on of that ▲ caption."""
    lines = columns.lines
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None
        and across_picture(following) is not None
        and following.width > caption.width + WIDER_BY
        and line.width >= SHORTEST_KICKER
        and not has_clause_mark(line.text)
        and not ends_paragraph(line.text)
    )


def kicks_bold_title(columns: Columns, index: int) -> bool:
    """A plain phrase right over a fake-bold title is its kicker (引题): a phrase of a few
    characters at least, where the rest of a caption run on from the line above may be one
    or two."""
    lines = columns.lines
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None
        and following.bold is not None
        and not line.bold
        and line.width >= SHORTEST_KICKER
        and not has_clause_mark(line.text)
        and not ends_paragraph(line.text)
    )


def ends_broken_credit(previous: Line, line: Line) -> bool:
    """A photo credit (`记者周航摄`) broken at a line end leaves only the name's last characters
    and `摄` for the next line (a name is two to four characters): that line closes the credit,
    and is no heading."""
    rest = line.text.rstrip("）)")
    if not rest.endswith("摄") or len(rest) > BROKEN_CREDIT_REST:
        return False
    return credit_of(previous.text) is None and credit_of(previous.text + line.text) is not None


def break_reason(unit: Unit, columns: Columns, index: int) -> str | None:
    """Why a new unit starts at lines[index], given the unit built so far; None when it does not."""
    lines = columns.lines
    previous, line = unit.lines[-1], lines[index]
    if previous.bold or line.bold:
        return "fake-bold headline"
    if unit.marked:
        # A line never opens with a closing mark: one that does goes on from the ▲ line.
        runs_on = cannot_start_paragraph(line.text) or continues_marked_caption(
            unit, columns, index
        )
        return None if runs_on else "caption mark"
    open_bracket = unit.open_bracket
    if line.marked:
        return "caption mark"
    if line.opens_dateline:
        return "dateline"
    if not open_bracket and (previous.bylines or line.bylines):
        return "byline line"
    if not open_bracket and unit.lines[0].text[:1] in "（(" and previous.text[-1:] in "）)":
        return "parenthesised line closed"
    if ends_broken_credit(previous, line):
        return None
    if heading_boxed_with_its_paragraph(unit, columns, index):
        return "heading boxed with its paragraph"
    if (previous.glued and not glued_by_latin(previous)) or cannot_start_paragraph(line.text):
        # A single newline after a Latin line end is the extractor's habit, not a binding.
        return None
    if kicker_after_heading(unit, line):
        return "kicker opens a headline"
    if closes_glued_heading(unit):
        return "heading over glued lines"
    if opens_glued_heading(columns, index):
        return "glued heading"
    if (
        len(unit.lines) <= CAPTION_LINES
        and closes_sentence(previous.text)
        and is_credit_line(line.text)
    ):
        # A credit on a line of its own closes the caption sentence just above it.
        return None
    if previous.text.endswith(("）", ")")) and split_trailing_bylines(unit.tail_raw(3)):
        # `…成效明显。（通讯员 林晓舟）` closes its article, however full the line.
        return "trailing byline"
    if previous.text.rstrip("）)").endswith("摄") and credit_of(unit.tail(CREDIT_SPAN)):
        return "photo credit"
    before, after = columns.before(index - 1), columns.after(index)
    if not open_bracket and leaves_column(columns, index, before, after):
        return "column changes"
    if picture_sentence_closed(unit, previous) and not is_credit_line(line.text):
        return "caption closed"
    if (
        not open_bracket
        and unit.widest < WIDEST_TEXT_COLUMN
        and closes_sentence(previous.text)
        and opens_caption(columns, index)
    ):
        # Photo news, set wider than any text column, tells its news before `图为…`.
        return "caption after a closed sentence"
    if not open_bracket and set_across_columns(unit, lines[index], after):
        return "headline across columns"
    if (
        len(unit.lines) == 1
        and not open_bracket
        and heads_wider_text(columns, index - 1, after or across_picture(line))
    ):
        # A line that opens a block fills it unless indented: one far short of the wide
        # line under it is the heading over it (a headline over photo news), not its start.
        return "heading over wider text"
    if closes_with_subtitle(unit) or subtitle_under_bold_title(unit, columns, index):
        return "subtitle closes its headline"
    if previous.loose:
        return None
    if ends_paragraph(previous.text) and not quotes_into_sentence(previous, before):
        if opens_paragraph_over_full_line(unit, line, before):
            return None
        return paragraph_end_reason(columns, index, before, after)
    if open_bracket or opens_with_dateline(unit):
        return None
    if full_in_own_paragraph(unit) and not heading_lines_over_column(unit, line, after):
        return None
    if short_of(previous, before, after, by=HEADING_SHORT_BY) and (
        not is_full(line, after) or stands_alone(unit, line, after) or indented_in(line, before)
    ):
        return "short unpunctuated line"
    if heads_indented_paragraph(unit, columns, index, after):
        return "heading over an indented line"
    return None


def kicker_after_heading(unit: Unit, line: Line) -> bool:
    """A kicker (引题) ends on a colon and opens a headline (`聚焦新型储能：`): under heading
    lines that divide no clause and close no sentence (the end of a headline above), a line
    that divides no clause before its closing colon opens the next headline."""
    text = line.text
    if not text.endswith(("：", ":")) or has_clause_mark(text[:-1]) or line.bold:
        return False
    if unit.marked or unit.open_bracket or ends_paragraph(unit.lines[-1].text):
        return False
    return not any(has_clause_mark(other.text) for other in unit.lines)


def closes_with_subtitle(unit: Unit) -> bool:
    """A dash opens a headline's last line, its subtitle (副题, `——…`): heading lines dividing
    no clause whose last opens with a dash end there, and the next line is no part of them."""
    last = unit.lines[-1]
    return (
        1 < len(unit.lines) <= LONGEST_HEADING_RUN
        and last.text.startswith(SUBTITLE_OPENING)
        and not any(has_clause_mark(line.text) or ends_like_text(line.text) for line in unit.lines)
    )


def subtitle_under_bold_title(unit: Unit, columns: Columns, index: int) -> bool:
    """A dash line right under a fake-bold title, dividing no clause, is its subtitle (副题):
    the headline ends with it."""
    line = unit.lines[-1]
    return (
        len(unit.lines) == 1
        and index >= 2
        and columns.lines[index - 2].bold is not None
        and not line.bold
        and line.text.startswith(SUBTITLE_OPENING)
        and not has_clause_mark(line.text)
        and not ends_like_text(line.text)
    )


def heading_boxed_with_its_paragraph(unit: Unit, columns: Columns, index: int) -> bool:
    """pdfminer may print a subheading in one text box with the paragraph under it, joined by a
    single newline (`从产品到标准` / `某公司是一家…`): a short unpunctuated line opening a box,
    over a line indented as a paragraph's first (Chinese print indents it two characters) that a
    full line of the same box follows, is a heading, not that paragraph's first line."""
    lines = columns.lines
    previous = unit.lines[-1]
    if len(unit.lines) != 1 or not previous.glued or index + 1 >= len(lines):
        return False
    if index >= 2 and lines[index - 2].glued:
        return False
    if has_clause_mark(previous.text) or not lines[index].glued:
        return False
    after = columns.after(index)
    return (
        short_of(previous, after, by=HEADING_SHORT_BY)
        and is_indented(columns, index, after)
        and is_full(lines[index + 1], after)
    )


def heads_indented_paragraph(
    unit: Unit, columns: Columns, index: int, column: float | None
) -> bool:
    """An unpunctuated line followed by a paragraph's indented first line is a heading: a
    paragraph's own first line is followed by full lines, never by another indented one, and a
    one-line paragraph ends like a sentence (a closing quotation mark with no stop before it
    closes a phrase, `…迈出“一大步”`, not a sentence). Narrow columns need this, where a
    heading is as wide as a line of text. A heading broken over two such lines heads it too,
    when its first line is no paragraph's (neither the indent short of the column nor a full
    line of it)."""
    line = unit.lines[-1]
    if column is None or not 1 <= len(unit.lines) <= 2:
        return False
    if len(unit.lines) == 2 and not heading_first_line(unit.lines[0], column):
        return False
    if line.loose or line.glued or PICTURE_AT_START.match(unit.lines[0].text):
        # A line pointing at its picture (`图①：…`) opens a caption, never a heading.
        return False
    if ends_like_text(line.text) or has_clause_mark(line.text):
        return False
    if line.width > column + HANGING:
        return False
    lines = columns.lines
    following = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else None
    if after is None or following.text[-1:] in "。！？!?":
        return False
    # Measured without the marks that hang past the column, which would widen it.
    column = min(column, core_column(lines, index + 1) or column)
    if 0 <= column - INDENT - line.width < leading_latin_width(following):
        # The indent short of the column but for a number or Latin word too long for the rest
        # of the line, pushed to the next: this is its paragraph's first line, not a heading.
        return False
    # A justified (loose) line is spaced out to fill its measure: no mark hangs past it.
    first = following.width if following.loose else core_width(following)
    if not (column - 3.5 <= first <= column - 1.25 and (after.width >= first + 1 or after.loose)):
        return False
    if line.width <= first - 1 or line.width >= first + 0.5:
        return True
    # As wide as the indented line, it could be a paragraph's own first line over a second line
    # pushed short by a Latin word or number too long for the first; a line pushed short is
    # justified (loose) or opens with that word, so a tight one opening in Chinese is indented.
    return not following.loose and not leading_latin_width(following)


def heading_first_line(line: Line, column: float) -> bool:
    """A heading's first line, tight and unpunctuated, set neither the indent short of the
    column (a paragraph's first line) nor full in it (a paragraph's next line): shorter, or
    wider than the column with no mark hung past it."""
    if line.loose or line.glued or ends_paragraph(line.text):
        return False
    if has_clause_mark(line.text):
        return False
    if core_width(line) > column + 0.5:
        # Wider than the column but for a closing mark hung past it: no line of its text.
        return True
    return not indented_in(line, column) and not is_full(line, column)


def core_column(lines: list[Line], start: int) -> float | None:
    """The full line of the text from `start` on, without hanging punctuation."""
    widths = [core_width(line) for line in lines[start : start + WINDOW] if not line.bold]
    return upper_median(widths) if len(widths) >= RELIABLE_SAMPLE else None


def stands_alone(unit: Unit, following: Line, column: float | None) -> bool:
    """A line on its own, well short even of a paragraph's indented first line, with a full
    line after it: a heading (a photo's title over its caption), not the start of a paragraph,
    unless a Latin word or number too long for the gap was pushed to the next line."""
    if len(unit.lines) != 1 or column is None:
        return False
    gap = column - INDENT - unit.lines[0].width
    return gap >= HEADING_SHORT_BY and gap > leading_latin_width(following) + 1


def leading_latin_width(line: Line) -> float:
    match = LEADING_LATIN.match(line.text)
    return display_width(match.group(0)) if match else 0.0


def set_across_columns(unit: Unit, following: Line, column: float | None) -> bool:
    """A line of no sentence wider than the column after it by more than a hanging mark is
    not that column's text: a headline set across several columns. The line right under it is
    that column's: one as wide as the headline or wider goes on from it, and the narrow
    "column" was measured on short lines further down (a paragraph's last, a heading). A line
    opening with `图为…` opens a caption, set across its picture, whose sentence runs on."""
    line = unit.lines[-1]
    if len(unit.lines) != 1 or column is None or line.loose or ends_paragraph(line.text):
        return False
    if has_clause_mark(line.text) or PICTURE_AT_START.match(line.text):
        return False
    return line.width > column + HANGING and following.width < line.width


def picture_sentence_closed(unit: Unit, previous: Line) -> bool:
    """`图为…。` is a caption's last sentence: only a credit may follow it in the caption."""
    return ends_paragraph(previous.text) and bool(PICTURE_AT_END.search(unit.tail(CREDIT_SPAN)))


def closes_glued_heading(unit: Unit) -> bool:
    """`智能制造新图景` + single newline + `在长三角铺开`: a heading broken over two lines; a
    single newline that no Latin line end explains glues only heading lines, and the unit
    ends with them unless a sentence closes it. A heading runs over a few lines at most."""
    lines = unit.lines
    if not 2 <= len(lines) <= LONGEST_GLUED_HEADING or any(not line.glued for line in lines[:-1]):
        return False
    if any(glued_by_latin(line) for line in lines[:-1]):
        return False
    return not any(mark in unit.text for mark in "。！？；，")


def opens_glued_heading(columns: Columns, index: int) -> bool:
    """pdfminer prints the lines of one text box joined by single newlines, and a headline
    broken over lines is one box: a box of two to four lines that no Latin line end explains,
    with no sentence or clause mark, opening after a line of another box, is a heading of its
    own (`新型储能电站` / `并网发电` after the headline lines of the article above),
    unless it goes on from a sentence the line before left open across a full line, as a
    paragraph's next lines do."""
    lines = columns.lines
    if lines[index - 1].glued:
        # The box opens here only after a line that ends its own.
        return False
    end = index
    while lines[end].glued and not glued_by_latin(lines[end]) and end + 1 < len(lines):
        end += 1
        if end - index >= LONGEST_GLUED_HEADING:
            return False
    if end == index or lines[end].glued:
        return False
    run = join_printed_lines([line.text for line in lines[index : end + 1]])
    if has_clause_mark(run) or bracket_depth(run):
        # A heading closes every bracket and quotation mark it opens.
        return False
    return closes_sentence(lines[index - 1].text) or not is_full(
        lines[index], columns.before(index - 1)
    )


def full_in_own_paragraph(unit: Unit) -> bool:
    """A line as wide as the widest of its paragraph so far is a full line, not a heading."""
    if len(unit.lines) < 2 or unit.any_glued:
        return False
    return unit.lines[-1].width >= unit.widest - 0.5


def heading_lines_over_column(unit: Unit, line: Line, column: float | None) -> bool:
    """Lines of one width are full lines of their paragraph, unless they are all far short of
    the column the next line opens and divide no clause: a heading broken over short lines
    (`智能电梯` / `进小区`), not a narrow paragraph. A line pushed short by a number or Latin
    word too long for it (which then opens the next line) is excepted."""
    return (
        short_of(unit.lines[-1], column, by=HEADING_SHORT_BY)
        and not any(has_clause_mark(other.text) or other.opens_dateline for other in unit.lines)
        and not leading_latin_width(line)
    )


def opens_with_dateline(unit: Unit) -> bool:
    """`新华网杭州3月2日讯` may fill a short line of its own before the paragraph goes on."""
    return len(unit.lines) == 1 and unit.lines[0].opens_dateline


def opens_paragraph_over_full_line(unit: Unit, line: Line, column: float | None) -> bool:
    """A paragraph's first line is the indent short of the full line under it: a unit of one
    line exactly that much narrower than the full line of the same column that follows it is
    that paragraph's opening, even when a sentence ends at its end (`…推广到全国30多个省份。`),
    not a one-line paragraph, after which the next paragraph would open indented too."""
    if len(unit.lines) != 1 or column is None or unit.lines[0].loose:
        return False
    first = unit.lines[0]
    # Its closing mark may hang past the indented measure, or be set inside it; the line under
    # it fills the column with its text, not with a mark hung past a shorter line.
    return (
        column - 1 <= core_width(line)
        and line.width <= column + HANGING
        and any(
            abs(line.width - INDENT - width) <= 0.5 for width in (first.width, core_width(first))
        )
    )


def below(columns: Columns, index: int) -> float | None:
    """The column measured on the lines under lines[index] only, without the line itself
    (whose closing mark may hang past the indented measure and so widen the estimate)."""
    return columns.after(index + 1) if index + 1 < len(columns.lines) else None


def paragraph_end_reason(
    columns: Columns, index: int, before: float | None, after: float | None
) -> str | None:
    previous, line = columns.lines[index - 1], columns.lines[index]
    if short_of(previous, before, by=SHORT_BY):
        return "short closing line"
    if line.text[:1] in "（(":
        return "parenthesis after sentence end"
    if is_indented(columns, index, after) or is_indented(columns, index, below(columns, index)):
        return "indented line"
    if indented_from_before(columns, index, before):
        return "indented line"
    if off_the_measure(columns, index):
        return "line off the column's measure"
    if looks_like_heading_line(columns, index, after, before):
        return "heading after sentence end"
    if opens_bold_headline(columns, index):
        return "kicker over a bold title"
    if (
        closes_sentence(previous.text)
        and (not is_full(line, after) or exactly_measured(columns, index))
        and index + 1 < len(columns.lines)
        and heads_indented_paragraph(Unit([line]), columns, index + 1, after)
    ):
        # After a closed sentence, an unpunctuated line over an indented line is a heading,
        # even as wide as that indented line, or (in a narrow column) as the column: a
        # paragraph's last line would close its sentence.
        return "heading over an indented line"
    if broken_heading_over_indented_line(columns, index, after):
        return "heading over an indented line"
    if heads_wider_text(columns, index, after):
        return "heading over wider text"
    if closes_page_as_heading(columns, index):
        return "heading closing the page"
    return None


def broken_heading_over_indented_line(columns: Columns, index: int, column: float | None) -> bool:
    """A paragraph's last line ends its sentence. After a closed sentence, two lines dividing
    no clause, the second closing no sentence and heading a paragraph's indented first line,
    are no paragraph's: a heading broken over two lines, its first as wide as the column (a
    narrow column sets a headline at its own width)."""
    lines = columns.lines
    if index + 2 >= len(lines) or not closes_sentence(lines[index - 1].text):
        return False
    line, rest = lines[index], lines[index + 1]
    if line.loose or line.bold or rest.bold or has_clause_mark(line.text):
        return False
    return heads_indented_paragraph(Unit([rest]), columns, index + 2, column)


def closes_page_as_heading(columns: Columns, index: int) -> bool:
    """A paragraph's last line closes its sentence. After a closed sentence, the page's last
    line that closes none and has no clause mark is no paragraph's: it is a heading, the
    headline of the last article, set after its body. A closing quotation mark with no
    sentence mark before it closes a quoted phrase, not a sentence (ends_like_text)."""
    lines = columns.lines
    if index != len(lines) - 1:
        return False
    line = lines[index]
    return (
        closes_sentence(lines[index - 1].text)
        and not ends_like_text(line.text)
        and not has_clause_mark(line.text)
    )


def opens_caption(columns: Columns, index: int) -> bool:
    """After a closed sentence, a line that opens by pointing at the picture (`图为…`), or the
    first of at most CAPTION_LINES lines closing in a photo credit (`…电梯。（通讯员米乐摄）`,
    the credit perhaps on a line of its own),
    is a caption: a paragraph never ends in a credit, and a caption under an article's photo
    is a sentence or two."""
    lines = columns.lines
    if PICTURE_AT_START.match(lines[index].text):
        return True
    for end in range(index, min(index + CAPTION_LINES, len(lines))):
        line = lines[end]
        if end > index and columns.barriers[end]:
            return False
        if end > index and closes_sentence(lines[end - 1].text) and not is_credit_line(line.text):
            return False
        if line.text.rstrip("）)").endswith("摄"):
            text = join_printed_lines([other.text for other in lines[index : end + 1]])
            return credit_of(text) is not None and not is_credit_line(text)
    return False


def indented_from_before(columns: Columns, index: int, column: float | None) -> bool:
    """After a closed sentence, a tight line of Chinese exactly the indent short of the column
    above, closing no sentence, is neither a full line of the same paragraph nor its last: it
    opens the next one. This holds where the lines below are too few to measure (a two-line
    paragraph), unless a Latin word too long for the gap was pushed to the next line."""
    lines = columns.lines
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if column is None or following is None or line.loose or ends_paragraph(line.text):
        return False
    if not all(is_wide(char) for char in line.text):
        # Digits and Latin letters print narrower or wider than half an em: no exact width.
        return False
    # Measured without the marks that hang past the column, which would widen it. Digits and
    # Latin letters print wider than counted, so a full line holding them is counted short of
    # the column: a tight line of Chinese above, exactly counted, fills no less than its measure.
    window = [other for other in lines[max(0, index - WINDOW) : index] if not other.bold]
    above = [core_width(other) for other in window]
    if len(above) >= RELIABLE_SAMPLE:
        column = min(column, max(upper_median(above), exact_measure(window)))
    gap = column - core_width(line)
    return abs(gap - INDENT) <= 0.25 and leading_latin_width(following) < gap


def exact_measure(lines: list[Line]) -> float:
    """The least the column holds, read from its tight lines of Chinese: exactly counted, each
    fills no more than its measure but for a mark hung past it (digits and Latin letters print
    wider than counted, so lines holding them are counted short of the column); 0 when none."""
    return max(
        (core_width(line) for line in lines if exact_width(line) and not line.loose), default=0.0
    )


def exact_width(line: Line) -> bool:
    """Set in Chinese characters and full-width marks only, whose printed width is exactly
    counted (digits, Latin letters and dashes print narrower or wider than the half or whole
    em counted)."""
    return all(is_wide(char) and char not in "—…" for char in line.text)


def core_column_before(columns: Columns, index: int) -> float | None:
    """The full line of the column above lines[index], without hanging marks, looking no
    further up than the line that surely opened its unit."""
    start = index - 1
    while start > 0 and index - 1 - start < WINDOW and not columns.barriers[start]:
        start -= 1
    widths = [
        core_width(line)
        for line in columns.lines[max(start, 0) : index]
        if not line.bold and not line.marked and not line.bylines
    ]
    return upper_median(widths) if len(widths) >= RELIABLE_SAMPLE else None


def off_the_measure(columns: Columns, index: int) -> bool:
    """After a closed sentence, a line of exactly counted width that is neither a full line of
    the column above nor the indent short of it is not that column's next paragraph: in Chinese
    print a paragraph's first line is indented two characters and its other lines fill the
    measure (a closing mark may hang past it), so a line one character short, three short or
    wider than the column, closing no sentence, is a heading set in its own measure (a
    headline after its body, or over the next article) or a subheading. A line pushed short
    because what came next could not start it (an opening mark, a Latin word) is excepted."""
    lines = columns.lines
    line, previous = lines[index], lines[index - 1]
    if line.bold or line.loose or not closes_sentence(previous.text):
        return False
    if closes_sentence(line.text) or not exact_width(line):
        return False
    if has_clause_mark(line.text):
        return False
    column = core_column_before(columns, index)
    if column is None:
        return False
    gap = column - core_width(line)
    if gap <= -0.75:
        return True
    if gap < 0.75 or gap >= HEADING_SHORT_BY or abs(gap - INDENT) <= 0.25:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    return following is None or (
        following.text[:1] not in OPENING_BRACKETS and leading_latin_width(following) < gap
    )


def exactly_measured(columns: Columns, index: int) -> bool:
    """A line and the next set in Chinese characters only, whose widths are exact (digits,
    Latin letters and dashes print narrower or wider than the half or whole em counted)."""
    lines = columns.lines[index : index + 2]
    return len(lines) == 2 and all(
        is_wide(char) and char not in "—…" for line in lines for char in line.text
    )


def closes_sentence(text: str) -> bool:
    """Ends with 。！？ or …, perhaps inside a closing quote or bracket (`…了。”`)."""
    return text.rstrip("”’」』）)")[-1:] in "。！？!?…"


def opens_bold_headline(columns: Columns, index: int) -> bool:
    """After a sentence's end, a line not closed like a sentence right over a fake-bold line is
    the kicker (引题) set above that title, and one right over a dateline or a byline line is a
    headline: a paragraph's last line closes its sentence, and a paragraph never runs on into
    a headline or into the opening of another article. So are the lines of a headline broken
    over a few lines up to that title, dateline or byline."""
    return heads_opening(columns, index, titles=True)


def heads_opening(columns: Columns, index: int, *, titles: bool) -> bool:
    """Whether lines[index] opens a few lines closing no sentence right over an article's
    opening (its dateline or a byline line) or, with `titles`, over a fake-bold title."""
    lines = columns.lines
    line = lines[index]
    if line.bold or line.loose or ends_like_text(line.text):
        return False
    if any(mark in line.text for mark in "。；"):
        return False
    # The headline may be broken over a few lines, each closing no sentence and with no clause
    # mark (`老旧小区装上“智慧` / `电梯”` over `本报讯…`).
    for ahead in range(index + 1, min(index + LONGEST_HEADING_RUN + 1, len(lines))):
        following = lines[ahead]
        if following.bold:
            return titles
        if following.opens_dateline or following.bylines:
            return True
        if (
            following.marked
            or following.loose
            or ends_like_text(following.text)
            or has_clause_mark(following.text)
        ):
            return False
    return False


def across_picture(line: Line) -> float | None:
    """A line wider than any text column is set across a picture (photo news): where too few
    lines follow to measure a column (the page's last item), it is its own full line."""
    return line.width if line.width > WIDEST_TEXT_COLUMN else None


def heads_wider_text(columns: Columns, index: int, column: float | None) -> bool:
    """After a sentence's end, a short unpunctuated line over a full line of a wider column is
    a heading (a photo item's title over its caption): too short for a paragraph's first
    line, which is only the indent shorter than the full line."""
    lines = columns.lines
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if column is None or following is None or ends_like_text(line.text) or line.loose:
        return False
    gap = column - INDENT - line.width
    return (
        gap >= HEADING_SHORT_BY
        and gap > leading_latin_width(following) + 1
        and is_full(following, column)
    )


def leaves_column(columns: Columns, index: int, before: float | None, after: float | None) -> bool:
    """One line is wider than the other's column: they are not the same paragraph.

    The narrower column must be confirmed by the line after, so that a paragraph's short last
    line does not pass for a new column.
    """
    lines = columns.lines
    previous, line = lines[index - 1], lines[index]
    if (
        before is not None
        and core_width(line) > before + WIDER_BY
        and previous.width <= before + HANGING
    ):
        return True
    if after is None or core_width(previous) <= after + WIDER_BY:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        line.width <= after + HANGING
        and not ends_paragraph(line.text)
        and following is not None
        and is_full(following, after)
    )


def core_width(line: Line) -> float:
    """Width without a closing punctuation mark allowed to hang past the column's edge."""
    hangs = line.text[-1:] in "，。、；：！？”）"
    return line.width - 1 if hangs else line.width


def split_units(lines: list[Line]) -> list[Unit]:
    columns = Columns(lines)
    units: list[Unit] = []
    for index, line in enumerate(lines):
        if not units or break_reason(units[-1], columns, index):
            units.append(Unit([line]))
        else:
            units[-1].add(line)
    return units
