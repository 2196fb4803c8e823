"""Translation memory: exact-match reuse of earlier translations, consulted before the engine.

Entries are keyed by (normalised source sentence, model, glossary version): a
different model or glossary must not reuse a translation made without it.
Approved reviewer edits overwrite model outputs and are never overwritten by
them, so they take precedence; model outputs are only added where nothing is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from service.store import Store

MemoryOrigin = Literal["memory", "approved"]
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class MemoryHit:
    target: str
    score: float | None
    origin: MemoryOrigin  # "approved": a reviewer's edit; "memory": an earlier model output


class Memory(Protocol):
    def lookup(
        self, sentences: list[str], model: str, glossary_version: str
    ) -> dict[str, MemoryHit]:
        """Hits for those of ``sentences`` the memory holds, keyed by the sentence as given."""
        ...

    def store(
        self,
        translations: Mapping[str, tuple[str, float | None]],
        model: str,
        glossary_version: str,
    ) -> None:
        """Remember model outputs (source → (target, score)) that are not yet remembered."""
        ...


def normalise(sentence: str) -> str:
    """NFC with whitespace runs collapsed: the same sentence typed twice matches."""
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", sentence)).strip()


def memory_key(sentence: str) -> str:
    """A fixed-width key (indexes limit key length; sentences can be long)."""
    return hashlib.sha256(normalise(sentence).encode()).hexdigest()


class TranslationMemory:
    """The ``Memory`` backed by the store's memory table."""

    def __init__(self, store: Store, on_lookup: Callable[[int, int], None] | None = None) -> None:
        self.db = store
        self.on_lookup = on_lookup  # (hits, misses), for metrics

    def lookup(
        self, sentences: list[str], model: str, glossary_version: str
    ) -> dict[str, MemoryHit]:
        keys = {sentence: memory_key(sentence) for sentence in dict.fromkeys(sentences)}
        found = self.db.memory_lookup(set(keys.values()), model, glossary_version)
        hits = {sentence: found[key] for sentence, key in keys.items() if key in found}
        if self.on_lookup:
            self.on_lookup(len(hits), len(keys) - len(hits))
        return hits

    def store(
        self,
        translations: Mapping[str, tuple[str, float | None]],
        model: str,
        glossary_version: str,
    ) -> None:
        entries = {
            memory_key(source): (normalise(source), target, score)
            for source, (target, score) in translations.items()
        }
        if entries:
            self.db.memory_add(entries, model, glossary_version)
