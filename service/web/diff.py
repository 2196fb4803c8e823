"""Word diffs for the review page's edit history: each earlier target against the next.

Words and the spaces between them are compared as tokens (difflib), so a
changed word shows as that word struck out and its replacement inserted, and
the rest of the sentence reads as it was. The words both versions share at the
start and the end are set aside first (linear); what is left is compared only
while it is small enough (``MAX_COMPARED`` token pairs: difflib is quadratic),
else it shows as struck out and inserted whole, marked too long to compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from service.store.articles import HistoryEntry

TOKEN = re.compile(r"\s+|\S+")
Kind = Literal["same", "del", "ins", "note"]
# Token pairs difflib may weigh for one history entry: about 150 words against 150
# (tokens are words and the spaces between them; a sentence is far shorter), at worst
# about 0.1 s; two rewritten 12,000-character targets are about 4,000 tokens each
# (7 s for difflib).
MAX_COMPARED = 100_000
TOO_LONG = "too long to compare word by word"


@dataclass(frozen=True)
class DiffPiece:
    kind: Kind
    text: str


@dataclass(frozen=True)
class Change:
    """One earlier target of a segment, and what the next version made of it."""

    entry: HistoryEntry
    pieces: list[DiffPiece]


def word_diff(before: str, after: str) -> list[DiffPiece]:
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    head = shared_run(old, new)
    tail = shared_run(old[head:][::-1], new[head:][::-1])
    old_middle, new_middle = old[head : len(old) - tail], new[head : len(new) - tail]
    pieces: list[DiffPiece] = []
    if head:
        pieces.append(DiffPiece("same", "".join(old[:head])))
    if len(old_middle) * len(new_middle) > MAX_COMPARED:
        pieces += [
            DiffPiece("note", TOO_LONG),
            DiffPiece("del", "".join(old_middle)),
            DiffPiece("ins", "".join(new_middle)),
        ]
    else:
        pieces += middle_diff(old_middle, new_middle)
    if tail:
        pieces.append(DiffPiece("same", "".join(old[len(old) - tail :])))
    return pieces


def middle_diff(old: list[str], new: list[str]) -> list[DiffPiece]:
    pieces: list[DiffPiece] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("same", "".join(old[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(DiffPiece("del", "".join(old[a1:a2])))
        if b2 > b1:
            pieces.append(DiffPiece("ins", "".join(new[b1:b2])))
    return pieces


def shared_run(a: list[str], b: list[str]) -> int:
    """How many tokens ``a`` and ``b`` share at their start."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def changes(history: list[HistoryEntry], current: str) -> list[Change]:
    """Each entry of ``history`` (oldest first) diffed against the target that replaced it."""
    if not history:
        return []
    targets = [entry.target for entry in history[1:]] + [current]
    return [
        Change(entry, word_diff(entry.target, after))
        for entry, after in zip(history, targets, strict=True)
    ]
