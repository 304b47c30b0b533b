"""The article body's storage format and its one rendering function.

A body is plain text: paragraphs separated by a blank line, and a subheading is a paragraph
whose first line starts with `## `. Nothing in a body is ever markup: `render_body` escapes
every character an import or an editor wrote.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from articles.pagetext.model import Block

SUBHEADING_MARK = "## "


def parse_body(text: str) -> list[Block]:
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith(SUBHEADING_MARK.strip()):
            heading = chunk[len(SUBHEADING_MARK.strip()) :].strip()
            if heading:
                blocks.append(Block("subheading", " ".join(heading.split())))
            continue
        blocks.append(Block("paragraph", "\n".join(line.strip() for line in chunk.splitlines())))
    return blocks


def serialise_body(blocks) -> str:
    chunks = []
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        chunks.append(SUBHEADING_MARK + text if block.type == "subheading" else text)
    return "\n\n".join(chunks)


def render_body(text: str) -> SafeString:
    """HTML for readers: `<h2>` for subheadings, `<p>` for paragraphs, all text escaped."""
    return format_html_join(
        "\n",
        "{}",
        (
            (
                format_html("<h2>{}</h2>", block.text)
                if block.type == "subheading"
                else format_html("<p>{}</p>", block.text),
            )
            for block in parse_body(text)
        ),
    )


def plain_body(text: str) -> str:
    """The body's words without the block marks, for search, feeds and summaries."""
    return "\n".join(block.text for block in parse_body(text))
