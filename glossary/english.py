"""English-side helpers for enforcement: finding a term in a translation,
word boundaries, possessives and casing.

A term counts as present when its words occur as whole words, in any case,
with hyphen and space interchangeable (traffic-light / traffic light), with
an English plural (ministers) and/or a possessive (Lavrov's, ministers').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SEP = r"[\s\-\u2010\u2011]+"
_WORDCHAR = re.compile(r"\w")
# Adjective or demonym endings accepted when the German hit was only the
# modifier of a compound (Europa|parlament → European Parliament).
_DERIVED = "an|ian|ean|ese|ish|i|n"


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int  # end of the term with any plural ending, before a possessive
    full_end: int  # including a possessive 's or '
    possessive: bool


@lru_cache(maxsize=4096)
def _pattern(phrase: str, endings: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(_SEP, phrase.strip()) if w]
    tail = f"(?:{endings})?" if endings else ""
    return re.compile(
        r"(?<!\w)(?P<core>" + _SEP.join(words) + tail + r")"
        r"(?P<pos>['\u2019]s|(?<=s)['\u2019])?(?!\w)",
        re.IGNORECASE,
    )


def endings_for(kind: str, derived: bool = False) -> str:
    """English endings a term may carry: plurals for terms, a plural -s for
    names, none for ``keep`` entries (Bundestages is German, not English);
    for a compound's modifier also adjective endings (European)."""
    base = {"term": "s|es", "name": "s"}.get(kind, "")
    if derived:
        return f"{base}|{_DERIVED}" if base else _DERIVED
    return base


def occurrences(text: str, phrase: str, endings: str = "s|es") -> list[Occurrence]:
    """Every whole-word occurrence of ``phrase`` in ``text``, left to right."""
    if not phrase.strip():
        return []
    out = []
    for m in _pattern(phrase, endings).finditer(text):
        out.append(Occurrence(m.start(), m.end("core"), m.end(), m.group("pos") is not None))
    return out


def canonical_case(found: str, target: str) -> str:
    """The target's own casing for a found occurrence (Nato → NATO).

    Only when the target has capitals (names, acronyms): an all-lowercase
    target ("debt brake") keeps whatever casing the sentence gave it, since
    a capital there is sentence-initial or title case.
    """
    if target == target.lower() or found[: len(target)].casefold() != target.casefold():
        return found
    return target + found[len(target) :]


def possessive(phrase: str) -> str:
    return phrase + ("'" if phrase.endswith("s") else "'s")


def at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“”‘’«»(")
    return not before or before[-1] in ".!?:"


def capitalise_if_initial(text: str, pos: int, phrase: str) -> str:
    if phrase and at_sentence_start(text, pos):
        return phrase[0].upper() + phrase[1:]
    return phrase


def expand_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a character range to whole words (letters, digits, inner
    hyphens/apostrophes), then take a following possessive along."""
    while start > 0 and _is_word(text, start - 1):
        start -= 1
    while end < len(text) and _is_word(text, end):
        end += 1
    if text[end : end + 2] in ("'s", "\u2019s") and not _WORDCHAR.match(text[end + 2 : end + 3]):
        end += 2
    return start, end


def _is_word(text: str, i: int) -> bool:
    ch = text[i]
    if ch.isalnum():
        return True
    # an inner hyphen or apostrophe joins letters on both sides (Saxony-Anhalt)
    return (
        ch in "-'\u2019"
        and 0 < i < len(text) - 1
        and text[i - 1].isalnum()
        and text[i + 1].isalnum()
        and not (ch in "'\u2019" and text[i + 1] == "s" and not text[i + 2 : i + 3].isalnum())
    )


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'\u2019]\w+)*", text))


def preceded_by_of(text: str, pos: int) -> bool:
    """ "of" among the two words before ``pos`` (of Lavrov, of the minister)."""
    words = re.findall(r"\w+", text[:pos])[-2:]
    return "of" in (w.casefold() for w in words)


def word_windows(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of every run of ``size`` consecutive words."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+(?:[-'\u2019]\w+)*", text)]
    return [(words[i][0], words[i + size - 1][1]) for i in range(len(words) - size + 1)]
