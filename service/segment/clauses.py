"""Split sentences too long for the model at clause boundaries.

Marian takes 512 subword tokens and its quality drops well before that, so a
long sentence is cut into pieces that are translated on their own and joined
back. Cuts prefer strong clause marks, then commas, then any space, each time
as near the middle as possible; nothing is ever dropped. A run of characters
without a space that alone exceeds the limit stays one piece: the pipeline
passes it through rather than let the model hallucinate over it.
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


def split_long(
    sentence: str, count_tokens: Callable[[str], int], limit: int
) -> list[tuple[int, int]]:
    """Offsets of pieces of ``sentence``, each at most ``limit`` tokens unless it has no space."""
    return _split(sentence, 0, len(sentence), count_tokens, limit)


def _split(
    text: str, start: int, end: int, count_tokens: Callable[[str], int], limit: int
) -> list[tuple[int, int]]:
    if count_tokens(text[start:end]) <= limit:
        return [(start, end)]
    cut = _best_cut(text, start, end)
    if cut is None:  # one enormous "word" (a hash, a URL, junk): no model can translate it
        return [(start, end)]
    left_end, right_start = cut
    return _split(text, start, left_end, count_tokens, limit) + _split(
        text, right_start, end, count_tokens, limit
    )


def _best_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of left piece, start of right piece) at the strongest mark nearest the middle.

    The mark stays with the left piece; the whitespace after it goes with neither.
    """
    middle = (start + end) / 2
    for boundary in BOUNDARIES:
        cuts = [
            (match.start() + len(match.group().rstrip()), match.end())
            for match in boundary.finditer(text, start, end)
            if start < match.start() and match.end() < end
        ]
        if cuts:
            return min(cuts, key=lambda cut: abs(cut[0] - middle))
    return None
