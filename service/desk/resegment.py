"""Fixing a sentence boundary in a stored article: split a segment in two, or merge it
with the next one, each new segment translated with the article's own glossary."""

from __future__ import annotations

from glossary import Glossary
from service.compose import Runtime
from service.document import AlignedDocument, Segment
from service.pipeline import resegment
from service.pipeline.translator import Translator


def article_translator(runtime: Runtime, document: AlignedDocument) -> Translator:
    """A translator with the glossary the article was translated with."""
    return runtime.translator(
        glossary=article_glossary(runtime, document),
        target_lang=document.target_lang,
        style=document.style,
    )


def article_glossary(runtime: Runtime, document: AlignedDocument) -> Glossary | None:
    return runtime.article_glossary(document)


def split(
    runtime: Runtime,
    article_id: str,
    segment_id: str,
    offset: int,
    expected: frozenset[int] | None = None,
) -> list[Segment]:
    """The segment split where its second sentence starts (``offset`` into its source);
    ``expected``: the segment's version the editor read (If-Match)."""
    translator = article_translator(runtime, runtime.store.article(article_id).document)
    return resegment.split_segment(
        runtime.store, translator, article_id, segment_id, offset, expected
    )


def merge(
    runtime: Runtime, article_id: str, segment_id: str, expected: frozenset[int] | None = None
) -> list[Segment]:
    """The segment merged with the next one of its paragraph."""
    translator = article_translator(runtime, runtime.store.article(article_id).document)
    return resegment.merge_segment(runtime.store, translator, article_id, segment_id, expected)
