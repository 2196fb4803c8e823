"""Translation memory: exact-match reuse of earlier translations, consulted before the engine.

Entries are keyed by (normalised source sentence, target locale, model, glossary
version): a different locale, model or glossary must not reuse a translation made
without it. The locale is part of the sentence's key (``memory_key``), so that plain
``en`` keys, and the entries stored before locales existed, stay as they were.
Backend and beam width are not in the key, on purpose: they are ways of
running the same model (int8 CTranslate2 and float32 transformers agreed on
every test sentence), and an archive translated with one should serve a
server running the other. Splitting the memory by them would lower its hits
and leave approved edits unfound.
Approved reviewer edits overwrite model outputs and are never overwritten by
them, so they take precedence; model outputs are only added where nothing is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

MemoryOrigin = Literal["memory", "approved"]
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class MemoryHit:
    target: str
    score: float | None
    origin: MemoryOrigin  # "approved": a reviewer's edit; "memory": an earlier model output


class Memory(Protocol):
    def lookup(
        self, sentences: list[str], model: str, glossary_version: str, *, target_lang: str = "en"
    ) -> dict[str, MemoryHit]:
        """Hits for those of ``sentences`` the memory holds, keyed by the sentence as given."""
        ...

    def store(
        self,
        translations: Mapping[str, tuple[str, float | None]],
        model: str,
        glossary_version: str,
        *,
        target_lang: str = "en",
    ) -> None:
        """Remember model outputs (source → (target, score)) that are not yet remembered."""
        ...


def normalise(sentence: str) -> str:
    """NFC with whitespace runs collapsed: the same sentence typed twice matches."""
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", sentence)).strip()


def memory_key(sentence: str, target_lang: str = "en") -> str:
    """A fixed-width key (indexes limit key length; sentences can be long) of the sentence
    and the locale its English is in."""
    locale = "" if target_lang == "en" else f"{target_lang}\0"
    return hashlib.sha256((locale + normalise(sentence)).encode()).hexdigest()


class MemoryTable(Protocol):
    """Where remembered translations are kept: the store's memory table."""

    def memory_lookup(
        self, keys: set[str], model: str, glossary_version: str
    ) -> dict[str, MemoryHit]: ...

    def memory_add(
        self,
        entries: dict[str, tuple[str, str, float | None]],
        model: str,
        glossary_version: str,
    ) -> None: ...


class TranslationMemory:
    """The ``Memory`` backed by the store's memory table."""

    def __init__(
        self, store: MemoryTable, on_lookup: Callable[[int, int], None] | None = None
    ) -> None:
        self.db = store
        self.on_lookup = on_lookup  # (hits, misses), for metrics

    def lookup(
        self, sentences: list[str], model: str, glossary_version: str, *, target_lang: str = "en"
    ) -> dict[str, MemoryHit]:
        keys = {
            sentence: memory_key(sentence, target_lang) for sentence in dict.fromkeys(sentences)
        }
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
        *,
        target_lang: str = "en",
    ) -> None:
        entries = {
            memory_key(source, target_lang): (normalise(source), target, score)
            for source, (target, score) in translations.items()
        }
        if entries:
            self.db.memory_add(entries, model, glossary_version)
