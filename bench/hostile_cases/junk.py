"""Pathological text that never repeats and that the translator must translate.

A random run of German words (simplemma's German dictionary, a product
dependency, is the word list), short tokens and asterisks between them and no
sentence punctuation: German enough that the language look does not keep it
untranslated as foreign, and no piece twice, so the translator cannot decode a
piece once and reuse it. The seed makes a run repeatable.
"""

from __future__ import annotations

import random
from functools import cache

from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

SEED = 31


@cache
def german_words() -> list[str]:
    """The lemmas of simplemma's German dictionary that are plain words of 3 to 12 letters."""
    lemmas = {
        lemma
        for lemma in DefaultDictionaryFactory().get_dictionary("de").values()
        if 3 <= len(lemma) <= 12 and lemma.isalpha()
    }
    return sorted(lemmas)


def german_junk(chars: int, seed: int = SEED) -> str:
    """About ``chars`` characters of German words in random order, one in three with an
    asterisk stuck to it, one-letter tokens between them, no sentence punctuation."""
    rng = random.Random(seed)
    words = german_words()
    tokens: list[str] = []
    length = 0
    while length < chars:
        word = rng.choice(words)
        roll = rng.random()
        if roll < 0.15:
            word = f"*{word}"
        elif roll < 0.3:
            word = f"{word}*"
        elif roll < 0.4:
            word = f"{word} {rng.choice('abcdefghxyz')}"
        tokens.append(word)
        length += len(word) + 1
    return " ".join(tokens)[:chars].rsplit(" ", 1)[0]


def translated_share(source: str, document: dict[str, object]) -> float:
    """The share of the source's characters in segments the model translated (not kept
    as they are: foreign, verbatim, untranslated)."""
    blocks = document.get("blocks", [])
    assert isinstance(blocks, list)
    segments = [segment for block in blocks for segment in block["segments"]]
    done = sum(
        len(segment["source"])
        for segment in segments
        if segment["target"] != segment["source"] and "untranslated" not in segment["flags"]
    )
    return done / max(1, sum(len(segment["source"]) for segment in segments))
