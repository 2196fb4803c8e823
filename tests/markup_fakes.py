"""A word-for-word engine with a known alignment, for testing where markup lands."""

from __future__ import annotations

from models.engine import Hypothesis

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
