"""Pathological text that never repeats and that the translator must translate.

A random run of German words (simplemma's German dictionary, a product
dependency, is the word list), short tokens and asterisks between them and no
sentence punctuation: German enough that the language look does not keep it
untranslated as foreign, and no piece twice, so the translator cannot decode a
piece once and reuse it. Its control is the same words as plain sentences. The
seed makes a run repeatable.
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


def german_words_drawn(chars: int, seed: int) -> list[str]:
    """Random German words, about ``chars`` characters of them (the same for one seed)."""
    rng = random.Random(seed)
    words = german_words()
    drawn: list[str] = []
    while sum(len(word) + 1 for word in drawn) < chars:
        drawn.append(rng.choice(words))
    return drawn


def german_junk(chars: int, seed: int = SEED) -> str:
    """About ``chars`` characters of random German words, one in three with an asterisk
    stuck to it or a one-letter token after it, and no sentence punctuation."""
    rng = random.Random(seed + 1)
    tokens = []
    for word in german_words_drawn(chars, seed):
        roll = rng.random()
        if roll < 0.15:
            word = f"*{word}"
        elif roll < 0.3:
            word = f"{word}*"
        elif roll < 0.4:
            word = f"{word} {rng.choice('abcdefghxyz')}"
        tokens.append(word)
    return " ".join(tokens)[:chars].rsplit(" ", 1)[0]


def german_sentences(chars: int, seed: int = SEED) -> str:
    """The same words as ``german_junk`` with the same seed, as plain sentences of twelve
    words and paragraphs of four sentences: the control whose time the junk's is set
    against (rare words cost the model more pieces than news text; that is not the
    pathology)."""
    words = german_words_drawn(chars, seed)
    sentences = [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]
    sentences = [sentence[0].upper() + sentence[1:] for sentence in sentences]
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


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
