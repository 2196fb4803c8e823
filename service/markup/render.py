"""The English document: each sentence of the input replaced by its translation.

Used when an article is translated and again whenever a stored article is
read after review edits (the store persists segments, not their rendering).
"""

from __future__ import annotations

from models.engine import Hypothesis
from service.document import Block
from service.markup.article import Article, Format
from service.markup.formats import read_article
from service.markup.inline import place_marks


def target_document(
    article: Article, blocks: list[Block], aligned: dict[str, Hypothesis]
) -> str | None:
    """The English in the input's own markup (None for plain text: ``target_text`` is it)."""
    if article.writer is None:
        return None
    return article.writer(
        [
            place_marks(
                article.text, source.start, source.end, source.marks, block.segments, aligned
            )
            for source, block in zip(article.blocks, blocks, strict=True)
        ]
    )


def rendered(source_text: str, fmt: str, blocks: list[Block]) -> tuple[str, str]:
    """``target_text`` and ``target_document`` of an article whose targets were edited
    (inline markup placed proportionally: reviewed targets have no alignment)."""
    known: Format = "html" if fmt == "html" else "markdown" if fmt == "markdown" else "text"
    article = read_article(source_text, known)
    target_text = replace_spans(article.text, blocks)
    return target_text, target_document(article, blocks, {}) or target_text


def replace_spans(text: str, blocks: list[Block]) -> str:
    """The input with every sentence replaced by its translation: layout kept as sent."""
    parts = []
    position = 0
    for segment in (segment for block in blocks for segment in block.segments):
        start, end = segment.source_span
        parts += [text[position:start], segment.target]
        position = end
    parts.append(text[position:])
    return "".join(parts)
