"""From a PDF page's glyphs to printed lines and text blocks (columns), by position alone.

Conventions of Chinese print this follows:

- fake bold is one glyph drawn twice a fraction of an em apart: it is one glyph, and bold;
- a printed line is glyphs on one baseline; a gap wider than an em ends a column's line
  unless the lines around it print text across that gap (a byline's spaced names);
- a column is lines of one size stacked at the leading, sharing a left edge (the first line of
  a paragraph is indented by about two characters) and a right edge;
- vertical and horizontal rules, and the edges of boxes, separate what they stand between.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from articles.pagetext.running import head_mark

#: Two drawings of one glyph closer than this (in ems) are fake bold.
FAKE_BOLD_OFFSET = 0.12
#: A gap in a line wider than this (in ems) may be a gutter between columns; a headline's
#: words may stand further apart.
GUTTER = 0.6
HEADLINE_GUTTER_SIZE = 1.2
#: Columns stand at least one character apart (栏距一字); a narrower gap in a body or caption
#: line may be a word space (a credit's `■特约记者 马宁 摄` in a monospaced face): it is a
#: gutter only if the lines around it part there too.
LONE_GUTTER = 0.9
#: Closing marks a compositor may hang past a column's right edge (标点悬挂).
HANGING = set("。，、；：？！”’）》」』")
#: Lines of one block differ in size by less than this ratio.
SAME_SIZE = 1.06
#: Captions are set smaller than the body, below this share of its size.
CAPTION_RATIO = 0.96
#: Greatest space between two lines of one block, in ems of their size.
LEADING_GAP = 1.3
#: A gap this much (in ems) wider than the line's usual spacing is a space.
SPACE = 0.15
#: A rule may stand this close (points) inside a box's edge (glyph boxes overhang a little).
RULE_SLACK = 6.0
BOLD_FONT_WORDS = ("bold", "heavy", "black", "semibold", "demi", "hei", "medium")


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    font: str
    bold: bool = False


@dataclass
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def contains(self, other: Box, slack: float = 2.0) -> bool:
        return (
            other.x0 >= self.x0 - slack
            and other.x1 <= self.x1 + slack
            and other.top >= self.top - slack
            and other.bottom <= self.bottom + slack
        )

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def shared_width(self, other: Box) -> float:
        """How much of their widths two boxes share; negative, the white between them."""
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    def overlaps(self, other: Box, slack: float = 0.0) -> bool:
        return (
            self.x0 < other.x1 - slack
            and other.x0 < self.x1 - slack
            and self.top < other.bottom - slack
            and other.top < self.bottom - slack
        )


@dataclass
class PrintedLine:
    glyphs: list[Glyph]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def top(self) -> float:
        return min(glyph.top for glyph in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(glyph.bottom for glyph in self.glyphs)

    @property
    def baseline(self) -> float:
        return median(glyph.baseline for glyph in self.glyphs)

    @property
    def size(self) -> float:
        return median(glyph.size for glyph in self.glyphs)

    @property
    def font(self) -> str:
        counts: dict[str, int] = {}
        for glyph in self.glyphs:
            counts[glyph.font] = counts.get(glyph.font, 0) + 1
        return max(counts, key=counts.get)

    @property
    def bold(self) -> bool:
        return sum(glyph.bold for glyph in self.glyphs) * 2 > len(self.glyphs)

    @property
    def box(self) -> Box:
        return Box(self.x0, self.top, self.x1, self.bottom)

    @property
    def ink_box(self) -> Box:
        """The line to the end of its ink: a closing mark hung past its column's edge prints
        in the left half of its em."""
        return Box(self.x0, self.top, ink_right(self.glyphs[-1]), self.bottom)

    @property
    def text(self) -> str:
        """The line's characters, with a space where a gap stands out from the line's spacing
        (a justified line spreads its glyphs evenly: that is no space; `记者 赵亮` has one)."""
        glyphs = self.glyphs
        gaps = [later.x0 - earlier.x1 for earlier, later in zip(glyphs, glyphs[1:], strict=False)]
        usual = letter_spacing(glyphs)
        parts = [glyphs[0].text]
        for gap, glyph in zip(gaps, glyphs[1:], strict=False):
            if gap - max(usual, 0.0) > SPACE * glyph.size:
                parts.append(" ")
            parts.append(glyph.text)
        return "".join(parts)


@dataclass
class Block:
    """Lines of one size stacked into one column (or one headline group)."""

    lines: list[PrintedLine] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def size(self) -> float:
        return median(line.size for line in self.lines)

    @property
    def box(self) -> Box:
        return Box(self.x0, self.top, self.x1, self.bottom)

    @property
    def column_box(self) -> Box:
        """The column's own edges: punctuation hanging past the right edge is left out."""
        ends = sorted(line.x1 for line in self.lines)
        right = ends[len(ends) // 2] if len(ends) >= 3 else ends[-1]
        return Box(self.x0, self.top, right, self.bottom)

    @property
    def glyph_count(self) -> int:
        return sum(len(line.glyphs) for line in self.lines)


def letter_spacing(glyphs: list[Glyph]) -> float:
    """The usual white between a line's glyphs: the median gap."""
    gaps = [later.x0 - earlier.x1 for earlier, later in zip(glyphs, glyphs[1:], strict=False)]
    return sorted(gaps)[len(gaps) // 2] if gaps else 0.0


def font_family(font: str) -> str:
    """`AAAAAB+UMingCN-0` -> `umingcn`: subset prefixes and CID suffixes name one face."""
    name = font.split("+", 1)[-1].lower()
    for suffix in ("-0", "-1", "-2", ",bold", "-bold", "-regular"):
        name = name.removesuffix(suffix)
    return name


def is_bold_face(font: str) -> bool:
    family = font.split("+", 1)[-1].lower()
    return any(word in family for word in BOLD_FONT_WORDS)


def read_glyphs(chars: list[dict]) -> list[Glyph]:
    """Glyphs with their baseline; one drawn again at a small offset is one bold glyph."""
    glyphs: list[Glyph] = []
    recent: dict[tuple[str, int], list[Glyph]] = {}
    for char in chars:
        size = float(char["size"]) or float(char["bottom"] - char["top"])
        glyph = Glyph(
            char["text"],
            float(char["x0"]),
            float(char["x1"]),
            float(char["top"]),
            float(char["bottom"]),
            float(char["baseline"]),
            size,
            char["fontname"],
            bool(char.get("bold")),
        )
        key = (glyph.text, round(glyph.baseline / max(size, 1)))
        tolerance = FAKE_BOLD_OFFSET * size
        twin = next(
            (
                candidate
                for candidate in recent.get(key, ())
                if abs(candidate.x0 - glyph.x0) <= tolerance
                and abs(candidate.baseline - glyph.baseline) <= tolerance
                and abs(candidate.size - size) <= 0.05 * size
            ),
            None,
        )
        if twin is not None:
            twin.bold = True
            twin.x1 = max(twin.x1, glyph.x1)
            continue
        recent.setdefault(key, []).append(glyph)
        glyphs.append(glyph)
    return glyphs


def baseline_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline and of like size, left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        placed = False
        for row in reversed(rows[-6:]):
            head = row[0]
            if (
                abs(head.baseline - glyph.baseline) <= 0.2 * min(head.size, glyph.size)
                and max(head.size, glyph.size) / min(head.size, glyph.size) < 1.3
            ):
                row.append(glyph)
                placed = True
                break
        if not placed:
            rows.append([glyph])
    for row in rows:
        row.sort(key=lambda g: g.x0)
    return rows


def near_row(picture: Box, glyph: Glyph, size: float) -> bool:
    return picture.top - 6 * size <= glyph.top and glyph.bottom <= picture.bottom + 6 * size


def split_rows(
    rows: list[list[Glyph]], separators: list[Box], pictures: list[Box], body_size: float
) -> list[PrintedLine]:
    """Cut each row at gutters: a wide gap nothing prints across nearby, or a vertical rule."""
    lines: list[PrintedLine] = []
    sizes = [median(g.size for g in row) for row in rows]
    for index, row in enumerate(rows):
        size = sizes[index]
        start, stop = max(0, index - 8), index + 9
        nearby = rows[start:stop]
        # Rows of like size with no deep white between: the lines of the same columns.
        column_rows = [
            like_glyphs(other, size, body_size)
            for other, other_size in zip(nearby, sizes[start:stop], strict=True)
            if other is not row
            and abs(other_size - size) <= 0.1 * size
            and not caption_beside_body(size, other_size, body_size)
            and not white_between(row, other, nearby, 2.2 * size)
        ]
        column_rows = [other for other in column_rows if other]
        neighbours = [
            other for other in column_rows if abs(other[0].baseline - row[0].baseline) <= 3.5 * size
        ]
        piece = [row[0]]
        headline = size >= HEADLINE_GUTTER_SIZE * body_size
        for previous, glyph in zip(row, row[1:], strict=False):
            gap = glyph.x0 - previous.x1
            gutter = (1.2 if headline else GUTTER) * size
            around = unruled(neighbours, row, previous.x1, separators)
            cut = gap > gutter and not printed_across(
                ink_right(previous), glyph.x0, of_size(around, size)
            )
            if cut and not headline and gap <= LONE_GUTTER * size:
                # A space this narrow parts columns only where the lines around it part too.
                # A closing mark ends at its column's edge, or hangs past it (标点悬挂).
                edges = (previous.x1, previous.x0) if previous.text in HANGING else (previous.x1,)
                cut = any(
                    gutter_confirmed(piece[0].x0, previous.x1, glyph.x0, around, edge=edge)
                    for edge in edges
                )
            hung = (
                previous.text in HANGING
                and gap <= gutter
                and not ends_the_column(glyph, unruled(column_rows, row, glyph.x1, separators))
            )
            if hung and not cut and not printed_across(previous.x0 + 0.1 * size, glyph.x0, around):
                # Punctuation hung past a column's edge (the next column a gutter or less on)
                # closes the gutter it stands in; not where a line nearby prints across it.
                # A mark closing a line may also be set in half its em (行末点号压缩), its
                # ink flush with the edge the column's full lines end at.
                cut = (
                    any(
                        gutter_confirmed(
                            piece[0].x0, previous.x0 + 0.1 * size, glyph.x0, around, 2, edge
                        )
                        for edge in (None, ink_right(previous))
                    )
                    or hung_at_column_edge(previous, glyph, around)
                    or hung_at_column_foot(
                        piece[0],
                        previous,
                        glyph,
                        unruled(column_rows, row, previous.x1, separators),
                    )
                )
            if not cut and previous.text in HANGING:
                cut = rule_through_mark(previous, glyph, separators)
            if not cut and glyph.x0 - ink_right(previous) > 0.3 * size:
                # A vertical rule in the white between two glyphs' ink: a closing mark hung
                # past a column's edge (a headline wider than its columns) may reach over it.
                cut = (
                    any(
                        separator.width < 2
                        and ink_right(previous) - 1 <= separator.x0 <= glyph.x0 + 1
                        and separator.top <= glyph.bottom
                        and separator.bottom >= glyph.top
                        for separator in separators
                    )
                    or size < body_size
                    and any(
                        # Captions (set smaller than the body) of two pictures side by side:
                        # the pictures' gutter runs on.
                        previous.x1 - size <= picture.x1 <= glyph.x0 + 2
                        and previous.x1 - 2 <= other.x0 <= glyph.x0 + size
                        and 0 < other.x0 - picture.x1 < 3 * size
                        and near_row(picture, glyph, size)
                        and near_row(other, glyph, size)
                        for picture in pictures
                        for other in pictures
                        if other is not picture
                    )
                )
            if cut:
                lines.append(PrintedLine(piece))
                piece = []
            piece.append(glyph)
        lines.append(PrintedLine(piece))
    return split_headlines(lines, separators, pictures, body_size)


def rule_through_mark(mark: Glyph, glyph: Glyph, separators: list[Box]) -> bool:
    """Whether a vertical rule runs through the blank part of a closing mark's em (past the
    quarter em its ink stands in) before the next glyph: a mark hung past its column's edge
    may reach over the column rule, the next column's text starting just past it, but no
    text prints across a rule, so the rule parts the line there."""
    return any(
        separator.width < 2
        and mark.x0 + 0.25 * mark.size <= separator.x0 <= glyph.x0 + 1
        and separator.top <= glyph.bottom
        and separator.bottom >= glyph.top
        for separator in separators
    )


def caption_beside_body(size: float, other: float, body_size: float) -> bool:
    """Whether one of two rows is a caption's (set smaller than the body) and the other the
    body's: a caption is set to its picture's width, not to the columns, so it prints across
    their gutters and tells nothing of where they run (nor they of a caption's)."""
    return (size < CAPTION_RATIO * body_size) != (other < CAPTION_RATIO * body_size)


def like_glyphs(row: list[Glyph], size: float, body_size: float) -> list[Glyph]:
    """A neighbouring row's glyphs of this row's kind: a caption set on one baseline with
    another column's body text is still a caption, printed across its picture's width and
    telling nothing of the body's gutters (nor they of a caption's)."""
    return [glyph for glyph in row if not caption_beside_body(size, glyph.size, body_size)]


def of_size(rows: list[list[Glyph]], size: float) -> list[list[Glyph]]:
    """The glyphs of neighbouring rows set in this row's size: a column's lines are set in
    one size, so a subtitle set a size up, on one baseline with another article's body, is
    no line of these columns printing across their gutter."""
    return [[glyph for glyph in row if abs(glyph.size - size) <= 0.1 * size] for row in rows]


def white_between(row, other, rows, widest: float) -> bool:
    """Whether a band of white deeper than two lines parts two rows (the running head above
    the first text, say): a row across it is no neighbour telling where gutters run."""
    low, high = sorted((row[0].baseline, other[0].baseline))
    baselines = sorted(r[0].baseline for r in rows if low <= r[0].baseline <= high)
    return any(b - a > widest for a, b in zip(baselines, baselines[1:], strict=False))


def split_headlines(
    lines: list[PrintedLine], separators: list[Box], pictures: list[Box], body_size: float
) -> list[PrintedLine]:
    """Two headlines side by side on one baseline part where the columns (or photos) under
    or over them part, or the lines of the headlines stacked over or under them do: a gap of
    a fifth of the headline's em or more over a gutter. What a rule parts from the line (the
    running head over the page's first rule) tells no gutter of it."""
    headline_size = HEADLINE_GUTTER_SIZE * body_size
    marked = [line for line in lines if head_mark(line.text)]
    # Text lines to the end of their ink: a closing mark hung past a column's edge narrows
    # the gutter's white only by the half of its em it prints in. The running head's row
    # (its date, set in the body's size) is no column's line.
    body = [
        line.ink_box
        for line in lines
        if line.size < headline_size and not in_running_head_row(line, marked)
    ]
    body += pictures
    out: list[PrintedLine] = []
    for line in lines:
        if line.size < headline_size or len(line.glyphs) < 2:
            out.append(line)
            continue
        reach = max(8 * body_size, 3 * line.size)
        # Headline lines stacked right over or under this one (not its own row's pieces),
        # to the end of their ink (a closing mark hung at a line's end prints in its left half);
        # one that parts at the same white, the next row of the same two headlines, in its
        # pieces.
        stacked = [
            piece
            for other in lines
            for piece in ink_pieces(other, 0.2 * line.size)
            if other.size >= headline_size
            and abs(other.baseline - line.baseline) > 0.5 * line.size
            and (
                0 <= other.top - line.bottom <= line.size
                or 0 <= line.top - other.bottom <= line.size
            )
            and not in_running_head_row(other, marked)
        ]
        near = [
            other
            for other in body + stacked
            if line.top - reach <= other.top <= line.bottom + reach
            and not unruled_apart(line.box, other, separators)
        ]
        piece = [line.glyphs[0]]
        # A letter-spaced headline (字距) spreads all its glyphs: the white between two
        # headlines stands out from that spacing.
        spacing = max(0.0, letter_spacing(line.glyphs))
        for previous, glyph in zip(line.glyphs, line.glyphs[1:], strict=False):
            gap = (previous.x1, glyph.x0)
            if short_of_its_em(previous, glyph):
                # A line's glyphs are set em after em: one set into the blank half of a
                # closing mark's em is the next headline's, the white after the mark's ink
                # the white between the two.
                gap = (ink_right(previous), glyph.x0)
            wide = gap[1] - gap[0] - spacing > 0.2 * line.size
            if wide and (over_gutter(gap, near, body_size) or set_apart(previous, glyph)):
                out.append(PrintedLine(piece))
                piece = []
            piece.append(glyph)
        out.append(PrintedLine(piece))
    return out


def short_of_its_em(mark: Glyph, glyph: Glyph) -> bool:
    """Whether `glyph` starts inside the em of the closing mark before it (more than a
    typesetter's rounding short of it): a headline's glyphs advance an em at least (plus
    its letter space), so that glyph is set on another line's grid."""
    return mark.text in HANGING and glyph.x0 - mark.x0 < (1 - EDGE_ROUNDING) * mark.size


def in_running_head_row(line: PrintedLine, marked: list[PrintedLine]) -> bool:
    """Whether a line stands in the row of a running head (眉头: the paper's name between
    the date and the page's number and name; `marked`, the page's lines carrying a running
    head's mark): the page's furniture, set over its first band of articles with or without
    a rule, is no headline's line nor column's telling where a headline's row parts."""
    return any(other.top < line.bottom and other.bottom > line.top for other in marked)


def set_apart(earlier: Glyph, later: Glyph) -> bool:
    """Whether two glyphs either side of a headline's white are set in another size or on
    another baseline: a headline's line is set in one size on one baseline, so that is two
    headlines side by side (one beside its columns, level with the next one's line)."""
    sizes = sorted((earlier.size, later.size))
    return sizes[1] / sizes[0] >= 1.03 or abs(earlier.baseline - later.baseline) > 0.1 * sizes[0]


def ink_pieces(line: PrintedLine, white: float) -> list[Box]:
    """A line's runs of glyphs parted by more than `white`, each to the end of its ink."""
    pieces, start = [], line.glyphs[0]
    for previous, glyph in zip(line.glyphs, line.glyphs[1:], strict=False):
        if glyph.x0 - previous.x1 > white:
            pieces.append(Box(start.x0, line.top, ink_right(previous), line.bottom))
            start = glyph
    pieces.append(Box(start.x0, line.top, ink_right(line.glyphs[-1]), line.bottom))
    return pieces


def unruled_apart(line: Box, other: Box, separators: list[Box]) -> bool:
    """A horizontal rule between a line and a box above or below it."""
    upper, lower = (other, line) if other.top < line.top else (line, other)
    return separated(upper, lower, separators)


def over_gutter(gap: tuple[float, float], near: list[Box], body_size: float) -> bool:
    """Whether the gap holds a gutter of the text lines or photos nearby: white at least
    half an em wide that none crosses, with one ending at its left and one starting at its
    right."""
    left, right = gap
    ends = sorted({box.x1 for box in near if left - 3 * body_size <= box.x1 <= right})
    # A wide white may hold more than one gutter (a headline's columns, then a row of small
    # photos under the next one): any of them parts the line.
    for start in reversed(ends):
        begins = [box.x0 for box in near if start <= box.x0 <= right + 3 * body_size]
        if not begins:
            continue
        end = min(begins)
        if (
            end - start >= 0.5 * body_size
            and not word_space_over_gutter(right - left, end - start, body_size)
            and not any(box.x0 < end - 0.5 and box.x1 > start + 0.5 for box in near)
        ):
            return True
    return False


def word_space_over_gutter(white: float, gutter: float, body_size: float) -> bool:
    """Whether a headline's white is narrower than the columns' gutter under it (one or two
    characters wide, 栏距): two headlines side by side each stand over their own columns, a
    gutter apart at least, so a title's word space printed across the gutter parts none."""
    return gutter <= 2 * body_size and white < gutter - 0.25 * body_size


def unruled(neighbours, row, x: float, separators: list[Box]):
    """Neighbouring rows on this side of any horizontal rule running under or over x."""
    baseline = row[0].baseline
    return [
        other
        for other in neighbours
        if not any(
            separator.height <= 2
            and separator.x0 <= x <= separator.x1
            and min(baseline, other[0].baseline) < separator.top < max(baseline, other[0].baseline)
            for separator in separators
        )
    ]


def gutter_confirmed(
    start: float, left: float, right: float, neighbours, needed: int = 1, edge=None
) -> bool:
    """Whether neighbouring lines part too where [left, right] parts this line (begun at
    `start`; its column's edge at `edge`, before a mark hung past it): a gap of theirs
    shares half an em with it, begins over this line's text (or right where it starts: a
    paragraph's closing line of two characters over the next one's indent of two) and ends
    where this line's next text starts (or a paragraph's indent of two characters further,
    not a gutter and a character further: that is a mark inside this line's column), or a
    line of the same column ends at that edge: the white of a gutter running down the page,
    not a space in one line nor a column their row skips."""
    found = 0
    for other in neighbours:
        if any(
            min(right, later.x0) - max(left, earlier.x1) >= 0.5 * later.size
            and right - 0.5 * later.size <= later.x0 <= right + 2.2 * later.size
            and (
                earlier.x1 > start + 0.5 * later.size
                or abs(earlier.x1 - start) <= EDGE_ROUNDING * later.size
            )
            for earlier, later in zip(other, other[1:], strict=False)
        ) or column_edge(start, left if edge is None else edge, right, other):
            found += 1
    return found >= needed


def ends_the_column(glyph: Glyph, column_rows) -> bool:
    """Whether the column's lines end where `glyph` ends, a gutter's white after it in two
    of them at least: the columns of a page share their edges, so a glyph set right after a
    closing mark and ending at that edge is the column's last, the mark inside the line,
    not hung past the edge into the gutter."""
    size = glyph.size
    found = 0
    for other in column_rows:
        found += any(
            abs(earlier.x1 - glyph.x1) <= EDGE_ROUNDING * size
            and later.x0 - earlier.x1 >= GUTTER * size
            for earlier, later in zip(other, other[1:], strict=False)
        )
        if found >= 2:
            return True
    return False


def hung_at_column_foot(start: Glyph, mark: Glyph, glyph: Glyph, column_rows) -> bool:
    """A mark hung on a column's last line (nothing of the column printed under it) has
    lines only above it to tell its gutter, and the nearest of those may be short (a
    paragraph's closing line, a subheading): the column's full lines further up, ending at
    the edge the mark hangs from with the next column's text level with what follows it,
    confirm it. Two of them: one line may end there by chance."""
    baseline = mark.baseline
    if any(
        other[0].baseline > baseline and g.x1 > start.x0 and g.x0 < mark.x0
        for other in column_rows
        for g in other
    ):
        return False
    above = [other for other in column_rows if other[0].baseline < baseline]
    return hung_at_column_edge(mark, glyph, above, needed=2)


def hung_at_column_edge(mark: Glyph, glyph: Glyph, neighbours, needed: int = 1) -> bool:
    """A line of the same column full to its right edge where the mark hangs from it (the
    edge between the mark's start and its ink's end), then a gutter's white, the next
    column's text beginning exactly level with this line's next glyph (columns share their
    left edge to the point), or two characters further (a paragraph's first line, indented
    两字): the mark hangs in that gutter. A column of two lines has no
    second neighbour to confirm it; a word space in a byline is narrower, and its next word
    stands level with another line's only by chance."""
    size = mark.size
    found = 0
    for other in neighbours:
        if found >= needed:
            return True
        found += any(
            earlier.text not in HANGING
            and mark.x0 - 0.3 * size <= earlier.x1 <= ink_right(mark) + 0.1 * size
            and min(abs(later.x0 - glyph.x0 - indent) for indent in (0, 2 * size)) <= 0.05 * size
            and later.x0 - earlier.x1 >= LONE_GUTTER * size
            for earlier, later in zip(other, other[1:], strict=False)
        )
    return found >= needed


def column_edge(start: float, left: float, right: float, other: list[Glyph]) -> bool:
    """A line of the same column ending where this line's gap begins, with nothing printed
    in the gap: the gap is the column's right edge (the next column may hold one line)."""
    before = [glyph for glyph in other if glyph.x1 <= left + 0.2 * glyph.size]
    return (
        bool(before)
        and before[0].x0 <= start + 0.2 * before[0].size
        and abs(before[-1].x1 - left) <= 0.2 * before[-1].size
        and not any(glyph.x1 > left + 0.5 and glyph.x0 < right - 0.5 for glyph in other)
    )


def printed_across(left: float, right: float, neighbours: list[list[Glyph]]) -> bool:
    """Whether a neighbouring line prints text right across the gap, so it is no gutter. A
    closing mark the neighbour sets just where this line's text ends is hung past their
    column's edge (标点悬挂) into the gutter: it does not print across it, however narrow the
    white left between it and the next column. The neighbour's glyph that begins where the
    gap ends is part of its text across it (a justified line's letter space may fall there),
    unless a mark before it hangs into the gap: that glyph opens the next column."""
    for other in neighbours:
        inside = [
            glyph for glyph in other if glyph.x1 > left and glyph.x0 < right + 0.15 * glyph.size
        ]
        if (
            len(inside) >= 2
            and at_or_past(inside[-1].x0, right, inside[-1].size)
            and inside[-2].text in HANGING
        ):
            inside.pop()
        if inside and inside[0].text in HANGING and ink_right(inside[0]) <= left + 1:
            # A mark hung past the column's edge as far as this line's own: its ink ends
            # where the gap begins, so only what follows it may print across.
            inside.pop(0)
        if not inside or inside[0].x0 > left + 1 or ink_right(inside[-1]) < right - 1:
            continue
        if inside[0].text in HANGING and inside[0].x0 >= left - 0.2 * inside[0].size:
            continue
        if all(
            later.x0 - ink_right(earlier) <= GUTTER * later.size
            # (a mark hung past the edge of the neighbour's column, two others confirming
            # it, prints nothing across the gutter it hangs into)
            and not (
                earlier.text in HANGING
                and later.x0 - ink_right(earlier) >= 0.3 * later.size
                and hung_at_column_edge(earlier, later, neighbours, needed=2)
            )
            for earlier, later in zip(inside, inside[1:], strict=False)
        ):
            return True
    return False


#: How far (in ems) a column's first glyph may start left of the column's edge and still stand
#: at it: a typesetter rounds positions, a few hundredths of a point either way.
EDGE_ROUNDING = 0.05


def at_or_past(x: float, edge: float, size: float) -> bool:
    """Whether a glyph starting at `x` stands at a column's edge or past it: the columns of a
    page share their left edge to the point, so a glyph a rounding short of it (0.05 em at
    most) opens that column as much as one exactly on it."""
    return x >= edge - EDGE_ROUNDING * size


def ink_right(glyph: Glyph) -> float:
    """Where a glyph's ink ends: a closing mark is drawn in the left half of its em, so one
    hung past a column's edge does not print across the gutter."""
    if glyph.text in HANGING:
        return min(glyph.x1, glyph.x0 + 0.5 * glyph.size)
    return glyph.x1


def separated(upper: Box, lower: Box, separators: list[Box]) -> bool:
    """A horizontal rule (or box edge) between a box and the one below it."""
    left, right = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    for separator in separators:
        if separator.height > 2:
            continue
        if upper.bottom - RULE_SLACK <= separator.top <= lower.top + RULE_SLACK and (
            min(right, separator.x1) - max(left, separator.x0) > 0.3 * max(right - left, 1)
        ):
            return True
    return False


def separated_side(left_box: Box, right_box: Box, separators: list[Box]) -> bool:
    """A vertical rule (or box edge) between a box and the one to its right."""
    top, bottom = max(left_box.top, right_box.top), min(left_box.bottom, right_box.bottom)
    for separator in separators:
        if separator.width > 2:
            continue
        if left_box.x1 - RULE_SLACK <= separator.x0 <= right_box.x0 + RULE_SLACK and (
            min(bottom, separator.bottom) - max(top, separator.top) > 0.3 * max(bottom - top, 1)
        ):
            return True
    return False


def usual_gaps(ordered: list[PrintedLine]) -> dict[float, float]:
    """The white between a line and the next one under it in its column, most common on the
    page for each size of type (at least five such pairs), by size to the half point."""
    found: dict[float, Counter] = {}
    for index, line in enumerate(ordered):
        size = line.size
        for other in ordered[index + 1 :]:
            if other.top > line.bottom + LEADING_GAP * size:
                break
            gap = other.top - line.bottom
            if (
                -0.3 * size <= gap
                and max(size, other.size) / min(size, other.size) < SAME_SIZE
                and min(line.x1, other.x1) - max(line.x0, other.x0)
                > 0.5 * min(line.x1 - line.x0, other.x1 - other.x0)
            ):
                key = round(size * 2) / 2
                found.setdefault(key, Counter())[round(gap * 2) / 2] += 1
                break
    usual = {}
    for key, gaps in found.items():
        gap, count = gaps.most_common(1)[0]
        if count >= 5:
            usual[key] = gap
    return usual


def stack_blocks(
    lines: list[PrintedLine], separators: list[Box], headline_size: float
) -> list[Block]:
    """Stack lines into columns: like size, at the leading, sharing the column; the lines of a
    headline (at least headline_size) may be centred, so they need not share their edges."""
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    ordered = sorted(lines, key=lambda li: (li.top, li.x0))
    leading = usual_gaps(ordered)
    for line in ordered:
        home = None
        for block in open_blocks:
            last = block.lines[-1]
            size = last.size
            if max(size, line.size) / min(size, line.size) >= SAME_SIZE:
                continue
            gap = line.top - last.bottom
            if not -0.3 * size <= gap <= LEADING_GAP * size:
                continue
            column = block.box
            # A paragraph's first line is indented, and its last line short, so a block of
            # one line tells neither edge of its column.
            alone = len(block.lines) == 1
            usual = leading.get(round(size * 2) / 2)
            if alone and usual is not None and gap > usual + 0.35 * size:
                # Nor its leading: the page's text of its size is set at one leading, and a
                # wider white under it parts it from the line below (an article's closing
                # line over the next article's first, with no rule between).
                continue
            reach_left = (3.5 if alone else 0.6) * size
            outside = line.x0 < column.x0 - reach_left or line.x0 > column.x0 + 3.5 * size
            if not alone and line.x1 > column.x1 + 1.2 * size:
                outside = True
            # A heading broken over two lines is centred on one axis (a subheading's short
            # second line stands in the middle of its column, past a paragraph's indent).
            centred = abs(line.x0 + line.x1 - last.x0 - last.x1) <= size and line.x1 <= last.x1
            if outside and not centred and min(last.size, line.size) < headline_size:
                continue
            # A paragraph's closing line may hold a character or two, the next paragraph's
            # first line indented past it: under it though it shares none of its width.
            opens_under = alone and column.x0 <= line.x0 <= column.x0 + 3.5 * size
            if not opens_under and min(line.x1, column.x1) - max(line.x0, column.x0) < 0.5 * min(
                line.x1 - line.x0, column.width
            ):
                continue
            if separated(last.box, line.box, separators):
                continue
            if len(block.lines) >= 2:
                # A column keeps one leading: a wider gap after its lines ends it.
                pitch = last.top - block.lines[-2].bottom
                if gap > pitch + 0.35 * size:
                    continue
            home = block
            break
        if home is None:
            home = Block([line])
            blocks.append(home)
            open_blocks.append(home)
        else:
            home.lines.append(line)
        open_blocks = [block for block in open_blocks if line.top - block.bottom <= 3 * block.size]
    return blocks
