"""Units: metric only (en-GB), or metric with the imperial equivalent once (en-US, AP).

en-GB: "19 miles" becomes "31 kilometres", and an imperial figure in brackets after
a metric one is dropped ("30 kilometers (19 miles)" → "30 kilometers", whose
spelling is the spelling rule's). en-US: "30 kilometres" becomes "30 kilometres (19
miles)" once (a bracket already there is left alone) and tonnes are "metric tons".
pint converts; the figure is rounded as a reporter would (whole numbers from 10,
one decimal below). The profile says the system and the names it prefers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import regex
from babel.numbers import format_decimal

from service.localise.edits import Edit
from service.localise.profile import Profile
from service.localise.spelling import respellings

if TYPE_CHECKING:
    import pint


@dataclass(frozen=True)
class Unit:
    key: str  # the British name, singular: what the profile's ``names`` use
    pint: str
    forms: str  # how texts write it (a regex)
    symbol: str | None = None  # how it is written after a symbol form ("°C", "km/h")
    plural: str | None = None


METRIC = [
    Unit("square kilometre", "kilometer**2", r"square kilomet(?:re|er)s?|sq km|km²", "sq km"),
    Unit("kilometres per hour", "km/h", r"kilomet(?:re|er)s (?:per|an) hour|km/h|kph", "km/h",
         "kilometres per hour"),
    Unit("kilometre", "kilometer", r"kilomet(?:re|er)s?|km", "km"),
    Unit("metre", "meter", r"met(?:re|er)s?"),
    Unit("centimetre", "centimeter", r"centimet(?:re|er)s?|cm", "cm"),
    Unit("millimetre", "millimeter", r"millimet(?:re|er)s?|mm", "mm"),
    Unit("kilogram", "kilogram", r"kilogram(?:me)?s?|kg", "kg"),
    Unit("tonne", "tonne", r"tonnes?|metric tons?"),
    Unit("litre", "liter", r"lit(?:re|er)s?"),
    Unit("hectare", "hectare", r"hectares?"),
    Unit("degree Celsius", "degC", r"degrees? Celsius|°C|º ?C", "°C", "degrees Celsius"),
]  # fmt: skip
IMPERIAL = [
    Unit("square mile", "mile**2", r"square miles?|sq mi", "sq mi"),
    Unit("mile per hour", "mph", r"miles (?:per|an) hour|mph", "mph", "miles per hour"),
    Unit("mile", "mile", r"miles?"),
    Unit("foot", "foot", r"feet|foot|ft", "ft", "feet"),
    Unit("inch", "inch", r"inches|inch", None, "inches"),
    Unit("pound", "pound", r"lbs?", "lb"),
    Unit("gallon", "gallon", r"gallons?"),
    Unit("acre", "acre", r"acres?"),
    Unit("degree Fahrenheit", "degF", r"degrees? Fahrenheit|°F|º ?F", "°F", "degrees Fahrenheit"),
]  # fmt: skip
EQUIVALENT = {  # metric → imperial (en-US) and imperial → metric (en-GB)
    "square kilometre": "square mile", "kilometres per hour": "mile per hour",
    "kilometre": "mile", "metre": "foot", "centimetre": "inch", "millimetre": "inch",
    "inch": "centimetre", "kilogram": "pound", "litre": "gallon",
    "hectare": "acre", "degree Celsius": "degree Fahrenheit",
    "square mile": "square kilometre", "mile per hour": "kilometres per hour",
    "mile": "kilometre", "foot": "metre", "pound": "kilogram", "gallon": "litre",
    "acre": "hectare", "degree Fahrenheit": "degree Celsius",
}  # fmt: skip
SCALE = {"million": 10**6, "billion": 10**9}
BY_KEY = {unit.key: unit for unit in METRIC + IMPERIAL}
NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
BRACKET = (
    r"\s?\((?:about |some |around |roughly |nearly |almost )?{number}"
    r"(?:\s(?:million|billion))?[\s-]?(?:{units})\)"
)


def quantity(units: list[Unit], number: str = NUMBER) -> str:
    names = "|".join(f"(?P<u{index}>{unit.forms})" for index, unit in enumerate(units))
    scale = r"(?:\s(?P<scale>million|billion))?"
    return rf"(?<![\w.,]){number}{scale}(?P<joint>\s|-|\u00a0)?(?:{names})(?![\w/²])"


@cache
def patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], str, str]:
    metric_names = "|".join(u.forms for u in METRIC)
    imperial_names = "|".join(u.forms for u in IMPERIAL)
    bracket_number = r"\d[\d,]*(?:\.\d+)?"
    metric = regex.compile(
        quantity(METRIC)
        + rf"(?P<bracket>{BRACKET.format(number=bracket_number, units=imperial_names)})?"
    )
    imperial = regex.compile(
        quantity(IMPERIAL)
        + rf"(?P<bracket>{BRACKET.format(number=bracket_number, units=metric_names)})?"
    )
    return metric, imperial, metric_names, imperial_names


@cache
def registry() -> pint.UnitRegistry:
    import pint  # half a second to import: only once a unit is converted

    return pint.UnitRegistry()


def unit_of(match: regex.Match[str], units: list[Unit]) -> Unit:
    return next(unit for index, unit in enumerate(units) if match[f"u{index}"] is not None)


def convert(value: float, source: Unit, target: Unit) -> float:
    ureg = registry()
    return float(ureg.Quantity(value, source.pint).to(target.pint).magnitude)


def figure(value: float, babel_locale: str) -> str:
    rounded = round(value) if abs(value) >= 10 or value == round(value) else round(value, 1)
    return format_decimal(rounded, locale=babel_locale)


def name(unit: Unit, value: float, profile: Profile, symbol_form: bool, joint: str) -> str:
    """How the profile writes ``value`` of ``unit``: symbol, hyphenated adjective or words."""
    if symbol_form and unit.symbol:
        return unit.symbol
    words = profile.units.names.get(unit.key, unit.key)
    if joint != "-" and value != 1:
        words = unit.plural or profile.units.names.get(unit.key + "s") or plural(words)
    if profile.spelling.variant == "american":
        table = respellings("american")
        words = " ".join(table.get(word, word) for word in words.split(" "))
    return words


def plural(words: str) -> str:
    first, _, rest = words.partition(" per ")
    return f"{first}s per {rest}" if rest else words + "s"


def written(
    value: float, unit: Unit, profile: Profile, symbol_form: bool, joint: str, scale: str = ""
) -> str:
    number = figure(value, profile.babel_locale) + (f" {scale}" if scale else "")
    words = name(unit, 2 if scale else value, profile, symbol_form, joint)
    if symbol_form and unit.symbol in ("°C", "°F"):
        return f"{number}{words}"
    return f"{number}{joint if joint == '-' else ' '}{words}"


def unit_edits(text: str, profile: Profile) -> list[Edit]:
    metric, imperial, _, _ = patterns()
    edits = []
    bracketed = [m.span("bracket") for m in imperial.finditer(text) if m["bracket"]]
    for match in metric.finditer(text):
        if any(start <= match.start() < end for start, end in bracketed):
            continue  # "19 miles (30 kilometres)": the metric figure is the equivalent
        unit = unit_of(match, METRIC)
        value = float(match["number"].replace(",", ""))
        symbol_form = is_symbol(match, unit)
        joint = match["joint"] or ""
        quantity_end = match.end("bracket") if match["bracket"] else match.end()
        head = text[match.start() : match.start("bracket") if match["bracket"] else match.end()]
        if unit.key == "tonne":  # the profile's name: tonnes or metric tons
            head = written(value, unit, profile, False, joint or " ", match["scale"] or "")
        if profile.units.system == "metric":
            after = head
        elif match["bracket"]:
            after = (
                text[match.start() : quantity_end]
                if unit.key != "tonne"
                else (head + text[match.start("bracket") : quantity_end])
            )
        elif unit.key == "tonne":
            after = head
        else:
            other = BY_KEY[EQUIVALENT[unit.key]]
            converted = convert(value, unit, other)
            equivalent = written(
                converted, other, profile, symbol_form, joint, match["scale"] or ""
            )
            after = f"{head} ({equivalent})"
        if after == text[match.start() : quantity_end]:
            continue  # as the profile writes it (its spelling is the spelling rule's)
        after = respell(after, profile)  # one edit: its spelling too
        total = value * SCALE.get(match["scale"] or "", 1)
        edits.append(Edit("unit", match.start(), quantity_end, after, ("unit", total, unit.key)))
    if profile.units.system == "metric":
        for match in imperial.finditer(text):
            unit = unit_of(match, IMPERIAL)
            if match["bracket"]:  # "19 miles (30 kilometers)": the metric figure alone
                inner = text[match.start("bracket") : match.end("bracket")].strip(" ()")
                edits.append(Edit("unit", match.start(), match.end(), respell(inner, profile)))
                continue
            other = BY_KEY[EQUIVALENT[unit.key]]
            converted = convert(float(match["number"].replace(",", "")), unit, other)
            scale = match["scale"] or ""
            symbol_form = is_symbol(match, unit)
            after = written(converted, other, profile, symbol_form, match["joint"] or "", scale)
            shown = float(figure(converted, "en").replace(",", "")) * SCALE.get(scale, 1)
            edits.append(
                Edit("unit", match.start(), match.end(), after, ("unit", shown, other.key))
            )
    return edits


def respell(text: str, profile: Profile) -> str:
    table = respellings(profile.spelling.variant)
    return regex.sub(r"\p{L}+", lambda word: table.get(word.group(), word.group()), text)


def is_symbol(match: regex.Match[str], unit: Unit) -> bool:
    written_as = text_of_unit(match)
    return (
        unit.symbol is not None
        and not written_as[:1].isalpha()
        or written_as in ("km", "kg", "kph", "km/h", "sq km", "mph", "ft", "lb", "lbs", "sq mi")
    )


def text_of_unit(match: regex.Match[str]) -> str:
    return next(value for key, value in match.groupdict().items() if key[0] == "u" and value)
