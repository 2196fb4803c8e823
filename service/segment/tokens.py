"""German news corrections to SoMaJo's sentence starts, decided on its tokens.

SoMaJo starts a sentence after terminal punctuation when a capitalised word
or a number follows, and never after an abbreviation or an ordinal. News text
needs a few more decisions:

* an ordinal or a quantity abbreviation can end a sentence: "… stieg auf 5.
  Die Regierung …", "Benedikt XVI. Er …", "… 3 Mrd. Das …" – when a sentence
  starter (a capitalised function word) follows;
* a number after a numbering abbreviation is a cardinal, so its full stop
  ends the sentence before any capitalised word but a month: "… im Saal
  Nr. 4. Kiew meldet …" (but "Art. 5. Oktober"-like dates stay whole);
* a decimal or a score is a number, not an ordinal: "… lag bei 35,4. Hohe …",
  "… endete 2:1. Danach …";
* a full stop after a word can be followed by a lower-case sentence start
  (it happens in published news): "… gesehen habe. der möglichen …";
* an ellipsis between words marks an omission, not an end: „Wir werden …
  Maßnahmen ergreifen“, "[…]";
* a few abbreviations are missing from SoMaJo's list ("Abt.", "Tab.");
* a full stop between digits with no space is inside a version string
  ("v2.4.1"), not at a sentence end;
* typewriter quotes ``…'' and ,,…'' (TeX-made and converted text) are quotes:
  "… gut.'' Dann …", "… kam. ``Wir …".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from service.segment.lexicon import (
    EXTRA_ABBREVIATIONS,
    MONTHS,
    NUMBERING_ABBREVIATIONS,
    SENTENCE_FINAL_ABBREVIATIONS,
    SENTENCE_STARTERS,
)
from service.segment.somajo import Token

_TERMINAL = re.compile(r"(?:\.+|…+\.*|[!?]+)")
# Quote tokens as SoMaJo leaves them; which side a quote is on follows from
# the space next to it, as in SoMaJo ("„" and "``" only open).
_QUOTES = frozenset(["''", '"', "'", "“", "”", "‘", "’", "»", "«", "›", "‹"])
_CLOSING = _QUOTES | {")", "]"}
_OPENING_QUOTES = _QUOTES | {"„", "‚", "``"}

_MONTH_NAMES = frozenset(MONTHS.split("|"))

# Shorter words before a full stop are too often abbreviations SoMaJo does not know.
MIN_WORD_BEFORE_LOWERCASE_START = 4
_VOWELS = frozenset("aeiouäöüyAEIOUÄÖÜY")


class _After(NamedTuple):
    """What follows terminal punctuation: closing quotes, space, opening quotes, a word."""

    start: int  # index of the first token after the space
    word: int  # index of the first token after the opening quotes
    quoted: bool  # a typewriter quote ('' `` ,,) was passed over


def sentence_starts(tokens: list[Token], text: str) -> list[bool]:
    """For each token, whether a sentence starts with it (SoMaJo's view, corrected)."""
    starts = [token.first for token in tokens]
    for i in range(len(tokens) - 1):
        if _ends_before_next(tokens, i, text):
            starts[i + 1] = True
        elif starts[i + 1] and _continues_sentence(tokens, i, text):
            starts[i + 1] = False
        elif (start := _start_after_full_stop(tokens, i, text)) is not None:
            starts[start] = True
    return starts


def _ends_before_next(tokens: list[Token], i: int, text: str) -> bool:
    """Does a sentence end after the ordinal or abbreviation tokens[i] where SoMaJo saw none?"""
    token, following = tokens[i], tokens[i + 1]
    return (
        _space_between(token, following, text)
        and is_starter(following)
        and _can_end_before_starter(tokens, i)
    )


def _continues_sentence(tokens: list[Token], i: int, text: str) -> bool:
    """Does the sentence go on after tokens[i] although SoMaJo started one?"""
    token, following = tokens[i], tokens[i + 1]
    if is_starter(following):
        return False
    if _is_bracketed_ellipsis(tokens, i):
        return True  # "[…]" marks an omission inside a quote
    if _is_ellipsis(token.text):
        spaced = i > 0 and _space_between(tokens[i - 1], token, text)
        return spaced and following.text[0].isupper()
    if token.text != "." or i == 0 or tokens[i - 1].end != token.start:
        return False
    if following.start == token.end and tokens[i - 1].text[-1:].isdigit():
        return following.text[:1].isdigit()  # a version string: "v2.4.1", "V3.0"
    # An abbreviation SoMaJo split off its full stop: unknown to it ("Abt."), or
    # read as a unit after a number ("90 Min. Spielzeit").
    word = tokens[i - 1].text.lower()
    return word in EXTRA_ABBREVIATIONS or word + "." in SENTENCE_FINAL_ABBREVIATIONS


def _start_after_full_stop(tokens: list[Token], i: int, text: str) -> int | None:
    """A sentence start SoMaJo misses after a full stop: behind a number it took
    for an ordinal ("bei 35,4. Hohe", "Nr. 4. Kiew"), behind typewriter quotes ("gut.'' Dann",
    "kam. ``Wir"), or a lower-case one ("habe. der")."""
    number_end = _is_misread_full_stop(tokens, i)
    numbered = _is_numbered(tokens, i)
    if not (number_end or numbered or _TERMINAL.fullmatch(tokens[i].text)):
        return None
    after = _what_follows(tokens, i, text)
    if after is None or after.word >= len(tokens):
        return None
    word = tokens[after.word]
    if (after.quoted or number_end) and _opens_like_sentence(word):
        return after.start
    if numbered and word.text[0].isupper() and word.text not in _MONTH_NAMES:
        return after.start
    if word.text[0].islower() and word.cls == "regular" and _closes_word(tokens, i):
        return after.start
    return None


def _what_follows(tokens: list[Token], i: int, text: str) -> _After | None:
    j = i + 1
    quoted = False
    while j < len(tokens) and tokens[j].text in _CLOSING and tokens[j].start == tokens[j - 1].end:
        quoted |= tokens[j].text == "''"
        j += 1  # closing quotes and brackets belong to the sentence that ends
    if j >= len(tokens) or not _space_between(tokens[j - 1], tokens[j], text):
        return None
    word = j
    while word < len(tokens) and (length := _opening_quote_length(tokens, word)):
        quoted |= tokens[word].text in {"``", ","}
        word += length
    return _After(j, word, quoted)


def _opening_quote_length(tokens: list[Token], j: int) -> int:
    """Tokens that make up an opening quote at tokens[j] (",," is two), 0 if none."""
    if tokens[j].text in _OPENING_QUOTES:
        return 1
    pair = tokens[j : j + 2]
    if len(pair) == 2 and pair[0].text == pair[1].text == "," and pair[0].end == pair[1].start:
        return 2
    return 0


def _closes_word(tokens: list[Token], i: int) -> bool:
    """Is tokens[i] a full stop right after a real word (not an unknown abbreviation)?"""
    if i == 0 or tokens[i].text != ".":
        return False
    word = tokens[i - 1]
    return (
        word.cls == "regular"
        and word.text.isalpha()
        and len(word.text) >= MIN_WORD_BEFORE_LOWERCASE_START
        and not _VOWELS.isdisjoint(word.text)
        and word.text.lower() not in EXTRA_ABBREVIATIONS
    )


def is_starter(token: Token) -> bool:
    """A capitalised function word ("Die", "Er", "Doch"), which only opens a sentence."""
    return token.text[0].isupper() and token.text.lower() in SENTENCE_STARTERS


def _opens_like_sentence(token: Token) -> bool:
    return token.text[0].isupper() or token.text[0].isdigit()


def _can_end_before_starter(tokens: list[Token], i: int) -> bool:
    """Can the ordinal, date or abbreviation tokens[i] close a sentence?"""
    token = tokens[i]
    if token.cls == "ordinal" or (token.cls == "date" and token.text.endswith(".")):
        return True  # "… stieg auf 5.", "… am 3.10."
    if token.cls != "abbreviation":
        return False
    if len(token.text) == 2 and token.text[0].isupper():
        # An initial closing a name ("… heißt Thomas M. Er …"), unless it
        # ends a multi-part abbreviation such as "z. B.".
        return i == 0 or tokens[i - 1].cls != "abbreviation"
    # SoMaJo matches abbreviations regardless of case, so an acronym before a
    # full stop ("… sagte er der FR.") reads as "Fr.".
    acronym = len(token.text) > 2 and token.text[:-1].isupper()
    return acronym or token.text.lower() in SENTENCE_FINAL_ABBREVIATIONS


def _is_misread_full_stop(tokens: list[Token], i: int) -> bool:
    """Is tokens[i] a word or number with a full stop that SoMaJo read as one token?

    The digits of a decimal or score ("35,4.", "2:1."), a number before a
    closing bracket ("Tel. 12345.)") – an ordinal needs a noun after it –,
    the clitic in "Das war's." and the unit in "5 °C." (read as the
    abbreviations "s." and "C.").
    """
    token = tokens[i]
    if token.cls == "ordinal" and token.text[0].isdigit():
        following = tokens[i + 1]
        return _is_decimal_part(tokens, i) or (
            following.text in {")", "]"} and following.start == token.end
        )
    if i == 0 or tokens[i - 1].end != token.start:
        return False
    before = tokens[i - 1].text
    clitic = token.text in {"s.", "S."} and before.endswith(("'", "’"))
    return clitic or (token.text in {"C.", "F."} and before == "°")


def _is_numbered(tokens: list[Token], i: int) -> bool:
    """Is tokens[i] a number with a full stop after a numbering abbreviation ("Nr. 4.")?"""
    token = tokens[i]
    return (
        i > 0
        and token.cls == "ordinal"
        and token.text[:-1].isdigit()
        and tokens[i - 1].text.lower() in NUMBERING_ABBREVIATIONS
    )


def _is_decimal_part(tokens: list[Token], i: int) -> bool:
    if i < 2:
        return False
    separator, number = tokens[i - 1], tokens[i - 2]
    return (
        separator.text in {",", ":"}
        and separator.end == tokens[i].start
        and number.end == separator.start
        and number.text[-1:].isdigit()
    )


def _is_ellipsis(text: str) -> bool:
    return text.startswith("…") or text.startswith("...")


def _is_bracketed_ellipsis(tokens: list[Token], i: int) -> bool:
    if i < 2 or tokens[i].text not in {")", "]"}:
        return False
    return _is_ellipsis(tokens[i - 1].text) and tokens[i - 2].text in {"(", "["}


def _space_between(left: Token, right: Token, text: str) -> bool:
    return left.end < right.start and text[left.end : right.start].isspace()
