"""What one printed page holds, as plain data: the parser's output and the importer's input."""

from __future__ import annotations

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
        return data


@dataclass
class ParsedPage:
    articles: list[ParsedArticle] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape of shared/spec/page-parse.schema.json."""
        return {"articles": [article.to_dict() for article in self.articles]}
