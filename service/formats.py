"""Readers that turn an article as sent into blocks with character offsets.

A reader returns the text that segment offsets index (for plain text: the
input itself) and its blocks. Markup formats extract their text first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from service.document import BlockKind
from service.segment import split_paragraphs

Format = Literal["text"]
TERMINAL = (".", "!", "?", "…", ":", "“", '"', "»", "«", ")")
HEADING_MAX_CHARS = 200


@dataclass(frozen=True)
class SourceBlock:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    text: str  # what ``source_span`` offsets index
    format: Format
    blocks: list[SourceBlock]


def read_article(text: str, fmt: Format = "text") -> Article:
    return Article(text=text, format=fmt, blocks=text_blocks(text))


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
