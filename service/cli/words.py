"""Counted nouns in messages: "1 article", "2 articles"."""

from __future__ import annotations

# The nouns the CLI counts whose plural is not singular + "s".
IRREGULAR = {"entry": "entries"}


def plural(noun: str, count: int) -> str:
    """``noun`` in the number that ``count`` asks for."""
    if count == 1:
        return noun
    return IRREGULAR.get(noun, noun + "s")


def counted(count: int, noun: str) -> str:
    """``count`` and its noun: ``counted(1, "failed article")`` is "1 failed article"."""
    *before, last = noun.split(" ")
    return " ".join([str(count), *before, plural(last, count)])
