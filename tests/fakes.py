"""Engines for tests that need no model: their output is known in advance.

``FakeEngine`` writes a function of each sentence and records what it was
asked; ``WordEngine`` translates word for word with a known alignment, for
testing where markup lands. Tests of the real code path use the toy model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from models.engine import Hypothesis


def tagged(sentence: str) -> str:
    return f"EN({sentence})"


class FakeEngine:
    """Writes ``write(sentence)`` with ``score``; records every sentence asked for."""

    name = "fake"

    def __init__(self, write: Callable[[str], str] = tagged, score: float = -0.25) -> None:
        self.write = write
        self.score = score
        self.seen: list[str] = []
        self.calls: list[int] = []  # sentences per call
        self.lock = threading.Lock()  # batch executors call from several threads

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        with self.lock:
            self.seen += sentences
            self.calls.append(len(sentences))
        return [Hypothesis(text=self.write(sentence), score=self.score) for sentence in sentences]

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return Hypothesis(text=prefix, score=-1.0)

    def count_tokens(self, sentence: str) -> int:
        return len(sentence.split())


# German sentence → (English words, index of the German word each English word aligns to)
LEXICON: dict[str, tuple[list[str], list[int]]] = {
    "Gestern hat der Minister Lawrow getroffen.": (
        ["Yesterday", "the", "minister", "met", "Lavrov."],
        [0, 2, 3, 5, 4],
    ),
    "Die Gespräche dauern an.": (["The", "talks", "continue."], [0, 1, 2]),
    "Russland hat Soldaten geschickt.": (["Russia", "has", "sent", "troops."], [0, 1, 3, 2]),
}


class WordEngine:
    """Translates the sentences of ``LEXICON``; every other sentence becomes "EN"."""

    name = "words"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self.seen += sentences
        return [self.one(sentence, with_alignment) for sentence in sentences]

    def one(self, sentence: str, with_alignment: bool) -> Hypothesis:
        if sentence not in LEXICON:
            return Hypothesis(text="EN", score=-0.1)
        words, alignment = LEXICON[sentence]
        return Hypothesis(
            text=" ".join(words),
            score=-0.1,
            source_tokens=["▁" + word for word in sentence.split()],
            target_tokens=["▁" + word for word in words],
            alignment=alignment if with_alignment else [],
        )

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        raise AssertionError("not used")

    def count_tokens(self, sentence: str) -> int:
        return len(sentence.split())
