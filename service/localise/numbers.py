"""Figures: German decimal commas, "5%" where the style writes it, one to nine in words.

Decimal commas the model carried from German ("5,2 percent", "0,7 per cent") become
points where a percentage, point or scale word follows: a comma before three digits
is English grouping ("2,500") and stays. Where the profile says ``percent = "%"``,
"5 percent" and "5 per cent" become "5%". Where it says ``words = true``, a figure
from 1 to 9 counting something ("4 suspects") is written as a word ("four"): never
an age ("the girl, 6,"), a percentage, money, a time, a date, a measure, a score
("5-4"), a range, a decimal, nor a numbered thing ("Windows 7", "Chapter 3", "No. 5").
Measures are the units rule's; this rule reads only bare figures.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

import regex

from service.localise.edits import Edit
from service.localise.profile import Profile
from service.localise.units import IMPERIAL, METRIC

WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
PERCENT = r"(?:percent|per\s?cent|prozent|pct)\b"
DECIMAL_COMMA = regex.compile(
    rf"(?<![\w.,])(?P<whole>\d+),(?P<part>\d{{1,2}})(?![\d,])"
    rf"(?=\s?(?:%|{PERCENT}|percentage points?|points?\b|million\b|billion\b|trillion\b))"
)
PERCENTAGE = regex.compile(
    rf"(?<![\w.,])(?P<figure>[-−]?\d+(?:[.,]\d+)?)\s?{PERCENT}", regex.IGNORECASE
)
# A lone figure 1-9 followed by a word that it counts.
SMALL = regex.compile(r"(?<![\w.,:/$€£#−+-]|\d\s)(?P<digit>[1-9])(?=\s(?P<next>\p{Ll}[\p{L}-]*))")
# Words after a figure that make it a measure, a time, an age or a share: not counted things.
NOT_COUNTED = frozenset(
    """percent per cent percentage points point a.m. p.m. am pm o'clock hours hour minutes
    minute seconds second am. pm. years-old year-old million billion trillion thousand
    degrees degree km kg m cm mm miles mile feet foot inches inch pounds euros dollars
    francs goals goal runs wickets sets games""".split()
)
# Words before a figure that make it a name or a number of something ("Chapter 3").
NUMBERED = frozenset(
    """no no. number chapter article section page paragraph clause item act part phase
    stage level grade category class route line platform gate room floor round week
    year day episode season series volume version windows apollo formula term tier
    exhibit count figure table step vote game match""".split()
)


def number_edits(text: str, profile: Profile, lowered: Collection[int] = ()) -> list[Edit]:
    """``lowered``: where words start that a headline edit writes in lower case."""
    edits: list[Edit] = []
    if profile.numbers.percent == "%":  # "2,5 percent" → "2.5%": one edit
        for match in PERCENTAGE.finditer(text):
            figure = match["figure"]
            if regex.fullmatch(r"[-−]?\d+,\d{1,2}", figure):
                figure = figure.replace(",", ".")
            edits.append(Edit("number", match.start(), match.end(), f"{figure}%"))
    edits += [
        Edit("number", m.start(), m.end(), f"{m['whole']}.{m['part']}")
        for m in DECIMAL_COMMA.finditer(text)
        if not any(e.start <= m.start() < e.end for e in edits)
    ]
    if profile.numbers.words:
        edits += [edit for m in SMALL.finditer(text) if (edit := word_edit(text, m, lowered))]
    return edits


@cache
def unit_word() -> regex.Pattern[str]:
    forms = "|".join(unit.forms for unit in METRIC + IMPERIAL)
    return regex.compile(rf"(?:{forms}|pounds?|ounces?|stones?|yards?|pints?)(?!\p{{L}})")


def word_edit(text: str, match: regex.Match[str], lowered: Collection[int]) -> Edit | None:
    following = match["next"].lower()
    if following in NOT_COUNTED or following.startswith(("year-old", "percent")):
        return None
    if unit_word().match(text, match.end() + 1):
        return None  # "1 kilometre (0.6 miles)": a measure keeps its figure
    if regex.match(r"\s(?:to|and|or|-|–)\s\d", text, pos=match.end()):
        return None  # a range: "3 to 5 people" keeps its figures
    before = text[max(0, match.start() - 80) : match.start()].rstrip()  # the words before
    previous = regex.search(r"(?:^|\s)([\p{L}.]+)$", before)
    if previous and (
        previous.group(1).lower() in NUMBERED
        or previous.group(1)[:1].isupper()
        and previous.start(1) not in lowered
        and not (regex.search(r"(?:^|[.!?]\s+)[\p{L}.]+$", before))
    ):
        return None  # "Windows 7 users", "Chapter 3 of": a name, not a count
    token = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
    if any(char.isdigit() for char in token) or token.lower() in ("celsius", "fahrenheit"):
        return None  # "21C 4 ...": right after a measure, the figure is no count to spell
    if before.endswith("."):
        return None  # after "p.m." or a full stop: a time's or a sentence's figure
    if before.endswith((",", "aged", "age")):
        return None  # "the girl, 6, was": an age
    return Edit("number", match.start(), match.end(), WORDS[int(match["digit"]) - 1])
