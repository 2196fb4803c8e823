"""Dates, times, amounts and measures in the German source, to record where a change came from.

A localised "October 3, 2022" whose value the German holds as "3. Oktober 2022" gets
that span as its ``source_span``; the values are the ones the English edits carry.
"""

from __future__ import annotations

import regex

from service.localise.dates import month_numbers, valid
from service.localise.edits import Span, Value
from service.localise.money import FACTOR, NAMES, SCALES, amount_of

MONTH = "|".join(sorted(month_numbers(), key=len, reverse=True))
NUMBER = r"(?P<number>\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?)"
DATE = regex.compile(
    rf"(?<![\d.])(?P<day>\d{{1,2}})\.\s?(?:(?P<month>{MONTH})\b\.?|(?P<numeric>\d{{1,2}})\.)"
    r"(?:\s?(?P<year>\d{4})(?!\d))?"
)
TIME = regex.compile(r"(?<![\d.,])(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s?Uhr\b")
MONEY = regex.compile(
    rf"(?<![\w.,]){NUMBER}(?:\s(?P<scale>Millionen|Million|Milliarden|Milliarde|Mio\.|Mrd\.|Tausend))?"
    r"\s(?P<name>Euro|Dollar|US-Dollar|Pfund|Franken)\b"
)
MEASURE = regex.compile(
    rf"(?<![\w.,]){NUMBER}\s?(?P<unit>Quadratkilometern?|Kilometern?|km|Metern?|Kilogramm|kg|"
    r"Tonnen|Litern?|Hektar|Grad(?: Celsius)?)\b"
)
UNITS = {"quadratkilometer": "square kilometre", "quadratkilometern": "square kilometre",
         "kilometer": "kilometre", "kilometern": "kilometre", "km": "kilometre",
         "meter": "metre", "metern": "metre", "kilogramm": "kilogram", "kg": "kilogram",
         "tonnen": "tonne", "liter": "litre", "litern": "litre", "hektar": "hectare",
         "grad": "degree Celsius", "grad celsius": "degree Celsius"}  # fmt: skip
CURRENCIES = {**NAMES, "dollar": "USD", "us-dollar": "USD"}


def german_values(source: str) -> list[tuple[Value, Span]]:
    found: list[tuple[Value, Span]] = []
    for match in DATE.finditer(source):
        month = month_numbers()[match["month"]] if match["month"] else int(match["numeric"])
        year = int(match["year"]) if match["year"] else None
        if match["numeric"] and year is None:
            continue  # "3.10." alone is too often something else
        if valid(year, month, int(match["day"])):
            found.append((("date", year, month, int(match["day"])), match.span()))
    for match in TIME.finditer(source):
        found.append((("time", int(match["hour"]), int(match["minute"] or 0)), match.span()))
    for match in MONEY.finditer(source):
        code = CURRENCIES[match["name"].lower()]
        amount = amount_of(match["number"], code)
        scale = SCALES.get((match["scale"] or "").lower().rstrip("."))
        total = amount * FACTOR[scale] if scale else amount
        found.append((("money", float(total), code), match.span()))
    for match in MEASURE.finditer(source):
        value = float(amount_of(match["number"], ""))
        found.append((("unit", value, UNITS[match["unit"].lower()]), match.span()))
    return found


def source_spans(values: list[Value | None], source: str) -> list[Span | None]:
    """For each value, the span of an equal one in the German (each used once)."""
    available = german_values(source)
    spans: list[Span | None] = []
    for value in values:
        hit = next((item for item in available if value is not None and same(value, item[0])), None)
        if hit is not None:
            available.remove(hit)
        spans.append(hit[1] if hit else None)
    return spans


def same(english: Value, german: Value) -> bool:
    if english[0] != german[0]:
        return False
    if english[0] == "date":  # the German may give no year where the English does
        return english[2:] == german[2:] and german[1] in (None, english[1])
    return english == german
