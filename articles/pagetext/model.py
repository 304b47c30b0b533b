"""What one printed page holds, as plain data: the parser's output and the importer's input."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Literal

from entities.recognition import FoundOrganisation

BlockType = Literal["paragraph", "subheading"]
ArticleKind = Literal["article", "photo"]


class PageTextError(ValueError):
    """The text cannot be read as a printed page; the message says why, for the person importing."""


@dataclass(frozen=True)
class Byline:
    role: str | None
    name: str


@dataclass(frozen=True)
class Block:
    type: BlockType
    text: str


@dataclass(frozen=True)
class Region:
    """A box of the printed page an article occupies, in page fractions (0-1), origin top-left."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class RunningHead:
    """What a page's running head (报头/眉头) says: the date, the 版面 number and name."""

    date: datetime.date | None = None
    number: int | None = None
    name: str | None = None


@dataclass
class ParsedArticle:
    kind: ArticleKind = "article"
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    bylines: list[Byline] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    organisations: list[FoundOrganisation] = field(default_factory=list)
    #: Where the article is printed, when the page came with geometry (a PDF); else empty.
    regions: list[Region] = field(default_factory=list)

    def plain_text(self) -> str:
        """Headline, body and captions as one text, the way a reader meets them."""
        parts = [self.kicker, self.title, self.subtitle]
        parts += [block.text for block in self.body]
        parts += self.captions
        return "\n".join(part for part in parts if part)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["organisations"] = [
            {"name": org.name, "aliases": list(org.aliases)} for org in self.organisations
        ]
        if not self.regions:
            del data["regions"]
        return data


@dataclass
class ParsedPage:
    articles: list[ParsedArticle] = field(default_factory=list)
    #: Read from a PDF page's running head; None for text, which has lost it.
    running_head: RunningHead | None = None

    def to_dict(self) -> dict:
        """The JSON shape of shared/spec/page-parse.schema.json (which allows extra keys:
        each article's regions and the page's running head, printed only when known)."""
        data: dict = {"articles": [article.to_dict() for article in self.articles]}
        if self.running_head is not None:
            head = self.running_head
            data["running_head"] = {
                "date": head.date.isoformat() if head.date else None,
                "number": head.number,
                "name": head.name,
            }
        return data
