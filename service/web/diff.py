"""Word diffs for the review page's edit history: each earlier target against the next.

Words and the spaces between them are compared as tokens (difflib), so a
changed word shows as that word struck out and its replacement inserted, and
the rest of the sentence reads as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from service.store.articles import HistoryEntry

TOKEN = re.compile(r"\s+|\S+")
Kind = Literal["same", "del", "ins"]


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


def changes(history: list[HistoryEntry], current: str) -> list[Change]:
    """Each entry of ``history`` (oldest first) diffed against the target that replaced it."""
    if not history:
        return []
    targets = [entry.target for entry in history[1:]] + [current]
    return [
        Change(entry, word_diff(entry.target, after))
        for entry, after in zip(history, targets, strict=True)
    ]
