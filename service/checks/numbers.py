"""Numbers, amounts, dates and times: German source against English target.

German writes ``100.000`` and ``25,7 %``, English ``100,000`` and ``25.7%``;
a date ``02.01.2022`` may become ``2 January 2022``, ``January 2, 2022`` or
stay as it is; ``14.30 Uhr`` becomes ``2:30 pm``, ``2.30pm`` or ``14:30``;
``minus 12 Grad`` becomes ``-12C``; ``drei`` becomes ``three`` or ``3``;
``1,5 Millionen Euro`` becomes ``€1.5m``. Each side is read with its own
conventions into comparable values (``Found``: a value and where it is), and
every value of the German must be found in the English (``missing``); a
number the English holds and the German lacks is ``extra``.

Values:
* ``Amount(value)``: a number, signed (``minus``, ``-``, ``−``, ``below
  zero``), scaled by Millionen/Mio./Milliarden/Mrd. (million, billion, bn,
  m); ordinals and number words (``dritten``, ``third``) are their number;
  percent signs and words do not change it (and ``25 basis points`` may be
  ``0,25 Prozentpunkte``); digits grouped by spaces start no word (``K1 500m``
  is 1 and 500). ``approx``: a vague quantity
  (``Dutzende`` = ``dozens``, ``Tausende`` = ``thousands``). ``unit``: a
  metric or imperial unit after it, so that a converted figure (``-20 °C`` =
  ``-4 °F``, ``100 km`` = ``62 miles``) or a metric one given in a larger or
  smaller unit of its kind (``1.000 Meter`` = ``1 kilometre``, ``1,80 Meter``
  = ``180cm``) equals its German within a reporter's rounding.
* ``Date(year, month, day)``: any part may be None (``am 3. Oktober``,
  ``seit Mai``); a part the German gives must be in the English (``am 3.
  Oktober 2025`` → ``on 3 October`` lacks the year).
* ``Clock(hour, minute)``: 24-hour; an English time without am/pm matches
  either half of the day.

Number words are read as German compounds and English phrases
(``service.checks.number_words``: ``fünfundzwanzig``, ``zwölfjährig``,
``Dreiviertel``, ``two hundred and fifty``), with fractions (``zwei Drittel``
= ``two-thirds``, also ``66.7%``), decades (``1990er`` = ``1990s`` = ``the
nineties``), spans of time in another unit (``60 Minuten`` = ``an hour``,
``binnen einer Woche`` = ``within seven days``, ``zwölf Monate`` = ``a year``),
multiples (``doppelt`` = ``twice``), ``halb neun`` (8.30) and a
year range's short end (``2019-23``), a range's shared month or scale
(``zwischen dem 3. und 9. März`` = ``between March 3 and 9``, ``zwischen 2,5
und 3 Milliarden`` = ``2.5 billion and 3 billion``) and cents as euros
(``52 Cent`` = ``€0.52``). Digits inside links, e-mail addresses
and handles are blanked first: ``protected_lost`` checks those whole.

Not read: ``ein``/``one`` alone (an article as often as a number), weekdays,
and a span of time said in two units ("90 Minuten" = "an hour and a half") or in
days for months ("30 Tage" = "a month"). An English
"one", "first", "second", "half" or "double" the German lacks is not an extra
(the English says "one of", "at first", "a second time"), nor is a German
"erste" or "doppelt" the English lacks ("a flash estimate", "dual").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from service.checks.number_words import (
    DE_CARDINAL,
    DE_NUMBER,
    EN_CARDINAL,
    EN_COMPOUND_ORDINAL,
    english_cardinal,
    english_compound_ordinal,
    german_cardinal,
    german_number,
)
from service.checks.protect import find_protected
from service.document import Finding

MONTHS_DE = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}  # fmt: skip
MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month names that stand alone ("seit Mai", "since May"); English "May" only after a
# word that makes it a month ("in May") or capitalised after a lower-case word
# ("between May and August"), never the verb.
MONTHS_DE_ALONE = [m for m in MONTHS_DE if len(m) > 4 or m in ("mai", "märz", "juni", "juli")]
MONTHS_EN_ALONE = [m for m in MONTHS_EN if len(m) > 4 or m in ("june", "july")]
SCALE_DE = {"million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
            "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12,
            "tausend": 1e3, "tsd": 1e3}  # fmt: skip
SCALE_EN = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
            "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "k": 1e3}  # fmt: skip
WORDS_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "half": 0.5, "quarter": 0.25, "once": 1, "twice": 2, "single": 1, "decade": 10,
    # "Kinder unter drei Jahren" = "under-threes"
    "threes": 3, "fours": 4, "fives": 5, "sixes": 6, "eights": 8, "nines": 9,
}  # fmt: skip
# Words whose number is too often not a fact to be missed ("one of", "a second time").
WEAK_EN = frozenset({"one", "first", "second", "half", "once", "single", "quarter", "decade"})
# A fraction's or a dozen's noun, after its count or none ("ein Drittel", "zwei
# Drittel", "die Hälfte", "zwei Dutzend"): the count times this.
PARTS_DE = {"hälfte": 0.5, "drittel": 1 / 3, "viertel": 0.25, "fünftel": 0.2, "zehntel": 0.1,
            "dutzend": 12}  # fmt: skip
PARTS_EN = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
            "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}  # fmt: skip
# Doubling and more: "doppelt so viele" = "twice as many", "verdreifacht" = "tripled";
# "doppelt"/"double" often is no count ("doppelte Staatsbürgerschaft", "a double
# murder"): weak on both sides.
TIMES_DE = {"doppelt": 2, "verdoppel": 2, "verdreifach": 3, "vervierfach": 4,
            "verfünffach": 5, "verzehnfach": 10}  # fmt: skip
TIMES_EN = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "twofold": 2, "threefold": 3,
            "fourfold": 4, "fivefold": 5, "tenfold": 10}  # fmt: skip
DECADES_EN = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
              "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
ORDINALS_DE = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "zwanzigst": 20,
}  # fmt: skip
WEAK_DE = {"beide": 2, "beiden": 2, "beider": 2, "beides": 2, "paar": 2}  # "both", "a couple"
APPROX_DE = {"dutzende": 12, "hunderte": 100, "tausende": 1e3, "zehntausende": 1e4,
             "hunderttausende": 1e5, "millionen": 1e6, "milliarden": 1e9}  # fmt: skip
# The dative plural: "vor Tausenden Demonstranten" = "before thousands of protesters".
APPROX_DE |= {f"{word}n": value for word, value in APPROX_DE.items() if word.endswith("e")}
# "mehrere Hundert Landwirte" = "several hundred farmers", "hundreds of farmers"
APPROX_DE |= {
    f"{few} {scale}": value
    for few in ("mehrere", "mehreren", "einige", "einigen", "ein paar", "etliche", "etlichen")
    for scale, value in (
        ("hundert", 100), ("tausend", 1e3), ("hunderttausend", 1e5), ("millionen", 1e6),
        ("milliarden", 1e9),
    )
}  # fmt: skip
APPROX_EN = {"dozens": 12, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
             "hundreds of thousands": 1e5, "millions": 1e6, "billions": 1e9}  # fmt: skip
APPROX_EN |= {
    f"{few} {scale}": value
    for few in ("several", "a few", "some")
    for scale, value in (
        ("hundred", 100), ("thousand", 1e3), ("hundred thousand", 1e5), ("million", 1e6),
        ("billion", 1e9),
    )
}  # fmt: skip
# Units a figure may be converted between (service.localise.units writes them, and
# writers give a metric figure in a larger or smaller unit); the factor takes the
# German figure to the English one.
UNITS_DE = {
    "°c": "degC", "grad": "degC", "km/h": "km/h", "stundenkilometer": "km/h",
    "kilometer pro stunde": "km/h", "kilometern pro stunde": "km/h",
    "stundenkilometern": "km/h", "km²": "km2", "quadratkilometer": "km2", "km": "km",
    "kilometer": "km", "kilometern": "km", "m": "m", "meter": "m", "metern": "m",
    "cm": "cm", "zentimeter": "cm", "zentimetern": "cm", "kg": "kg", "kilogramm": "kg",
    "kilo": "kg", "liter": "l", "litern": "l", "hektar": "ha", "mm": "mm", "millimeter": "mm",
    "millimetern": "mm", "tonnen": "t", "tonne": "t",
}  # fmt: skip
UNITS_EN = {
    "°f": "degF", "f": "degF", "degrees fahrenheit": "degF", "degree fahrenheit": "degF",
    "fahrenheit": "degF", "mph": "mph", "miles per hour": "mph", "square miles": "sqmi",
    "sq mi": "sqmi", "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot",
    "ft": "foot", "inches": "inch", "inch": "inch", "pounds": "pound", "pound": "pound",
    "lb": "pound", "lbs": "pound", "gallons": "gallon", "gallon": "gallon",
    "acres": "acre", "acre": "acre",
    # metric units, for a figure the English gives in a larger or smaller one
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm",
    "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "mm": "mm", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kg": "kg",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "litres": "l", "liters": "l",
    "litre": "l", "liter": "l", "hectares": "ha", "hectare": "ha",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "kph": "km/h",
    "kilometres an hour": "km/h", "kilometers an hour": "km/h", "km/h": "km/h",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km²": "km2",
    "km2": "km2",
}  # fmt: skip
CONVERT = {
    ("degC", "degF"): lambda c: c * 9 / 5 + 32,
    ("km", "mile"): lambda v: v * 0.621371,
    ("km/h", "mph"): lambda v: v * 0.621371,
    ("km/h", "mile"): lambda v: v * 0.621371,  # "140 kilometres (87 miles) per hour"
    ("km2", "sqmi"): lambda v: v * 0.386102,
    ("m", "foot"): lambda v: v * 3.28084,
    ("cm", "inch"): lambda v: v * 0.393701,
    ("kg", "pound"): lambda v: v * 2.20462,
    ("l", "gallon"): lambda v: v * 0.264172,
    ("ha", "acre"): lambda v: v * 2.47105,
}
# A metric figure in a larger or smaller unit of its kind: "1.000 Meter" = "1 kilometre".
_METRIC = {"mm": ("length", 1e-3), "cm": ("length", 1e-2), "m": ("length", 1.0),
           "km": ("length", 1e3), "kg": ("mass", 1.0), "t": ("mass", 1e3)}  # fmt: skip


def _scaled(factor: float) -> Callable[[float], float]:
    return lambda value: value * factor


CONVERT |= {
    (unit, other): _scaled(size / other_size)
    for unit, (kind, size) in _METRIC.items()
    for other, (other_kind, other_size) in _METRIC.items()
    if unit != other and kind == other_kind
}


@dataclass(frozen=True)
class Amount:
    value: float
    approx: bool = False
    unit: str | None = None


@dataclass(frozen=True)
class Date:
    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    half_known: bool = True  # False for an English "2:30" without am/pm


Value = Amount | Date | Clock


@dataclass(frozen=True)
class Found:
    """A value read from a text, with its offsets; ``weak``: a word such as "one"."""

    value: Value
    start: int
    end: int
    text: str
    weak: bool = False
    alternatives: tuple[Value, ...] = ()  # other readings ("1/2/2022", "80m")

    def readings(self) -> tuple[Value, ...]:
        return (self.value, *self.alternatives)


_SP = r"[ \u00a0\u202f]"  # a space, no-break space or narrow no-break space (digit groups)
_DE_MONTH = "|".join(sorted(MONTHS_DE, key=len, reverse=True))
_EN_MONTH = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_DE_MONTH_ALONE = "|".join(sorted(MONTHS_DE_ALONE, key=len, reverse=True))
_DE_MONTH_ALONE_CAPITAL = "|".join(
    m.capitalize() for m in sorted(MONTHS_DE_ALONE, key=len, reverse=True)
)
_EN_MONTH_ALONE = "|".join(m.capitalize() for m in sorted(MONTHS_EN_ALONE, key=len, reverse=True))
_DE_SCALE = (
    r"(?:\s*(?P<scale>Millionen|Million|Milliarden|Milliarde|Billionen|Tausend|Mio|Mrd|Tsd)\b\.?)?"
)
_EN_SCALE = r"(?:[\s-]*(?P<scale>thousand|millions?|billions?|trillion|bn|mn)\b|(?P<scale>[mk])\b)?"
# A sign: "minus 12", "-12", "−12"; never the dash of a range or a score ("18-24", "3 - 1").
# "minus 250 Euro", "-12C", "minus €250"; "plus or minus €1 billion" is a margin, no sign
_SIGN = (
    r"(?P<sign>(?<![\d.,]\s?)(?:(?<!\p{L})[-−–](?=\d)"
    r"|(?<!\bplus\s+(?:or|oder)\s+)\bminus\s+[€$£]?(?=\d)))?"
)
_EN_APPROX = "|".join(sorted(APPROX_EN, key=len, reverse=True)).replace(" ", r"\s+")
_DE_APPROX = "|".join(sorted(APPROX_DE, key=len, reverse=True)).replace(" ", r"\s+")
_DE_UNIT = "|".join(sorted((regex.escape(u) for u in UNITS_DE), key=len, reverse=True))
_EN_UNIT = "|".join(sorted((regex.escape(u) for u in UNITS_EN), key=len, reverse=True))
_DE_NUMBER = (
    rf"(?<![\d.,])\d{{1,3}}(?:['’]\d{{3}})+(?!\d)(?:[.,]\d+)?"  # Swiss: 60'000
    # a Swiss price's decimal point: "23.90 Franken"
    r"|(?<![\d.,])\d+\.\d\d?(?![\d.,])(?=\s*(?:Franken|CHF|Rappen)\b)"
    # a version ("Version 4.2"): one digit after a point is never a German digit group
    r"|(?<![\d.,])\d+\.\d(?!\d|[.,]\d)"
    rf"|(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})+(?!\d)(?:,\d+)?|(?<![\d.,\p{{L}}])\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d.,]\d)"
    r"|(?<![\d.,])\d+(?:,\d+)?"
)
_EN_NUMBER = (
    rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d.,\p{{L}}])\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d.,]\d)"
    r"|(?<![\d.,])\d+(?:\.\d+)?"
)

# Every value starts at a word's start or at a digit ("A7", "M23"): the branches
# below are not tried inside a word (most of a sentence's characters).
_START = r"(?:(?<![\p{L}\p{M}])|(?=\d))"

GERMAN = regex.compile(
    _START
    + rf"""(?:
    (?P<date>\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})?(?!\d))
  | (?P<ldate>\b(?P<ld>\d{{1,2}})\.\s*(?P<lm>{_DE_MONTH})\b\.?(?:\s+(?P<ly>\d{{4}}))?)
  | (?P<mdate>\b(?P<mm>{_DE_MONTH_ALONE})\b(?:\s+(?P<my>\d{{4}})\b)?)
  | (?P<mcompound>\b(?-i:(?P<mc>{_DE_MONTH_ALONE_CAPITAL})(?!or|s)(?=\p{{Ll}}{{3,}})))
  | (?P<time>\b(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?\s*Uhr\b)
  | (?P<rtime>\b(?P<rh>\d{{1,2}})[.:](?P<rmin>\d{{2}})
        (?=\s*(?:bis|[-–])\s*\d{{1,2}}(?:[.:]\d{{2}})?\s*Uhr\b))
  | (?P<num>{_SIGN}(?P<digits>{_DE_NUMBER}){_DE_SCALE})
        (?:\s*(?P<unit>{_DE_UNIT})\b)?
  | (?P<wscale>\b(?P<wsn>eine[rnm]?|halbe[n]?|{DE_CARDINAL})\s+
        (?:(?:weitere|zusätzliche|ganze)[nmrs]?\s+)?(?P<ws>Millionen|Million|Milliarden|Milliarde|Billionen|Billion)\b)
  | (?P<halfa>\bein(?:e[nmrs]?)?\s+halbe[nmrs]?\b(?!\s+(?:Million|Milliard|Billion)))
  | (?P<approx>\b(?:{_DE_APPROX})\b)
  | (?P<noon>\b(?:Mittag\w*|mittags)\b) | (?P<midnight>\bMitternacht\b)
  | (?P<weak>\b(?:{"|".join(WEAK_DE)})\b)
  | (?P<part>\b(?:(?P<pn>ein(?:e[rnms]?)?|{DE_CARDINAL}|\d+)\s+)?
        (?P<pw>{"|".join(PARTS_DE)})\b)
  | (?P<times>\b(?P<tw>{"|".join(TIMES_DE)})\p{{Ll}}*)
  | (?P<halb>\bhalb\s+(?P<hh>\d{{1,2}}|{DE_CARDINAL})\b(?!\s+\p{{Lu}}|\s*[.,]\d))
  | (?P<word>{DE_NUMBER.pattern})
  | (?P<ordinal>\b(?P<ord>{"|".join(ORDINALS_DE)})(?:e[nrms]?\b|(?=\p{{Ll}}+ste[nrms]?\b)))
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)
ENGLISH = regex.compile(
    _START
    + rf"""(?:
    (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)
  | (?P<slash>\b(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{4}}|\d{{2}})\b)
  | (?P<date>\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})\b)
  | (?P<dm>\b(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_EN_MONTH})\b\.?
        (?:,?\s+(?P<dy>\d{{4}}))?)
  | (?P<md>\b(?P<mdm>{_EN_MONTH})\b\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d)
        (?:,?\s+(?P<mdy>\d{{4}}))?)
  | (?P<my>\b(?P<mym>{_EN_MONTH})\b\.?\s+(?P<myy>\d{{4}})\b)
  | (?P<month>(?:(?<=\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ff]rom|[Oo]f|[Bb]y|[Ll]ast|[Nn]ext
        |[Ee]arly|[Ll]ate|[Mm]id|[Tt]ill|[Bb]efore|[Aa]fter|[Tt]his|[Ee]nd\ of)\s)May
        |(?-i:(?<=\b\p{{Ll}}+\s)May)|(?-i:{_EN_MONTH_ALONE}))\b)
  | (?P<noon>\b(?:12\s+)?(?:noon|midday)\b) | (?P<midnight>\b(?:12\s+)?midnight\b)
  | (?P<hms>\b(?P<hh>\d{{1,2}}):(?P<hm>\d{{2}}):(?P<hs>\d{{2}})\b)
  | (?P<time>\b(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s*(?P<half>[ap]\.\s?m\.|[ap]\s?m\b)
      |\b(?P<h24>\d{{1,2}}):(?P<min24>\d{{2}})(?:\s*(?:hours|hrs|h)\b)?(?!\d|[.,]\d
        |\s*(?:minutes|mins?|seconds|secs?)\b)
      |\b(?P<oh>\d{{1,2}})\s*o'clock\b)
  | (?P<num>{_SIGN}(?P<digits>{_EN_NUMBER}){_EN_SCALE})
        (?:\s*(?P<unit>{_EN_UNIT})\b)?(?P<below>\s+degrees\s+below\s+(?:zero|freezing))?
  | (?P<approx>\b(?:{_EN_APPROX})\b)
  | (?P<war>(?-i:\bWorld\s+War\s+(?P<wn>II?)\b))
  | (?P<partscale>\b(?P<pn>a|one|two|three)[\s-]+(?P<pp>half|thirds?|quarters?)\s+of\s+an?\s+
        (?P<ps>million|billion|thousand)\b)
  | (?P<halfscale>\bhalf\s+an?\s+(?P<hs>million|billion|dozen|hundred|thousand)\b)
  | (?P<hourpart>\b(?:(?P<hpn>a|one|three)[\s-]+)?(?P<hpw>quarters?|half)\s+(?:of\s+)?an\s+hour\b)
  | (?P<fortnight>\bfortnight\b) | (?P<everyother>\bevery\s+other\b)
  | (?P<halfpast>\bhalf\s+past\s+(?P<hp>\d{{1,2}}|{EN_CARDINAL})\b)
  | (?P<fraction>\b(?P<fn>a|{EN_CARDINAL})[\s-]+(?P<part>{"|".join(PARTS_EN)})\b)
  | (?P<ordinal>\b{EN_COMPOUND_ORDINAL}\b)
  | (?P<card>\b(?:{EN_CARDINAL})\b)
  | (?P<decade>\b(?:{"|".join(DECADES_EN)})\b)
  | (?P<times>\b(?P<tw>{"|".join(TIMES_EN)})(?:e[sd]?|ing)?\b)
  # "third-party", "second-hand": no count ("second-tier" for "Zweitligist" is one)
  | (?P<word>\b(?:{"|".join(WORDS_EN)})\b(?!-(?:party|parties|hand|rate)\b))
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)


# The number and qualifier checks both read a sentence's figures: once.
@lru_cache(maxsize=1024)
def german_found(text: str) -> tuple[Found, ...]:
    """The numbers, dates and times of a German sentence, in order, with offsets."""
    found: list[Found] = []
    for match in GERMAN.finditer(_unprotected(text)):
        found += _german(match)
    found += _counting_compounds(text)
    found += [  # "Verluste in Millionenhöhe" = "losses in the millions"
        Found(Amount(_SCALE_COMPOUND[m.group(1)], approx=True), m.start(), m.end(), m.group())
        for m in _SCALE_COMPOUND_DE.finditer(text)
    ]
    found += [  # "Milliardeninvestitionen" = "investments worth billions", or unsaid
        Found(
            Amount(_SCALE_COMPOUND[m.group(1)], approx=True),
            m.start(),
            m.end(),
            m.group(),
            weak=True,
        )
        for m in _SCALE_ANY_COMPOUND_DE.finditer(text)
        if not _SCALE_COMPOUND_DE.match(text, m.start())
    ]
    found += [  # "von einem Prozent" = "of 1 percent": an article that counts
        Found(Amount(1.0), m.start(), m.end(), m.group(), alternatives=(Amount(0.01),))
        for m in _ONE_PERCENT_DE.finditer(text)
    ]
    found = [_every_nth(text, got) for got in found]
    found = [_in_a_club(text, got) for got in found]
    found = _and_a_half(text, sorted(found, key=lambda got: got.start), _AND_SIX_MONTHS_DE)
    return tuple(_ranges(text, found, SCALE_DE))


_SCALE_COMPOUND_DE = regex.compile(
    r"\b(Million|Milliard)en(?:höhe|betrag|beträge[n]?|schaden|schäden|summe[n]?)\b"
)
_SCALE_ANY_COMPOUND_DE = regex.compile(r"\b(Million|Milliard)en\p{Ll}{3,}")
_SCALE_COMPOUND = {"Million": 1e6, "Milliard": 1e9}
_ONE_PERCENT_DE = regex.compile(r"\bein(?:e[mnrs]?)?(?=\s+Prozent)", regex.IGNORECASE)
_CLUB_AFTER = regex.compile(r"\.\s*(?:FC|FSV|FFC|BFC|SC|SV|VfB|VfL)\b")
_CLUB_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+\s+$")


def _in_a_club(text: str, found: Found) -> Found:
    """The "1." of "1. FC Köln" and the "05" of "Mainz 05" are the club's name, which
    English leaves out ("Cologne", "Mainz"): no figure to miss."""
    if _CLUB_AFTER.match(text, found.end) and found.text.isdigit():
        return Found(found.value, found.start, found.end, found.text, weak=True)
    if regex.fullmatch(r"0\d", found.text) and _CLUB_BEFORE.search(text, 0, found.start):
        return Found(found.value, found.start, found.end, found.text, weak=True)  # Mainz 05
    return found


# "neun Jahre und sechs Monate" = "nine and a half years" (a sentence, an age).
_AND_SIX_MONTHS_DE = regex.compile(
    r"\s+(?:Jahren?|Stunden?)\s+und\s+(?:sechs|6|dreißig|30)\s+(?:Monaten?|Minuten)\b"
)
_AND_SIX_MONTHS_EN = regex.compile(
    r"\s+(?:years?|hours?)\s+and\s+(?:six|6|thirty|30)\s+(?:months|minutes)\b", regex.I
)


def _and_a_half(text: str, found: list[Found], pattern: regex.Pattern[str]) -> list[Found]:
    """A whole number of years with six months more (of hours with 30 minutes more)
    as one figure and a half, read also as the two figures it is written with."""
    merged: list[Found] = []
    index = 0
    while index < len(found):
        got = found[index]
        rest = pattern.match(text, got.end)
        half = found[index + 1] if index + 1 < len(found) else None
        if rest and half and half.end <= rest.end() and isinstance(got.value, Amount):
            value = Amount(got.value.value + 0.5)
            merged.append(Found(value, got.start, rest.end(), text[got.start : rest.end()]))
            index += 2
            continue
        merged.append(got)
        index += 1
    return merged


_EVERY = regex.compile(r"\bjede[rnms]?\s+$", regex.IGNORECASE)


def _every_nth(text: str, found: Found) -> Found:
    """ "jeder fünfte" is also the share a fifth, 20 percent ("one in five" is)."""
    value = found.value
    if not isinstance(value, Amount) or value.value < 2 or not _EVERY.search(text[: found.start]):
        return found
    shares = (Amount(1 / value.value), Amount(100 / value.value))
    return Found(value, found.start, found.end, found.text, found.weak, found.alternatives + shares)


# Two days of one month, the month said once: "zwischen dem 3. und 9. März", "3 to
# 9 March", "March 3 and 9", "3.-9. März".
_DAY_JOIN = regex.compile(r"\.?\s*(?:und|bis|and|to|through|[-–])\s*", regex.IGNORECASE)


def _scale_of(found: Found, scales: dict[str, float]) -> float:
    """The scale word's factor of a figure such as "3 Milliarden" or "3 billion"."""
    words = found.text.split()
    if not isinstance(found.value, Amount) or len(words) < 2:
        return 0.0
    return float(scales.get(words[-1].lower().rstrip("."), 0))


def _plain(text: str) -> bool:
    return bool(regex.fullmatch(r"[\d.,]+", text))


def _ranges(text: str, found: list[Found], scales: dict[str, float]) -> list[Found]:
    """The bare day of a range of days read as a date of the range's month; the
    first figure of a range whose second has the scale ("zwischen 2,5 und 3
    Milliarden") may be read with it."""
    result = list(found)
    for i, (first, second) in enumerate(itertools.pairwise(found)):
        if not _DAY_JOIN.fullmatch(text, first.end, second.start):
            continue
        scale = _scale_of(second, scales)
        if isinstance(first.value, Amount) and scale and _plain(first.text):
            shared = (Amount(first.value.value * scale, unit=second.value.unit),)  # type: ignore[union-attr]
            result[i] = Found(
                first.value,
                first.start,
                first.end,
                first.text,
                first.weak,
                first.alternatives + shared,
            )
        for day, date, at in ((first, second, i), (second, first, i + 1)):
            if (
                isinstance(day.value, Amount)
                and isinstance(date.value, Date)
                and date.value.day is not None
                and day.value.unit is None
                and day.value.value == int(day.value.value)
                and 1 <= day.value.value <= 31
            ):
                value = Date(date.value.year, date.value.month, int(day.value.value))
                result[at] = Found(value, day.start, day.end, day.text)
    return result


# A count inside a compound noun, which English may say as a number or leave out
# ("Doppelhaushalt" = "two-year budget" or "budget", "Bob-Duo" = "two-man bob",
# "Dreierbündnis" = "three-party alliance", "im Vierteljahr" or "im Quartal" = "in
# the quarter" or "in three months",
# "Halbjahr" = "half-year" or "six months", "Jahrzehnt" = "decade" or "ten
# years"): weak, a value the English may hold but need not.
_COMPOUND_DE = regex.compile(
    r"\b(?:(?P<two>doppel|zweier|duo(?=s?\b))|(?P<three>dreier|trio(?=s?\b))|(?P<four>vierer)"
    r"|(?P<quarter>viertel(?=jahr)|quartal)"
    r"|(?P<half>halb)(?=jahr)|(?P<decade>jahrzehnt))\p{L}*",
    regex.IGNORECASE,
)
_COMPOUND_VALUES: dict[str, tuple[float, ...]] = {
    "two": (2,), "three": (3,), "four": (4,), "quarter": (0.25, 3), "half": (0.5, 6),
    "decade": (10,),
}  # fmt: skip


# A compound of an ordinal ("der Weltranglistenerste" = "world No. 1", "Tabellenerster"
# = "leaders", "Viertklässler" = "fourth-graders", "Zweitligist" = "second-division
# club") or a round ("Achtelfinale" = "last 16", "Viertelfinale" = "quarter-final"):
# weak, as any "first".
_FIRST_COMPOUND_DE = regex.compile(
    r"\b\p{L}{4,}(?P<n>erst|zweit|dritt|viert|fünft)(?:e[mnrs]?)?\b"
    r"|\b(?P<n>Erst|Zweit|Dritt|Viert|Fünft|Sechst|Siebt|Acht|Neunt|Zehnt)"
    r"(?:kläss|ligist|platziert|staat|land|länder|anbieter|mittel|wohnsitz|wohnung|wähler"
    r"|stimme|impfung|meinung|schlag|rangig|klassig)\p{Ll}*"
    r"|\b(?P<n16>Achtel)final\w*|\b(?P<n8>Viertel)final\w*"
)


def _counting_compounds(text: str) -> Iterator[Found]:
    for match in _FIRST_COMPOUND_DE.finditer(text):  # "Weltranglistendritte": No. 3
        value = 16 if match["n16"] else 8 if match["n8"] else ORDINALS_DE[match["n"].lower()]
        yield Found(Amount(value), match.start(), match.end(), match.group(), weak=True)
    for match in _COMPOUND_DE.finditer(text):
        if match.group().lower().startswith("doppelt"):  # "doppelt so viele": TIMES_DE
            continue
        kind = next(name for name, value in match.groupdict().items() if value)
        first, *others = _COMPOUND_VALUES[kind]
        alternatives = tuple(Amount(value) for value in others)
        start, end = match.span()
        yield Found(Amount(first), start, end, match.group(), weak=True, alternatives=alternatives)


# Words before an ordinal that make it one ("der achte", "zum achten Mal").
_DETERMINED = regex.compile(
    r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|beim|vom|ins|jede[nmrs]?|eine[nmrs]?"
    r"|ihre[nmrs]?|seine[nmrs]?|unsere[nmrs]?|diese[nmrs]?)\s+$",
    regex.IGNORECASE,
)


def _german(match: regex.Match[str]) -> Iterator[Found]:
    start, end, text = match.start(), match.end(), match.group()
    if match["date"] and valid_date(match["d"], match["m"]):
        yield Found(Date(full_year(match["y"]), int(match["m"]), int(match["d"])), start, end, text)
    elif match["date"]:
        for group in ("d", "m", "y"):
            if match[group]:
                low, high = match.span(group)
                yield Found(Amount(float(match[group])), low, high, match[group])
    elif match["ldate"]:
        ly = match["ly"]
        day, month = int(match["ld"]), MONTHS_DE[match["lm"].lower()]
        yield Found(Date(int(ly) if ly else None, month, day), start, end, text)
    elif match["mcompound"]:  # "Septembernächte" = "September Nights": said or not
        named = Date(None, MONTHS_DE[match["mc"].lower()], None)
        yield Found(named, start, end, text, weak=True)
    elif match["mdate"]:
        year = int(match["my"]) if match["my"] else None
        yield Found(Date(year, MONTHS_DE[match["mm"].lower()], None), start, end, text)
    elif match["time"]:
        # "24 Uhr" is midnight, the day's end
        yield Found(Clock(int(match["h"]) % 24, int(match["min"] or 0)), start, end, text)
    elif match["rtime"]:  # "7.30 bis 14 Uhr": the first time of a range
        yield Found(Clock(int(match["rh"]), int(match["rmin"])), start, end, text)
    elif match["num"]:
        number = _german_number(match["digits"])
        scale = SCALE_DE.get((match["scale"] or "").lower().rstrip("."), 1)
        unit = UNITS_DE.get((match["unit"] or "").lower())
        value = number * scale * (-1 if match["sign"] else 1)
        after = match.string[match.end("digits") :]
        alternatives = _hundredths(value, after, _PERCENT_DE) + _hundredths(value, after, _CENT_DE)
        alternatives += _hundredths(value, after, _HUNDREDTHS_DE)  # "18 Hundertstel" = 0.18
        if not match["scale"] and _DECADE_DE.match(after):  # die 1990er, 80er-Jahre
            alternatives += _decade(match["digits"])
        year = _YEAR_BEFORE.search(match.string, 0, match.start())
        if year and len(match["digits"]) == 2:  # die Saison 2024/25
            alternatives += (Amount(int(year["century"]) * 100 + value),)
        if 0 <= value <= 24 and value == int(value) and _UNTIL_CLOCK.match(after):
            alternatives += (Clock(int(value) % 24, 0, half_known=False),)  # zwischen 22 und 6 Uhr
        yield Found(Amount(value, unit=unit), start, end, text, alternatives=alternatives)
    elif match["wscale"]:  # eine Million, zwei Milliarden
        count = match["wsn"].lower()
        number = 1 if count.startswith("ein") else 0.5 if count.startswith("halb") else 0
        number = number or german_cardinal(count)
        yield Found(Amount(number * SCALE_DE[match["ws"].lower()]), start, end, text)
    elif match["halfa"]:  # "einen halben Meter": half a metre, 0.5 metres
        yield Found(Amount(0.5), start, end, text, weak=True)
    elif match["approx"]:
        words = " ".join(text.lower().split())
        yield Found(Amount(APPROX_DE[words], approx=True), start, end, text)
    elif match["noon"] or match["midnight"]:  # "at noon", or "at lunchtime": no fact lost
        yield Found(Clock(12 if match["noon"] else 0, 0), start, end, text, weak=True)
    elif match["weak"] and text[0].islower():
        yield Found(Amount(WEAK_DE[text.lower()]), start, end, text, weak=True)
    elif match["ordinal"]:  # "erste" is as often "flash" or "initial" as a count
        value = ORDINALS_DE[match["ord"].lower()]
        if value == 8 and not _DETERMINED.search(match.string[:start]):
            return  # "achten" is also a verb: "Kunden achten auf den Preis"
        if _INSTANCE_AFTER.match(match.string, end):
            return  # "in zweiter Instanz" = "on appeal": a court's rank, no count
        yield Found(Amount(value), start, end, text, weak=value == 1)
    elif match["part"]:
        count = match["pn"]
        if not count and _PERIOD_BEFORE.search(match.string, 0, start):
            return  # "im ersten Drittel", "im dritten Viertel": a game's period, no fraction
        if not count and _NAMED_BEFORE.search(match.string, 0, start):
            return  # "im Zülpicher Viertel", "das Belgische Viertel": a part of a town
        if not count or count.lower().startswith("ein"):
            number = 1.0
        else:
            number = float(count) if count.isdigit() else german_cardinal(count)
        value = number * PARTS_DE[match["pw"].lower()]
        yield Found(Amount(value), start, end, text, alternatives=_percent_of(value))
    elif match["times"]:
        value = TIMES_DE[match["tw"].lower()]
        yield Found(Amount(value), start, end, text, weak=value == 2)
    elif match["halb"]:  # halb neun: 8.30 (in the morning or the evening)
        hour = match["hh"]
        number = int(hour) if hour.isdigit() else german_cardinal(hour)
        if 1 <= number <= 24:
            yield Found(Clock(int(number - 1) % 24, 30, half_known=False), start, end, text)
    elif match["word"]:
        yield from _german_word(match)


def _german_number(digits: str) -> float:
    """``1.234,5`` = 1234.5; Swiss groups with an apostrophe, and a decimal point:
    ``60'000``, ``1'234.50``."""
    if "'" in digits or "’" in digits:
        return float(regex.sub(r"['’]", "", digits).replace(",", "."))
    if regex.fullmatch(r"\d+\.\d\d?", digits):  # a Swiss price: "23.90 Franken"
        return float(digits)
    return float(regex.sub(r"[.\s\u202f]", "", digits).replace(",", "."))


def _german_word(match: regex.Match[str]) -> Iterator[Found]:
    """A number word, compounds included (fünfundzwanzig, zwölfjährig, Dreiviertel)."""
    start, end, text = match.start(), match.end(), match.group()
    suffix = (match["suffix"] or "").lower()
    if not suffix and text.lower() == "ein" or suffix == "mal" and text[0] in "eE":
        return  # an article ("ein"), "einmal" (once, again, suddenly); "Platz eins" is 1
    # A capitalised number word is a noun ("die Elf", the team; "die Acht", the
    # figure) unless it starts the sentence or holds what it counts (der Achtjährige).
    glued = suffix.startswith(("j", "v", "e")) and not suffix.startswith("jahres")
    joined = match.string[end : end + 1] == "-"  # "das Zwei-Prozent-Ziel": a count
    if text[0].isupper() and not glued and not joined and not _starts(match):
        # "Siebenmeter" = "seven-metre throw", "Elfmeter" = "penalty"; "mehrere
        # Hunderttausend Euro" = "several hundred thousand euros"
        if suffix or text.lower().endswith(("hundert", "tausend")):
            yield Found(Amount(german_number(match)), start, end, text, weak=True)
        return
    value = german_number(match)
    if _MINUS_BEFORE.search(match.string, 0, start):
        value = -value
    yield Found(Amount(value), start, end, text, weak=abs(value) == 1)


def _starts(match: regex.Match[str]) -> bool:
    """A capitalised number word is one at the start of a sentence; elsewhere it is a
    noun ("die Elf", the team; "die Acht", the figure)."""
    before = match.string[: match.start()].rstrip(' „"»«“(')
    return not before or before[-1] in ".!?:"


_DECADES_AFTER = regex.compile(r"\s+decades\b", regex.IGNORECASE)
_ORDINAL_DE = regex.compile(r"(?i:erst)")
ORDINALS_EN = frozenset({"first", "second", "third", "fourth", "fifth"})
_INSTANCE_AFTER = regex.compile(r"\s+Instanz\b")
_NAMED_BEFORE = regex.compile(r"(?<=\p{L}\s+)\p{Lu}\p{Ll}+(?:er|e|es)\s+$")
_PERIOD_BEFORE = regex.compile(r"\b(?:ersten|zweiten|dritten|vierten|letzten)\s+$")
_DURATION_AFTER = regex.compile(r"\s+(?:ahead|behind|back|clear|minutes?|mins?)\b")
_MINUS_BEFORE = regex.compile(  # "minus fünf Grad", not "plus oder minus eine Milliarde"
    r"(?<!\bplus\s+(?:or|oder)\s+)\bminus\s+$", regex.IGNORECASE
)
_UNTIL_CLOCK = regex.compile(r"\s*(?:und|bis|[-–])\s*\d{1,2}(?:[.:]\d{2})?\s*Uhr\b")
_PERCENT_DE = regex.compile(r"\s*(?:%|Prozent\b)")
_PERCENT_EN = regex.compile(r"\s*(?:%|per\s?cent\b|percent\b)", regex.IGNORECASE)
_HUNDREDTHS_DE = regex.compile(r"\s*Hundertstel", regex.IGNORECASE)
_CENT_DE = regex.compile(r"\s*(?:Cent|ct)\b")
_BASIS_POINTS_EN = regex.compile(r"\s*(?:basis[\s-]+points?|bps?)\b", regex.IGNORECASE)
_CENT_EN = regex.compile(r"\s*(?:cents?\b|c\b)")
_DECADE_DE = regex.compile(r"er(?:n\b|\b|-)")
_YEAR_BEFORE = regex.compile(r"\b(?P<century>1[89]|20)\d\d[-–/]$")
_DECADE_EN = regex.compile(r"[’']?s\b")
_PROTECTED_HINT = regex.compile(r"[/@#]|\.[a-z]")


# A chemical formula's digit is no figure: "CO2-Preis" = "carbon price".
_FORMULA = regex.compile(r"(?<![\p{L}\d])(?:CO|NO|SO|CH|N|H|O)[2-4₂₃₄]O?(?![\p{L}\d])")


def _unprotected(text: str) -> str:
    """The text with its links, e-mail addresses, handles, file names and chemical
    formulas blanked (same length): their digits are no figures (a DOI's "10.1038"),
    and ``protected_lost`` checks links whole."""
    text = _FORMULA.sub(lambda match: " " * len(match.group()), text)
    if not _PROTECTED_HINT.search(text):
        return text
    spans = [span for span in find_protected(text, quotes=False) if span.kind != "version"]
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _hundredths(value: float, after: str, pattern: regex.Pattern[str]) -> tuple[Value, ...]:
    """A percentage may also be written as a fraction ("75 Prozent" = "three
    quarters"), cents as euros ("52 Cent" = "€0.52")."""
    return (Amount(value / 100),) if pattern.match(after) else ()


def _percent_of(fraction: float) -> tuple[Value, ...]:
    """A fraction may also be written as a percentage ("Dreiviertel" = "75%")."""
    return (Amount(round(fraction * 100, 6)),) if fraction < 1 else ()


def _decade(digits: str) -> tuple[Value, ...]:
    """The other readings of a decade: "1990er"/"1990s" = "90s", "80er" = "1980s"."""
    number = int(digits)
    if number >= 1000:
        return (Amount(number % 100),)
    return (Amount(1900 + number), Amount(2000 + number))


@lru_cache(maxsize=1024)
def english_found(text: str) -> tuple[Found, ...]:
    """The numbers, dates and times of an English sentence, in order, with offsets."""
    found: list[Found] = []
    for match in ENGLISH.finditer(_unprotected(text)):
        found += _english(match)
    found = _and_a_half(text, found, _AND_SIX_MONTHS_EN)
    found = _year_after_range(text, _ranges(text, found, SCALE_EN))
    return tuple(_one_in(text, got) for got in found)


_YEAR_JOIN = regex.compile(r",?\s*")


def _year_after_range(text: str, found: list[Found]) -> list[Found]:
    """ "from Oct. 15 to 19, 2025": the year after a range of days is both days'."""
    result = list(found)
    years: set[int] = set()  # indices of the years read into a range
    for i in range(1, len(found) - 1):
        first, last, year = found[i - 1], found[i], found[i + 1]
        dates = (first.value, last.value)
        if not all(isinstance(d, Date) and d.year is None and d.day for d in dates):
            continue
        if not _DAY_JOIN.fullmatch(text, first.end, last.start):
            continue
        if not (_YEAR_JOIN.fullmatch(text, last.end, year.start) and year.text.isdigit()):
            continue
        if not (isinstance(year.value, Amount) and 1900 <= year.value.value <= 2100):
            continue
        number = int(year.value.value)
        for at, got in ((i - 1, first), (i, last)):
            date = got.value
            assert isinstance(date, Date)
            result[at] = Found(Date(number, date.month, date.day), got.start, got.end, got.text)
        years.add(i + 1)
    return [got for index, got in enumerate(result) if index not in years]


_WEEKDAY_BESIDE = regex.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", regex.IGNORECASE
)
_ONE_IN = regex.compile(r"\b(?:one|1)\s+(?:in|out\s+of)\s+$", regex.IGNORECASE)


def _one_in(text: str, found: Found) -> Found:
    """ "one in three" is also the fraction a third ("ein Drittel")."""
    value = found.value
    if not isinstance(value, Amount) or value.value < 2 or not _ONE_IN.search(text[: found.start]):
        return found
    share = (Amount(1 / value.value),)
    return Found(value, found.start, found.end, found.text, found.weak, found.alternatives + share)


def _english(match: regex.Match[str]) -> Iterator[Found]:
    start, end, text = match.start(), match.end(), match.group()
    if match["iso"]:
        yield Found(Date(int(match["iy"]), int(match["im"]), int(match["id"])), start, end, text)
    elif match["slash"]:  # 1/2/2022: US month first, or day first; accept either
        a, b, year = int(match["sa"]), int(match["sb"]), full_year(match["sy"])
        yield Found(Date(year, a, b), start, end, text, alternatives=(Date(year, b, a),))
    elif match["date"]:
        yield Found(Date(int(match["y"]), int(match["m"]), int(match["d"])), start, end, text)
    elif match["dm"]:
        year = int(match["dy"]) if match["dy"] else None
        date = Date(year, MONTHS_EN[match["dmm"].lower()], int(match["dd"]))
        yield Found(date, start, end, text)
    elif match["md"]:
        year = int(match["mdy"]) if match["mdy"] else None
        date = Date(year, MONTHS_EN[match["mdm"].lower()], int(match["mdd"]))
        yield Found(date, start, end, text)
    elif match["my"]:
        date = Date(int(match["myy"]), MONTHS_EN[match["mym"].lower()], None)
        yield Found(date, start, end, text)
    elif match["month"]:
        yield Found(Date(None, MONTHS_EN[text.lower()], None), start, end, text)
    elif match["hms"]:  # a race time, 2:19:44: three numbers
        for group in ("hh", "hm", "hs"):
            low, high = match.span(group)
            yield Found(Amount(float(match[group])), low, high, match[group])
    elif (
        match["time"]
        and match["h24"]
        and (int(match["h24"]) > 24 or _DURATION_AFTER.match(match.string, end))
    ):  # a score, 31:27; a margin or a race's time, "4:24 ahead" = "4:24 Minuten vor"
        for group in ("h24", "min24"):
            low, high = match.span(group)
            yield Found(Amount(float(match[group])), low, high, match[group])
    elif match["time"]:
        yield Found(english_clock(match), start, end, text)
    elif match["num"]:
        yield _english_amount(match)
    elif match["noon"] or match["midnight"]:  # "12 Uhr" localised as "noon"
        # beside a weekday, the day's part ("Sonntagmittag" = "midday Sunday"), no time
        weak = bool(_WEEKDAY_BESIDE.search(match.string, max(0, start - 12), end + 12))
        yield Found(Clock(12 if match["noon"] else 0, 0), start, end, text, weak=weak)
    elif match["approx"]:
        words = " ".join(text.lower().split())
        yield Found(Amount(APPROX_EN[words], approx=True), start, end, text)
    elif match["war"]:  # World War II: the Second World War
        low, high = match.span("wn")
        yield Found(Amount(len(match["wn"])), low, high, match["wn"])
    elif match["halfscale"]:  # half a million
        scale = {"dozen": 12, "hundred": 100} | SCALE_EN
        yield Found(Amount(0.5 * scale[match["hs"].lower()]), start, end, text)
    elif match["hourpart"]:  # a quarter of an hour: 15 minutes, or a quarter (0.25)
        quarters = 3 if (match["hpn"] or "").lower() == "three" else 1
        hours = quarters * (0.5 if match["hpw"].lower() == "half" else 0.25)
        yield Found(Amount(hours * 60), start, end, text, alternatives=(Amount(hours),))
    elif match["fortnight"]:  # two weeks, 14 days
        yield Found(Amount(2), start, end, text, alternatives=(Amount(14),))
    elif match["everyother"]:  # "alle zwei Wochen" = "every other week"
        yield Found(Amount(2), start, end, text, weak=True)
    elif match["partscale"]:  # a quarter of a million, three quarters of a billion
        count = 1 if match["pn"].lower() in ("a", "one") else english_cardinal(match["pn"])
        part = PARTS_EN[match["pp"].lower()] * count
        yield Found(Amount(part * SCALE_EN[match["ps"].lower()]), start, end, text)
    elif match["halfpast"]:
        hour = match["hp"]
        number = int(hour) if hour.isdigit() else english_cardinal(hour)
        yield Found(Clock(int(number) % 24, 30, half_known=False), start, end, text)
    elif match["fraction"]:
        count = match["fn"]
        value = (1 if count.lower() == "a" else english_cardinal(count)) * PARTS_EN[
            match["part"].lower()
        ]
        alternatives = _percent_of(value)
        part = match["part"].lower()
        if value < 1 and not part.endswith("s") and part not in ("half", "quarter"):
            # "for a third time", "a fifth straight home game": also the ordinal
            alternatives += (Amount(round(1 / PARTS_EN[part])),)
        yield Found(Amount(value), start, end, text, weak=value < 1, alternatives=alternatives)
    elif match["ordinal"]:
        yield Found(Amount(english_compound_ordinal(match)), start, end, text)
    elif match["card"]:
        value = english_cardinal(text)
        if _MINUS_BEFORE.search(match.string, 0, start):
            value = -value
        # "one", and a "hundred" without its count ("several hundred": a vague quantity)
        weak = abs(value) == 1 or text.lower() in ("hundred", "thousand")
        decades = _DECADES_AFTER.match(match.string, end)  # three decades: 30 years
        alternatives = (Amount(value * 10),) if decades else ()
        yield Found(Amount(value), start, end, text, weak=weak, alternatives=alternatives)
    elif match["decade"]:  # the nineties: 90, or 1990
        number = DECADES_EN[text.lower()]
        yield Found(Amount(number), start, end, text, weak=True, alternatives=_decade(str(number)))
    elif match["times"]:
        value = TIMES_EN[match["tw"].lower()]
        yield Found(Amount(value), start, end, text, weak=value == 2)
    elif match["word"]:
        word = text.lower()
        yield Found(Amount(WORDS_EN[word]), start, end, text, weak=word in WEAK_EN)


def _english_amount(match: regex.Match[str]) -> Found:
    number = float(regex.sub(r"[,\s\u202f]", "", match["digits"]))
    scale_word = match["scale"] or ""
    unit = UNITS_EN.get((match["unit"] or "").lower())
    if unit == "degF" and match["unit"].lower() == "f" and match["unit"] != "F":
        unit = None
    sign = -1 if match["sign"] or match["below"] else 1
    value = Amount(number * SCALE_EN.get(scale_word.lower(), 1) * sign, unit=unit)
    alternatives: tuple[Value, ...] = ()
    if scale_word in ("m", "k", "M"):  # €1.5m, but 80m may be metres: either reading
        alternatives = (Amount(number * sign),)
    after = match.string[match.end("digits") :]
    alternatives += _hundredths(value.value, after, _PERCENT_EN)
    alternatives += _hundredths(value.value, after, _CENT_EN)
    alternatives += _hundredths(value.value, after, _BASIS_POINTS_EN)  # 25 bp = 0.25 points
    if not scale_word and _DECADE_EN.match(after):  # the 1990s, the '80s
        alternatives += _decade(match["digits"].replace(",", ""))
    before = _YEAR_BEFORE.search(match.string, 0, match.start())
    if before and len(match["digits"]) == 2:  # 2019-23: the second year's last digits
        alternatives += (Amount(int(before["century"]) * 100 + number),)
    return Found(value, match.start(), match.end(), match.group(), alternatives=alternatives)


def english_clock(match: regex.Match[str]) -> Clock:
    if match["h24"]:
        hour = int(match["h24"])  # "24:00" is midnight
        return Clock(hour % 24, int(match["min24"]), half_known=hour > 12)
    if match["oh"]:
        return Clock(int(match["oh"]), 0, half_known=False)
    hour, minute = int(match["h"]) % 12, int(match["min"] or 0)
    if match["half"].lower().startswith("p"):
        hour += 12
    return Clock(hour, minute)


def german_values(text: str) -> list[Value]:
    """The numbers, dates and times of a German sentence, in order."""
    return [found.value for found in german_found(text)]


def english_values(text: str) -> list[Value]:
    """The numbers, dates and times of an English sentence (several readings allowed)."""
    return [value for found in english_found(text) for value in found.readings()]


@dataclass(frozen=True)
class Comparison:
    """What the English lacks of the German, and holds besides: ``changed`` pairs a
    German value with the English one of the same kind left over where it was."""

    missing: list[Found]
    changed: list[tuple[Found, Found]]
    extra: list[Found]
    year_dropped: list[tuple[Found, Found]]  # German date, English date without its year


def _as_in_the_german(found: Found, source: str) -> bool:
    """An English number word the German writes as it is, a name in English ("Final
    Four"), or as the head of a compound noun ("Siebenmeter" = "seven-metre throw");
    a "1" the German says with its article ("einer Enthaltung")."""
    if found.text == "1" and _ONE_DE.search(source):
        return True  # "bei einer Enthaltung" = "with 1 abstention"
    if not found.text.isalpha():
        return False
    if regex.search(rf"\b{regex.escape(found.text)}\b", source):
        return True
    german = _GERMAN_NUMBER_WORDS.get(found.text.lower())
    return german is not None and regex.search(rf"\b{german}\p{{Ll}}{{3,}}", source) is not None


_YEAR_BEFORE_DE = regex.compile(r"\bVorjahr", regex.IGNORECASE)
_ONE_DE = regex.compile(r"\b(?:eine?[mnrs]?|einzige\w*)\s+\p{Lu}")  # "einer Enthaltung"


def _year(value: Value) -> int | None:
    if isinstance(value, Date):
        return value.year
    if isinstance(value, Amount) and value.value == int(value.value) and 1000 < value.value < 2200:
        return int(value.value)
    return None


def _year_before(found: Found, german: Sequence[Found], source: str) -> bool:
    """An English year the German calls "das Vorjahr" of a year it names ("im Februar
    2024 … des Vorjahresmonats" = "than in February 2023"), or a month it calls
    "der Vorjahresmonat" ("im März … im Vorjahresmonat" = "in March last year")."""
    if not _YEAR_BEFORE_DE.search(source):
        return False
    value = found.value
    if isinstance(value, Date) and value.year is None and value.day is None:
        months = (other.value for other in german if isinstance(other.value, Date))
        return any(month.month == value.month for month in months)
    year = _year(value)
    return year is not None and any(_year(other.value) == year + 1 for other in german)


def _month_again(found: Found, german: Sequence[Found]) -> bool:
    """A month the English names alone, that a date of the German has: said again
    ("July 2024 was the warmest July on record"), no date of its own."""
    value = found.value
    if not isinstance(value, Date) or value.year is not None or value.day is not None:
        return False
    return any(
        isinstance(other.value, Date) and other.value.month == value.month for other in german
    )


_GERMAN_NUMBER_WORDS = {
    "two": "Zwei", "three": "Drei", "four": "Vier", "five": "Fünf", "six": "Sechs",
    "seven": "Sieben", "eight": "Acht", "nine": "Neun", "ten": "Zehn", "eleven": "Elf",
    "twelve": "Zwölf",
}  # fmt: skip


def compare(source: str, target: str) -> Comparison:
    """Match each value of the German to one of the English, one to one."""
    german = german_found(source)
    english = english_found(target)
    available = list(english)
    unmatched: list[Found] = []
    weak_ordinals: list[Found] = []
    # strong values first: "einfach" (once) takes no English "1" the score "1:4" needs
    for value in sorted(german, key=lambda found: found.weak):
        # a value of its own kind first: "drei" is "three" before the day of "3 October",
        # and a cardinal "three" before an ordinal "third"
        alike = [got for got in available if _kind(got.value) == _kind(value.value)]
        # and an English value that is the German's as read before one that may be it:
        # "dritten" takes "third", not "a third" (also read as 3), which "ein Drittel" needs
        alike.sort(key=lambda got: not _same_as_read(value, got))
        found = (
            next(
                (
                    got
                    for got in alike
                    if _ordinal_en(got) == _ordinal_de(value) and _same_found(value, got)
                ),
                None,
            )
            or next((got for got in alike if _same_found(value, got)), None)
            or next((got for got in available if _same_found(value, got)), None)
        )
        if found is not None:
            available.remove(found)
        elif not value.weak:  # "beide" may be "both": no number to miss
            unmatched.append(value)
        elif _ORDINAL_DE.match(value.text):
            weak_ordinals.append(value)
    year_dropped: list[tuple[Found, Found]] = []
    still: list[Found] = []
    for value in unmatched:  # a date whose year the English writes apart, or dropped
        pair = _split_date(value, available)
        if pair is None:
            still.append(value)
        elif pair[1] is None:
            year_dropped.append((value, pair[0]))
            available.remove(pair[0])
        else:
            available.remove(pair[0])
            available.remove(pair[1])
    extra = [
        found
        for found in available
        if not found.weak
        and not _conversion_of_any(found, german)
        and not _as_in_the_german(found, source)
        and not _year_before(found, german, source)
        and not _month_again(found, german)
    ]
    still, extra = _same_durations(still, extra, (source, german), (target, english))
    changed: list[tuple[Found, Found]] = []
    missing: list[Found] = []
    for value in still:
        partner = next((e for e in extra if _kind(e.value) == _kind(value.value)), None)
        if partner is None:
            missing.append(value)
        else:
            extra.remove(partner)
            changed.append((value, partner))
    # "zum ersten Mal" → "for the second time": a weak ordinal may go unsaid, but
    # not turn into another ordinal.
    for value in weak_ordinals:
        partner = next(
            (e for e in available if e.weak and e.text.lower() in ORDINALS_EN and e not in extra),
            None,
        )
        if partner is not None:
            available.remove(partner)
            changed.append((value, partner))
    return Comparison(missing, changed, extra, year_dropped)


# A span of time said in another unit: "60 Minuten" = "an hour", "binnen einer Woche"
# = "within seven days", "zwölf Monate" = "a year". Seconds to weeks are counted in
# seconds, months to decades in months: a month is no fixed number of days.
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_MONTHS = {"month": 1, "year": 12, "decade": 120}
# German units of time by their English name (an English one is its own)
_TIME_UNITS_DE = {"sekunde": "second", "stunde": "hour", "tag": "day", "woche": "week",
                  "monat": "month", "jahr": "year", "jahrzehnt": "decade"}  # fmt: skip
_DURATION_DE = regex.compile(
    r"\s*-?(?P<unit>Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahrzehnt|Jahr)(?:e|en|n|es|s)?\b"
)
_DURATION_EN = regex.compile(
    r"[\s-]*(?P<unit>second|minute|hour|day|week|month|year|decade)s?\b", regex.IGNORECASE
)
_ONE_SPAN_DE = regex.compile(
    r"\b(?:ein|eine|einer|eines|einem|einen)\s+(?P<unit>Sekunde|Minute|Stunde|Tag|Woche|Monat"
    r"|Jahrzehnt|Jahr)(?:e|en|n|es|s)?\b"
)
_ONE_SPAN_EN = regex.compile(
    r"\b(?:a|an|one)\s+(?P<unit>second|minute|hour|day|week|month|year|decade)\b",
    regex.IGNORECASE,
)


def _duration(unit: str, count: float) -> tuple[str, float]:
    unit = _TIME_UNITS_DE.get(unit.lower(), unit.lower())
    if unit in _SECONDS:
        return "seconds", count * _SECONDS[unit]
    return "months", count * _MONTHS[unit]


def _durations(
    text: str, found: Sequence[Found], german: bool
) -> list[tuple[tuple[str, float], Found | None]]:
    """Each span of time ``text`` gives: a figure before a unit of time, or "eine Woche",
    "a year" (no figure of its own)."""
    after, one = (_DURATION_DE, _ONE_SPAN_DE) if german else (_DURATION_EN, _ONE_SPAN_EN)
    spans: list[tuple[tuple[str, float], Found | None]] = []
    for item in found:
        unit = after.match(text, item.end)
        if unit and isinstance(item.value, Amount):
            spans.append((_duration(unit["unit"], item.value.value), item))
    spans += [(_duration(match["unit"], 1), None) for match in one.finditer(text)]
    return spans


def _same_durations(
    still: list[Found],
    extra: list[Found],
    german: tuple[str, Sequence[Found]],
    english: tuple[str, Sequence[Found]],
) -> tuple[list[Found], list[Found]]:
    """The German values left unmatched and the English extras, less those that give
    a span of time the other side gives in another unit."""
    spans_de = _durations(*german, german=True)
    spans_en = _durations(*english, german=False)
    said_de = {span for span, _ in spans_de}
    said_en = {span for span, _ in spans_en}
    matched_de = [item for span, item in spans_de if item is not None and span in said_en]
    matched_en = [item for span, item in spans_en if item is not None and span in said_de]
    return (
        [value for value in still if not any(value is item for item in matched_de)],
        [value for value in extra if not any(value is item for item in matched_en)],
    )


def missing_values(source: str, target: str) -> list[Value]:
    """Values of the German ``source`` that the English ``target`` lacks or changed."""
    comparison = compare(source, target)
    lost = comparison.missing + [german for german, _ in comparison.changed]
    lost += [german for german, _ in comparison.year_dropped]
    return [found.value for found in sorted(lost, key=lambda found: found.start)]


def _same_as_read(german: Found, english: Found) -> bool:
    return any(same(reading, english.value) for reading in german.readings())


def _same_found(german: Found, english: Found) -> bool:
    return any(same(g, e) for g in german.readings() for e in english.readings())


def _split_date(german: Found, available: list[Found]) -> tuple[Found, Found | None] | None:
    """For a German date with a year: the English date that has its day and month but
    no year, and the English year apart (or None: the year is dropped)."""
    value = german.value
    if not isinstance(value, Date) or value.year is None:
        return None
    partial = Date(None, value.month, value.day)
    for found in available:
        reading = found.value
        if isinstance(reading, Date) and reading.year is None and same(partial, reading):
            year = next(
                (
                    other
                    for other in available
                    if isinstance(other.value, Amount) and other.value.value == value.year
                ),
                None,
            )
            return found, year
    return None


def _conversion_of_any(english: Found, german: Sequence[Found]) -> bool:
    """An imperial figure beside its metric one ("30 kilometres (19 miles)")."""
    value = english.value
    if not isinstance(value, Amount) or value.unit is None:
        return False
    return any(same(g.value, value) for g in german)


_ORDINAL_WORD_DE = regex.compile(
    r"(?:\d+\.|\p{L}*(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft"
    r"|zigst|ßigst|dertst|sendst)e[nmrs]?)$",
    regex.IGNORECASE,
)
_ORDINAL_WORD_EN = regex.compile(
    r"(?:first|second|third|fifth|eighth|ninth|twelfth|\p{L}+th|\d+(?:st|nd|rd|th))$",
    regex.IGNORECASE,
)


def _ordinal_de(found: Found) -> bool:
    return _ORDINAL_WORD_DE.search(found.text) is not None


def _ordinal_en(found: Found) -> bool:
    return _ORDINAL_WORD_EN.search(found.text) is not None


def _kind(value: Value) -> str:
    return type(value).__name__


def same(german: Value, english: Value) -> bool:
    if isinstance(german, Amount):
        if isinstance(english, Amount):
            return _same_amount(german, english)
        if isinstance(english, Date):  # a bare year or day the English put into a date
            return german.value in (english.year, english.day) and not german.approx
        return False
    if isinstance(german, Date):
        return isinstance(english, Date) and all(
            g is None or g == e
            for g, e in (
                (german.year, english.year),
                (german.month, english.month),
                (german.day, english.day),
            )
        )
    if isinstance(english, Amount):  # 14.30 Uhr kept as "14.30"
        return abs(english.value - (german.hour + german.minute / 100)) < 1e-9
    if isinstance(english, Clock):
        if english.minute != german.minute:
            return False
        return english.hour == german.hour or (
            not (english.half_known and german.half_known) and english.hour % 12 == german.hour % 12
        )
    return False


def _same_amount(german: Amount, english: Amount) -> bool:
    if german.approx or english.approx:
        return german.approx == english.approx and german.value == english.value
    # "140 Kilometer pro Stunde" = "140 kilometres (87 miles) per hour"
    speed = {english.unit, german.unit} == {"km", "km/h"}
    if english.unit is not None and german.unit is not None and english.unit != german.unit:
        if speed:
            return abs(german.value - english.value) <= 1e-9 * max(1.0, abs(german.value))
        convert = CONVERT.get((german.unit, english.unit))
        if convert is None:
            return False
        expected = convert(german.value)
        # a reporter's rounding: whole numbers from 10, one decimal below
        return abs(expected - english.value) <= (0.5 if abs(expected) >= 10 else 0.05) + 1e-9
    return abs(german.value - english.value) <= 1e-9 * max(1.0, abs(german.value))


def valid_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def full_year(year: str | None) -> int | None:
    if not year:
        return None
    return int(year) if len(year) == 4 else 2000 + int(year)


def number_findings(source: str, target: str) -> list[Finding]:
    """``number_mismatch`` findings, each saying which value and where."""
    comparison = compare(source, target)
    findings = []
    for german, english in comparison.year_dropped:
        year = german.value.year if isinstance(german.value, Date) else None
        findings.append(
            _finding(german, english, f"the year {year} of the German is missing in the English")
        )
    for german, english in comparison.changed:
        message = f"the {_describe(german)} of the German is {english.text} in the English"
        findings.append(_finding(german, english, message))
    for german in comparison.missing:
        message = f"the {_describe(german)} of the German is missing in the English"
        findings.append(_finding(german, None, message))
    for english in comparison.extra:
        message = f"the English {_describe(english)} is not in the German"
        findings.append(_finding(None, english, message))
    return sorted(findings, key=lambda f: (f.source_span or (len(source), 0), f.target_span))


def _finding(german: Found | None, english: Found | None, message: str) -> Finding:
    return Finding(
        flag="number_mismatch",
        source_span=(german.start, german.end) if german else None,
        target_span=(english.start, english.end) if english else None,
        message=message,
    )


def _describe(found: Found) -> str:
    value = found.value
    if isinstance(value, Date):
        if value.year is not None and value.month is None:
            return f"year {found.text}"
        return f"date {found.text}"
    if isinstance(value, Clock):
        return f"time {found.text}"
    return f"number {found.text}"
