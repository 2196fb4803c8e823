"""Edits to an English text, and the spans no convention may touch.

Each convention module proposes ``Edit``s over the text as it is; ``choose`` drops
those that touch a protected span (the caller's: the pipeline's detector of links,
addresses, handles, tags, code, file names, kept quotations and glossary targets) or
overlap an earlier rule's edit; ``apply`` makes the rest in one pass, so that every
recorded span indexes the localised text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

Rule = Literal[
    "spelling", "date", "time", "money", "unit", "number", "quotes", "punctuation", "headline"
]
# When two edits overlap, the rule earlier here wins ("30 kilometres" is the unit's; a
# headline word's edit carries its spelling too, a stop moved inside its closing mark).
PRIORITY: tuple[Rule, ...] = (
    "date", "time", "money", "unit", "number", "punctuation", "quotes", "headline", "spelling"
)  # fmt: skip
Span = tuple[int, int]
# A value the German may hold too: ("date", y, m, d), ("time", h, m), ("money", amount, code)...
Value = tuple[object, ...]


@dataclass(frozen=True)
class Edit:
    rule: Rule
    start: int
    end: int
    after: str
    value: Value | None = None  # what the edit writes, to find it in the German


@dataclass(frozen=True)
class Applied:
    rule: Rule
    before: str
    after: str
    target_span: Span  # in the localised text
    value: Value | None


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Spans:
    """Fixed spans (they may overlap), asked in logarithmic time: a long text's thousands of
    edits and protected spans must not cost their product."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max, initial=-1))[1:]

    def overlaps(self, span: Span) -> bool:
        index = bisect_left(self.starts, span[1])  # the spans starting before this one ends
        return index > 0 and self.reach[index - 1] > span[0]

    def holds(self, position: int) -> bool:
        index = bisect_right(self.starts, position)
        return index > 0 and self.reach[index - 1] > position


def choose(edits: Iterable[Edit], text: str, protected: Iterable[Span]) -> list[Edit]:
    """The edits that change something, touch nothing protected and overlap no other."""
    guarded = Spans(protected)
    claimed: list[Span] = []  # disjoint, sorted; an expression already right claims its span
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (PRIORITY.index(e.rule), e.start)):
        span = (edit.start, edit.end)
        if guarded.overlaps(span):
            continue
        index = bisect_left(claimed, span)
        if index > 0 and claimed[index - 1][1] > span[0]:
            continue
        if index < len(claimed) and claimed[index][0] < span[1]:
            continue
        claimed.insert(index, span)
        chosen.append(edit)
    changed = [edit for edit in chosen if text[edit.start : edit.end] != edit.after]
    return sorted(changed, key=lambda e: e.start)


def apply(text: str, edits: list[Edit]) -> tuple[str, list[Applied]]:
    """``edits`` sorted and disjoint (from ``choose``): the new text and what changed where."""
    parts: list[str] = []
    applied: list[Applied] = []
    position = 0
    length = 0
    for edit in edits:
        kept = text[position : edit.start]
        parts.append(kept)
        length += len(kept)
        parts.append(edit.after)
        applied.append(
            Applied(
                edit.rule,
                text[edit.start : edit.end],
                edit.after,
                (length, length + len(edit.after)),
                edit.value,
            )
        )
        length += len(edit.after)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts), applied


def shift_span(span: Span, edits: list[Edit]) -> Span:
    """Where a span untouched by ``edits`` lies after them."""
    return Shift(edits)(span)


class Shift:
    """``shift_span`` for many spans over the same edits: the length changes summed once."""

    def __init__(self, edits: list[Edit]) -> None:
        ordered = sorted(edits, key=lambda e: e.end)
        self.ends = [edit.end for edit in ordered]
        self.deltas = list(
            accumulate((len(e.after) - (e.end - e.start) for e in ordered), initial=0)
        )

    def __call__(self, span: Span) -> Span:
        delta = self.deltas[bisect_right(self.ends, span[0])]
        return span[0] + delta, span[1] + delta


def match_case(word: str, replacement: str) -> str:
    """``replacement`` cased like ``word`` (Colour, COLOUR, colour)."""
    if word.isupper() and len(word) > 1:
        return replacement.upper()
    if word[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
