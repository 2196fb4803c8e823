"""Which sentences of a story's new German version are those of the old one.

``match_sentences(old, new)`` pairs the sentences of two versions one to one:

1. **Exact, in order.** ``difflib.SequenceMatcher`` on the two lists of
   normalised sentences (whitespace collapsed, Unicode NFC) finds the runs
   that stayed in place; its pairs keep duplicates in their order.
2. **Exact, moved.** A sentence left over whose text is among the old ones
   left over is the same sentence moved (a paragraph moved, two sentences
   swapped); duplicates pair with the nearest old position.
3. **Near.** What is still left is compared with ``rapidfuzz`` only against
   old sentences that share one of its rarest words (an inverted index; of
   a common word's sentences, those nearest where its neighbours' old
   versions stand), at most ``CANDIDATES`` of them, so the work grows with
   the number of sentences, not with their product. The best pairs above
   ``NEAR`` are taken greedily: a typo fixed, a figure corrected, a sentence
   split (its larger part) or two merged (the one it resembles most).

Each new sentence is ``kept`` (the same German), ``changed`` (a near match:
its old index says which) or ``new``; old sentences that no new one took are
``removed``. Nothing here knows about segments, stores or engines.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import regex
from rapidfuzz import fuzz

Revised = Literal["kept", "changed", "new"]

NEAR = 62.0  # least similarity (0-100) of an edited sentence to its old version
RAREST_WORDS = 6  # words of a new sentence that look up candidates
CANDIDATES = 24  # old sentences compared with one new sentence, at most
PART_LENGTH = 20  # characters a sentence needs to count as part of a longer one (split, merge)

WORD = regex.compile(r"\p{L}{3,}|\p{N}+")  # figures count, however short
SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class SentenceMatch:
    """What became of one new sentence: ``old`` is the index of its old version, if any."""

    new: int
    revised: Revised
    old: int | None = None
    similarity: float = 100.0  # 0-100; 100 for kept sentences, 0 for new ones


@dataclass(frozen=True)
class Matching:
    """Every new sentence in order, and the old ones that no new one took."""

    sentences: tuple[SentenceMatch, ...]
    removed: tuple[int, ...]

    def count(self, revised: Revised) -> int:
        return sum(1 for sentence in self.sentences if sentence.revised == revised)


def normalise(sentence: str) -> str:
    """The sentence as compared: NFC, whitespace runs as one space, no space at the ends."""
    return SPACE.sub(" ", unicodedata.normalize("NFC", sentence)).strip()


def match_sentences(old: Sequence[str], new: Sequence[str]) -> Matching:
    """Pair ``new`` sentences with ``old`` ones: kept, changed or new, and the old ones removed."""
    old_keys = [normalise(sentence) for sentence in old]
    new_keys = [normalise(sentence) for sentence in new]
    pairs: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)

    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.b + offset] = (block.a + offset, 100.0)
    taken = {old_index for old_index, _ in pairs.values()}

    match_moved(old_keys, new_keys, pairs, taken)
    exact = set(pairs)
    match_near(old_keys, new_keys, pairs, taken)

    sentences = []
    for index in range(len(new_keys)):
        if index not in pairs:
            sentences.append(SentenceMatch(index, "new", None, 0.0))
            continue
        old_index, similarity = pairs[index]
        revised: Revised = "kept" if index in exact else "changed"
        sentences.append(SentenceMatch(index, revised, old_index, similarity))
    removed = tuple(index for index in range(len(old_keys)) if index not in taken)
    return Matching(tuple(sentences), removed)


def match_moved(
    old_keys: list[str],
    new_keys: list[str],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
) -> None:
    """Pair the same text left over on both sides, each with the nearest old position."""
    free: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(old_keys):
        if index not in taken:
            free[key].append(index)
    for index, key in enumerate(new_keys):
        if index in pairs or not free.get(key):
            continue
        positions = free[key]
        nearest = min(positions, key=lambda position: abs(position - index))
        positions.remove(nearest)
        pairs[index] = (nearest, 100.0)
        taken.add(nearest)


def words(sentence: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(sentence)}


def match_near(
    old_keys: list[str],
    new_keys: list[str],
    pairs: dict[int, tuple[int, float]],
    taken: set[int],
) -> None:
    """Pair edited sentences: the most similar pairs first, each sentence at most once."""
    old_free = [index for index in range(len(old_keys)) if index not in taken]
    new_free = [index for index in range(len(new_keys)) if index not in pairs]
    if not old_free or not new_free:
        return
    index_of: dict[str, list[int]] = defaultdict(list)  # word -> free old sentences with it
    for index in old_free:
        for word in words(old_keys[index]):
            index_of[word].append(index)

    scored: list[tuple[float, int, int, int]] = []  # (-similarity, distance, new, old)
    for index in new_free:
        shared: dict[int, int] = defaultdict(int)  # old sentence -> rare words in common
        rarest = sorted(
            (word for word in words(new_keys[index]) if word in index_of),
            key=lambda word: (len(index_of[word]), word),
        )[:RAREST_WORDS]
        expected = expected_position(index, pairs, len(old_keys), len(new_keys))
        for word in rarest:
            for old_index in nearest(index_of[word], expected, CANDIDATES):
                shared[old_index] += 1
        candidates = heapq.nlargest(CANDIDATES, shared, key=lambda old_index: shared[old_index])
        for old_index in candidates:
            score = similarity(old_keys[old_index], new_keys[index])
            if score >= NEAR:
                scored.append((-score, abs(old_index - index), index, old_index))

    scored.sort()  # most similar first; of equals, the nearest
    for negative, _distance, index, old_index in scored:
        if index in pairs or old_index in taken:
            continue
        pairs[index] = (old_index, -negative)
        taken.add(old_index)


def expected_position(
    index: int, pairs: dict[int, tuple[int, float]], old_count: int, new_count: int
) -> int:
    """Where the old version of new sentence ``index`` would be if it stayed beside its
    neighbours: one after the old sentence of the nearest one paired before it, one before
    that of the nearest after; without either, the same share of the way through."""
    for step in range(1, CANDIDATES):
        if index - step in pairs:
            return pairs[index - step][0] + step
        if index + step in pairs:
            return pairs[index + step][0] - step
    return index * old_count // max(new_count, 1)


def nearest(postings: list[int], position: int, count: int) -> list[int]:
    """The ``count`` entries of the sorted ``postings`` around ``position``."""
    if len(postings) <= count:
        return postings
    middle = bisect.bisect_left(postings, position)
    start = min(max(middle - count // 2, 0), len(postings) - count)
    return postings[start : start + count]


def similarity(old: str, new: str) -> float:
    """0-100: how far ``new`` is an edit of ``old``.

    The plain edit ratio for sentences of similar length; where one is much
    longer (a sentence split or two merged) the shorter one's best alignment
    inside the longer counts, weighed down so that a whole-sentence edit of
    the same quality wins.
    """
    ratio = fuzz.ratio(old, new)
    shorter, longer = sorted((len(old), len(new)))
    if longer == 0 or shorter / longer >= 0.7 or shorter < PART_LENGTH:
        return ratio
    return max(ratio, 0.9 * fuzz.partial_ratio(old, new))
