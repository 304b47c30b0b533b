"""Assemble a page's units into articles and photo-news items."""

from __future__ import annotations

from dataclasses import dataclass, field

from .ads import ad_lines
from .bylines import (
    credit_bylines,
    credit_of,
    find_dateline,
    is_credit_line,
    parse_bylines,
    parse_parenthesised_bylines,
    split_trailing_bylines,
)
from .lines import (
    CAPTION_MARK,
    SHORTEST_KICKER,
    SUBTITLE_OPENING,
    WIDEST_TEXT_COLUMN,
    Line,
    Unit,
    glued_by_latin,
    has_clause_mark,
    read_lines,
    split_units,
)
from .model import Block, Byline, PageTextError, ParsedArticle, ParsedPage
from .running import read_running_head, running_head_length, stray_head_lines
from .text import LINE_BREAK, display_width, ends_paragraph, is_gap, normalise_spacing, story_words
from .units import (
    COLUMN_CHANGE,
    PICTURE_OPENING,
    Kind,
    classify,
    reliable_column,
    tells_news,
)

PHOTO_COLUMN_RATIO = 1.3
LONGEST_PHOTO_TEXT = 2
KICKER_ENDINGS = ("：", ":")
#: Two headlines set one after the other print a dozen lines at most.
LONGEST_HEADLINE_RUN = 12


@dataclass
class Item:
    """An article or photo item being assembled, with what the assembly needs to know about it."""

    article: ParsedArticle = field(default_factory=ParsedArticle)
    columns: list[float] = field(default_factory=list)
    #: The widest printed line of its text so far.
    widest: float = 0.0
    closed: bool = False
    #: The headline's printed lines, and whether they stood just before the next item's text.
    headline_lines: list[Line] = field(default_factory=list)
    headline_before_next: bool = False
    #: Opened as an article opens: with its dateline or its bylines.
    opened: bool = False
    #: The printed lines of each subheading block, by its index in the body.
    subheading_lines: dict[int, list[Line]] = field(default_factory=dict)
    #: A photo item opened by a ▲ caption, which marks a picture of an article.
    marked: bool = False
    #: The line a ▲ caption ran on to, while that caption is the last thing of the item.
    caption_run_on: Line | None = None

    @property
    def column(self) -> float | None:
        if not self.columns:
            return None
        ordered = sorted(self.columns)
        return ordered[(len(ordered) - 1) // 2]

    @property
    def is_photo(self) -> bool:
        return self.article.kind == "photo"


def after_nonspace(text: str, count: int) -> str:
    """The rest of text once `count` non-space characters are passed."""
    seen = 0
    for index, char in enumerate(text):
        if seen == count:
            return text[index:]
        if not is_gap(char):
            seen += 1
    return ""


def nonspace_length(text: str) -> int:
    return sum(1 for char in text if not is_gap(char))


def closing_bracket_at(text: str) -> int | None:
    for index, char in enumerate(text):
        if char in "）)":
            return index
        if char in "（(" and index:
            return None
    return None


def read_dateline(unit: Unit) -> tuple[str, list[Byline], str]:
    """`本报讯（记者 张明远 通讯员 陈立）3月8日…` -> dateline, bylines, the paragraph's text."""
    text = unit.text
    dateline = find_dateline(text) or ""
    raw_rest = after_nonspace(unit.raw, nonspace_length(dateline)).lstrip(" " + LINE_BREAK)
    bylines: list[Byline] = []
    if raw_rest[:1] in ("（", "("):
        close = closing_bracket_at(raw_rest)
        found = parse_bylines(raw_rest[1:close]) if close else None
        if found:
            bylines = found
            raw_rest = raw_rest[close + 1 :]
    consumed = nonspace_length(unit.raw) - nonspace_length(raw_rest)
    return normalise_spacing(dateline), bylines, after_nonspace(text, consumed).strip()


def heading_parts(units: list[Unit]) -> tuple[str | None, str | None, str | None]:
    """Kicker (引题), title and subtitle (副题) from a headline's printed lines."""
    return line_heading_parts([line for unit in units for line in unit.lines])


def line_heading_parts(printed: list[Line]) -> tuple[str | None, str | None, str | None]:
    """Kicker (引题), title and subtitle (副题) from a headline's printed lines.

    The title (主题) is set heavier than the kicker above it and the subtitle below it: with a
    fake-bold title, plain lines before it are the kicker and plain lines after it the subtitle.
    Set in one face, a line ending in a colon is a kicker and one opening with a dash a subtitle;
    other lines in one face are one title broken over lines.
    """
    lines = [line.bold or line.text for line in printed]
    kicker_lines: list[str] = []
    subtitle_lines: list[str] = []
    heavy = [index for index, line in enumerate(printed) if line.bold]
    if heavy and len(heavy) < len(printed) and heavy == list(range(heavy[0], heavy[-1] + 1)):
        kicker_lines, subtitle_lines = lines[: heavy[0]], lines[heavy[-1] + 1 :]
        lines = lines[heavy[0] : heavy[-1] + 1]
    if not kicker_lines and len(lines) > 1 and lines[0].endswith(KICKER_ENDINGS):
        kicker_lines = [lines.pop(0)]
    if not subtitle_lines and len(lines) > 1 and lines[-1].startswith(SUBTITLE_OPENING):
        subtitle_lines = [lines.pop()]
    return "".join(kicker_lines) or None, "".join(lines) or None, "".join(subtitle_lines) or None


class PageAssembly:
    """Walks the units in printed order, opening and closing items as the conventions say."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.headings: list[Unit] = []
        self.last_kind: Kind | None = None

    @property
    def current(self) -> Item | None:
        return self.items[-1] if self.items else None

    def start_item(self, kind: str = "article") -> Item:
        self.headline_from_caption_run_on()
        item = Item(ParsedArticle(kind=kind))
        if self.headings:
            previous = self.current
            owner = (
                previous
                if previous
                and self.lacks_title(previous)
                and (self.more_than_photo_title(kind) or not self.headline_pending(previous))
                else item
            )
            self.give_headings(owner)
            owner.headline_before_next = owner is previous
        self.items.append(item)
        return item

    def more_than_photo_title(self, kind: str) -> bool:
        """Photo news' title is one line: headline lines waiting over photo news that print
        more are not all its own, but hold the headline of the untitled article above, set
        after its body (share_headlines gives the photo the last line where it can)."""
        return kind == "photo" and sum(len(unit.lines) for unit in self.headings) > 1

    def headline_pending(self, item: Item) -> bool:
        """Whether an article printed without a headline above its text will get one from the
        headline lines just before its text, which the article before it holds (its own set
        after its body, then this one's): headlines waiting now are then the next item's."""
        if len(self.items) < 2 or self.items[-1] is not item:
            return False
        before = self.items[-2]
        if not before.headline_before_next or len(before.headline_lines) < 2:
            return False
        cut = second_headline_start(before.headline_lines)
        return cut is not None and not keeps_broken_title_end(
            before.headline_lines, cut, before, item
        )

    @staticmethod
    def lacks_title(item: Item) -> bool:
        return item.article.title is None and not item.is_photo

    def give_headings(self, item: Item) -> None:
        kicker, title, subtitle = heading_parts(self.headings)
        item.headline_lines = [line for unit in self.headings for line in unit.lines]
        item.article.kicker, item.article.title, item.article.subtitle = kicker, title, subtitle
        self.headings = []

    def open_article(self) -> Item:
        current = self.current
        if current is None or current.closed or current.is_photo or self.headings:
            return self.start_item()
        return current

    def add(self, unit: Unit, kind: Kind) -> None:
        current = self.current
        if kind is Kind.PARAGRAPH and not self.headings:
            self.headline_over_text(unit)
        if current is not None and kind is not Kind.HEADING:
            current.caption_run_on = None
        handler = getattr(self, "add_" + kind.name.lower())
        handler(unit)
        self.last_kind = kind

    def headline_from_caption_run_on(self) -> None:
        """Every article has a headline. One printed after its body may stand right under the
        ▲ caption of its last picture, which has no closing mark: a caption's one run-on line
        that reads as a headline (no clause mark, no stop, a few characters at least), ending
        an article that has no headline, is that headline, not more of the caption."""
        item = self.current
        line = self.run_on_headline(item)
        if line is None or not self.lacks_title(item) or self.headline_pending(item):
            return
        self.take_caption_run_on(item, line)
        item.article.title = line.text
        item.headline_lines = [line]

    def headline_over_text(self, unit: Unit) -> None:
        """A headline names what its own story tells, in that story's words. The run-on line
        of a ▲ caption that reads as a headline, right over a paragraph that repeats at least
        two of its words, and more than the body of the caption's article does, is the
        headline of the article that paragraph opens, not the end of the caption."""
        item = self.current
        line = self.run_on_headline(item)
        if line is None:
            return
        words = story_words(line.text)
        below = len(words & story_words(unit.text))
        if below < 2 or below <= len(words & body_words(item)):
            return
        self.take_caption_run_on(item, line)
        item.closed = True
        self.headings.append(Unit([line]))

    @staticmethod
    def take_caption_run_on(item: Item, line: Line) -> None:
        """The caption's run-on line is a headline: the caption ends before it."""
        item.caption_run_on = None
        item.article.captions[-1] = item.article.captions[-1][: -len(line.text)]

    @staticmethod
    def run_on_headline(item: Item | None) -> Line | None:
        """The line a ▲ caption ran on to, as the last thing of the item, where it reads as a
        headline: no clause mark, no stop, a few characters at least."""
        line = item.caption_run_on if item is not None else None
        if line is None:
            return None
        text = line.text
        if (
            line.width < SHORTEST_KICKER
            or has_clause_mark(text)
            or ends_paragraph(text)
            or text.endswith(KICKER_ENDINGS)
            or not reads_as_headline([line])
            or not item.article.captions[-1].endswith(text)
        ):
            return None
        return line

    def add_heading(self, unit: Unit) -> None:
        """A kicker (引题, `德清：`) only ever opens a headline: lines before it are the
        headline of the article printed above, set after its body."""
        previous = self.current
        if (
            self.headings
            and self.opens_another_headline(unit)
            and previous is not None
            and self.lacks_title(previous)
        ):
            self.give_headings(previous)
        self.headings.append(unit)

    def opens_another_headline(self, unit: Unit) -> bool:
        """A kicker (`德清：`) opens a headline. Where plain lines meet a bold title is decided
        once the page is read (share_headlines): they may be the headline above or the bold
        title's kicker."""
        return unit.lines[0].text.endswith(KICKER_ENDINGS)

    def add_subheading(self, unit: Unit) -> None:
        item = self.open_article()
        body = item.article.body
        if body and body[-1].type == "subheading":
            body[-1] = Block("subheading", body[-1].text + unit.text)
            item.subheading_lines[len(body) - 1] += unit.lines
        else:
            body.append(Block("subheading", unit.text))
            item.subheading_lines[len(body) - 1] = list(unit.lines)

    def open_under_pictures(self) -> Item:
        """An article opens with its headline; its pictures may stand between that headline and
        its text, their ▲ captions printed before the dateline or bylines that open the text. ▲
        captions right under a headline, with no text of their own, right before such an
        opening, are the article's pictures: the article opens there, headline, captions and
        all, and is no photo item."""
        start = len(self.items) - 1
        while start >= 0 and self.pictures_only(self.items[start]):
            if self.items[start].article.title is not None:
                break
            start -= 1
        if self.headings or start < 0 or not self.pictures_only(self.items[start]):
            return self.start_item()
        pictures = self.items[start:]
        first = pictures[0]
        if first.article.title is None:
            return self.start_item()
        del self.items[start + 1 :]
        first.article.kind = "article"
        first.marked = first.closed = False
        first.headline_before_next = False
        for item in pictures[1:]:
            first.article.captions.extend(item.article.captions)
        return first

    @staticmethod
    def pictures_only(item: Item) -> bool:
        return item.marked and not item.article.bylines and not item.article.body

    def add_dateline(self, unit: Unit) -> None:
        item = self.open_under_pictures()
        item.opened = True
        dateline, bylines, text = read_dateline(unit)
        item.article.dateline = dateline
        item.article.bylines.extend(bylines)
        self.note_column(item, unit)
        if text:
            self.add_text(item, unit, text)

    def add_leading_byline(self, unit: Unit) -> None:
        item = self.open_under_pictures()
        item.opened = True
        for line in unit.lines:
            item.article.bylines.extend(line.bylines or [])

    def add_trailing_byline(self, unit: Unit) -> None:
        current = self.current
        if self.follows_bare_dateline(current):
            # `本报某地某日电` set alone on its line: the bracket under it is its bylines.
            current.article.bylines.extend(parse_parenthesised_bylines(unit.raw) or [])
            return
        item = self.split_at_headline(self.open_article())
        item.article.bylines.extend(parse_parenthesised_bylines(unit.raw) or [])
        item.closed = True

    def follows_bare_dateline(self, item: Item | None) -> bool:
        """A dateline names its reporters in brackets right after it (`…电（记者 某某）`), and
        the story opens after them: bylines in brackets right under a dateline that stood alone
        on its line, before any text, are that article's own, opening it, not closing one."""
        return (
            item is not None
            and self.last_kind is Kind.DATELINE
            and bool(item.article.dateline)
            and not item.article.body
            and not item.article.bylines
        )

    def add_marked_caption(self, unit: Unit) -> None:
        item = self.current
        if item is None or item.is_photo or self.headings:
            item = self.start_item("photo")
            item.marked = True
        item.article.captions.append(unit.text.lstrip(CAPTION_MARK).strip())
        item.caption_run_on = unit.lines[-1] if len(unit.lines) == 2 else None

    def add_caption(self, unit: Unit) -> None:
        current = self.current
        if self.credit_closes_caption(current, unit):
            self.add_credit(current, unit.text)
        elif self.photo_text_waiting(current):
            self.turn_into_photo(current, unit)
        elif self.starts_photo(current, unit):
            self.make_photo(unit)
        else:
            current.article.captions.append(unit.text)

    def credit_closes_caption(self, item: Item | None, unit: Unit) -> bool:
        """`■记者赵磊摄` on a line of its own right after a caption is that caption's credit."""
        if item is None or self.headings or not item.article.captions:
            return False
        if self.last_kind not in (Kind.CAPTION, Kind.MARKED_CAPTION):
            return False
        return len(unit.lines) == 1 and is_credit_line(unit.text)

    @staticmethod
    def add_credit(item: Item, credit: str) -> None:
        item.article.captions[-1] += credit
        if item.is_photo and not item.article.bylines:
            item.article.bylines.extend(credit_bylines(credit) or [])

    def photo_text_waiting(self, item: Item | None) -> bool:
        """Text set wide, with no dateline or byline, then a `图为…` line: one photo caption."""
        if item is None or item.is_photo or item.closed or self.headings:
            return False
        article = item.article
        if article.dateline or article.bylines or article.captions:
            return False
        if not 0 < len(article.body) <= LONGEST_PHOTO_TEXT:
            return False
        if any(block.type != "paragraph" for block in article.body):
            return False
        if max(item.column or 0, item.widest) >= WIDEST_TEXT_COLUMN:
            return True
        reference = self.column_before(item)
        if reference is None:
            # With nothing to compare the column with, only an untitled text passes for a photo.
            return article.title is None
        return (item.column or 0) >= reference * PHOTO_COLUMN_RATIO

    def column_before(self, item: Item) -> float | None:
        index = self.items.index(item)
        for earlier in reversed(self.items[:index]):
            if earlier.column is not None and not earlier.is_photo:
                return earlier.column
        return None

    def starts_photo(self, current: Item | None, unit: Unit) -> bool:
        if current is None or current.is_photo or self.headings:
            return True
        if PICTURE_OPENING.match(unit.text):
            # `图为…` set wider than the text under the article's own photo, after its byline too.
            return False
        if not tells_news(unit.text):
            # One sentence describing a picture is the caption of the article's own photo.
            return False
        if current.closed:
            return True
        column = reliable_column(unit) or (unit.column_width if len(unit.lines) > 1 else None)
        if column is not None:
            # A caption opens unindented: its first line fills the measure when more follow,
            # though one sentence leaves too few lines under it to measure on.
            column = max(column, unit.lines[0].width)
        if column is not None and column > WIDEST_TEXT_COLUMN:
            # News told in several sentences across a picture wider than any text column.
            return True
        return (
            column is not None
            and current.column is not None
            and column >= current.column * PHOTO_COLUMN_RATIO
        )

    def turn_into_photo(self, item: Item, unit: Unit) -> None:
        texts = [block.text for block in item.article.body] + [unit.text]
        item.article.kind = "photo"
        item.article.body = []
        self.fill_photo(item, "".join(texts))

    def make_photo(self, unit: Unit) -> None:
        item = self.start_item("photo")
        self.note_column(item, unit)
        self.fill_photo(item, unit.text)

    @staticmethod
    def fill_photo(item: Item, caption: str) -> None:
        item.article.captions.append(caption)
        credit = credit_of(caption)
        if credit:
            item.article.bylines.extend(credit_bylines(credit) or [])
        item.closed = True

    def add_paragraph(self, unit: Unit) -> None:
        item = self.open_article()
        if self.column_changes(item, unit):
            item = self.start_item()
        if item.opened and not item.article.body and not item.article.dateline:
            # Bylines open an article only over a paragraph's indented first line: over a full
            # line they close the article above, whose last column the extractor printed after.
            item.opened = not starts_full(unit)
        self.note_column(item, unit)
        self.add_text(item, unit, unit.text)

    @staticmethod
    def column_changes(item: Item, unit: Unit) -> bool:
        """Set in another column width than the article so far and its last paragraph."""
        if (
            len(unit.lines) >= 2
            and item.column is not None
            and unit.column_width >= item.column * PHOTO_COLUMN_RATIO
        ):
            return True
        column = reliable_column(unit)
        if column is None or not item.columns:
            return False
        return all(
            abs(column - reference) >= COLUMN_CHANGE
            for reference in (item.column, item.columns[-1])
        )

    @staticmethod
    def note_column(item: Item, unit: Unit) -> None:
        item.widest = max(item.widest, unit.widest)
        column = reliable_column(unit)
        if column is not None:
            item.columns.append(column)

    def add_text(self, item: Item, unit: Unit, text: str) -> None:
        trailing = split_trailing_bylines(unit.raw)
        if trailing:
            raw_text, bylines = trailing
            text = text[: len(text) - len(normalise_spacing(unit.raw[len(raw_text) :]))]
            if text:
                item.article.body.append(Block("paragraph", text))
                text = ""
            item = self.split_at_headline(item)
            item.article.bylines.extend(bylines)
            item.closed = True
        if text:
            item.article.body.append(Block("paragraph", text))

    def split_at_headline(self, item: Item) -> Item:
        """An article's authors are printed once, at its head or at its end. An article that
        opened with its bylines and meets closing ones holds two articles: the second one's
        headline, set plain in the same column, was read as a subheading. Returns the article
        the closing bylines belong to."""
        body = item.article.body
        if not item.article.bylines or item.is_photo:
            return item
        headings = [index for index, block in enumerate(body) if block.type == "subheading"]
        if not headings or headings[-1] == len(body) - 1:
            return item
        cut = headings[-1]
        second = Item(ParsedArticle(title=body[cut].text))
        lines = item.subheading_lines.get(cut, [])
        divide = second_headline_start(lines) if item.article.title is None else None
        if divide is not None:
            # An article printed without a headline above its text has it after its body:
            # the heading lines hold its headline, then the next one's.
            first, other = item.article, second.article
            first.kicker, first.title, first.subtitle = line_heading_parts(lines[:divide])
            other.kicker, other.title, other.subtitle = line_heading_parts(lines[divide:])
        second.article.body, item.article.body = body[cut + 1 :], body[:cut]
        self.items.insert(self.items.index(item) + 1, second)
        return second

    def finish(self) -> list[ParsedArticle]:
        self.headline_from_caption_run_on()
        if self.headings:
            previous = self.current
            if previous and previous.article.title is None:
                self.give_headings(previous)
            else:
                # start_item gives the waiting headline to the item it opens.
                self.start_item()
        self.share_headlines()
        self.hand_headlines_down()
        return [item.article for item in self.items if has_content(item.article)]

    def hand_headlines_down(self) -> None:
        """A headline set right above an article that opens with its dateline or bylines, and
        left without one, is that article's, not the text before it, when that text does not
        open as an article does (the rest of an article whose columns the extractor printed
        apart): a headline is set after a body only for a whole article."""
        for previous, item in zip(self.items, self.items[1:], strict=False):
            if (
                previous.headline_before_next
                and self.lacks_title(item)
                and item.opened
                and not previous.opened
                and previous.article.title is not None
            ):
                giver, taker = previous.article, item.article
                taker.kicker, taker.title, taker.subtitle = (
                    giver.kicker,
                    giver.title,
                    giver.subtitle,
                )
                giver.kicker = giver.title = giver.subtitle = None
                previous.headline_before_next = False

    def share_headlines(self) -> None:
        """Every article has a headline. Headline lines set between an article printed without
        one above its text and the next, which gets none either, are one headline each: the
        first closes the article above (set after its body), the second opens the article
        below. They divide where both parts read as a headline (second_headline_start). Photo
        news often has no title, and its title is one line (photo_title_start)."""
        for previous, item in zip(self.items, self.items[1:], strict=False):
            lines = previous.headline_lines
            photo = item.is_photo and item.article.title is None
            if not previous.headline_before_next or len(lines) < 2:
                continue
            if self.lacks_title(item) or photo:
                cut = photo_title_start(lines) if photo else second_headline_start(lines)
                if photo:
                    cut = photo_cut_by_story_words(lines, cut, previous, item)
                if not photo and cut is not None:
                    cut = cut_by_story_words(lines, cut, previous, item)
                    cut = cut_by_both_bodies_words(lines, cut, previous, item)
                if (
                    not photo
                    and cut is not None
                    and keeps_broken_title_end(lines, cut, previous, item)
                ):
                    cut = None
                if cut is not None:
                    article = previous.article
                    article.kicker, article.title, article.subtitle = line_heading_parts(
                        lines[:cut]
                    )
                    article = item.article
                    article.kicker, article.title, article.subtitle = line_heading_parts(
                        lines[cut:]
                    )


def reads_as_headline(lines: list[Line], *, widths: bool = True) -> bool:
    """Printed lines that can be one headline: one heavy title with at most a plain kicker line
    above and a plain subtitle line below; a colon closes only a kicker, the first line, and a
    dash opens only a subtitle, the last; a headline closes every quotation mark and bracket it
    opens; a title broken over lines fills every line but its last, so no title line is wider
    than the one before it."""
    heavy = [index for index, line in enumerate(lines) if line.bold]
    if heavy and heavy != list(range(heavy[0], heavy[-1] + 1)):
        return False
    texts = [line.bold or line.text for line in lines]
    if any(text.endswith(KICKER_ENDINGS) for text in texts[1:]) or any(
        text.startswith(SUBTITLE_OPENING) for text in texts[:-1]
    ):
        return False
    first, last = 0, len(lines)
    if texts[0].endswith(KICKER_ENDINGS):
        first = 1
    if len(texts) > first + 1 and texts[-1].startswith(SUBTITLE_OPENING):
        last -= 1
    if heavy:
        if heavy[0] - first > 1 or last - 1 - heavy[-1] > 1 or first > heavy[0]:
            return False
        first, last = heavy[0], heavy[-1] + 1
    title = texts[first:last]
    if not title:
        return False
    if any(text.endswith(KICKER_ENDINGS) or text.startswith(SUBTITLE_OPENING) for text in title):
        return False
    if not balanced("".join(texts)):
        return False
    if not widths:
        return True
    sizes = [display_width(text) for text in title]
    return all(later <= earlier + 0.5 for earlier, later in zip(sizes, sizes[1:], strict=False))


PAIRED_MARKS = ("“”", "‘’", "（）", "()", "《》", "【】")


def balanced(text: str) -> bool:
    """Every quotation mark and bracket the text opens it also closes."""
    return all(text.count(pair[0]) == text.count(pair[1]) for pair in PAIRED_MARKS)


def second_headline_start(lines: list[Line]) -> int | None:
    """Where a run of two headlines' printed lines divides: first where the face changes (a
    title is set in one face; there widths do not decide, as a two-phrase title such as
    `人才的蓄水池` / `产业的新引擎（走进一线）` may widen), else where both parts read as a
    headline, a heading glued over lines preferred whole; None when nowhere fits (or the run is
    longer than two headlines print, which keeps the search linear in the page)."""
    if len(lines) > LONGEST_HEADLINE_RUN:
        return None
    # A single newline no Latin line end explains joins lines of one heading: no cut there.
    cuts = [
        cut
        for cut in range(1, len(lines))
        if not (lines[cut - 1].glued and not glued_by_latin(lines[cut - 1]))
    ]
    # A plain line over a bold title is its kicker: where two bold faces meet, divide there
    # first, which keeps a kicker over the title under it.
    for cut in sorted(cuts, key=lambda cut: face_cut_order(lines, cut)):
        if face_of(lines[cut - 1]) != face_of(lines[cut]) and both_headlines(
            lines, cut, widths=False
        ):
            return kicker_kept(lines, cut, cuts)
    cuts.sort(key=lambda cut: not lines[cut].glued)
    for cut in cuts:
        if both_headlines(lines, cut, widths=True):
            return cut
    return None


def photo_title_start(lines: list[Line]) -> int | None:
    """Where photo news' title starts in the headline lines set between it and an article
    printed without a headline above its text. Photo news (图片新闻) carries a title of one
    short line, never with a kicker or a subtitle, so it can take the last line only, and
    only where both parts read as a headline and the lines cannot be one: where the face
    changes, where a colon or dash says so, or where a title would have to leave a line short
    of the one above it and widen again on the next (a title broken over lines fills every
    line but its last; only a title's first two lines may widen, set as two phrases). A plain
    line over a wider bold title is its kicker (引题, set shorter than the title it leads
    into): the lines are then one headline, and the photo has no title."""
    cut = len(lines) - 1
    above, below = lines[cut - 1], lines[cut]
    if not last_line_may_stand_apart(lines):
        return None
    whole = reads_as_headline(lines, widths=False)
    if whole and not above.bold and below.bold and wider(below, above):
        return None
    if face_of(above) != face_of(below) or not whole:
        return cut
    return cut if closes_broken_title(lines[:cut]) and wider(below, above) else None


def last_line_may_stand_apart(lines: list[Line]) -> bool:
    """Whether the last of headline lines may be a headline of its own: the line above it is
    not glued to it mid-word, and both parts read as a headline."""
    above = lines[-2]
    if above.glued and not glued_by_latin(above):
        return False
    return both_headlines(lines, len(lines) - 1, widths=False)


def photo_cut_by_story_words(
    lines: list[Line], cut: int | None, previous: Item, photo: Item
) -> int | None:
    """A headline names what its own story tells, in the story's words: photo news' title
    (图片新闻 标题) repeats the key words of the few lines under its picture, as an article's
    title or subtitle does its body's. The last line of a headline run between an article's
    body and photo news is the photo's title where its words recur in the photo's text, at
    least two of them and more than in the article's body (and the lines above it take more
    of theirs from that body), though it could end a broken title; it is the article's where
    its words recur so in the article's body instead, though its face sets it apart. A title
    broken over lines names one story throughout, so a last line that takes not one word from
    the body above, under lines that take any from it (one word is enough: a short title may
    take only its subject's name), is no part of that body's title: it is the photo's where
    any of its words recur in the photo's text. A title says each word once, so a word the
    last line repeats from the lines above is no word it took from the body."""
    last = len(lines) - 1
    line = lines[last]
    words = story_words(line.bold or line.text)
    body = body_words(previous)
    in_photo = len(words & story_words("".join(photo.article.captions)))
    in_body = len(words & body)
    if cut is None:
        if not last_line_may_stand_apart(lines):
            return None
        rest = set().union(*(story_words(line.bold or line.text) for line in lines[:last]))
        if in_photo >= 2 and in_photo > in_body and len(rest & body) > in_body:
            return last
        if in_photo and not (words - rest) & body and rest & body:
            return last
    elif cut == last and in_body >= 2 and in_body > in_photo:
        return None
    return cut


def body_words(item: Item) -> set[str]:
    return story_words("".join(block.text for block in item.article.body))


def cut_by_story_words(lines: list[Line], cut: int, previous: Item, item: Item) -> int:
    """A plain line between two bold titles is the first one's subtitle (副题) or the second
    one's kicker (引题); faces and widths cannot tell which, the words can: a headline names
    what its own story tells, in that story's words. The plain line at the cut goes to the
    article whose body repeats at least two of its words, and more than the other body does,
    where the bold title on that side takes it and both parts still read as a headline."""
    if len(lines) > LONGEST_HEADLINE_RUN:
        return cut
    above, below = body_words(previous), body_words(item)
    for line, moved, taker, ours, theirs in (
        (lines[cut - 1], cut - 1, lines[cut], above, below),
        (lines[cut], cut + 1, lines[cut - 1], below, above),
    ):
        if line.bold or not taker.bold or not 0 < moved < len(lines):
            continue
        words = story_words(line.text)
        there, here = len(words & theirs), len(words & ours)
        if there >= 2 and there > here and both_headlines(lines, moved, widths=False):
            return moved
    return cut


def cut_by_both_bodies_words(lines: list[Line], cut: int, previous: Item, item: Item) -> int:
    """Two headlines between two bodies may divide at more than one line, each part reading
    as a headline, widths and all (two broken titles, `甲乙` / `丙` / `丁戊` / `己`, or a plain
    line between a plain title and a bold one). A headline names what its own story tells, in
    that story's words: they divide where the words of the part above recur most in the body
    above and those of the part below in the body below, the first such cut kept where the
    words do not tell. An extractor prints every line of one title alike, so no part mixes two
    bold faces."""
    if len(lines) > LONGEST_HEADLINE_RUN:
        return cut
    above, below = body_words(previous), body_words(item)

    def told(at: int) -> int:
        upper = story_words("".join(line.bold or line.text for line in lines[:at]))
        lower = story_words("".join(line.bold or line.text for line in lines[at:]))
        return len(upper & above) + len(lower & below)

    def one_bold_face(part: list[Line]) -> bool:
        return len({face_of(line) for line in part if line.bold}) <= 1

    best, score = cut, told(cut)
    for other in range(1, len(lines)):
        if (
            other != cut
            and one_bold_face(lines[:other])
            and one_bold_face(lines[other:])
            and both_headlines(lines, other, widths=True)
            and told(other) > score
        ):
            best, score = other, told(other)
    return best


def keeps_broken_title_end(lines: list[Line], cut: int, previous: Item, item: Item) -> bool:
    """A title broken over lines fills its first line, and its last line, in the same face and
    no wider than the line above (a broken title's last line is its shortest), may read as a
    headline of its own. A headline names what its own story tells, in that story's words:
    such a last line stands apart as the next article's headline only where at least two of
    its words recur in that article's body, or more than in the body above; else it ends the
    title above."""
    if cut != len(lines) - 1 or face_of(lines[-2]) != face_of(lines[-1]):
        return False
    if wider(lines[-1], lines[-2]):
        return False
    words = story_words(lines[cut].bold or lines[cut].text)
    below = len(words & body_words(item))
    return below < 2 and len(words & body_words(previous)) >= below


def closes_broken_title(lines: list[Line]) -> bool:
    """The lines end on a broken title's last line: short of the line above it, in its face."""
    if len(lines) < 2:
        return False
    above, last = lines[-2], lines[-1]
    return face_of(above) == face_of(last) and wider(above, last)


def wider(line: Line, other: Line) -> bool:
    """Whether a line prints wider than another by more than half a character."""
    return display_width(line.bold or line.text) > display_width(other.bold or other.text) + 0.5


def kicker_kept(lines: list[Line], cut: int, cuts: list[int]) -> int:
    """A plain line over a bold title is its kicker (引题), and a title broken over lines fills
    its first line: where dividing a headline run between a plain line and the bold lines
    under it would leave those bold lines one title that widens on its second line, and the
    bold lines divide themselves into two headlines that read so, widths and all, they divide
    there and the kicker stays with its title. Likewise where the last of three lines or more
    over the bold title, plain, is wider than the line above it (only a title's first two
    lines may widen, set as two phrases; a broken title's last line is its shortest), while
    the lines but the last read as a headline: that last line is the bold title's kicker."""
    if lines[cut - 1].bold and not lines[cut].bold:
        return subtitle_kept(lines, cut, cuts)
    if lines[cut - 1].bold or not lines[cut].bold:
        return cut
    if (
        cut >= 3
        and cut - 1 in cuts
        and wider(lines[cut - 1], lines[cut - 2])
        and both_headlines(lines, cut - 1, widths=True)
    ):
        return cut - 1
    if both_headlines(lines, cut, widths=True):
        return cut
    for other in cuts:
        if (
            other > cut
            and lines[other - 1].bold
            and lines[other].bold
            and both_headlines(lines, other, widths=True)
        ):
            return other
    return cut


def subtitle_kept(lines: list[Line], cut: int, cuts: list[int]) -> int:
    """A plain line under a bold title, over two plain lines or more, is that title's subtitle
    (副题) when it is narrower than the plain line under it: in one face a kicker ends on a
    colon, and a title broken over lines fills its first line, so the line is neither the
    plain title's kicker nor its first line."""
    if (
        len(lines) - cut >= 3
        and cut + 1 in cuts
        and not any(line.bold for line in lines[cut:])
        and wider(lines[cut + 1], lines[cut])
        and both_headlines(lines, cut + 1, widths=True)
    ):
        return cut + 1
    return cut


def face_cut_order(lines: list[Line], cut: int) -> tuple[bool, bool]:
    """Which cuts between faces to try first: where two bold faces meet (a plain line over a
    bold title is its kicker), then right after a bold title over a plain line with no dash.
    A 副题 under its title is marked with a dash far more often than a 引题 over its title with
    a colon, so an unmarked plain line under one title and over another is the next one's
    kicker, and a plain line under a bold title that another title follows opens that one."""
    above, below = lines[cut - 1], lines[cut]
    return (
        not (above.bold and below.bold),
        not (above.bold and not below.bold and not below.text.startswith(SUBTITLE_OPENING)),
    )


def face_of(line: Line) -> str:
    """How a line is printed: plain, fake bold printed whole twice (two lines, as an extractor
    gives a headline's copies set far enough apart), or fake bold doubled within the line. An
    extractor prints every line of one headline alike, its glyphs one size and their copies
    one offset apart (a short last line it reads as one with the line above is marked whole
    too, see merge_repeated)."""
    if not line.bold:
        return "plain"
    return "twice" if line.repeated else "doubled"


def both_headlines(lines: list[Line], cut: int, *, widths: bool) -> bool:
    return reads_as_headline(lines[:cut], widths=widths) and reads_as_headline(
        lines[cut:], widths=widths
    )


def starts_full(unit: Unit) -> bool:
    """A paragraph whose first printed line is as wide as its column: no indent, so it goes on
    from a line printed elsewhere."""
    return len(unit.lines) >= 3 and unit.lines[0].width >= unit.column_width - 0.5


def has_content(article: ParsedArticle) -> bool:
    return bool(article.body or article.captions or article.title)


#: A printed page holds well under 20,000 characters of text (under 50 KB); five times that is
#: no page, and is refused before the parser spends time and memory on it.
MAX_PAGE_CHARACTERS = 100_000


def assemble_page(text: str) -> ParsedPage:
    """The parse itself; may raise on a bug, which parse_page turns into PageTextError."""
    if not isinstance(text, str) or not text.strip():
        raise PageTextError("页面文本为空 (the page text is empty)")
    if len(text) > MAX_PAGE_CHARACTERS:
        raise PageTextError(
            f"页面文本过长：{len(text)} 个字符，一个版面不超过 {MAX_PAGE_CHARACTERS} 个字符 "
            f"(the page text is {len(text)} characters long; a page holds at most "
            f"{MAX_PAGE_CHARACTERS})"
        )
    if not any(char.isalnum() for char in text):
        raise PageTextError("页面中没有文字 (the page text holds no words, only marks)")
    lines = read_lines(text)
    raws = [line.raw for line in lines]
    head = running_head_length(raws)
    stray = set(stray_head_lines(raws, head))
    running_head = read_running_head(raws[:head] + [raws[index] for index in sorted(stray)])
    stray |= {index for index in ad_lines(raws, [line.glued for line in lines]) if index >= head}
    units = split_units(
        [line for index, line in enumerate(lines[head:], head) if index not in stray]
    )
    assembly = PageAssembly()
    for unit, kind in zip(units, classify(units), strict=True):
        assembly.add(unit, kind)
    articles = assembly.finish()
    if not any(article.body or article.captions for article in articles):
        raise PageTextError(
            "页面中没有可识别的文章 (no article could be recognised in the page text)"
        )
    return ParsedPage(articles=articles, running_head=running_head)


def parse_page(text: str) -> ParsedPage:
    """Read the extracted text of one printed page into its articles and photo items.

    Raises PageTextError, and nothing else, when the text cannot be read as a page.
    """
    try:
        return assemble_page(text)
    except PageTextError:
        raise
    except Exception as error:  # noqa: BLE001 - the importer must only ever see PageTextError
        raise PageTextError(
            f"无法解析页面文本 (the page text could not be parsed: {type(error).__name__})"
        ) from error
