"""German news text → paragraphs and sentences, as character offsets.

Sentences come from SoMaJo (German tokenizer and sentence splitter, which
knows abbreviations, ordinals, dates, numbers, URLs and quotes), corrected by
German news rules:

* a blank line always separates segments (``split_paragraphs``);
* a line without terminal punctuation above a new line is a headline
  (``segment_lines.is_title_break``), but hard-wrapped prose goes on;
* a dateline opening a paragraph ("BERLIN (dpa) -") is its own segment;
* ordinals, quantity abbreviations, decimals, lower-case sentence starts and
  ellipses are decided on SoMaJo's tokens (``segment_tokens``).

Every non-whitespace character of the range belongs to exactly one span, so
joining the spans with the whitespace between them gives the text back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from service.segment.lines import (
    PARAGRAPH_BREAK,
    dateline_end,
    has_terminal_punctuation,
    is_title_break,
    line_spans,
    trim,
)
from service.segment.somajo import tokenize
from service.segment.tokens import sentence_starts

# Every sentence end SoMaJo or the rules find follows one of these characters.
_SENTENCE_END = re.compile(r"[.!?…]")
_FINAL_RUN = re.compile(r"[.!?…\"'“”„»«‘’)\]\s]*$")  # the part's closing punctuation


@dataclass(frozen=True)
class Span:
    start: int  # char offset into the text given
    end: int  # exclusive; text[start:end] is the sentence, stripped of surrounding whitespace
    kind: str  # "sentence" | "headline" | "dateline"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines (one or more empty/whitespace-only lines),
    as (start, end) offsets, whitespace trimmed; empty blocks dropped."""
    blocks = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        blocks.append(trim(text, position, match.start()))
        position = match.end()
    blocks.append(trim(text, position, len(text)))
    return [(start, end) for start, end in blocks if start < end]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end] with offsets into the whole text.

    Kinds: "dateline" for a dateline opening a paragraph; "headline" for a
    line standing alone without terminal punctuation (a title, a site name,
    a list item); "sentence" for everything else.
    """
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range [{start}, {end}) is outside the text (length {len(text)})")
    spans: list[Span] = []
    for block_start, block_end in split_paragraphs(text[start:end]):
        spans += _block_spans(text, start + block_start, start + block_end)
    return spans


def _block_spans(text: str, start: int, end: int) -> list[Span]:
    """A paragraph cut at headline line breaks, then each part into sentences."""
    lines = line_spans(text, start, end)
    width = max(line_end - line_start for line_start, line_end in lines)
    spans: list[Span] = []
    part_start = start
    for (line_start, line_end), (next_start, next_end) in pairwise(lines):
        if is_title_break(text[line_start:line_end], text[next_start:next_end], width):
            spans += _part_spans(text, part_start, line_end)
            part_start = next_start
    return spans + _part_spans(text, part_start, end)


def _part_spans(text: str, start: int, end: int) -> list[Span]:
    """Lines that run on into each other: a dateline, then the sentences."""
    spans: list[Span] = []
    dateline = dateline_end(text, start, end)
    if dateline is not None:
        spans.append(Span(start, dateline, "dateline"))
        start, end = trim(text, dateline, end)
    pieces = _sentence_pieces(text, start, end)
    # A headline is a line of its own, no dateline before it and no full stop at its end.
    alone = dateline is None and len(pieces) == 1 and len(line_spans(text, start, end)) == 1
    for piece_start, piece_end in pieces:
        headline = alone and not has_terminal_punctuation(text[piece_start:piece_end])
        spans.append(Span(piece_start, piece_end, "headline" if headline else "sentence"))
    return spans


def _sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets of text[start:end] from SoMaJo and the token rules.

    The pieces run from one sentence start to the next, so nothing is lost
    even where SoMaJo normalises characters; a piece without a letter or a
    digit (a stray quote, "…") joins the sentence before it.
    """
    if start >= end:
        return []
    part = text[start:end]
    final_run = _FINAL_RUN.search(part)
    body = part[: final_run.start()] if final_run else part
    if not _SENTENCE_END.search(body):
        # No sentence can end before the part's own end: one sentence. Spares SoMaJo
        # (~1 ms a call, and building it costs a start half a second).
        return [(start, end)]
    tokens = tokenize(part)
    starts = sentence_starts(tokens, part)
    cuts = [start] + [start + t.start for t, first in zip(tokens, starts, strict=True) if first]
    cuts = sorted({cut for cut in cuts if start <= cut < end}) + [end]
    pieces: list[tuple[int, int]] = []
    for piece_start, piece_end in pairwise(cuts):
        piece_start, piece_end = trim(text, piece_start, piece_end)
        if piece_start == piece_end:
            continue
        if pieces and not _has_word(text[piece_start:piece_end]):
            pieces[-1] = (pieces[-1][0], piece_end)
        else:
            pieces.append((piece_start, piece_end))
    return _merge_leading_residue(text, pieces)


def _merge_leading_residue(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A wordless first piece ("(" or "„" alone) joins the sentence after it."""
    if len(pieces) > 1 and not _has_word(text[pieces[0][0] : pieces[0][1]]):
        return [(pieces[0][0], pieces[1][1]), *pieces[2:]]
    return pieces


def _has_word(piece: str) -> bool:
    return any(ch.isalnum() for ch in piece)
