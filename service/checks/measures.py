"""What the figures measure: ``number_mismatch`` when the English gives a figure
of the German in another currency, another unit of power, energy or data, a
quantity of another kind (a mass for a volume), per another period, in percent
for percentage points, or says it went the other way.

The figures themselves are ``numbers.py``'s. Each kind here is a set of
measures read on each side by its words (``US-Dollar`` / ``$``, ``Gigawatt`` /
``GW``, ``pro Monat`` / ``a month``, ``stieg`` / ``fell``); a finding needs the
kind on both sides with a measure the other side lacks: "500 Millionen
US-Dollar" → "500 million euros", "6,1 Gigawatt" → "6.1 megawatts", "100 Euro im
Monat" → "100 euros a year", "um 2 Prozentpunkte" → "by 2 percent", "stieg um
2,1 Prozent" → "fell 2.1 percent", "300 Kilogramm" → "300 liters", "1,1
Prozent mehr" → "1.1 percent fewer". A measure dropped with nothing in its place
is left alone ("$500 million" writes no "dollar"; "the figure" may say the
unit); a change said on one side only, by both verbs ("stieg … sank"), or by
a noun alone is not read. Localisation converts a quantity only within its kind
(kilograms to pounds, both a mass) and no other measure read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from service.document import Finding


@dataclass(frozen=True)
class Kind:
    """One kind of measure: its name in messages, and for each measure the German
    and the English words that say it."""

    name: str
    measures: dict[str, tuple[str, str]]

    near_a_figure: bool = False  # a word of it counts only with a figure close by

    def read(self, text: str, german: bool) -> dict[str, tuple[int, int]]:
        """The measures ``text`` says, each with where it first says it."""
        found = {}
        for measure, (de, en) in self.measures.items():
            for match in _compiled(de if german else en).finditer(text):
                start, end = match.span()
                if not self.near_a_figure or _near_a_figure(text, start, end):
                    found[measure] = (start, end)
                    break
        return found


_DIGIT = regex.compile(r"\d")
_CLAUSE_ON = regex.compile(r"[^,;:]{0,60}")


def _near_a_figure(text: str, start: int, end: int) -> bool:
    """A figure within 30 letters, or later in the clause ("steigerte seinen Umsatz
    im ersten Halbjahr um 5,6 Prozent": German puts the verb second)."""
    if _DIGIT.search(text, max(0, start - 30), end + 30):
        return True
    clause = _CLAUSE_ON.match(text, end)
    return bool(clause and _DIGIT.search(clause.group()))


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION1)


_RATE_DE = r"(?:pro|je|im|in\s+der|am|jede[nms]?)\s+"
# A unit of quantity right after a figure ("300 Kilogramm", "7,5-km", "2 Millionen
# Liter"): one-letter symbols ("m", "g", "t", "l") say too much else ("€5m", "5G").
_AFTER_A_FIGURE = (
    r"(?<=\d(?:[\s-]|\s(?:Million\w*|Milliard\w*|Tausend|million|billion|thousand)\s)?)"
)
_ROUGHLY_EN = r"(?:almost|nearly|around|about|some|roughly|just|more\s+than|over)\b"
_MET = r"met(?:er|re)s?"
_LIT = r"lit(?:er|re)s?"
_RATE_EN = r"(?:a|an|per|each|every)\s+"
KINDS = (
    Kind(
        "currency",
        {
            "euros": (r"\bEuro\w*|€|\bEUR\b", r"\beuros?\b|€|\bEUR\b"),
            "dollars": (r"\b(?:US-)?Dollar\w*|\$|\bUSD\b", r"\bdollars?\b|\$|\bUSD\b"),
            "pounds": (r"\bPfund\s+Sterling\b|£|\bGBP\b", r"\bpounds?\s+sterling\b|£|\bGBP\b"),
            "francs": (r"\bFranken\b|\bCHF\b", r"\bfrancs?\b|\bCHF\b"),
        },
    ),
    Kind(
        "unit",
        {
            "kilowatts": (r"\bKilowatt(?!stunde)\w*|\bkW\b", r"\bkilowatts?\b|\bkW\b"),
            "megawatts": (r"\bMegawatt(?!stunde)\w*|\bMW\b", r"\bmegawatts?\b|\bMW\b"),
            "gigawatts": (r"\bGigawatt(?!stunde)\w*|\bGW\b", r"\bgigawatts?\b|\bGW\b"),
            "kilowatt hours": (r"\bKilowattstunde\w*|\bkWh\b", r"\bkilowatt[- ]hours?\b|\bkWh\b"),
            "megawatt hours": (r"\bMegawattstunde\w*|\bMWh\b", r"\bmegawatt[- ]hours?\b|\bMWh\b"),
            "gigawatt hours": (r"\bGigawattstunde\w*|\bGWh\b", r"\bgigawatt[- ]hours?\b|\bGWh\b"),
            "terawatt hours": (r"\bTerawattstunde\w*|\bTWh\b", r"\bterawatt[- ]hours?\b|\bTWh\b"),
            "megabytes": (r"\bMegabyte\w*|\bMB\b", r"\bmegabytes?\b|\bMB\b"),
            "gigabytes": (r"\bGigabyte\w*|\bGB\b", r"\bgigabytes?\b|\bGB\b"),
            "terabytes": (r"\bTerabyte\w*|\bTB\b", r"\bterabytes?\b|\bTB\b"),
        },
    ),
    Kind(
        "quantity",
        {
            "a mass": (
                rf"{_AFTER_A_FIGURE}(?:(?:Milli|Kilo)?gramm|Kilos?|kg|mg|Tonnen?|Zentner)\b",
                rf"{_AFTER_A_FIGURE}(?:(?:kilo|milli)?grams?|kilos?|kg|mg|tonnes?|tons?"
                r"|pounds?(?!\s+sterling)|lbs?|ounces?|oz)\b",
            ),
            "a volume": (
                rf"{_AFTER_A_FIGURE}(?:(?:Milli|Hekto)?[Ll]iter|ml|hl|Kubikmeter|m³)\b",
                rf"{_AFTER_A_FIGURE}(?:(?:milli|hecto)?{_LIT}|ml|hl|cubic\s+{_MET}|m³"
                r"|gallons?|barrels?)\b",
            ),
            "a length": (
                rf"{_AFTER_A_FIGURE}(?:(?:Kilo|Zenti|Milli)?[Mm]eter(?!\s*Höhe)|km|cm|mm)\b",
                rf"{_AFTER_A_FIGURE}(?:(?:kilo|centi|milli)?{_MET}|km|cm|mm|miles?|mph"
                r"|feet|foot|ft|inch(?:es)?|yards?)\b",
            ),
            "an area": (
                rf"{_AFTER_A_FIGURE}(?:Quadrat(?:kilo)?meter|qm|m²|km²|Hektar)\b",
                rf"{_AFTER_A_FIGURE}(?:square\s+(?:kilo)?{_MET}|square\s+(?:miles?|feet)"
                r"|sq\s?m|m²|km²|hectares?|acres?)\b",
            ),
        },
    ),
    Kind(
        "period",
        {
            "a day": (rf"\b{_RATE_DE}Tag\b|\btäglich\w*", rf"\b{_RATE_EN}day\b|\bdaily\b"),
            "a week": (rf"\b{_RATE_DE}Woche\b|\bwöchentlich\w*", rf"\b{_RATE_EN}week\b|\bweekly\b"),
            "a month": (
                rf"\b{_RATE_DE}Monat\b|\bmonatlich\w*",
                rf"\b{_RATE_EN}month\b|\bmonthly\b",
            ),
            "a year": (
                rf"\b{_RATE_DE}Jahr\b(?!\s+\d)|\bjährlich\w*",
                rf"\b{_RATE_EN}year\b|\bannual(?:ly)?\b|\byearly\b",
            ),
            "an hour": (rf"\b{_RATE_DE}Stunde\b|\bstündlich\w*", rf"\b{_RATE_EN}hour\b|\bhourly\b"),
        },
    ),
    Kind(
        "percentage",
        {
            "percentage points": (r"\bProzentpunkt\w*", r"\bpercentage[- ]points?\b|\bpoints?\b"),
            "percent": (r"\bProzent\b(?!punkt)|%", r"\bper\s?cent\b|%"),
        },
    ),
    Kind(
        "change",
        {
            "a rise": (
                r"\b(?:stieg\w*|steig(?:t|en)|gestiegen\w*|angestiegen|erhöht\w*|zugelegt"
                r"|wuchs|wächst|gewachsen|Anstieg\w*|Zuwachs\w*|steiger\w*|(?-i:Plus)\s+von"
                r"|(?:Prozent|%)\s+(?:mehr|höher))\b",
                r"\b(?:rose|ris(?:e[sn]?|ing)|increas(?:e[sd]?|ing)|grew|grow(?:s|n|ing|th)"
                r"|gain(?:s|ed)?|climb(?:s|ed)|jump(?:s|ed)|soar(?:s|ed|ing)"
                rf"|up(?=\s+(?:by\b|\d|{_ROUGHLY_EN}))|(?:per\s?cent|%)\s+(?:more|higher|up))",
            ),
            "a fall": (
                r"\b(?:sank|sinkt|sinken|gesunken\w*|fiel|fällt|fallen|gefallen|Rückgang\w*"
                r"|zurückgegangen|ging\b[^.;]{0,60}\bzurück|schrumpft\w*|geschrumpft|verringert\w*"
                r"|(?-i:Minus)(?!\s+\d)|(?:Prozent|%)\s+(?:weniger|niedriger))\b",
                r"\b(?:fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e[sd]?|ing)"
                r"|decreas(?:e[sd]?|ing)|shrank|shrunk|shrink(?:s|ing)?|slump(?:s|ed)"
                rf"|plung(?:e[sd]?|ing)|down(?=\s+(?:by\b|\d|{_ROUGHLY_EN}))"
                r"|(?:per\s?cent|%)\s+(?:fewer|less|lower|down))",
            ),
        },
        near_a_figure=True,  # "in den See gestiegen" is no rise of a figure
    ),
)


def measure_findings(source: str, target: str) -> list[Finding]:
    """A finding for each kind whose measures differ, the German's first."""
    findings = []
    for kind in KINDS:
        german, english = kind.read(source, True), kind.read(target, False)
        if not german or not english or german.keys() == english.keys():
            continue
        if kind.name == "change" and (len(german) > 1 or len(english) > 1):
            continue  # both ways in one sentence: which figure went which way is not read
        lost = [m for m in german if m not in english]
        added = [m for m in english if m not in german]
        if not lost or not added:
            continue  # one side says more of the kind, the other none in its place
        findings.append(
            Finding(
                flag="number_mismatch",
                source_span=german[lost[0]],
                target_span=english[added[0]],
                message=f"the German gives {lost[0]} where the English gives {added[0]} "
                f"({kind.name})",
            )
        )
    return findings
