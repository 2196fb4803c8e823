"""An article as read: its text, the blocks over it with character offsets, and its writer.

Plain text is read here (paragraphs and headings); the markup readers
(``service.markup.html``, ``service.markup.markdown``) build the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from service.document import BlockKind
from service.markup.inline import BlockTarget, Mark
from service.segment.sentences import split_paragraphs

Format = Literal["text", "markdown", "html"]
TERMINAL = (".", "!", "?", "…", ":", "“", '"', "»", "«", ")")
HEADING_MAX_CHARS = 200


@dataclass(frozen=True)
class SourceBlock:
    kind: BlockKind
    start: int
    end: int
    path: str | None = None  # where the block is in the markup (an XPath for HTML)
    marks: tuple[Mark, ...] = ()  # inline markup over [start, end)


@dataclass(frozen=True)
class Article:
    text: str  # what ``source_span`` offsets index
    format: Format
    blocks: list[SourceBlock]
    source: str = ""  # the markup as sent, for markup formats
    # Rebuilds the input's own format from each block's English (None: plain text).
    writer: Callable[[list[BlockTarget]], str] | None = None


def text_blocks(text: str) -> list[SourceBlock]:
    """Paragraphs separated by blank lines; short unpunctuated ones are headings."""
    blocks = [
        SourceBlock("heading" if is_heading(text[start:end]) else "paragraph", start, end)
        for start, end in split_paragraphs(text)
    ]
    return with_title(blocks)


def with_title(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """Make the heading right above the first paragraph the title.

    News pages put a site name or section ("Nachrichten") above the headline;
    the headline is the heading nearest the body.
    """
    first_body = next((i for i, block in enumerate(blocks) if block.kind == "paragraph"), None)
    title_index = 0 if first_body is None else first_body - 1
    if title_index < 0 or blocks[title_index].kind != "heading":
        return blocks
    title = blocks[title_index]
    return [
        *blocks[:title_index],
        SourceBlock("title", title.start, title.end),
        *blocks[title_index + 1 :],
    ]


def is_heading(paragraph: str) -> bool:
    return (
        "\n" not in paragraph
        and len(paragraph) <= HEADING_MAX_CHARS
        and not paragraph.rstrip().endswith(TERMINAL)
    )
