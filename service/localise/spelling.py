"""Spelling: British or American forms of the same word (colour/color, organise/organize).

breame's lists decide which words have two spellings and what each is; the profile
decides the exceptions: words whose meanings the list cannot tell apart (``keep``),
nouns only (``licence``), and words left alone near others (a computer ``program``).
Names keep their own spelling (Pearl Harbor, the Labour Party): a capitalised word is
respelt only where it starts a sentence and the next word is not capitalised too.
``GAPS`` adds pairs breame lacks (totalled, skilful, enrolment, fuelled ...); "kerb" and
"curb" are one word only as the street's edge (a noun after a determiner, not "a curb
on"): "to curb inflation" is the same verb in both.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

import regex
from breame.spelling import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

from service.localise.edits import Edit, match_case
from service.localise.headlines import proper_words
from service.localise.profile import Spelling

WORD = regex.compile(r"(?<![\p{L}\p{N}_'’.])\p{L}+(?:['’]\p{L}+)*(?![\p{L}\p{N}_]|\.\p{L})")
SENTENCE_START = regex.compile(r"(?:^|[.!?:]\s+|[\"“‘(]\s*)$")
DETERMINERS = frozenset(
    "a an the his her its their our your my this that these those whose no any each every "
    "driving operating broadcasting export import gun liquor fishing".split()
)
NEAR = 3  # words either side for ``unless_near``
# American → British pairs breame's lists lack
GAPS = {
    "totaled": "totalled", "totaling": "totalling", "skillful": "skilful",
    "skillfully": "skilfully", "willful": "wilful", "willfully": "wilfully",
    "enrollment": "enrolment", "enrollments": "enrolments", "fueled": "fuelled",
    "fueling": "fuelling", "curb": "kerb", "curbs": "kerbs", "curbside": "kerbside",
}  # fmt: skip
STREET_EDGE = frozenset({"curb", "curbs"})  # "kerb" is only ever the street's edge


@cache
def respellings(variant: str) -> dict[str, str]:
    """Lower-case word → its spelling in ``variant``."""
    # breame: AMERICAN_ENGLISH_SPELLINGS maps American words to British, and the reverse.
    if variant == "british":
        return {**AMERICAN_ENGLISH_SPELLINGS, **GAPS}
    reverse = {british: american for american, british in GAPS.items() if american != "curbside"}
    return {**BRITISH_ENGLISH_SPELLINGS, **reverse}


def spelling_edits(text: str, rules: Spelling, lowered: Collection[int] = ()) -> list[Edit]:
    """``lowered``: where words start that a headline edit writes in lower case."""
    table = respellings(rules.variant)
    words = list(WORD.finditer(text))
    edits = []
    for index, match in enumerate(words):
        word = match.group()
        end = match.end()
        if word.endswith(("'s", "’s")):  # the programme's cost: the word before the 's
            word, end = word[:-2], end - 2
        lower = word.lower()
        wanted = table.get(lower)
        if wanted is None or lower in rules.keep:
            continue
        if not (word.islower() or word.istitle()):
            continue  # COVID, iPhone: leave alone
        if word.istitle() and (
            not starts_sentence(text, match.start(), words, index, lowered)
            or lower in proper_words()
        ):
            continue
        if lower in rules.nouns_only and not after_determiner(words, index):
            continue
        if lower in STREET_EDGE and (
            not after_determiner(words, index) or regex.match(r"\s+on\b", text[end:])
        ):
            continue  # "to curb inflation", "a curb on bonuses": the verb, or a limit
        if near := rules.unless_near.get(lower):
            context = words[max(0, index - NEAR) : index + NEAR + 1]
            if any(other.group().lower() in near for other in context):
                continue
        edits.append(Edit("spelling", match.start(), end, match_case(word, wanted)))
    return edits


def starts_sentence(
    text: str, start: int, words: list[regex.Match[str]], index: int, lowered: Collection[int]
) -> bool:
    if not SENTENCE_START.search(text[max(0, start - 4) : start]):
        return False
    following = words[index + 1].group() if index + 1 < len(words) else ""
    if index + 1 < len(words) and words[index + 1].start() in lowered:
        following = following.lower()
    return not following[:1].isupper()


def after_determiner(words: list[regex.Match[str]], index: int) -> bool:
    if index == 0:
        return False
    previous = words[index - 1].group().lower()
    return previous in DETERMINERS or previous.endswith(("'s", "’s"))
