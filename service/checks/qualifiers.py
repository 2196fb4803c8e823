"""How exact a figure is: "rund 200.000" is not "200,000", and "mehr als 25" is
not "fewer than 25".

A German figure with a qualifier just before it (``rund``, ``etwa``, ``knapp``,
``mehr als``, ``mindestens``, ``bis zu``, ``im geschätzten Wert von`` …) needs one
in the English just before the same figure (``around``, ``some``, ``nearly``,
``more than``, ``at least``, ``up to``, ``-odd`` and ``or so`` after it …):
without one, the English states as exact what the German does not, an
``omission`` ("the German 'rund' of '203.000' is missing in the English"); a
bound lost (``mehr als``, ``knapp``, ``bis zu`` …) changes the figure told, a
``number_mismatch`` too. A bound turned round (``mehr als`` → ``fewer than``,
``knapp`` → ``more than``) is a
``number_mismatch``; an English
bound or approximation before a figure the German states plainly is an
``addition`` (a bound, a ``number_mismatch`` too), unless a German bound stands a
few words before its figure ("weniger als die angestrebten 15 Millionen"). A
year compared ("18 Prozent mehr als 2022") has no bound. Any qualifier may
render one of approximation and the other way round (``rund`` → ``nearly``,
``knapp`` → ``some``): translators do. A figure
that adds to one before (``weitere 17``) needs ``another``, ``a further`` or ``17
more``; without one, it is an ``omission`` too. The figures are paired by value
(``numbers.py`` reads them); one the English lacks or changes is the number
check's.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from service.checks.numbers import Amount, Clock, Found, english_found, german_found
from service.document import Finding

ABOUT, BELOW, ABOVE = "about", "below", "above"

# Qualifiers of an amount. Not "ab" ("ab 50" = "50 and over", "from 50"), nor the
# comparisons of a year ("mehr als 2022" = "more than in 2022").
_GERMAN = {
    ABOUT: r"rund|etwa|circa|ca\.|zirka|ungefähr|annähernd|schätzungsweise|um\s+die"
    # "geschätzte 500 Besucher", "im geschätzten Wert von 1,2 Millionen" = "an estimated"
    r"|geschätzte[nmrs]?(?:\s+\p{Lu}\p{Ll}+\s+(?:von|in\s+Höhe\s+von))?",
    BELOW: r"knapp|fast|beinahe|nahezu|(?<!nicht\s)weniger\s+als|unter|bis\s+zu|höchstens"
    r"|maximal|nicht\s+einmal|kaum|nicht\s+mehr\s+als",  # "nicht mehr als" = "at most"
    ABOVE: r"(?<!nicht\s)mehr\s+als|mindestens|gut|weit\s+über|knapp\s+über|wenigstens"
    r"|nicht\s+weniger\s+als"
    r"|(?<!(?-i:\p{Lu})\p{Ll}*\s)über",  # "ein Gebot über 1,85 Millionen" = "a bid of"
}
# Of a time: "gegen 14.30 Uhr" = "at around 2.30pm".
_GERMAN_CLOCK = {ABOUT: r"gegen|um\s+etwa|etwa\s+um|circa\s+um"}
_ENGLISH = {
    ABOUT: r"around|about|some|roughly|approximately|approx\.|circa|estimated|c\.",
    BELOW: r"nearly|almost|just\s+under|close\s+to|less\s+than|fewer\s+than|under|below"
    r"|up\s+to|at\s+most|no\s+more\s+than|barely|just\s+short\s+of|not\s+even"
    r"|as\s+many\s+as|as\s+much\s+as|as\s+far\s+as|maximum|shy\s+of|short\s+of"
    r"|(?:shorter|younger|smaller|lower|lighter|narrower|cheaper)\s+than",
    ABOVE: r"more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of|well\s+over"
    r"|just\s+over|a\s+good|minimum|beyond|exceed\w*|topp\w*|top(?:s)?"
    # "Schiffe mit mehr als 125 Metern Länge" = "ships longer than 125 metres"
    r"|(?:longer|older|larger|bigger|higher|taller|heavier|greater|wider|deeper)\s+than",
}
# Said after the figure: "200,000-odd", "25 or so"; "25-plus", "12 or more", "50 and
# over"; "or less".
_AFTER_EN = (
    (ABOUT, regex.compile(r"^(?:-odd|\s+or\s+so)\b", regex.I)),
    (
        ABOVE,
        regex.compile(
            r"^(?:-plus\b|\+|\s+(?:or|and)\s+(?:more|over|above|older|upwards)\b)", regex.I
        ),
    ),
    (BELOW, regex.compile(r"^\s+or\s+(?:less|fewer|under|younger)\b", regex.I)),
)
# A figure written with a leading zero names (a telephone number, a postcode) rather
# than counts.
_IDENTIFIER = regex.compile(r"0\d")
# Words that may stand between a German qualifier and its figure: "rund 1,5
# Millionen" has none, "knapp die Hälfte", "mehr als das Doppelte" an article.
_BETWEEN_DE = r"(?:\s+(?:die|der|das|den|dem|ein|eine|einen))?\s*"
# English says a qualifier a few words before its figure: "under the age of 12",
# "roughly one in three", "some EUR 50,000".
_BEFORE_EN = 4
_BEFORE_DE = 7
# English qualifiers that say a bound or an approximation plainly, where the German
# has none: an addition. Not "about", "some", "over", "up to", "from", words of other
# uses ("moved up to fourth", "over the 12 months", "built around a 250-megawatt").
_ADDED_EN = regex.compile(
    r"(?<![\w-])(?:(?<!\b(?:built|centred|centered|based|revolv\w*|organi[sz]ed|designed"
    r"|structured|wrapped|gathered)\s+)around|roughly|approximately|an\s+estimated|nearly|almost|at\s+least"
    r"|more\s+than|less\s+than|fewer\s+than|at\s+most|well\s+over|just\s+over|just\s+under"
    r"|upwards\s+of|in\s+excess\s+of)(?:\s+(?:the|a|an|\$|€|£))?\s*$",
    regex.IGNORECASE,
)


def qualifier_findings(source: str, target: str) -> list[Finding]:
    """The findings of the first figure whose qualifier is dropped, turned or added:
    one, or a bound's ``number_mismatch`` beside its omission or addition."""
    english = english_found(target)
    used: set[int] = set()
    figures = german_found(source)
    for german in figures:
        if not isinstance(german.value, Amount | Clock) or german.weak:
            continue  # a year, a date: "mehr als 2022" compares; "Halbjahr" has no bound
        if isinstance(german.value, Amount) and _IDENTIFIER.match(source, german.start):
            continue  # "unter 0381 4916" is a telephone number, not a bound
        if _a_year(source, german):
            continue  # "18 Prozent mehr als 2022" compares with a year
        match = _partner(german, english, used)
        if match is None:
            continue
        used.add(match.start)
        kind, word = _german(source, german)
        if _no_bound(word, source, german) or (
            word == "unter" and _dialled(source, german, target, match)
        ):
            kind = None
        said, english_word = _english(target, match)
        figure = f"'{source[german.start : german.end]}'"
        german_span, english_span = (german.start, german.end), (match.start, match.end)
        if kind and not said:
            message = f"the German '{word}' of {figure} is missing in the English: it states "
            message += "the figure as exact"
            lost = [_finding("omission", german_span, None, message)]
            if kind != ABOUT:  # "mehr als 40" → "40": a bound lost changes the figure told
                lost.append(_finding("number_mismatch", german_span, english_span, message))
            return lost
        if kind and said and {kind, said} == {ABOVE, BELOW}:
            message = f"the German '{word}' of {figure} is '{english_word}' in the English: "
            message += "a bound the other way"
            return [_finding("number_mismatch", german_span, english_span, message)]
        more = _MORE_DE.search(source[: german.start])
        if more and not _said_more(target, match):
            message = f"the German '{more.group(1)}' of {figure} is missing in the English: "
            message += "it no longer says the figure comes on top"
            return [_finding("omission", german_span, None, message)]
        added = _ADDED_EN.search(target[: match.start])
        if (
            added
            and not _loosely_qualified(source, german)
            and not _qualified_twin(source, german, figures)
        ):
            message = f"the English '{added.group().strip()}' of {figure} is not in the German"
            extra = [_finding("addition", None, english_span, message)]
            if _kind_of(added.group()) != ABOUT:  # "40" → "more than 40": a bound
                extra.append(_finding("number_mismatch", None, english_span, message))
            return extra
    return []


# "weitere 17 Filialen" = "another 17 stores", "17 more stores": a figure that adds to
# one before.
_MORE_DE = regex.compile(r"(?<![\w-])(weiteren?|zusätzlichen?)\s*$", regex.IGNORECASE)
_MORE_BEFORE_EN = regex.compile(
    r"(?<![\w-])(?:another|further|more|additional|extra|other|new)\b", regex.IGNORECASE
)
_MORE_AFTER_EN = regex.compile(r"^(?:\s+\w+)?\s+(?:more|others?|extra)\b", regex.IGNORECASE)


def _qualified_twin(source: str, german: Found, figures: Sequence[Found]) -> bool:
    """Another German figure of the same value with a qualifier: "die zweite Strecke …
    fast doppelt so viel" = "the second line … almost twice as much", whose "almost"
    is the "doppelt"'s."""
    return any(
        other.start != german.start
        and other.value == german.value
        and _german(source, other)[0] is not None
        for other in figures
    )


def _no_bound(word: str, source: str, found: Found) -> bool:
    """A qualifier's word in another sense: "eine Umfrage unter 6.000 Befragten" and
    "unter die 30 besten Hochschulen" (among), "kam nicht über ein 0:0 hinaus" (held
    to), "führt über 118 Kilometer" (a route of), "über 46 Mandate verfügt" (has)."""
    before = source[: found.start]
    if word == "unter":
        return bool(_SURVEYED.search(before) or _AMONG.search(before))
    route = isinstance(found.value, Amount) and found.value.unit in ("km", "m")
    # "über 46 Mandate verfügt", "verfügt über 46 Mandate": has 46
    held = _HELD.match(source, found.end) is not None or _HELD_BEFORE.search(before) is not None
    beyond = _BEYOND.match(source, found.end) is not None
    return word == "über" and (route or held or beyond)


def _dialled(source: str, german: Found, target: str, english: Found) -> bool:
    """Digits in groups the English gives as a number to call ("unter 116 117" = "on
    116 117"): a telephone number, not a bound."""
    grouped = regex.search(r"\d\s\d", source[german.start : german.end]) is not None
    return grouped and _DIALLED_EN.search(target[: english.start]) is not None


_DIALLED_EN = regex.compile(r"\b(?:on|at|call|calling|dial|dialling|dialing|number)\s+$", regex.I)
_AMONG = regex.compile(r"\bunter\s+(?:die|den|der)\s*$", regex.IGNORECASE)
_BEYOND = regex.compile(r"[^.;,]{0,30}\bhinaus\b")
_HELD = regex.compile(r"[^.;,]{0,40}\bverfüg", regex.IGNORECASE)
_HELD_BEFORE = regex.compile(r"\bverfüg\w*\b[^.;,]{0,40}$", regex.IGNORECASE)
_SURVEYED = regex.compile(r"\b(?:Umfrage|Befragung|Erhebung|Studie)\w*\b[^.;]{0,40}$")


def _said_more(target: str, found: Found) -> bool:
    """An English "another", "a further", "more" … with the figure: a few words before
    it, or "more" after it ("17 more")."""
    before = _words_before(target, found)
    return bool(_MORE_BEFORE_EN.search(before) or _MORE_AFTER_EN.match(target[found.end :]))


def _german(source: str, found: Found) -> tuple[str | None, str]:
    """The kind and the words of a German qualifier just before ``found``."""
    words = _GERMAN_CLOCK if isinstance(found.value, Clock) else _GERMAN
    before = source[: found.start]
    for kind, pattern in words.items():
        match = regex.search(rf"(?<![\w-])({pattern}){_BETWEEN_DE}$", before, regex.IGNORECASE)
        if match:
            return kind, " ".join(match.group(1).split())
    return None, ""


# Any word of the German that may qualify a figure a few words on: "mindestens aber
# 300 Euro", "um das Jahr 6", "länger als vier Wochen", "spätestens zwei Stunden vor
# Abflug" ("at least two hours before").
_LOOSE_DE = regex.compile(
    "|".join(f"(?:{pattern})" for pattern in _GERMAN.values())
    + r"|\b\p{Ll}+er\s+als\b|\bum\b|\bgegen\b|\bab\b|\bspätestens\b|\bfrühestens\b"
    + r"|\büber\b",  # after a noun too: "Tiertransporte über acht Stunden" = "of more than"
    regex.IGNORECASE,
)


def _a_year(source: str, found: Found) -> bool:
    """A plain four-digit figure of a year (1900-2099) with no noun after it ("mehr
    als 2022", not "mehr als 2000 Menschen")."""
    text = source[found.start : found.end]
    counts = regex.match(r"\s*\p{Lu}", source[found.end :]) is not None
    return regex.fullmatch(r"(?:19|20)\d\d", text) is not None and not counts


def _loosely_qualified(source: str, found: Found) -> bool:
    # "weniger als die von der Regierung angestrebten 15 Millionen": German may set
    # a bound words before its figure
    before = " ".join(source[: found.start].split()[-_BEFORE_DE:])
    return _LOOSE_DE.search(before) is not None


def _english(target: str, found: Found) -> tuple[str | None, str]:
    """The kind and the words of an English qualifier of ``found``: in the few words
    before it, or just after it."""
    before = _words_before(target, found)
    for kind, pattern in _ENGLISH.items():
        match = regex.search(rf"(?<![\w-])({pattern})(?!\w|-[a-z])", before, regex.IGNORECASE)
        if match:
            return kind, " ".join(match.group(1).split())
    for kind, after in _AFTER_EN:
        said = after.search(target[found.end :])
        if said:
            return kind, said.group().strip(" -")
    return None, ""


def _kind_of(english_words: str) -> str | None:
    """ABOUT, BELOW or ABOVE for an English qualifier's words."""
    words = " ".join(english_words.split()).removesuffix(" the").removesuffix(" a")
    for kind, pattern in _ENGLISH.items():
        if regex.fullmatch(rf"(?:{pattern})(?:\s+\S+)?", words, regex.IGNORECASE):
            return kind
    return None


def _words_before(target: str, found: Found) -> str:
    """The English's last few words before ``found``, a currency sign not one of them
    ("up to an additional €2,000")."""
    return " ".join(_CURRENCY.sub(" ", target[: found.start]).split()[-_BEFORE_EN:])


_CURRENCY = regex.compile(r"[$€£¥]")


def _partner(german: Found, english: Sequence[Found], used: set[int]) -> Found | None:
    """The English figure of the same value (or reading) not yet paired."""
    values = {german.value, *german.alternatives}
    same = [
        found
        for found in english
        if found.start not in used
        and not found.weak
        and values & {found.value, *found.alternatives}
    ]
    # a number word's own kind first: "knapp drei Stunden" is "just under three hours",
    # not the "3" of a score "6-3" before it
    written = [found for found in same if _in_words(found.text) == _in_words(german.text)]
    chosen = written or same
    return chosen[0] if chosen else None


def _in_words(text: str) -> bool:
    return not any(character.isdigit() for character in text)


Span = tuple[int, int] | None


def _finding(flag: str, source_span: Span, target_span: Span, message: str) -> Finding:
    return Finding(flag=flag, source_span=source_span, target_span=target_span, message=message)
