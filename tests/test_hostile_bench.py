"""The hostile bench's class 6 can fail: its junk is German enough to be translated, never
repeats a word, and its control holds the same words as sentences."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from service.checks.language import article_language, foreign_sentence
from service.segment.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from hostile_cases.junk import german_junk, german_sentences  # noqa: E402

CHARS = 6_000


def test_the_junk_never_repeats_a_word() -> None:
    words = [token.strip("*") for token in german_junk(CHARS).split() if len(token) > 1]
    repeated = [word for word, count in Counter(words).items() if count > 1]
    assert len(words) > 400
    assert len(repeated) <= len(words) // 100  # the dictionary's draw, not a pattern


def test_the_junk_is_german_to_the_language_look() -> None:
    """Taken for another language it would be kept untranslated and cost nothing."""
    junk = german_junk(CHARS)
    assert article_language(junk) is None
    assert all(foreign_sentence(junk[start : start + 400]) is None for start in range(0, 4000, 400))


def test_the_junk_has_no_sentence_end_and_the_control_the_same_words() -> None:
    junk, control = german_junk(CHARS), german_sentences(CHARS)
    assert not any(mark in junk for mark in ".!?")
    assert len(split_sentences(control, 0, len(control))) > 30
    junk_words = {token.strip("*").lower() for token in junk.split() if len(token) > 1}
    control_words = {word.strip(".").lower() for word in control.split()}
    assert junk_words <= control_words
