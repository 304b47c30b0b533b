"""What a recogniser finds in an article's text, and the interface every recogniser follows:
plain Python, no Django.

The parser's model (`articles.pagetext.model`) carries these on each parsed article and
re-exports them; they live here, beside the recognisers that make them, so that `entities`
needs nothing from the layer above it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class FoundOrganisation:
    """An organisation an article names: its first full form and the short forms the text uses."""

    name: str
    aliases: tuple[str, ...] = ()


class Recogniser(Protocol):
    """Finds the entities of one kind that an article's text names.

    `known` maps every name and alias the database already holds to the canonical name, so a
    recogniser also finds what editors taught it. A recogniser is plain Python (no Django), so
    the parser's tests and the importer's can run it without a database."""

    kind: str

    def find(self, text: str, known: Mapping[str, str] | None = None) -> list: ...
