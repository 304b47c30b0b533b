"""The printed page rebuilt from geometry: running head, advertisements, headlines, columns,
captions and photos, grouped into articles, each handed to the text path's assembly.

Conventions of Chinese print this follows (sizes relative to the body text's size, the size
most of the page's characters are set in):

- the running head (眉头: paper, date, 版次 and 版名, editors) stands above the page's first
  full-width rule, or in the top band of the page when no rule is drawn;
- an advertisement is a box (a stroked or filled rectangle) holding an ad marker (广告,
  本报宣, 公益广告 …); nothing inside it is an article;
- headlines (with their 引题 and 副题) are set at least a fifth larger than the body; the
  largest lines are the title, smaller lines above it the kicker, below it the subtitle;
- captions are set smaller than the body, beside or under a picture (an image or a filled
  rectangle); a picture with its caption inside an article's area is that article's photo,
  elsewhere it is photo news;
- an article is its headline and the columns that join it without crossing a rule or another
  headline, nearest first: under it, beside it, or above it (a headline set below its text);
- inside a column, a paragraph starts at a first-line indent, a change of face (a byline in
  楷体, a subheading in 黑体) or after a short line closing a sentence; a column that does
  not open indented goes on with the paragraph the previous column ended with.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from articles.pagetext.ads import AD_MARKERS
from articles.pagetext.bylines import is_credit_line, parse_standalone_bylines
from articles.pagetext.lines import CAPTION_MARK, Line, Unit
from articles.pagetext.model import PageTextError, ParsedArticle, ParsedPage, Region
from articles.pagetext.parser import PageAssembly
from articles.pagetext.text import SENTENCE_END
from articles.pagetext.units import PICTURE_OPENING, Kind, first_kind

from .document import PageContent
from .geometry import (
    CAPTION_RATIO,
    EDGE_ROUNDING,
    Block,
    Box,
    PrintedLine,
    baseline_rows,
    font_family,
    is_bold_face,
    read_glyphs,
    separated,
    separated_side,
    split_rows,
    stack_blocks,
)
from .running_head import split_running_head

HEADLINE_RATIO = 1.2
INDENT = 1.2
#: Farthest two parts of one article stand apart, in ems of the body text.
LONGEST_LINK = 4.0
#: A headline stands over its text (or left of it) far more often than under it (or right of
#: it): a link upwards or leftwards costs more.
HEADLINE_BELOW_TEXT = 3.0
MISALIGNED_COLUMNS = 3.0
#: The widest gutter between two columns (栏距), in ems of the body text: papers set one to
#: two characters, some three.
WIDEST_GUTTER = 3.0
STACKED_TEXT = 3.0
#: A caption this long that does not open with 图为… is news of its own (图片新闻).
PHOTO_NEWS_LENGTH = 60


@dataclass
class Node:
    """A part of the page: a headline group, a column block, a caption or a picture."""

    kind: str  # "headline", "text", "subheading", "caption", "picture"
    box: Box
    blocks: list[Block] = field(default_factory=list)
    owner: int | None = None

    @property
    def extent(self) -> Box:
        """Everything the node prints, punctuation hanging past its column included."""
        boxes = [self.box] + [block.box for block in self.blocks]
        return union_box(boxes)

    @property
    def lines(self) -> list[PrintedLine]:
        return [line for block in self.blocks for line in block.lines]


@dataclass
class PageGeometry:
    width: float
    height: float
    body_size: float
    separators: list[Box]
    boxes: list[Box]
    pictures: list[Box]
    blocks: list[Block]


def read_geometry(content: PageContent) -> PageGeometry:
    """Glyphs, rules, boxes and pictures of a page, in points from the top left."""
    width, height = content.width, content.height
    glyphs = read_glyphs(content.chars)
    if not glyphs:
        raise PageTextError("页面中没有文字 (the page has no text layer)")
    sizes = Counter(round(glyph.size, 1) for glyph in glyphs)
    body_size = sizes.most_common(1)[0][0]
    separators, boxes, pictures = [], [], []
    for x0, top, x1, bottom, stroked, filled in content.paths:
        box = Box(x0, top, x1, bottom)
        if box.width < 2 or box.height < 2:
            separators.append(box)
            continue
        picture = filled and (
            (box.width > 3 * body_size and box.height > 3 * body_size)
            or captioned_under(box, glyphs, body_size)
        )
        if picture:
            # A framed picture: its frame separates nothing from its caption.
            pictures.append(box)
        elif stroked:
            boxes.append(box)
            separators.extend(
                [
                    Box(box.x0, box.top, box.x1, box.top),
                    Box(box.x0, box.bottom, box.x1, box.bottom),
                    Box(box.x0, box.top, box.x0, box.bottom),
                    Box(box.x1, box.top, box.x1, box.bottom),
                ]
            )
    pictures.extend(Box(*image) for image in content.images)
    lines = split_rows(baseline_rows(glyphs), separators, pictures, body_size)
    lines = join_spaced_bylines(lines, body_size)
    blocks = stack_blocks(lines, separators, HEADLINE_RATIO * body_size)
    return PageGeometry(width, height, body_size, separators, boxes, pictures, blocks)


#: A full-width space (全角空格) is an em; set with a little letter space, somewhat more.
FULL_WIDTH_SPACE = 1.25


def join_spaced_bylines(lines: list[PrintedLine], body_size: float) -> list[PrintedLine]:
    """A byline on a line of its own parts its roles and names with a word space, which some
    typesetting programs set a full em wide (`实习生　宋佳　本报记者`): as wide as the narrowest
    gutter, it was cut there. Pieces of one row, in one face and size, an em or so apart,
    that read as bylines together are one line."""
    out: list[PrintedLine] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and line.size < HEADLINE_RATIO * body_size
            and abs(line.baseline - last.baseline) <= 0.2 * line.size
            and abs(line.size - last.size) <= 0.05 * line.size
            and line.font == last.font
            and 0 < line.x0 - last.x1 <= FULL_WIDTH_SPACE * line.size
            and parse_standalone_bylines(f"{last.text} {line.text}")
        ):
            out[-1] = PrintedLine(last.glyphs + line.glyphs)
            continue
        out.append(line)
    return out


def captioned_under(box: Box, glyphs, body_size: float) -> bool:
    """A small filled rectangle is a picture (a head shot in a narrow column, one of a row of
    small photos) when its caption stands right under it: smaller than the body, its first
    line starting at the picture's left edge and printed within its width (图片说明 is set
    to the picture's width, under it)."""
    under = [
        glyph
        for glyph in glyphs
        if glyph.size < CAPTION_RATIO * body_size
        and 0 <= glyph.top - box.bottom <= glyph.size
        and box.x0 - 1 <= glyph.x0 <= box.x1
    ]
    if not under:
        return False
    first = min(under, key=lambda glyph: glyph.x0)
    return abs(first.x0 - box.x0) <= 0.5 * first.size and all(
        glyph.x1 <= box.x1 + glyph.size for glyph in under
    )


def block_text(block: Block) -> str:
    return "".join(line.text for line in block.lines)


def parse_content(content: PageContent) -> ParsedPage:
    """Read one page into its articles, each with its regions on the page."""
    geometry = read_geometry(content)
    blocks, running_head = split_running_head(geometry)
    blocks = without_advertisements(blocks, geometry)
    nodes = make_nodes(blocks, geometry)
    articles = group_articles(nodes, geometry)
    parsed = [assemble(members, nodes, geometry) for members in articles]
    parsed = [(article, members) for article, members in zip(parsed, articles, strict=True)]
    parsed = [(article, members) for article, members in parsed if article is not None]
    if not parsed:
        raise PageTextError("页面中没有可识别的文章 (no article could be recognised on the page)")
    parsed = reader_order(parsed, nodes, geometry.body_size)
    set_regions(parsed, nodes, geometry)
    return ParsedPage(articles=[article for article, _ in parsed], running_head=running_head)


def without_advertisements(blocks: list[Block], geometry: PageGeometry) -> list[Block]:
    """Drop everything inside a box that carries an ad marker."""
    ad_boxes = [
        box
        for box in geometry.boxes + geometry.pictures
        if any(box.contains(block.box) and AD_MARKERS.search(block_text(block)) for block in blocks)
    ]
    return [block for block in blocks if not any(box.contains(block.box) for box in ad_boxes)]


def make_nodes(blocks: list[Block], geometry: PageGeometry) -> list[Node]:
    body = geometry.body_size
    nodes: list[Node] = []
    headline_blocks = []
    for block in blocks:
        if block.size >= HEADLINE_RATIO * body and not inside_a_column(block, blocks, geometry):
            headline_blocks.append(block)
        elif block.size < CAPTION_RATIO * body and near_picture(block.box, geometry):
            nodes.append(Node("caption", block.column_box, [block]))
        elif block.size > 1.06 * body and len(block.lines) <= 2:
            nodes.append(Node("subheading", block.column_box, [block]))
        else:
            nodes.append(Node("text", block.column_box, [block]))
    groups = headline_groups(headline_blocks, geometry, nodes)
    for group in titles_across_a_gutter(groups, nodes, geometry):
        box = group[0].box
        for block in group[1:]:
            box = box.union(block.box)
        nodes.append(Node("headline", box, group))
    used = [node.box for node in nodes]
    for picture in geometry.pictures:
        if picture.top < 0 or any(picture.contains(box) for box in used if box is not picture):
            # A picture holding text is a panel or a box behind it, not a photo.
            continue
        if any(caption_of(node, picture, body) for node in nodes if node.kind == "caption"):
            nodes.append(Node("picture", picture))
    widen_short_columns(nodes, body)
    return nodes


#: A subheading may be set this much larger than the body; a headline is set larger still.
SUBHEADING_RATIO = 1.5


def inside_a_column(block: Block, blocks: list[Block], geometry: PageGeometry) -> bool:
    """A heading of a line or two set less than half again the body's size, inside a column:
    the column's text runs on right below it, and right above it or, at the column's head,
    the next column's text starts level with it, no wider than the column and with no rule
    between. That is a subheading (小标题), however large; a headline stands over (or
    beside) its columns, not inside one."""
    body = geometry.body_size
    if block.size >= SUBHEADING_RATIO * body or len(block.lines) > 2:
        return False
    box = block.box

    def in_column(other: Block, gap: float) -> bool:
        column = other.column_box
        return (
            abs(other.size - body) <= 0.06 * body
            and 0 <= gap <= 1.5 * body
            # (a one-line block under it may be a paragraph's indented first line)
            and column.x0 - (3 if len(other.lines) == 1 else 1) * body <= box.x0
            and box.x1 <= column.x1 + body
            and box.width >= 0.3 * column.width
        )

    over = [
        other.column_box
        for other in blocks
        if in_column(other, box.top - other.bottom)
        and not separated(other.box, box, geometry.separators)
    ]
    below = [
        other.column_box
        for other in blocks
        if in_column(other, other.top - box.bottom)
        and not separated(box, other.box, geometry.separators)
    ]
    if below and not over:
        # A paragraph's closing line over it is flush with the column the text under it
        # tells, however short.
        column = below[0]
        over = [
            other.box
            for other in blocks
            if len(other.lines) == 1
            and abs(other.size - body) <= 0.06 * body
            and 0 <= box.top - other.bottom <= 1.5 * body
            and abs(other.x0 - column.x0) <= 0.5 * body
            and other.x1 <= column.x1 + body
            and not separated(other.box, box, geometry.separators)
        ]
    if not below:
        # 背题: a subheading left at the foot of its column, its section running on at the
        # head of the next column, level with the head of its own; or the subheading broken
        # there, its second line (in its own size) heading the next column.
        return bool(over) and (
            level_beside(over[0], over[0].top, blocks, geometry)
            or heads_the_next_column(over[0], block.size, blocks, geometry)
        )
    column = Box(below[0].x0, box.top, below[0].x1, below[0].bottom)
    return bool(over) or level_beside(column, box.top, blocks, geometry)


def heads_the_next_column(column: Box, size: float, blocks: list[Block], geometry) -> bool:
    """Whether a line of `size` (a subheading's second line, centred in its column) stands
    level with `column`'s head over the text of the column beside it: the subheading broken
    at `column`'s foot goes on there, as its section does under it."""
    body = geometry.body_size
    heads = [
        block
        for block in blocks
        if abs(block.size - size) <= 0.06 * size and abs(block.top - column.top) <= 0.5 * body
    ]
    return any(
        under.box.shared_width(head.box) > 0
        and 0 <= under.top - head.bottom <= 1.5 * body
        and level_beside(column, under.top, [under], geometry)
        for head in heads
        for under in blocks
    )


def level_beside(column: Box, top: float, blocks: list[Block], geometry: PageGeometry) -> bool:
    """Whether body text starts level with `top` in the column beside `column`, a gutter
    away with no rule between."""
    body = geometry.body_size
    return any(
        abs(other.size - body) <= 0.06 * body
        and abs(other.top - top) <= 0.5 * body
        and 0 < (gap_between(column, other.box) or 0) <= 3 * body
        and not separated_side(
            *sorted((column, other.box), key=lambda b: b.x0), geometry.separators
        )
        for other in blocks
    )


def widen_short_columns(nodes: list[Node], body: float) -> None:
    """A paragraph's closing line ends short of its column's right edge, and a column may be
    cut into parts by a subheading: each part is as wide as the column, the widest part set
    flush with it just above or below (across a subheading at most), so the next column beside
    it is reached across one gutter, not across the white after a short line."""
    texts = [node for node in nodes if node.kind in ("text", "subheading")]
    own = {id(node): node.box for node in texts}
    widths = {}
    for node in texts:
        column = [
            other.box.x1
            for other in texts
            if other.kind == "text"
            and abs(other.box.x0 - node.box.x0) <= 0.5 * body
            and other.box.x1 > node.box.x1
            and (gap_between(node.box, other.box) or 0) <= 3 * body
            and gap_between(node.box, other.box) is not None
        ]
        if column:
            widths[id(node)] = max(column)
    for node in texts:
        if id(node) in widths:
            box = node.box
            node.box = Box(box.x0, box.top, widths[id(node)], box.bottom)
    widen_to_the_grid(texts, own, body)


def widen_to_the_grid(texts: list[Node], own: dict[int, Box], body: float) -> None:
    """Columns of an article set side by side share their width and stand a gutter apart. A
    column of short lines only (a byline on lines of its own, at the article's left) opening
    level with the column beside it, one column's width and a gutter to its left, is as wide
    as that column, whose own lines (two or more, not widened) tell its width."""
    for node in texts:
        if node.kind != "text":
            continue
        box = own[id(node)]
        for other in texts:
            column = own[id(other)]
            gutter = column.x0 - box.x0 - column.width
            if (
                other.kind == "text"
                and len(other.lines) >= 2
                and abs(column.top - box.top) <= 0.5 * body
                and box.width < column.width - 0.5 * body
                and 0.5 * body <= gutter <= WIDEST_GUTTER * body
            ):
                node.box = Box(box.x0, box.top, box.x0 + column.width, box.bottom)
                break


def near_picture(box: Box, geometry: PageGeometry) -> bool:
    reach = 2.5 * geometry.body_size
    return any(
        gap_between(box, picture) is not None and gap_between(box, picture) <= reach
        for picture in geometry.pictures
    )


def caption_of(node: Node, picture: Box, body: float) -> bool:
    gap = gap_between(node.box, picture)
    return gap is not None and gap <= 2.5 * body


def headline_groups(
    blocks: list[Block], geometry: PageGeometry, nodes: list[Node]
) -> list[list[Block]]:
    """A title with the kicker above and the subtitle below it; subheading-sized lines touching
    a headline join it too (a kicker may be set little larger than the body). The parts of one
    headline stand in one box no column of text reaches into: two headlines stacked with
    little white between (one beside its columns, the next over the band below) stay two."""
    groups: list[list[Block]] = [[block] for block in sorted(blocks, key=lambda b: b.top)]
    merged = True
    while merged:
        merged = False
        for first in groups:
            for second in groups:
                if first is second:
                    continue
                if headline_parts_touch(first, second, geometry) and not text_inside(
                    first + second, nodes
                ):
                    first.extend(second)
                    groups.remove(second)
                    merged = True
                    break
            if merged:
                break
    for node in list(nodes):
        if node.kind != "subheading" or parse_standalone_bylines(node.lines[0].text):
            continue
        for group in groups:
            if headline_parts_touch(group, node.blocks, geometry) and centred_on(node, group):
                group.extend(node.blocks)
                nodes.remove(node)
                break
    for group in groups:
        group.sort(key=lambda b: b.top)
    return groups


def titles_across_a_gutter(
    groups: list[list[Block]], nodes: list[Node], geometry: PageGeometry
) -> list[list[Block]]:
    """A title of two phrases, its word space standing over a gutter, is one title where the
    text under it reads on across that gutter: an article opens with a paragraph (indented,
    or under a byline) and closes with a sentence, so the column under the first phrase's end
    running on, full to its foot and mid-sentence, into the next column opening flush under
    the second phrase is one article's text, and the two phrases its one title."""
    joined = True
    while joined:
        joined = False
        for first in groups:
            for second in groups:
                if first is not second and one_title_on_a_row(first, second, nodes, geometry):
                    first.extend(second)
                    groups.remove(second)
                    joined = True
                    break
            if joined:
                break
    return groups


def one_title_on_a_row(
    first: list[Block], second: list[Block], nodes: list[Node], geometry: PageGeometry
) -> bool:
    """Whether `second` goes on from a line of `first` on its row, a word space or two on,
    and the column under that line's end runs on into the one under `second`'s start."""
    size = min(b.size for b in first + second)
    body = geometry.body_size
    row = [
        (line.box, other.box)
        for line in (line for block in first for line in block.lines)
        for other in (line for block in second for line in block.lines)
        if abs(line.baseline - other.baseline) <= 0.1 * size and 0 < other.x0 - line.x1 <= 2 * size
    ]
    if not row or max(b.size for b in first + second) / size >= 1.03:
        return False
    left, right = row[0]
    if separated_side(left, right, geometry.separators) or text_inside(first + second, nodes):
        return False
    title = union_box([b.box for b in first + second])
    under = [
        node
        for node in nodes
        if node.kind == "text" and 0 <= node.box.top - title.bottom <= 4 * body
    ]
    ending = [n for n in under if n.box.x0 < left.x1 and n.box.x1 <= right.x0 + body]
    opening = [n for n in under if n.box.x1 > right.x0 and n.box.x0 >= right.x0 - 3 * body]
    if not ending or not opening:
        return False
    last = max(ending, key=lambda node: node.box.x1)
    following = min(opening, key=lambda node: node.box.x0)
    if following.box.x0 <= last.box.x1 or abs(following.box.top - last.box.top) > body:
        return False
    return runs_on(column_foot(last, nodes, body), following)


def column_foot(top: Node, nodes: list[Node], body: float) -> Node:
    """The last block of the column `top` heads."""
    return nodes[column_stack(nodes.index(top), nodes, body)[-1]]


def column_stack(top: int, nodes: list[Node], body: float, article_of=None) -> list[int]:
    """The column node `top` heads: it and the text stacked under it in its width (of its
    article, where `article_of` tells the articles)."""
    width = nodes[top].box
    stack = [top]
    while True:
        foot = nodes[stack[-1]].box
        below = [
            index
            for index, node in enumerate(nodes)
            if node.kind in ("text", "subheading")
            and 0 <= node.box.top - foot.bottom <= 3 * body
            and node.box.shared_width(width) > 0.5 * width.width
            and (article_of is None or article_of.get(index) == article_of.get(top))
        ]
        if not below:
            return stack
        stack.append(min(below, key=lambda index: nodes[index].box.top))


def runs_on(foot: Node, following: Node, gutter: float | None = None) -> bool:
    """Whether a column's last line, full to its edge and closing no sentence, goes on at the
    head of the next column, which opens flush with its edge (no paragraph's indent) with no
    byline: one article's text across the gutter. A column of one line is flush where it
    stands as far from the column on its left as the page's columns stand apart (`gutter`,
    when known): columns are set on one grid."""
    last, lines = foot.lines[-1], following.lines
    size = last.size
    closing = last.text.rstrip("”’）》」』")
    if len(lines) >= 2:
        flush = lines[0].x0 <= min(line.x0 for line in lines) + 0.5 * lines[0].size
    else:
        flush = gutter is not None and following.box.x0 - foot.box.x1 <= gutter + 0.5 * size
    return (
        foot.kind == "text"
        and len(foot.lines) >= 2
        and last.x1 >= foot.box.x1 - 0.5 * size
        and closing[-1:] not in SENTENCE_END + "…"
        and flush
        and not opens_with_a_byline_line(following)
    )


def opens_with_a_byline_line(column: Node) -> bool:
    """Whether a column's first line is a byline: a byline stands on a line of its own,
    short of the column's edge, or runs on into a second byline line; a line full to the
    edge, the text going on under it, is the body's, though its words read as a byline
    (`新华社记者从湖南省…`: the reporter learned from Hunan)."""
    lines = column.lines
    first = lines[0]
    if not parse_standalone_bylines(first.text):
        return False
    full = first.x1 >= column.box.x1 - 0.5 * first.size
    return not full or len(lines) < 2 or bool(parse_standalone_bylines(lines[1].text))


def text_inside(group: list[Block], nodes: list[Node]) -> bool:
    """Whether a column of text reaches into the box of the headline's inked lines (a mark
    hung past a kicker's column does not draw that box over the next column)."""
    box = union_box([line.ink_box for block in group for line in block.lines])
    return any(
        node.kind == "text"
        and box.shared_width(node.box) > 1
        and min(box.bottom, node.box.bottom) - max(box.top, node.box.top) > 1
        for node in nodes
    )


def centred_on(node: Node, group: list[Block]) -> bool:
    """A kicker or subtitle is set on the title's axis (centred, or flush with it on the
    left); a subheading on its column's."""
    box = union_box([block.box for block in group])
    size = node.blocks[0].size
    middle = (node.box.x0 + node.box.x1) / 2
    return (
        abs(middle - (box.x0 + box.x1) / 2) <= max(2 * size, 0.15 * box.width)
        or abs(node.box.x0 - box.x0) <= size
    )


def headline_parts_touch(first: list[Block], second: list[Block], geometry) -> bool:
    upper = union_box([b.box for b in first])
    lower = union_box([b.box for b in second])
    if lower.top < upper.top:
        upper, lower = lower, upper
    size = min(b.size for b in first + second)
    gap = lower.top - upper.bottom
    overlap = upper.shared_width(lower)
    return (
        -0.5 * size <= gap <= 0.9 * size
        and overlap > 0
        and not separated(upper, lower, geometry.separators)
    )


def union_box(boxes: list[Box]) -> Box:
    box = boxes[0]
    for other in boxes[1:]:
        box = box.union(other)
    return box


def gap_between(first: Box, second: Box) -> float | None:
    """The space between two boxes that face each other (one above, or beside, the other)."""
    dx = max(0.0, second.x0 - first.x1, first.x0 - second.x1)
    dy = max(0.0, second.top - first.bottom, first.top - second.bottom)
    if dx > 0 and dy > 0:
        return None
    return dx + dy


def link_cost(first: Node, second: Node, geometry: PageGeometry) -> float | None:
    gap = gap_between(first.box, second.box)
    if gap is None or gap > LONGEST_LINK * geometry.body_size + headline_short(first, second):
        return None
    a, b = first.box, second.box
    if max(0.0, b.x0 - a.x1, a.x0 - b.x1) > 0:
        left, right = (a, b) if a.x1 <= b.x0 else (b, a)
        overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
        if overlap < 0.5 * geometry.body_size and not headline_beside_short_columns(
            first, second, geometry.body_size
        ):
            return None
        if separated_side(left, right, geometry.separators):
            return None
        body = geometry.body_size
        misaligned = abs(a.top - b.top) > 1.0 * body and abs(a.bottom - b.bottom) > 1.5 * body
        if misaligned and "headline" not in (first.kind, second.kind):
            # Columns of one article side by side start (or end) level with each other, on
            # one baseline: a line's depth apart is misaligned; a headline beside its
            # columns may stand anywhere along them.
            gap *= MISALIGNED_COLUMNS
    else:
        upper, lower = (a, b) if a.top <= b.top else (b, a)
        overlap = a.shared_width(b)
        if overlap < 0.5 * geometry.body_size:
            return None
        if separated(upper, lower, geometry.separators):
            return None
        pair = sorted((first, second), key=lambda node: node.box.top)
        if first.kind == second.kind == "text" and not at_its_leading(*pair):
            # A column runs unbroken down its article: white space across it, with no
            # subheading or photo in between, mostly parts two articles.
            gap *= STACKED_TEXT
    return gap


def at_its_leading(upper: Node, lower: Node) -> bool:
    """Whether the text under a column's lines follows them at their own leading (a byline
    on lines of its own, its first paragraph right under it): no more white than between
    its lines is no white space parting two articles, but one column."""
    lines = upper.lines
    if len(lines) < 2:
        return False
    whites = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False))
    return lower.box.top - upper.box.bottom <= whites[len(whites) // 2] + 0.35 * lines[-1].size


def headline_short(first: Node, second: Node) -> float:
    """How far a headline beside its columns may fall short of its own column's edge: it is
    broken at whole characters (and may be centred or set flush left), so the white after its
    longest line in its column is less than one of its characters. Nothing for other links."""
    a, b = first.box, second.box
    if max(0.0, b.x0 - a.x1, a.x0 - b.x1) <= 0:
        return 0.0
    return max(
        (
            max(line.size for line in node.lines)
            for node in (first, second)
            if node.kind == "headline"
        ),
        default=0.0,
    )


def group_articles(nodes: list[Node], geometry: PageGeometry) -> list[list[int]]:
    """Each headline's article: the text reached from it by the shortest chain of links;
    pictures and their captions join an article whose area holds them, else are photo news."""
    text_kinds = ("text", "subheading")
    heads = [i for i, node in enumerate(nodes) if node.kind == "headline"]
    links: dict[int, list[tuple[float, int]]] = {i: [] for i in range(len(nodes))}
    for i, first in enumerate(nodes):
        for j in range(i + 1, len(nodes)):
            cost = link_cost(first, nodes[j], geometry)
            if cost is not None:
                links[i].append((cost, j))
                links[j].append((cost, i))
    links = mid_column_links(nodes, links)
    links = band_links(nodes, links, geometry.body_size)
    # Text: shortest chains from every headline, through text only, or first through the
    # photo set between a headline and its columns (题图) and its caption.
    # A headline over a picture titles what lies below it (the photo, its caption, the
    # columns under them), never the text above it.
    topping = {
        head
        for head in heads
        for _, other in links[head]
        if nodes[other].kind == "picture" and nodes[other].box.top >= nodes[head].box.bottom - 2
    }
    # A headline with its text right under it stands over its columns: it takes no text
    # beside or above it (a headline set beside its own columns, or another article's).
    over_text = {
        head
        for head in heads
        for _, other in links[head]
        if nodes[other].kind in text_kinds and nodes[other].box.top >= nodes[head].box.bottom - 2
    }
    # A headline centred over the photo under it (题图) stands over its article as one over
    # its columns does: the text beside it is another article's.
    over_photo = {
        head
        for head in topping
        for _, other in links[head]
        if nodes[other].kind == "picture"
        and nodes[other].box.top >= nodes[head].box.bottom - 2
        and centred_over(nodes[head].box, nodes[other].box, geometry.body_size)
    }
    # A headline set beside its columns stands left of them (竖题 at the article's left, the
    # columns starting level with it or above): the text left of it is another article's.
    left_of_text = {
        head
        for head in heads
        for _, other in links[head]
        if nodes[other].kind in text_kinds
        and nodes[other].box.x0 >= nodes[head].box.x1 - 2
        and nodes[other].box.top <= nodes[head].box.top + geometry.body_size
    }
    news = photo_news_parts(nodes, geometry.body_size)
    best: dict[int, tuple[float, int]] = {}
    queue = [(0.0, head, head, head) for head in heads]
    parent: dict[int, int] = {}
    while queue:
        cost, index, head, came_from = heapq.heappop(queue)
        if index in best:
            continue
        best[index] = (cost, head)
        parent[index] = came_from
        for step, other in links[index]:
            if other in best:
                continue
            kind = nodes[other].kind
            if {kind, nodes[index].kind} & {"picture", "caption"}:
                if not under_headline(nodes, index, other, head, news):
                    continue
                if head in left_of_text and kind in text_kinds:
                    # A headline beside its columns has its text there: a photo under it
                    # closes its article and leads to no more text (the next band's).
                    continue
            elif kind not in text_kinds:
                continue
            if (
                index == head
                and head in over_text | over_photo
                and beside_or_above(nodes[other], nodes[head])
            ):
                continue
            if (
                index == head
                and head in left_of_text
                and nodes[other].box.x1 <= nodes[head].box.x0 + 2
            ):
                continue
            if kind in text_kinds and opens_with_byline(nodes[index], nodes[other]):
                continue
            if index == head and reads_before(nodes[other].box, nodes[head].box):
                if head in topping:
                    continue
                step *= HEADLINE_BELOW_TEXT
            heapq.heappush(queue, (cost + step, other, head, index))
    opened = opens_section(nodes, links, best, geometry)
    over_photos = topping - over_text - left_of_text
    opened.update(under_topping_photos(nodes, links, best, over_photos, news, geometry))
    members: dict[int, list[int]] = {head: [head] for head in heads}
    for index, (_, head) in best.items():
        if index != head and nodes[index].kind in text_kinds:
            members[opened.get(index, head)].append(index)
    # Text no headline reaches: a headline cut off by a rule (beside or under its text) takes
    # the nearest such run; the rest stands untitled.
    loose = [i for i, node in enumerate(nodes) if node.kind in text_kinds and i not in best]
    for run in connected_runs(loose, links):
        lonely = [head for head in heads if len(members[head]) == 1]
        run_box = union_box([nodes[i].box for i in run])
        nearest = min(lonely, key=lambda head: box_distance(nodes[head].box, run_box), default=None)
        if nearest is not None and box_distance(nodes[nearest].box, run_box) <= (
            LONGEST_LINK * geometry.body_size
        ):
            members[nearest].extend(run)
        else:
            members[run[0]] = list(run)
    follow_run_on_columns(nodes, members, geometry.body_size)
    # A photo the chain from a headline passed through to reach its text is that article's.
    passed: dict[int, int] = {}
    for index, (_, head) in best.items():
        if nodes[index].kind not in text_kinds:
            continue
        step = parent[index]
        while step != head:
            if nodes[step].kind in ("picture", "caption"):
                passed[step] = head
            step = parent[step]
    attach_photos(nodes, links, members, geometry, passed)
    return [sorted(group) for group in members.values()]


def opens_with_byline(column: Node, other: Node) -> bool:
    """Whether `column` opens with a byline on a line of its own and `other` stands left of
    it: an article's text opens with its byline at the head of its first column and reads on
    rightwards, so the column left of it is no part of that article."""
    return (
        column.kind == "text"
        and other.box.x1 <= column.box.x0 + 2
        and opens_with_a_byline_line(column)
    )


def follow_run_on_columns(nodes: list[Node], members: dict[int, list[int]], body: float) -> None:
    """A column heading no headline of its own that opens flush mid-sentence goes on from the
    column level with it on its left, whose foot runs on into it (full to its edge, closing
    no sentence): an article's text reads on from column to column, left to right, and an
    article opens with a paragraph. Such a column (and what stands under it in its width)
    is that article's, though a chain from the headline right of it reached it first."""
    article_of = {index: head for head, group in members.items() for index in group}
    # Left to right, as the text reads on: a column moved to an article carries the next.
    for index in sorted(range(len(nodes)), key=lambda index: nodes[index].box.x0):
        node = nodes[index]
        head = article_of.get(index)
        if node.kind != "text" or head is None or index == head:
            continue
        if nodes[head].kind == "headline" and nodes[head].box.shared_width(node.box) > 0:
            continue
        left = columns_left_of(node, nodes, body)
        for other in left:
            foot = column_stack(other, nodes, body, article_of)[-1]
            owner = article_of.get(foot)
            gutters = [
                nodes[other].box.x0 - nodes[further].box.x1
                for further in columns_left_of(nodes[other], nodes, body)
            ]
            if (
                owner is None
                or owner == head
                or not runs_on(nodes[foot], node, min(gutters, default=None))
            ):
                continue
            for moved in column_stack(index, nodes, body, article_of):
                members[head].remove(moved)
                members[owner].append(moved)
                article_of[moved] = owner
            break


def columns_left_of(node: Node, nodes: list[Node], body: float) -> list[int]:
    """The text columns a gutter left of `node`, their heads level with its own."""
    return [
        other
        for other, column in enumerate(nodes)
        if column.kind == "text"
        and 0 < node.box.x0 - column.box.x1 <= WIDEST_GUTTER * body
        and abs(column.box.top - node.box.top) <= body
    ]


def mid_column_links(nodes: list[Node], links) -> dict[int, list[tuple[float, int]]]:
    """A column runs on at the head of the next column: a link sideways into a subheading
    with its column's text right above it (halfway down its column), even one level with
    the column beside it by chance, costs as much as misaligned columns do: a subheading is
    reached from the text it follows."""
    text_kinds = ("text", "subheading")

    def under_text(index: int) -> bool:
        box = nodes[index].box
        return any(
            nodes[other].kind in text_kinds
            and 0 <= box.top - nodes[other].box.bottom <= 2 * box.height
            and box.shared_width(nodes[other].box) > 0
            for _, other in links[index]
        )

    mid = {i for i, node in enumerate(nodes) if node.kind == "subheading" and under_text(i)}
    adjusted = {}
    for i, neighbours in links.items():
        adjusted[i] = []
        for cost, j in neighbours:
            a, b = nodes[i].box, nodes[j].box
            sideways = max(0.0, b.x0 - a.x1, a.x0 - b.x1) > 0
            both_text = nodes[i].kind in text_kinds and nodes[j].kind in text_kinds
            if sideways and both_text and (i in mid or j in mid):
                cost *= MISALIGNED_COLUMNS
            adjusted[i].append((cost, j))
    return adjusted


def band_links(nodes: list[Node], links, body: float) -> dict[int, list[tuple[float, int]]]:
    """Columns of one article start level, on one baseline (a band of columns): a column
    set under another column's foot across white, its top level with the column a gutter
    on its left, stands in that band and goes on from the column beside it, not from the
    one above it (white across a column mostly parts two articles). Its link up is none."""

    def in_a_band(upper: int, lower: int) -> bool:
        above, below = nodes[upper], nodes[lower]
        return (
            above.kind == below.kind == "text"
            and above.box.shared_width(below.box) > 0
            and below.box.top >= above.box.bottom
            and not at_its_leading(above, below)
            and any(
                nodes[left].kind == "text"
                and 0 < below.box.x0 - nodes[left].box.x1 <= WIDEST_GUTTER * body
                and abs(nodes[left].box.top - below.box.top) <= 0.5 * body
                for _, left in links[lower]
            )
        )

    return {
        i: [(cost, j) for cost, j in neighbours if not in_a_band(i, j) and not in_a_band(j, i)]
        for i, neighbours in links.items()
    }


def opens_section(
    nodes: list[Node], links, best: dict[int, tuple[float, int]], geometry: PageGeometry
) -> dict[int, int]:
    """A subheading (小标题) opens the section set under it in its column: the text right
    under it is its article's, however the chains from the headlines reached it. It goes
    on from the text set over it in its column, when there is such text: then it and its
    section are that text's article, though a chain reached the subheading from below,
    through its own section. A subheading left at its column's foot (背题) opens the section
    at the head of the next column, level with its own column's head. Returns each such
    subheading's and text's headline."""
    body = geometry.body_size
    opened = {}
    # Down the page, so a subheading goes on from the text over it as that text's own
    # subheading opened it (sections follow each other down a column).
    for index in sorted(best, key=lambda index: nodes[index].box.top):
        head = best[index][1]
        if nodes[index].kind != "subheading":
            continue
        above = nodes[index].box
        over = [
            other
            for _, other in links[index]
            if nodes[other].kind == "text"
            and other in best
            and 0 <= above.top - nodes[other].box.bottom <= body
            and above.shared_width(nodes[other].box) > 0
        ]
        if over:
            head = opened[index] = opened.get(over[0], best[over[0]][1])
        section = [
            other
            for _, other in links[index]
            if nodes[other].kind == "text"
            and other in best
            and 0 <= nodes[other].box.top - above.bottom <= body
            and nodes[other].box.x0 - body <= above.x0
            and above.x1 <= nodes[other].box.x1 + body
        ]
        if not section and over:
            section = next_column_head(column_of(over[0], nodes, body), nodes, best, geometry)
        for other in section:
            opened[other] = head
    return opened


def under_topping_photos(
    nodes: list[Node], links, best, heads: set[int], news: set[int], geometry: PageGeometry
) -> dict[int, int]:
    """A headline over a photo (题图), standing mostly over it, titles the columns set
    right under that photo and its caption: columns of one article start level, so a column
    starting lower, under the photo, is the photo's article's, though the column beside it
    reaches it sooner. Returns each such column's (and what stands under it in its width)
    headline."""
    body = geometry.body_size
    owned = {}
    for head in heads:
        for _, picture in links[head]:
            photo = nodes[picture].box
            if (
                nodes[picture].kind != "picture"
                or picture in news
                or photo.top < nodes[head].box.bottom - 2
                or photo.shared_width(nodes[head].box) <= 0.5 * nodes[head].box.width
            ):
                continue
            for index, node in enumerate(nodes):
                if (
                    node.kind == "text"
                    and index in best
                    and 0 <= node.box.top - photo.bottom <= 3 * body
                    and photo.shared_width(node.box) > 0.5 * node.box.width
                ):
                    for below in column_stack(index, nodes, body):
                        if below in best:
                            owned[below] = head
    return owned


def column_of(index: int, nodes: list[Node], body: float) -> Box:
    """The column a text node stands in, up to its head: the text and subheadings stacked
    over it in its width."""
    box = nodes[index].box
    while True:
        over = [
            node.box
            for node in nodes
            if node.kind in ("text", "subheading")
            and 0 <= box.top - node.box.bottom <= 1.5 * body
            and node.box.shared_width(box) > 0.5 * node.box.width
        ]
        if not over:
            return box
        box = Box(box.x0, min(other.top for other in over), box.x1, box.bottom)


def next_column_head(
    column: Box, nodes: list[Node], best: dict[int, tuple[float, int]], geometry: PageGeometry
) -> list[int]:
    """The text heading the column right of `column`, a gutter on with no rule between,
    starting level with `column`'s head."""
    body = geometry.body_size
    return [
        other
        for other, node in enumerate(nodes)
        if node.kind == "text"
        and other in best
        and abs(node.box.top - column.top) <= 0.5 * body
        and 0 < node.box.x0 - column.x1 <= WIDEST_GUTTER * body
        and not separated_side(column, node.box, geometry.separators)
    ][:1]


def photo_news_parts(nodes: list[Node], body: float) -> set[int]:
    """Captions that tell news of their own, and the pictures they caption (each caption
    captions the nearest picture it faces)."""
    captions = [i for i, node in enumerate(nodes) if node.kind == "caption"]
    telling = {i for i in captions if tells_news([i], nodes)}
    pictures = [i for i, node in enumerate(nodes) if node.kind == "picture"]
    captioned = set()
    for caption in telling:
        facing = [
            (gap_between(nodes[caption].box, nodes[i].box), i)
            for i in pictures
            if caption_of(nodes[caption], nodes[i].box, body)
        ]
        if facing:
            captioned.add(min(facing)[1])
    return telling | captioned


def centred_over(headline: Box, below: Box, body: float) -> bool:
    """A headline set on the axis of what stands under it and spanning at least half its
    width (a headline spans the photo and columns it titles)."""
    middle = (below.x0 + below.x1) / 2
    return (
        abs((headline.x0 + headline.x1) / 2 - middle) <= max(2 * body, 0.1 * below.width)
        and headline.x0 <= below.x0 + 0.25 * below.width
        and headline.x1 >= below.x1 - 0.25 * below.width
    )


def beside_or_above(text: Node, headline: Node) -> bool:
    """Text beside a headline, or above it: a headline standing over its own columns takes
    neither (the text above is the article's above, whose headline may be set beside it)."""
    return beside(text.box, headline.box) or text.box.bottom <= headline.box.top + 2


def beside(text: Box, headline: Box) -> bool:
    return text.x0 >= headline.x1 - 2 or text.x1 <= headline.x0 + 2


def headline_beside_short_columns(first: Node, second: Node, body: float) -> bool:
    """Whether one node is a headline and the other text right of it that starts up to three
    ems above the headline's top and ends below it: a headline set beside its columns stands
    in its article's band, and beside a brief's columns of a line or two (shorter than the
    headline is deep) it is set lower, centred on the band, the columns level with its
    first line at most. They are its text, though they share less than half an em with it."""
    kinds = {first.kind, second.kind}
    if "headline" not in kinds or not kinds & {"text", "subheading"}:
        return False
    headline, text = (first, second) if first.kind == "headline" else (second, first)
    head, column = headline.box, text.box
    return (
        column.x0 >= head.x1 - 2
        and head.top - 3 * body <= column.top <= head.top
        and column.bottom > head.top
    )


def reads_before(text: Box, headline: Box) -> bool:
    """Text above a headline, or left of it: a headline comes before its text, over it or
    at its left (a headline beside its columns stands left of them)."""
    return text.bottom <= headline.top + 2 or text.x1 <= headline.x0 + 2


def under_headline(
    nodes: list[Node], index: int, other: int, head: int, news: set[int] = frozenset()
) -> bool:
    """A step of the chain through an article's photo: from its headline to a picture under
    or beside it, from that picture to its caption or text below it, from the caption to text
    below it. A photo whose caption tells news of its own (图片新闻, in `news`) closes its
    item: the chain does not run on from it to the text under it, the next article's."""
    here, there = nodes[index], nodes[other]
    if index in news and there.kind in ("text", "subheading"):
        return False
    if there.kind == "picture":
        # Under the headline or reaching below it; or, however short, at the head of the
        # columns right of a headline set beside them.
        return index == head and (
            there.box.bottom > here.box.bottom
            or (there.box.x0 >= here.box.x1 - 2 and there.box.top <= here.box.top)
        )
    if here.kind == "picture":
        return there.kind == "caption" or there.box.top >= here.box.bottom - 2
    if here.kind == "caption":
        return there.kind in ("text", "subheading") and there.box.top >= here.box.top
    return False


def connected_runs(indexes: list[int], links) -> list[list[int]]:
    remaining, runs = set(indexes), []
    for start in indexes:
        if start not in remaining:
            continue
        run, stack = [], [start]
        remaining.discard(start)
        while stack:
            index = stack.pop()
            run.append(index)
            for _, other in links[index]:
                if other in remaining:
                    remaining.discard(other)
                    stack.append(other)
        runs.append(sorted(run))
    return runs


def box_distance(first: Box, second: Box) -> float:
    dx = max(0.0, second.x0 - first.x1, first.x0 - second.x1)
    dy = max(0.0, second.top - first.bottom, first.top - second.bottom)
    return (dx * dx + dy * dy) ** 0.5


def attach_photos(
    nodes, links, members: dict[int, list[int]], geometry: PageGeometry, passed: dict[int, int]
) -> None:
    """A picture with its captions belongs to the article whose area holds it, or which it
    adjoins with no rule between, unless its caption tells news of its own (a long caption
    not pointing at its picture with 图为…): that is photo news, titled by a headline of its
    own if one stands beside it."""
    photo_parts = [i for i, node in enumerate(nodes) if node.kind in ("caption", "picture")]
    text_owner = {
        index: key
        for key, group in members.items()
        for index in group
        if nodes[index].kind in ("text", "subheading", "headline")
        and any(nodes[i].kind in ("text", "subheading") for i in group)
    }
    areas = {
        key: union_box([nodes[i].box for i in group])
        for key, group in members.items()
        if any(nodes[i].kind in ("text", "subheading") for i in group)
    }
    slack = geometry.body_size
    # Pictures side by side are one group (组图) unless one of them is photo news: that one
    # goes with its own captions only (the picture beside it may be an article's).
    news = photo_news_parts(nodes, geometry.body_size)
    photo_links = {
        i: [
            (cost, j)
            for cost, j in links[i]
            if j in photo_parts
            and (i in news) == (j in news)
            and not (nodes[i].kind == nodes[j].kind == "picture" and i in news)
        ]
        for i in photo_parts
    }
    for run in connected_runs(photo_parts, photo_links):
        run_box = union_box([nodes[i].box for i in run])
        home = next(
            (
                key
                for key, area in areas.items()
                if Box(
                    area.x0 - slack, area.top - slack, area.x1 + slack, area.bottom + slack
                ).contains(run_box)
            ),
            None,
        )
        if home is None:
            home = next((passed[i] for i in run if i in passed), None)
        if home is None and not tells_news(run, nodes):
            adjoining = [
                (cost, text_owner[j]) for i in run for cost, j in links[i] if j in text_owner
            ]
            if adjoining:
                home = min(adjoining)[1]
        if home is None:
            titles = [
                key
                for key, group in members.items()
                if len(group) == 1
                and nodes[key].kind == "headline"
                and box_distance(nodes[key].box, run_box) <= LONGEST_LINK * geometry.body_size
            ]
            if titles:
                home = min(titles, key=lambda key: box_distance(nodes[key].box, run_box))
        if home is None:
            members[run[0]] = list(run)
        else:
            members[home].extend(run)


def tells_news(run: list[int], nodes: list[Node]) -> bool:
    captions = [nodes[i] for i in run if nodes[i].kind == "caption"]
    if any(node.lines[0].text.startswith(CAPTION_MARK) for node in captions):
        return False
    texts = [caption_text(node) for node in captions]
    return any(len(text) >= PHOTO_NEWS_LENGTH and not PICTURE_OPENING.match(text) for text in texts)


# Reading an article's text -------------------------------------------------------------------


def reading_order(nodes: list[Node]) -> list[Node]:
    """Columns left to right, tier by tier from the top (a tier: columns side by side)."""
    ordered = sorted(nodes, key=lambda node: node.box.top)
    tiers: list[list[Node]] = []
    bottom = None
    for node in ordered:
        if bottom is None or node.box.top >= bottom - 2:
            tiers.append([node])
            bottom = node.box.bottom
        else:
            tiers[-1].append(node)
            bottom = max(bottom, node.box.bottom)
    return [node for tier in tiers for node in by_column(tier)]


def by_column(tier: list[Node]) -> list[Node]:
    """Column by column from the left, each from the top (a centred subheading before the
    text under it)."""
    columns: list[list[Node]] = []
    for node in sorted(tier, key=lambda n: n.box.x0):
        home = next(
            (column for column in columns if any(n.box.shared_width(node.box) > 0 for n in column)),
            None,
        )
        if home is None:
            columns.append([node])
        else:
            home.append(node)
    return [node for column in columns for node in sorted(column, key=lambda n: n.box.top)]


def printed_units(nodes: list[Node], body_size: float) -> list[tuple[Unit, bool, bool]]:
    """Paragraph-sized units of an article's columns: (unit, opens indented, set in a heavy
    face other than the body's), a column's unindented first line going on with the last one."""
    units: list[tuple[Unit, bool, bool]] = []
    body_faces = Counter(
        font_family(line.font) for node in nodes for line in node.lines for _ in line.glyphs
    )
    body_face = body_faces.most_common(1)[0][0] if body_faces else ""
    was_centred = False
    for node in nodes:
        # The column's left edge, told by the node's own lines or by a node of the same
        # column above or below it (a paragraph's first line alone under a byline).
        same_column = [
            other
            for other in nodes
            if other.kind == "text"
            and other.box.shared_width(node.box) > 0.5 * min(other.box.width, node.box.width)
        ]
        for block in node.blocks:
            lines = block.lines
            left = min(line.x0 for line in lines)
            right = max(line.x1 for line in lines)
            column_left = min([left] + [other.box.x0 for other in same_column])
            # A block of three lines or more tells its column's edges itself; a shorter one's
            # right edge is told by such a block of its column (its own lines may be short,
            # or end in a mark hung past the edge).
            column_right = min(
                [other.box.x1 for other in same_column if len(other.lines) >= 3],
                default=node.box.x1,
            )
            edges = (left, block.column_box.x1) if len(lines) >= 3 else (column_left, column_right)
            for position, line in enumerate(lines):
                size = line.size
                centred = centred_in_column(line, *edges) or opens_centred_lines(
                    lines[position - 1] if position else None,
                    line,
                    lines[position + 1] if position + 1 < len(lines) else None,
                    *edges,
                )
                indented = line.x0 - left >= INDENT * size and len(lines) > 1
                if column_left < left - 0.5 * size:
                    # No line of the block is flush with its column (a centred subheading
                    # over an indented first line): the indent is told by the column's edge.
                    indented = line.x0 - column_left >= INDENT * size
                face = font_family(line.font)
                heavy = face != body_face and (is_bold_face(line.font) or line.bold)
                text_line = Line(raw=line.text)
                if position == 0:
                    if (
                        units
                        and not indented
                        and centred == was_centred
                        and continues(units[-1], node, face, heavy)
                    ):
                        units[-1][0].add(text_line)
                        was_centred = centred
                        continue
                    units.append((Unit([text_line]), indented or len(lines) == 1, heavy))
                    was_centred = centred
                    continue
                previous = lines[position - 1]
                short_closed = (
                    previous.x1 < right - 2 * size and previous.text[-1:] in SENTENCE_END + "”）)"
                )
                # A subheading's second line is centred under its first, not indented.
                indented = indented and not (centred and was_centred)
                if indented or heavy != units[-1][2] or short_closed or centred != was_centred:
                    units.append((Unit([text_line]), indented, heavy))
                else:
                    units[-1][0].add(text_line)
                was_centred = centred
    return units


#: A centred line's white on either side, at least and how far apart, in its size's ems.
CENTRED_WHITE = 0.25
CENTRED_SKEW = 0.5


def centred_in_column(line: PrintedLine, column_left: float, column_right: float) -> bool:
    """A subheading is centred in its column (居中), white on both sides and as much on each;
    a paragraph's first line is indented two characters and runs the full width, its last
    line starts at the column's left edge. A line short of both edges by about as much is a
    subheading, whatever its face and size."""
    size = line.size
    left, right = line.x0 - column_left, column_right - line.x1
    return (
        min(left, right) >= CENTRED_WHITE * size
        and abs(left - right) <= CENTRED_SKEW * size
        # (a one-line paragraph's indent, as wide as the white it ends short by, tells none)
        and abs(left - 2 * size) > CENTRED_WHITE * size
        and line.text[-1:] not in SENTENCE_END
    )


def opens_centred_lines(
    previous: PrintedLine | None,
    line: PrintedLine,
    following: PrintedLine | None,
    column_left: float,
    column_right: float,
) -> bool:
    """Whether `line` is the first of a subheading broken over two lines: each line of a
    subheading is centred (居中), the first maybe so long that its white either side is
    narrower than a centred line's, while a body line starts flush with its column (or a
    paragraph's indent in) and runs to its edge. Such a line stands in from both edges by
    about as much, over a centred line, under a closed sentence (or heading its block)."""
    if following is None or not centred_in_column(following, column_left, column_right):
        return False
    size = line.size
    left, right = line.x0 - column_left, column_right - line.x1
    return (
        min(left, right) >= 2 * EDGE_ROUNDING * size
        and abs(left - right) <= CENTRED_WHITE * size
        and line.text[-1:] not in SENTENCE_END
        and (previous is None or previous.text[-1:] in SENTENCE_END + "”）)")
    )


def continues(last: tuple[Unit, bool, bool], node: Node, face: str, heavy: bool) -> bool:
    unit, _, was_heavy = last
    return node.kind == "text" and not heavy and not was_heavy and bool(unit.lines)


def assemble(members: list[int], nodes: list[Node], geometry: PageGeometry):
    parts = [nodes[i] for i in members]
    headline = next((node for node in parts if node.kind == "headline"), None)
    text_nodes = reading_order([node for node in parts if node.kind in ("text", "subheading")])
    caption_nodes = reading_order([node for node in parts if node.kind == "caption"])
    captions = [caption_text(node) for node in caption_nodes]
    assembly = PageAssembly()
    if text_nodes:
        previous: Kind | None = None
        for unit, _indented, heavy in printed_units(text_nodes, geometry.body_size):
            kind = first_kind(unit, previous)
            spaced = " ".join(line.raw for line in unit.lines)
            if len(unit.lines) > 1 and previous is None and parse_standalone_bylines(spaced):
                # A byline on lines of its own, broken between a role and a name.
                kind = Kind.LEADING_BYLINE
            if kind is Kind.LEADING_BYLINE and len(unit.lines) > 1:
                # One byline set over two lines: a role carries over the line break.
                unit = Unit([Line(raw=" ".join(line.raw for line in unit.lines))])
            if kind in (Kind.HEADING, Kind.SUBHEADING):
                kind = Kind.SUBHEADING if heavy or is_subheading_unit(unit) else Kind.PARAGRAPH
            elif kind in (Kind.CAPTION, Kind.MARKED_CAPTION):
                kind = Kind.PARAGRAPH
            assembly.add(unit, kind)
            previous = kind
        items = assembly.finish()
        article = merge_items(items) if items else ParsedArticle()
        for caption in captions:
            if is_credit_line(caption) and article.captions:
                article.captions[-1] += caption
            else:
                article.captions.append(caption)
    elif captions:
        for caption in captions:
            assembly.add(Unit([Line(raw=caption)]), Kind.CAPTION)
        items = assembly.finish()
        article = merge_items(items) if items else None
        if article is None:
            return None
    else:
        return None
    if headline is not None:
        article.kicker, article.title, article.subtitle = headline_parts(headline)
    if not (article.body or article.captions):
        return None
    return article


def is_subheading_unit(unit: Unit) -> bool:
    """A short line or two inside the columns, closed by no sentence mark."""
    text = unit.text
    return len(unit.lines) <= 2 and len(text) <= 30 and text[-1:] not in "。！？；，、"


def caption_text(node: Node) -> str:
    lines = [Line(raw=line.text) for line in node.lines]
    return Unit(lines).text.lstrip(CAPTION_MARK).strip()


def merge_items(items: list[ParsedArticle]) -> ParsedArticle:
    """One article, however often the assembly thought one closed within its columns."""
    first = items[0]
    for other in items[1:]:
        first.dateline = first.dateline or other.dateline
        first.bylines.extend(other.bylines)
        first.body.extend(other.body)
        first.captions.extend(other.captions)
        if first.kind == "photo" and other.body:
            first.kind = "article"
    return first


def headline_parts(node: Node) -> tuple[str | None, str | None, str | None]:
    """The largest lines are the title; smaller ones above it the kicker, below the subtitle.
    A row of pieces (a title's phrases either side of a word space over a gutter) reads left
    to right."""
    rows = in_rows(node.lines)
    sizes = [max(line.size for line in row) for row in rows]
    texts = ["".join(line.text for line in row) for row in rows]
    title_rows = [i for i, size in enumerate(sizes) if size >= 0.92 * max(sizes)]
    first, last = title_rows[0], title_rows[-1]
    join = lambda chosen: Unit([Line(raw=text) for text in chosen]).text or None  # noqa: E731
    kicker = join(texts[:first])
    subtitle = join(texts[last + 1 :])
    title = join(texts[first : last + 1])
    return kicker, title, subtitle


def in_rows(lines: list[PrintedLine]) -> list[list[PrintedLine]]:
    """Lines top to bottom in rows, those on one baseline left to right."""
    rows: list[list[PrintedLine]] = []
    for line in sorted(lines, key=lambda line: line.baseline):
        if rows and abs(line.baseline - rows[-1][0].baseline) <= 0.2 * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.x0) for row in rows]


def reader_order(parsed, nodes: list[Node], body_size: float):
    """Articles in the order a reader takes them: the page cut recursively at the white space
    running right across it, top part before bottom part, left before right (the XY cut)."""
    boxed = [(union_box([nodes[i].box for i in members]), (a, members)) for a, members in parsed]
    return [item for _, item in xy_cut(boxed, body_size)]


def xy_cut(boxed: list, body_size: float) -> list:
    """A cut across the page needs a visible gap; one down it may cross punctuation hanging
    past a column's edge."""
    if len(boxed) <= 1:
        return boxed
    for start, end, tolerance in (("top", "bottom", -0.5 * body_size), ("x0", "x1", body_size)):
        ordered = sorted(boxed, key=lambda item: getattr(item[0], start))
        groups, reach = [[ordered[0]]], getattr(ordered[0][0], end)
        for item in ordered[1:]:
            if getattr(item[0], start) >= reach - tolerance:
                groups.append([item])
            else:
                groups[-1].append(item)
            reach = max(reach, getattr(item[0], end))
        if len(groups) > 1:
            return [item for group in groups for item in xy_cut(group, body_size)]
    return sorted(boxed, key=lambda item: (item[0].top, item[0].x0))


# Regions ------------------------------------------------------------------------------------


def set_regions(parsed, nodes: list[Node], geometry: PageGeometry) -> None:
    """Each article's boxes, merged while a merged box covers no other article's parts."""
    owned = [[nodes[i].extent for i in members] for _, members in parsed]
    for index, (article, _) in enumerate(parsed):
        foreign = [box for other, boxes in enumerate(owned) if other != index for box in boxes]
        boxes = list(owned[index])
        merged = True
        while merged and len(boxes) > 1:
            merged = False
            for i in range(len(boxes)):
                for j in range(i + 1, len(boxes)):
                    union = boxes[i].union(boxes[j])
                    if not any(union.overlaps(box, slack=0.5) for box in foreign):
                        boxes[i] = union
                        del boxes[j]
                        merged = True
                        break
                if merged:
                    break
        article.regions = [to_region(box, geometry) for box in boxes]


def to_region(box: Box, geometry: PageGeometry) -> Region:
    pad = 1.0
    x0 = max(0.0, box.x0 - pad) / geometry.width
    y0 = max(0.0, box.top - pad) / geometry.height
    x1 = min(geometry.width, box.x1 + pad) / geometry.width
    y1 = min(geometry.height, box.bottom + pad) / geometry.height
    return Region(round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4))
