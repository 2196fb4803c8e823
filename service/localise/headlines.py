"""Headlines: sentence case ("Chancellor to visit Paris") or Title Case, as the profile says.

Sentence case lowers a capitalised word only in a headline that is in Title Case, and
only a word known as a common English word (simplemma's dictionary) that is no month,
weekday, country, nationality or city (CLDR names and the time-zone cities) and no name
the caller knows (glossary names, words capitalised inside sentences of the article).
Acronyms, the first word and the word after a colon keep their capitals.

``headline_names`` gathers the evidence for names from the whole article: a word the
article's English capitalises inside a sentence, and a word the German source writes
as the headline does, capitalised, that is no German word (pyspellchecker's German
frequencies: "Pearl Harbor", "Downing Street", "Baker" are names there, "Hotel" is not).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Collection
from functools import cache
from typing import Any

import regex
import simplemma
from babel import Locale

from service.localise.edits import Edit

# a word, not a letter of an abbreviation ("p.m.", "U.S.")
WORD = regex.compile(r"(?<![\p{L}\p{N}'’.-])\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*(?!\.\p{L})")
MINOR = frozenset(
    "a an and as at but by for from in into nor of off on onto or over per the to up via vs "
    "with".split()
)
TITLE_SHARE = 0.6  # share of capitalised longer words that makes a headline Title Case


@cache
def proper_words() -> frozenset[str]:
    """Lower-cased words that are names in English: CLDR months, days, countries,
    languages and nationalities, and the cities of the time-zone database."""
    english = Locale.parse("en")
    names: set[str] = set()
    for table in (english.territories, english.languages):
        for value in table.values():
            names.update(value.lower().split())
    for width in ("wide", "abbreviated"):
        names.update(name.lower() for name in english.months["format"][width].values())
        names.update(name.lower() for name in english.days["format"][width].values())
    for zone in zoneinfo.available_timezones():
        names.update(zone.rsplit("/", 1)[-1].replace("_", " ").lower().split())
    names.update({"i", "god", "christmas", "easter", "brexit", "covid", "parliament"})
    names.update(demonyms())
    return frozenset(names - MINOR)


def demonyms() -> set[str]:
    return {"american", "british", "german", "french", "russian", "ukrainian", "chinese",
            "european", "african", "asian", "israeli", "palestinian", "iranian", "syrian",
            "turkish", "polish", "italian", "spanish", "greek", "swiss", "austrian",
            "dutch", "belgian", "swedish", "norwegian", "danish", "finnish", "japanese",
            "korean", "indian", "pakistani", "afghan", "iraqi", "saudi", "egyptian",
            "mexican", "canadian", "brazilian", "australian", "western", "eastern", "nato",
            "eu", "un", "g7", "g20", "christian", "muslim", "jewish", "catholic",
            "democrat", "democrats", "republican", "republicans", "conservatives",
            "labour", "tory", "tories", "bundestag", "bundesrat", "kremlin", "pentagon",
            "white", "house"}  # fmt: skip


SENTENCE_START = regex.compile(r"(?:^|[.!?:;]\s+|[\"“„‘(«»]\s*)$")


def headline_names(headline: str, article: str, source: str) -> set[str]:
    """Capitalised words of ``headline`` that the article or the German shows are names."""
    wanted = {m.group() for m in WORD.finditer(headline) if m.group()[:1].isupper()}
    names = set()
    for match in WORD.finditer(article):
        word, start = match.group(), match.start()
        if word in wanted and not SENTENCE_START.search(article[max(0, start - 3) : start]):
            names.add(word)
    if source:
        german = german_frequencies()
        for match in WORD.finditer(source):
            word = match.group()
            if word in wanted and german[word.lower()] == 0 and match.start() > 0:
                names.add(word)
    return names


@cache
def german_frequencies() -> Any:
    from spellchecker import SpellChecker  # its German list loads when a headline needs it

    return SpellChecker(language="de").word_frequency


# Words other conventions write, add or drop (a measure's, an amount's, a percentage's):
# no sign of the headline's case, and not counted, so that a second pass decides alike
MEASURE_WORDS = regex.compile(
    r"(?:(?:kilo|centi|milli)?met(?:re|er)s?|kilogram(?:me)?s?|grams?|tonnes?|tons?|lit(?:re|er)s?"
    r"|hectares?|miles?|feet|foot|inch(?:es)?|pounds?|gallons?|acres?|euros?|dollars?|francs?"
    r"|sterling|celsius|fahrenheit|degrees?|percent|cent|minus|million|billion|trillion|square"
    r"|hour|metric)",
    regex.IGNORECASE,
)


def is_title_case(words: list[str]) -> bool:
    longer = [
        word
        for word in words[1:]
        if len(word) > 3
        and not word.isupper()
        and word.lower() not in proper_words()
        and not MEASURE_WORDS.fullmatch(word)
    ]
    if len(longer) < 2:
        return False
    return sum(word[:1].isupper() for word in longer) / len(longer) >= TITLE_SHARE


def headline_edits(text: str, case: str, names: Collection[str] = ()) -> list[Edit]:
    matches = list(WORD.finditer(text))
    words = [match.group() for match in matches]
    known = {name.lower() for name in names}
    title_case = case != "title" and is_title_case(words)  # judged once, for the whole line
    edits = []
    for index, match in enumerate(matches):
        word = match.group()
        before = text[max(0, match.start() - 20) : match.start()].rstrip()
        first = index == 0 or before.endswith((":", "—", "–"))
        if case == "title":
            if word.islower() and (first or index == len(matches) - 1 or word not in MINOR):
                edits.append(
                    Edit("headline", match.start(), match.end(), word[:1].upper() + word[1:])
                )
            continue
        if first or not title_case or not word.istitle():
            continue
        lower = word.lower()
        if lower in proper_words() or lower in known or word.isupper():
            continue
        if lower in MINOR or simplemma.is_known(lower.split("-")[0], lang="en"):
            edits.append(Edit("headline", match.start(), match.end(), lower))
    return edits
