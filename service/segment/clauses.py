"""Split sentences too long for the model at clause boundaries.

Marian takes 512 subword tokens and its quality drops well before that, so a
long sentence is cut into pieces that are translated on their own and joined
back. Cuts prefer strong clause marks, then commas, then any space, each time
as near the middle as possible; nothing is ever dropped. A run of characters
without a space that alone exceeds the limit stays one piece: the pipeline
passes it through rather than let the model hallucinate over it.

A stretch with no clause mark at all (a list of names, junk, an attack of
short tokens) is cut at spaces into pieces no longer than an ordinary
sentence (``PLAIN_PIECE_TOKENS``): decoding a piece costs about the square of
its length, so pieces as long as the model's limit would make such an
article many times slower than a normal one of the same length. Each level
of cutting halves the pieces and counts their tokens once, so the work
grows as n log n.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Strongest first: a cut after one of these keeps the clauses whole.
BOUNDARIES = [
    re.compile(r"[;:]\s+"),
    re.compile(r"\s[–—-]\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+"),
]
PLAIN = len(BOUNDARIES) - 1  # a cut at a bare space: the piece has no clause mark
PLAIN_PIECE_TOKENS = 40  # about a long news sentence's length


def split_long(
    sentence: str, count_tokens: Callable[[str], int], limit: int
) -> list[tuple[int, int]]:
    """Offsets of pieces of ``sentence``, each at most ``limit`` tokens unless it has no space;
    in a sentence over the limit, a piece without clause marks at most ``PLAIN_PIECE_TOKENS``."""
    if count_tokens(sentence) <= limit:
        return [(0, len(sentence))]
    return _split(sentence, 0, len(sentence), count_tokens, limit)


def _split(
    text: str, start: int, end: int, count_tokens: Callable[[str], int], limit: int
) -> list[tuple[int, int]]:
    cut, strength = _best_cut(text, start, end)
    budget = min(limit, PLAIN_PIECE_TOKENS) if strength == PLAIN else limit
    if count_tokens(text[start:end]) <= budget:
        return [(start, end)]
    if cut is None:  # one enormous "word" (a hash, a URL, junk): no model can translate it
        return [(start, end)]
    left_end, right_start = cut
    return _split(text, start, left_end, count_tokens, limit) + _split(
        text, right_start, end, count_tokens, limit
    )


def _best_cut(text: str, start: int, end: int) -> tuple[tuple[int, int] | None, int]:
    """(end of left piece, start of right piece) at the strongest mark nearest the middle,
    and that mark's index in ``BOUNDARIES`` (``PLAIN`` also when there is no cut at all).

    The mark stays with the left piece; the whitespace after it goes with neither.
    """
    middle = (start + end) / 2
    for strength, boundary in enumerate(BOUNDARIES):
        best: tuple[int, int] | None = None
        for match in boundary.finditer(text, start, end):
            if start < match.start() and match.end() < end:
                cut = (match.start() + len(match.group().rstrip()), match.end())
                if best is None or abs(cut[0] - middle) < abs(best[0] - middle):
                    best = cut
        if best is not None:
            return best, strength
    return None, PLAIN
