"""Parser of the text extracted from a printed newspaper page (pure Python, no Django)."""

from .model import (
    Block,
    Byline,
    FoundOrganisation,
    PageTextError,
    ParsedArticle,
    ParsedPage,
    Region,
    RunningHead,
)
from .parser import parse_page
from .text import normalise_spacing

__all__ = [
    "Block",
    "Byline",
    "FoundOrganisation",
    "PageTextError",
    "ParsedArticle",
    "ParsedPage",
    "Region",
    "RunningHead",
    "normalise_spacing",
    "parse_page",
]
