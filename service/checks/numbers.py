"""Numbers, amounts, dates and times: German source against English target.

German writes ``100.000`` and ``25,7 %``, English ``100,000`` and ``25.7%``;
a date ``02.01.2022`` may become ``2 January 2022``, ``January 2, 2022`` or
stay as it is; ``14.30 Uhr`` becomes ``2:30 pm`` or ``14:30``. Each side is
read with its own conventions into comparable values, and every value of the
source must be found in the target (``missing``); extra English numbers are
not an error (the model may spell "zwei" as "2").

Values:
* ``Amount(value)``: a number, scaled by Millionen/Mio./Milliarden/Mrd.
  (million, billion, bn); percent signs and words do not change the value.
* ``Date(year, month, day)``: any part may be None ("am 3. Oktober").
* ``Clock(hour, minute)``: 24-hour; an English time without am/pm matches
  either half of the day.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

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
SCALE_DE = {"million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
            "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12,
            "tausend": 1e3}  # fmt: skip
SCALE_EN = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
            "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12}  # fmt: skip
WORDS_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "half": 0.5,
}  # fmt: skip
WORDS_DE = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
    "hundert": 100, "tausend": 1000, "dutzend": 12,
}  # fmt: skip


@dataclass(frozen=True)
class Amount:
    value: float


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

_DE_MONTH = "|".join(sorted(MONTHS_DE, key=len, reverse=True))
_EN_MONTH = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_DE_SCALE = r"(?:\s*(?P<scale>Millionen|Million|Milliarden|Milliarde|Billionen|Mio|Mrd)\b\.?)?"
_EN_SCALE = r"(?:\s*(?P<scale>thousand|millions?|billions?|trillion|bn|mn|m)\b)?"

GERMAN = regex.compile(
    rf"""
    (?P<date>\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})?(?!\d))
  | (?P<ldate>\b(?P<ld>\d{{1,2}})\.\s*(?P<lm>{_DE_MONTH})\b\.?(?:\s+(?P<ly>\d{{4}}))?)
  | (?P<mdate>\b(?P<mm>{_DE_MONTH})\b\.?\s+(?P<my>\d{{4}})\b)
  | (?P<time>\b(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?\s*Uhr\b)
  | (?P<num>(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|(?<![\d.,])\d+(?:,\d+)?){_DE_SCALE}
  | (?P<word>\b(?:{"|".join(WORDS_DE)})\b)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
ENGLISH = regex.compile(
    rf"""
    (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)
  | (?P<slash>\b(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{4}}|\d{{2}})\b)
  | (?P<date>\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})\b)
  | (?P<dm>\b(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_EN_MONTH})\b\.?
        (?:,?\s+(?P<dy>\d{{4}}))?)
  | (?P<md>\b(?P<mdm>{_EN_MONTH})\b\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<mdy>\d{{4}}))?)
  | (?P<my>\b(?P<mym>{_EN_MONTH})\b\.?\s+(?P<myy>\d{{4}})\b)
  | (?P<time>\b(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s*(?P<half>[ap]\.?\s?m\b\.?)
      |\b(?P<h24>\d{{1,2}}):(?P<min24>\d{{2}})(?:\s*(?:hours|hrs|h)\b)?(?!\d|[.,]\d))
  | (?P<num>(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?){_EN_SCALE}
  | (?P<noon>\b(?:noon|midday)\b) | (?P<midnight>\bmidnight\b)
  | (?P<word>\b(?:{"|".join(WORDS_EN)})\b)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def german_values(text: str) -> list[Value]:
    """The numbers, dates and times of a German sentence, in order."""
    values: list[Value] = []
    for match in GERMAN.finditer(text):
        group = match.lastgroup
        if match["date"] and valid_date(match["d"], match["m"]):
            year = match["y"]
            values.append(Date(full_year(year), int(match["m"]), int(match["d"])))
        elif match["date"]:
            values += [Amount(float(match["d"])), Amount(float(match["m"]))]
        elif match["ldate"]:
            ly = match["ly"]
            day, month = int(match["ld"]), MONTHS_DE[match["lm"].lower()]
            values.append(Date(int(ly) if ly else None, month, day))
        elif match["mdate"]:
            values.append(Date(int(match["my"]), MONTHS_DE[match["mm"].lower()], None))
        elif match["time"]:
            values.append(Clock(int(match["h"]), int(match["min"] or 0)))
        elif match["num"]:
            number = float(match["num"].replace(".", "").replace(",", "."))
            scale = SCALE_DE.get((match["scale"] or "").lower().rstrip("."), 1)
            values.append(Amount(number * scale))
        elif group == "word" or match["word"]:
            values.append(Amount(WORDS_DE[match["word"].lower()]))
    return values


def english_values(text: str) -> list[Value]:
    """The numbers, dates and times of an English sentence (several readings allowed)."""
    values: list[Value] = []
    for match in ENGLISH.finditer(text):
        if match["iso"]:
            values.append(Date(int(match["iy"]), int(match["im"]), int(match["id"])))
        elif match["slash"]:  # 1/2/2022: US month first, or day first; accept either
            a, b, year = int(match["sa"]), int(match["sb"]), full_year(match["sy"])
            values += [Date(year, a, b), Date(year, b, a)]
        elif match["date"]:
            values.append(Date(int(match["y"]), int(match["m"]), int(match["d"])))
        elif match["dm"]:
            year = int(match["dy"]) if match["dy"] else None
            values.append(Date(year, MONTHS_EN[match["dmm"].lower()], int(match["dd"])))
        elif match["md"]:
            year = int(match["mdy"]) if match["mdy"] else None
            values.append(Date(year, MONTHS_EN[match["mdm"].lower()], int(match["mdd"])))
        elif match["my"]:
            values.append(Date(int(match["myy"]), MONTHS_EN[match["mym"].lower()], None))
        elif match["time"]:
            values.append(english_clock(match))
        elif match["num"]:
            number = float(match["num"].replace(",", ""))
            scale = SCALE_EN.get((match["scale"] or "").lower(), 1)
            values.append(Amount(number * scale))
        elif match["noon"] or match["midnight"]:  # "12 Uhr" localised as "noon"
            values.append(Clock(12 if match["noon"] else 0, 0))
        elif match["word"]:
            values.append(Amount(WORDS_EN[match["word"].lower()]))
    return values


def english_clock(match: regex.Match[str]) -> Clock:
    if match["h24"]:
        return Clock(int(match["h24"]), int(match["min24"]), half_known=int(match["h24"]) > 12)
    hour, minute = int(match["h"]) % 12, int(match["min"] or 0)
    if match["half"].lower().startswith("p"):
        hour += 12
    return Clock(hour, minute)


def missing_values(source: str, target: str) -> list[Value]:
    """Values of the German ``source`` that the English ``target`` lacks or changed."""
    available = english_values(target)
    missing = []
    for value in german_values(source):
        found = next((got for got in available if same(value, got)), None)
        if found is None:
            missing.append(value)
        else:
            available.remove(found)
    return missing


def same(german: Value, english: Value) -> bool:
    if isinstance(german, Amount):
        if isinstance(english, Amount):
            return abs(german.value - english.value) <= 1e-9 * max(1.0, abs(german.value))
        if isinstance(english, Date):  # a bare year or day the English put into a date
            return german.value in (english.year, english.day)
        return False
    if isinstance(german, Date):
        return isinstance(english, Date) and all(
            g is None or e is None or g == e
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
            not english.half_known and english.hour % 12 == german.hour % 12
        )
    return False


def valid_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def full_year(year: str | None) -> int | None:
    if not year:
        return None
    return int(year) if len(year) == 4 else 2000 + int(year)
