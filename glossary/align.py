"""Map sentencepiece pieces to character spans, and source spans to target spans.

Engines hand over their subword pieces (``▁`` marks a word start, EOS
excluded) and, per target piece, the index of the source piece it attends to
most. Enforcement works on characters, so this module turns pieces into
character spans of the texts they came from and follows the alignment from a
German character span to an English character span.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

Span = tuple[int, int]
_MARK = "\u2581"  # sentencepiece word marker


def piece_spans(pieces: Sequence[str], text: str) -> list[Span | None]:
    """Character span in ``text`` of every piece (None where it cannot be placed).

    The walk tolerates what tokenizers do to text: normalisation (NFKC),
    ``<unk>`` pieces and dropped characters; it never moves backwards.
    """
    spans: list[Span | None] = []
    pos = 0
    for piece in pieces:
        body = piece.replace(_MARK, "")
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not body:
            spans.append(None)
            continue
        if text.startswith(body, pos):
            spans.append((pos, pos + len(body)))
            pos += len(body)
            continue
        found = _find_normalised(text, body, pos)
        if found is not None:
            spans.append(found)
            pos = found[1]
        elif body.startswith("<") and body.endswith(">"):  # <unk>: one character
            spans.append((pos, min(pos + 1, len(text))) if pos < len(text) else None)
            pos = min(pos + 1, len(text))
        else:
            spans.append(None)
    return spans


def _find_normalised(text: str, body: str, pos: int) -> Span | None:
    """Find ``body`` near ``pos``, comparing NFKC-normalised, casefolded text."""
    want = unicodedata.normalize("NFKC", body).casefold()
    window = len(body) + 8
    for start in range(pos, min(len(text), pos + 8) + 1):
        for end in range(start + 1, min(len(text), start + window) + 1):
            got = unicodedata.normalize("NFKC", text[start:end]).casefold()
            if got == want:
                return start, end
            if not want.startswith(got):
                break
    return None


def aligned_range(
    span: Span,
    source_spans: Sequence[Span | None],
    target_spans: Sequence[Span | None],
    alignment: Sequence[int],
) -> Span | None:
    """Target character range whose pieces align to the source ``span``.

    A source piece counts when at least half of it lies inside ``span``, so a
    compound's other part (sprecher in Kremlsprecher) does not drag its own
    English words in. Returns the hull of the aligned target pieces or None.
    """
    start, end = span
    sources = set()
    for index, piece in enumerate(source_spans):
        if piece is None:
            continue
        overlap = min(end, piece[1]) - max(start, piece[0])
        if overlap > 0 and 2 * overlap >= piece[1] - piece[0]:
            sources.add(index)
    if not sources:
        return None
    hits = [
        target_spans[t]
        for t, s in enumerate(alignment)
        if t < len(target_spans) and s in sources and target_spans[t] is not None
    ]
    spans = [h for h in hits if h is not None]
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)
