"""Glossary entries and glossaries.

An ``Entry`` says how one German base form must come out in English. A
``Glossary`` is a named, validated set of entries whose ``version`` is a
sha256 over a canonical serialisation of the entries, so the aligned document
can record exactly which terms were enforced, independent of file order,
file format or the glossary's name.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, get_args

from .errors import GlossaryValidationError

Kind = Literal["name", "term", "keep"]
KINDS: tuple[str, ...] = get_args(Kind)

# Characters that would break the one-line-per-entry file formats; refusing
# them up front keeps every glossary writable as TSV.
_FORBIDDEN = ("\t", "\n", "\r")
# Not text at all: controls XML cannot carry (U+0000 PostgreSQL cannot store either) and
# lone surrogates; the service refuses the same characters in articles.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: str, field_name: str) -> str:
    if not isinstance(value, str):
        raise GlossaryValidationError(f"{field_name} must be text, not {type(value).__name__}")
    if any(ch in value for ch in _FORBIDDEN):
        raise GlossaryValidationError(f"{field_name} contains a tab or line break")
    if match := _NOT_TEXT.search(value):
        raise GlossaryValidationError(
            f"{field_name} contains U+{ord(match.group()):04X}, a control character "
            "or lone surrogate that is not text"
        )
    # trim, collapse inner whitespace, and compose umlauts (a + U+0308 → ä) so
    # versions and matching do not depend on how an editor stored them
    return unicodedata.normalize("NFC", " ".join(value.split()))


@dataclass(frozen=True)
class Entry:
    """One glossary entry.

    ``context``: if given, the entry applies only to sentences that contain at
    least one of these words (case-insensitively, as a word or a hyphenated
    compound part); elsewhere the model's own translation stands.
    A ``keep`` entry with an empty target keeps its source unchanged.
    """

    source: str
    target: str
    kind: Kind = "term"
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        source = _clean(self.source, "source")
        target = _clean(self.target, "target")
        if not source:
            raise GlossaryValidationError("source is empty")
        if self.kind not in KINDS:
            raise GlossaryValidationError(
                f"unknown kind {self.kind!r} (expected one of {', '.join(KINDS)})"
            )
        if not target:
            if self.kind != "keep":
                raise GlossaryValidationError(f"target is empty for {source!r}")
            target = source
        if not isinstance(self.case_sensitive, bool):
            raise GlossaryValidationError("case_sensitive must be true or false")
        if isinstance(self.context, str):
            raise GlossaryValidationError("context must be a sequence of words, not a string")
        words: list[str] = []
        for word in self.context:
            word = _clean(word, "context")
            if "|" in word:
                raise GlossaryValidationError(f"context word {word!r} contains '|'")
            if word and word.casefold() not in {w.casefold() for w in words}:
                words.append(word)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "context", tuple(words))
        object.__setattr__(self, "note", _clean(self.note, "note"))

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """What makes two entries the same rule: source (folded unless
        case-sensitive) and context set. Two entries with one key must agree."""
        source = self.source if self.case_sensitive else self.source.casefold()
        return source, tuple(sorted(w.casefold() for w in self.context))

    def canonical(self) -> list[Any]:
        """Order-independent serialisation used for the glossary version."""
        return [
            self.source,
            self.target,
            self.kind,
            self.case_sensitive,
            sorted(self.context),
            self.note,
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "case_sensitive": self.case_sensitive,
            "context": list(self.context),
            "note": self.note,
        }


def find_conflict(entries: Iterable[Entry]) -> tuple[int, int, str] | None:
    """First pair of entries (by position) that share a key but disagree.

    Returns ``(earlier_index, later_index, problem)`` or None. Identical
    duplicates are not a conflict.
    """
    seen: dict[tuple[str, tuple[str, ...]], tuple[int, Entry]] = {}
    for index, entry in enumerate(entries):
        earlier = seen.get(entry.key)
        if earlier is None:
            seen[entry.key] = (index, entry)
            continue
        first_index, first = earlier
        if first == entry:
            continue
        if first.target != entry.target:
            problem = (
                f"duplicate source {entry.source!r} with conflicting targets "
                f"{first.target!r} and {entry.target!r}"
            )
        else:
            problem = f"duplicate source {entry.source!r} differs in kind, case or note"
        return first_index, index, problem
    return None


@dataclass(frozen=True)
class Glossary:
    """A named, validated, immutable set of entries.

    Identical duplicate entries are merged; entries that share a source (and
    context) but disagree raise ``GlossaryValidationError``.
    """

    name: str
    entries: tuple[Entry, ...] = field(default_factory=tuple)
    # Whether its compiled form may be kept on disk: not for a request's own entries.
    cached: bool = field(default=True, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise GlossaryValidationError("a glossary needs a name")
        entries = tuple(self.entries)
        for entry in entries:
            if not isinstance(entry, Entry):
                raise GlossaryValidationError(f"not a glossary entry: {entry!r}")
        conflict = find_conflict(entries)
        if conflict is not None:
            raise GlossaryValidationError(conflict[2])
        unique = tuple(dict.fromkeys(entries))  # keeps first occurrence, in order
        object.__setattr__(self, "name", self.name.strip())
        object.__setattr__(self, "entries", unique)

    @cached_property
    def version(self) -> str:
        """sha256 (hex) of the entries, independent of their order."""
        rows = sorted(json.dumps(e.canonical(), ensure_ascii=False) for e in self.entries)
        payload = "[" + ",".join(rows) + "]"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def describe(self) -> dict[str, str]:
        """The ``glossary`` object of the aligned document."""
        return {"name": self.name, "version": self.version}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)
