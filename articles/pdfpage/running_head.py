"""Where a PDF page's running head (眉头) stands; what it says is read by the text path's rule.

Chinese papers print the running head (paper name, date, 版次 and 版名, editors' credits)
across the top of every page, above a full-width rule. Without such a rule, the lines in the
page's top band that carry a running head's marks (a date with its weekday, 第N版, an editor's
credit) are taken for it. Its words are read by articles.pagetext.running, as for text.
"""

from __future__ import annotations

from articles.pagetext.model import RunningHead
from articles.pagetext.running import head_mark, read_running_head

from .geometry import Block

#: The running head stands in this top share of the page, above the first full-width rule.
TOP_BAND = 0.16
RULE_SHARE = 0.5
ITEM_GAP = 2.5
#: A running head is one or two printed rows (three with a row of editors' credits): a rule
#: with more above it closes the page's first band of articles instead.
HEAD_ROWS = 3
#: Nor is it deeper than this, in ems of the body text.
HEAD_DEPTH = 6


def head_limit(geometry) -> float | None:
    """Where the running head ends: the first rule across half the page in its top band
    with no more than a running head's rows above it."""
    rules = [
        separator.top
        for separator in geometry.separators
        if separator.height <= 2
        and separator.width >= RULE_SHARE * geometry.width
        and separator.top <= TOP_BAND * geometry.height
    ]
    for rule in sorted(rules):
        lines = [li for b in geometry.blocks if b.bottom <= rule + 1 for li in b.lines]
        if not lines:
            continue
        depth = rule - min(line.top for line in lines)
        if len(head_rows(lines)) <= HEAD_ROWS and depth <= HEAD_DEPTH * geometry.body_size:
            return rule
        return None
    return None


def head_rows(lines) -> list[list]:
    """Lines side by side on one band of the page, band by band from the top."""
    rows: list[list] = []
    for line in sorted(lines, key=lambda li: li.top):
        if rows and line.top < max(other.bottom for other in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def split_running_head(geometry) -> tuple[list[Block], RunningHead | None]:
    """The page's blocks less its running head, and what the running head says."""
    limit = head_limit(geometry)
    if limit is None:
        band = TOP_BAND * geometry.height / 2
        marked = [
            block
            for block in geometry.blocks
            if block.bottom <= band and any(head_mark(line.text) for line in block.lines)
        ]
        if marked:
            # The row of the marked lines: the paper's and the page's names beside them,
            # set larger, may reach a little lower.
            limit = max(block.bottom for block in marked)
            row = [line for b in geometry.blocks for line in b.lines if line.top < limit]
            limit = max([limit] + [line.bottom for line in row if line.bottom <= band])
    if limit is None:
        return geometry.blocks, None
    head, rest = [], []
    for block in geometry.blocks:
        # The running head is a row of its own: a line of it stacked with the kicker under
        # it (one size, no rule between) is still the running head's.
        above = [line for line in block.lines if line.bottom <= limit + 1]
        below = [line for line in block.lines if line.bottom > limit + 1]
        head.extend([Block(above)] if above else [])
        rest.extend([Block(below)] if below else [])
    rows = head_rows([line for block in head for line in block.lines])
    lines = [line for row in rows for line in sorted(row, key=lambda li: li.x0)]
    return rest, read_running_head(head_items(lines)) if lines else None


def head_items(lines) -> list[str]:
    """The running head's items: pieces of one baseline a few ems apart are one item
    (`2026年3月2日 星期一`), wider gaps part items (the paper's name, the 版名, the credits)."""
    items: list[str] = []
    previous = None
    for line in lines:
        if (
            previous is not None
            and abs(line.baseline - previous.baseline) <= 0.3 * line.size
            and 0 <= line.x0 - previous.x1 <= ITEM_GAP * line.size
        ):
            items[-1] += " " + line.text
        else:
            items.append(line.text)
        previous = line
    return items
