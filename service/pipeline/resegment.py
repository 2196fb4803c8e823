"""Split and merge: a reviewer corrects a sentence boundary the segmenter got wrong.

The new segments are translated afresh (translation memory first, so an
approved sentence comes back as approved) and replace the old ones in the
store; the old segments' history goes with them. New segments get ids of the
usual ``b{block}s{n}`` form that were not used in the article, so every other
segment keeps its id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from service.checks.protect import find_protected
from service.document import AlignedDocument, Block, Segment
from service.errors import InvalidResegment, NotFound
from service.markup.article import Format
from service.markup.formats import read_article
from service.pipeline.guard import about_article
from service.pipeline.translator import PlannedSegment, Translator
from service.segment.clauses import split_long
from service.store.articles import Store, StoredArticle, stale_version
from service.store.resegment import replace_segments

SEGMENT_ID = re.compile(r"^b(\d+)s(\d+)$")


def split_segment(
    store: Store,
    translator: Translator,
    article_id: str,
    segment_id: str,
    offset: int,
    expected: frozenset[int] | None = None,
) -> list[Segment]:
    """Split a segment where its second sentence starts (``offset`` into its source)."""
    article = store.article(article_id)
    block, segment = find_segment(article.document, segment_id)
    left = segment.source[:offset].rstrip()
    right = segment.source[offset:].lstrip()
    if not 0 < offset < len(segment.source) or not left.strip() or not right.strip():
        raise InvalidResegment(
            f"cannot split segment {segment_id!r} at {offset}: both parts need text "
            f"(its source has {len(segment.source)} characters)",
            detail={"segment_id": segment_id, "offset": offset, "length": len(segment.source)},
        )
    start, end = segment.source_span
    spans = [(start, start + len(left)), (end - len(right), end)]
    return resegment(store, translator, article, block, [segment], spans, expected)


def merge_segment(
    store: Store,
    translator: Translator,
    article_id: str,
    segment_id: str,
    expected: frozenset[int] | None = None,
) -> list[Segment]:
    """Merge a segment with the next one of its paragraph into one sentence."""
    article = store.article(article_id)
    block, segment = find_segment(article.document, segment_id)
    position = [s.id for s in block.segments].index(segment_id)
    if position + 1 == len(block.segments):
        raise InvalidResegment(
            f"segment {segment_id!r} ends its paragraph: there is no next sentence to merge",
            detail={"segment_id": segment_id},
        )
    following = block.segments[position + 1]
    spans = [(segment.source_span[0], following.source_span[1])]
    return resegment(store, translator, article, block, [segment, following], spans, expected)


def resegment(
    store: Store,
    translator: Translator,
    article: StoredArticle,
    block: Block,
    old: Sequence[Segment],
    spans: Sequence[tuple[int, int]],
    expected: frozenset[int] | None = None,
) -> list[Segment]:
    """``expected``: the version of ``old[0]`` the editor read (If-Match); checked before
    translating, and again in the store's transaction."""
    if expected is not None and old[0].version not in expected:
        raise stale_version(article.id, old[0])
    text = read_article(article.source_text, cast(Format, article.format)).text
    ids = fresh_ids(block, len(spans))
    with about_article(article.id):  # named in the log line of a failing segment
        new = translate_spans(
            translator, text, block.index, list(zip(ids, spans, strict=True)), block.kind
        )
    new = [segment.model_copy(update={"version": 1}) for segment in new]
    replace_segments(store, article.id, list(old), new, expected)
    return new


def translate_spans(
    translator: Translator,
    text: str,
    block: int,
    spans: list[tuple[str, tuple[int, int]]],
    kind: str = "paragraph",
) -> list[Segment]:
    """Segments for spans of ``text`` in a block of ``kind``, made as the pipeline makes them."""
    planned = [
        PlannedSegment(
            block,
            segment_id,
            start,
            end,
            [
                (start + piece_start, start + piece_end)
                for piece_start, piece_end in split_long(
                    text[start:end], translator.engine.count_tokens, translator.max_sentence_tokens
                )
            ],
        )
        for segment_id, (start, end) in spans
    ]
    remembered = translator.recall([text[p.start : p.end] for p in planned])
    pieces = [
        text[start:end]
        for p in planned
        if text[p.start : p.end] not in remembered
        for start, end in p.pieces
    ]
    # Only the text's own spans: a split or merge does not re-read inline markup.
    protected = {
        text[start:end]: find_protected(text[start:end])
        for p in planned
        for start, end in [(p.start, p.end), *p.pieces]
    }
    ids = {text[start:end]: p.id for p in planned for start, end in p.pieces}
    translations = translator.translate_unique(pieces, None, set(pieces), protected, ids)
    segments = [
        translator.finish(text, p, translations, remembered, kind, protected=protected)
        for p in planned
    ]
    segments = translator.align(text, planned, segments, translations)  # stored: always
    segments = translator.checked(segments)
    translator.remember(
        AlignedDocument(
            id="",
            model=translator.engine.name,
            blocks=[Block(index=block, kind="paragraph", segments=segments)],
            target_text="",
            target_document="",
        )
    )
    return segments


def find_segment(document: AlignedDocument, segment_id: str) -> tuple[Block, Segment]:
    for block in document.blocks:
        for segment in block.segments:
            if segment.id == segment_id:
                return block, segment
    raise NotFound(
        f"article {document.id!r} has no segment {segment_id!r}",
        detail={"article_id": document.id, "segment_id": segment_id},
    )


def fresh_ids(block: Block, count: int) -> list[str]:
    """Ids ``b{block}s{n}`` past every ``n`` the block uses."""
    used = [
        int(match.group(2))
        for segment in block.segments
        if (match := SEGMENT_ID.match(segment.id)) and int(match.group(1)) == block.index
    ]
    first = max(used, default=-1) + 1
    return [f"b{block.index}s{n}" for n in range(first, first + count)]
