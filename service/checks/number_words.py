"""Numbers written as words, German compounds and English phrases, and their value.

German writes a number below a million as one word (``fünfundzwanzig``,
``zweihundertfünfzig``, ``dreitausend``) and glues it to what it counts
(``zwölfjährig``, ``dreimal``, ``dreifach``, ``Dreiviertel``, ``zweieinhalb``,
``einundzwanzigsten``); English writes it as words with spaces and hyphens
(``twenty-five``, ``two hundred and fifty``, ``a hundred thousand``, ``two and
a half``). Each side's grammar is a regular expression built from its words,
and the value is summed the usual way (a hundred multiplies what stands before
it, a thousand or a million closes a group). The numbers CLDR writes out
(Babel's ``RuleBasedNumberFormat`` is not in Babel) are the words below a
million; past that news writes digits (``1,5 Millionen``), which
``service.checks.numbers`` reads.
"""

from __future__ import annotations

import regex

_DE_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
             "acht": 8, "neun": 9}  # fmt: skip
_DE_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
             "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
             "neunzehn": 19}  # fmt: skip
_DE_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
            "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}  # fmt: skip
_DE_WORDS = {**_DE_UNITS, **_DE_TEENS, **_DE_TENS, "eins": 1}


def _either(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_DU, _DT, _DZ = _either(_DE_UNITS), _either(_DE_TEENS), _either(_DE_TENS)
_DE_B100 = rf"(?:(?:{_DU})und(?:{_DZ})|{_DZ}|{_DT}|eins|{_DU})"
_DE_B1000 = rf"(?:(?:{_DU})?hundert(?:und)?{_DE_B100}?|{_DE_B100})"
# A German cardinal below a million, as one word.
DE_CARDINAL = rf"(?:{_DE_B1000}?tausend(?:und)?{_DE_B1000}?|{_DE_B1000})"
# What German glues to a cardinal: an age or a span of time (zwölfjährig, der
# Achtjährige, dreiwöchig, dreitägig), a count (fünfköpfig, zweistellig), times
# (dreimal, dreifach), a half or quarters (zweieinhalb,
# dreiviertel), an ordinal's ending (einundzwanzigsten, hundertste), and the head of
# a compound it counts (Zehnjahresmittel, Viertagewoche, Zehnpunkteplan).
DE_SUFFIX = (
    r"(?P<suffix>j[äa]hrig\p{Ll}*|(?:wöchig|tägig|monatig|stündig|minütig|köpfig|stellig"
    r"|teilig|seitig|sitzig|prozentig|malig)\p{Ll}*|mal|fach\p{Ll}*|einhalb|viertel|ste[nmrs]?|stel"
    r"|(?:jahres|tages?|wochen|monats|punkte|stufen)\p{Ll}+)"
)
DE_NUMBER = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<card>{DE_CARDINAL})(?:{DE_SUFFIX})?(?![\p{{L}}\d])", regex.IGNORECASE
)
_DE_SPLIT = regex.compile(rf"tausend|hundert|und|{_either(_DE_WORDS)}", regex.IGNORECASE)


def german_cardinal(word: str) -> float:
    """The value of a German cardinal word (``zweihundertfünfzig`` → 250)."""
    total = current = 0.0
    for part in _DE_SPLIT.findall(word.lower()):
        if part == "tausend":
            total += (current or 1) * 1000
            current = 0
        elif part == "hundert":
            current = (current or 1) * 100
        elif part != "und":
            current += _DE_WORDS[part]
    return total + current


def german_number(match: regex.Match[str]) -> float:
    """The value of a ``DE_NUMBER`` match, its suffix applied."""
    value = german_cardinal(match["card"])
    suffix = (match["suffix"] or "").lower()
    if suffix == "einhalb":
        return value + 0.5
    if suffix == "viertel":  # dreiviertel: three quarters
        return value / 4
    if suffix == "stel":  # ein Hundertstel, ein Tausendstel
        return 1 / value
    return value


_EU = "one|two|three|four|five|six|seven|eight|nine"
_ET = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
_EZ = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_VALUES = (
    {word: index + 1 for index, word in enumerate(_EU.split("|"))}
    | dict(zip(_ET.split("|"), [*range(11, 20), 10], strict=True))
    | {word: 20 + 10 * index for index, word in enumerate(_EZ.split("|"))}
)
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}
_EN_B100 = rf"(?:(?:{_EZ})(?:[-\s](?:{_EU}))?|{_ET}|{_EU})"
_EN_B1000 = rf"(?:(?:\ba\s+|(?:{_EU})\s+)?hundred(?:\s+(?:and\s+)?{_EN_B100})?|{_EN_B100})"
# An English cardinal in words: "twenty-five", "two hundred and fifty", "a hundred
# thousand", "three million", "two dozen", "two and a half".
EN_CARDINAL = (
    rf"(?:(?:\ba\s+(?=hundred|thousand|million|billion|dozen))?{_EN_B1000}"
    rf"(?:\s+(?:thousand|million|billion|dozen)\b(?:,?\s+(?:and\s+)?{_EN_B1000})?)?"
    r"|\ba\s+(?:thousand|million|billion|dozen)"
    r"|(?<=\b(?:several|some|a\s+few|few|many)\s+)thousand\b"  # = "mehrere tausend"
    r")(?:\s+and\s+a\s+half)?"
)
_EN_SPLIT = regex.compile(
    rf"\b(?:{_EZ}|{_ET}|{_EU}|hundred|thousand|million|billion|dozen|half|a)\b"
)


def english_cardinal(text: str) -> float:
    """The value of an ``EN_CARDINAL`` match (``two hundred and fifty`` → 250)."""
    total = current = 0.0
    for word in _EN_SPLIT.findall(text.lower()):
        if word == "a":
            continue  # "a hundred": the scale below counts it as one
        if word == "half":
            current += 0.5
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _EN_SCALES:
            total += (current or 1) * _EN_SCALES[word]
            current = 0
        else:
            current += _EN_VALUES[word]
    return total + current


_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9}  # fmt: skip
# "twenty-first", "thirty-fifth": an English ordinal of two words.
EN_COMPOUND_ORDINAL = rf"(?P<otens>{_EZ})[-\s](?P<ounit>{_either(_ORDINAL_UNITS)})"


def english_compound_ordinal(match: regex.Match[str]) -> float:
    return _EN_VALUES[match["otens"].lower()] + _ORDINAL_UNITS[match["ounit"].lower()]
