"""What a recogniser finds in an article's text: plain data, no Django.

The parser's model (`articles.pagetext.model`) carries these on each parsed article and
re-exports them; they live here, beside the recognisers that make them, so that `entities`
needs nothing from the layer above it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FoundOrganisation:
    """An organisation an article names: its first full form and the short forms the text uses."""

    name: str
    aliases: tuple[str, ...] = ()
