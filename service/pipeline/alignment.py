"""Word alignment of a segment: which English words each German word became.

The engines hand over, per English subword piece, the German piece its
cross-attention weighs most (``models.engine.Hypothesis.alignment``: the
last decoder layer's head 0, which OPUS-MT models are trained to align
with; CTranslate2 returns the same attention). Pieces are placed in the
texts (``glossary.align.piece_spans``) and each piece joins the word
(letters and digits, with inner hyphens and apostrophes) it lies in;
punctuation aligns to nothing. Each English word is paired with the German
word most of its pieces attend to: a name the model spells in several
pieces (L·av·ro·v) whose last pieces drift keeps its one German word.

A target the model did not write as it stands (a glossary repair, a memory
hit) is aligned by forcing it as the decoder's prefix with alignment asked
for, so every pair describes the text it indexes. Sentences passed through
unchanged (``kept``) align each word to itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from glossary.align import piece_spans
from models.engine import Engine, Hypothesis, Request, decode

Span = tuple[int, int]
Pair = tuple[Span, Span]  # (source word, target word), offsets into source and target
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words(text: str) -> list[Span]:
    return [match.span() for match in WORD.finditer(text)]


def word_of(spans: Sequence[Span | None], text: str) -> list[Span | None]:
    """For each piece, the word of ``text`` it lies in (None: punctuation or unplaced)."""
    found = words(text)
    result: list[Span | None] = []
    for span in spans:
        word = None
        if span is not None:
            start, end = span
            word = next((w for w in found if w[0] < end and start < w[1]), None)
        result.append(word)
    return result


def word_pairs(source: str, target: str, hypothesis: Hypothesis) -> list[Pair]:
    """The word pairs of ``hypothesis`` (its pieces and alignment) in ``source`` and
    ``target``, in target order: each English word with the German word most of its
    pieces attend to (the first piece's on a tie)."""
    source_words = word_of(piece_spans(hypothesis.source_tokens, source), source)
    target_words = word_of(piece_spans(hypothesis.target_tokens, target), target)
    votes: dict[Span, Counter[Span]] = {}
    for piece, attended in enumerate(hypothesis.alignment):
        if piece >= len(target_words) or not 0 <= attended < len(source_words):
            continue
        source_word, target_word = source_words[attended], target_words[piece]
        if source_word is not None and target_word is not None:
            votes.setdefault(target_word, Counter())[source_word] += 1
    # most_common keeps first-seen order among equal counts
    pairs = [(counts.most_common(1)[0][0], word) for word, counts in votes.items()]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def identity(text: str) -> list[Pair]:
    return [(span, span) for span in words(text)]


def force_align(
    engine: Engine, pairs: Sequence[tuple[str, str]], beam_size: int = 1
) -> dict[tuple[str, str], list[Pair]]:
    """Word pairs of each (source, target) the engine did not write as it stands: the
    target is forced as the decoder's prefix, one engine call for all of them."""
    unique = list(dict.fromkeys(pairs))
    if not unique:
        return {}
    requests = [Request(source, target, with_alignment=True) for source, target in unique]
    hypotheses = decode(engine, requests, beam_size=beam_size)
    return {
        (source, target): word_pairs(source, target, hypothesis)
        for (source, target), hypothesis in zip(unique, hypotheses, strict=True)
    }


def shifted(pairs: Sequence[Pair], source_offset: int, target_offset: int) -> list[Pair]:
    return [
        ((s0 + source_offset, s1 + source_offset), (t0 + target_offset, t1 + target_offset))
        for (s0, s1), (t0, t1) in pairs
    ]
