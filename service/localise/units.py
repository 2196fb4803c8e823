"""Units: metric only (en-GB), or metric with the imperial equivalent once (en-US, AP).

en-GB: "19 miles" becomes "31 kilometres", and an imperial figure in brackets after
a metric one is dropped ("30 kilometers (19 miles)" → "30 kilometres"). en-US:
"30 kilometres" becomes "30 kilometers (19 miles)" once (a conversion already in
brackets, in either system, is never added again) and tonnes are "metric tons".

Read: signed values ("-20°C", "−4 °F", "minus 10 degrees Celsius"), ranges ("10-12
miles", "30 to 35 degrees Celsius", "between 2,000 and 3,000 acres"), decimals with
either separator ("2.5 km", German "2,5 km"), fractions ("2½ miles", "1 1/2 inches").
Left alone: race and event names ("the 100 metres final": a distance's name, not a
measure), units a style keeps (the Guardian's miles) and figures too long to be a
measure (16 digits or more: left as they are and noted, never converted).

pint converts; the figure keeps no more significant figures than the source has (at
least two; temperatures in whole degrees): no false precision. Each written figure
is read back and checked against the exact conversion before the edit is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING

import regex
from babel.numbers import format_decimal

from service.localise.edits import Edit, Spans
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
# "pounds" are a weight only where a metric weight follows in brackets (else money's)
WEIGHT_POUNDS = r"|pounds?(?=\s?\((?:about |some )?[\d.,]+\s?(?:kilo|kg))"
IMPERIAL = [
    Unit("square mile", "mile**2", r"square miles?|sq mi", "sq mi"),
    Unit("mile per hour", "mph", r"miles (?:per|an) hour|mph", "mph", "miles per hour"),
    Unit("mile", "mile", r"miles?"),
    Unit("foot", "foot", r"feet|foot|ft", "ft", "feet"),
    Unit("inch", "inch", r"inches|inch", None, "inches"),
    Unit("pound", "pound", r"lbs?" + WEIGHT_POUNDS, "lb"),
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
TEMPERATURES = ("degree Celsius", "degree Fahrenheit")
SCALE = {"million": 10**6, "billion": 10**9}
BY_KEY = {unit.key: unit for unit in METRIC + IMPERIAL}
FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
MAX_DIGITS = 15  # a longer figure is no measure a desk converts (and beyond a float's digits)

SIGN = r"(?:-|−|minus\s)"
# thousands with commas; a decimal with a point or a German comma; whole with a fraction
FIGURE = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+[.,]\d+|\d+(?:\s?[½¼¾]|\s\d/\d{1,2}(?![\d/]))?"
    r"|[½¼¾]"
)
# "10-12", "30 to 35", "between 2,000 and 3,000" (an "and" only after "between")
RANGE = r"[-–]|\s[-–]\s|\sto\s|\sand\s(?<=between\s\S+\sand\s)"  # " -20": a sign
# "the 100 metres final", "the 400m hurdles": a race's name
EVENT = (
    r"(?=\s+(?:finals?|races?|record|relay|hurdles|freestyle|backstroke|breaststroke|butterfly"
    r"|medley|individual|sprint|dash|heats?|semi-?finals?|title|gold|silver|bronze|champion"
    r"|world\s(?:record|title|champion)|steeplechase|event|specialist|runner|swim)\b)"
)
BRACKET_FIGURE = rf"{SIGN}?[\d.,]*\d(?:\s?[½¼¾])?|[½¼¾]"
BRACKET = (
    r"\s?\((?:about |some |around |roughly |nearly |almost |more than |over )?"
    rf"(?:{BRACKET_FIGURE})(?:(?:{RANGE})(?:{BRACKET_FIGURE}))?"
    r"(?:\s(?:million|billion))?[\s-]?(?:{units})\)"
)


def quantity(units: list[Unit]) -> str:
    names = "|".join(f"(?P<u{index}>{unit.forms})" for index, unit in enumerate(units))
    low = rf"(?:(?P<lowsign>{SIGN})?(?P<low>{FIGURE})(?P<range>{RANGE}))?"
    number = rf"(?P<sign>{SIGN})?(?P<number>{FIGURE})"
    scale = r"(?:\s(?P<scale>million|billion))?"
    return (
        rf"(?<![\w.,:/^−-]){low}{number}(?![\d^])"
        rf"{scale}(?P<joint>\s|-|\u00a0)?(?:{names})(?![\w/²]|-\p{{L}})"  # not "-metre-long"
    )


@cache
def patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    every = "|".join(u.forms for u in METRIC + IMPERIAL) + "|pounds?"
    bracket = rf"(?:(?P<event>{EVENT})|(?P<bracket>{BRACKET.format(units=every)}))?"
    return regex.compile(quantity(METRIC) + bracket), regex.compile(quantity(IMPERIAL) + bracket)


@cache
def registry() -> pint.UnitRegistry:
    import pint  # half a second to import: only once a unit is converted

    return pint.UnitRegistry()


def unit_of(match: regex.Match[str], units: list[Unit]) -> Unit:
    return next(unit for index, unit in enumerate(units) if match[f"u{index}"] is not None)


def value_of(figure: str) -> Decimal | None:
    """The figure's value; None for one too long to be a measure."""
    if sum(char.isdigit() for char in figure) > MAX_DIGITS:
        return None
    whole, fraction = figure, Decimal(0)
    if figure[-1] in FRACTIONS:
        whole, fraction = figure[:-1].strip(), FRACTIONS[figure[-1]]
    elif "/" in figure:
        whole, _, part = figure.partition(" ")
        numerator, denominator = part.split("/")
        if int(denominator) == 0:
            return None
        fraction = Decimal(numerator) / Decimal(denominator)
    if not whole:
        return fraction
    if regex.fullmatch(r"\d+,\d{1,2}", whole) or regex.fullmatch(r"\d+,\d{4,}", whole):
        whole = whole.replace(",", ".")  # "2,5 km": a German decimal comma
    try:
        return Decimal(whole.replace(",", "")) + fraction
    except InvalidOperation:
        return None


def significant(figure: str) -> int:
    """How many significant figures the source gives: "1,500" two, "2.50" three."""
    if any(char in figure for char in "½¼¾/"):
        return 2
    digits = regex.sub(r"\D", "", figure).lstrip("0")
    if not regex.search(r"[.]|,\d{1,2}$", figure):
        digits = digits.rstrip("0")
    return max(1, len(digits))


def rounded(value: Decimal, figures: int, temperature: bool, decimals: int) -> Decimal:
    """``value`` without false precision: ``figures`` significant figures (at least two),
    as many decimals as the source has (26.2 miles: 42.2 km), else whole numbers from 10
    and one decimal below; temperatures whole (or as the source)."""
    if temperature:
        return value.quantize(Decimal(1) if not decimals else Decimal("0.1"))
    if value == 0:
        return Decimal(0)
    figures = max(2, figures)
    exponent = value.adjusted() - figures + 1
    result = value.scaleb(-exponent).quantize(Decimal(1)).scaleb(exponent)
    places = decimals or (0 if abs(result) >= 10 else 1)
    return result.quantize(Decimal(1).scaleb(-places))


def convert(value: Decimal, source: Unit, target: Unit) -> Decimal:
    ureg = registry()
    magnitude = ureg.Quantity(float(value), source.pint).to(target.pint).magnitude
    return Decimal(repr(float(magnitude)))


def figure_text(value: Decimal, sign: str, babel_locale: str) -> str:
    """``value`` written with grouping, its minus as the source wrote one ("minus", "−")."""
    magnitude = format_decimal(abs(value), locale=babel_locale)
    if value >= 0 or magnitude.strip("0.") == "":
        return magnitude
    return ("minus " if sign.startswith("minus") else (sign or "-")) + magnitude


def checked(shown: Decimal, exact: Decimal, temperature: bool) -> bool:
    """The written figure is the exact conversion rounded: at most five per cent off (two
    significant figures), or half a degree."""
    if temperature:
        return abs(shown - exact) <= Decimal("0.5") + Decimal("1e-9")
    return abs(shown - exact) <= abs(exact) * Decimal("0.05") + Decimal("0.05")


def name(unit: Unit, value: Decimal, profile: Profile, symbol_form: bool, joint: str) -> str:
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


@dataclass(frozen=True)
class Measure:
    """One quantity as the text writes it: a figure or a range, its unit and its form."""

    unit: Unit
    values: tuple[Decimal, ...]  # one, or a range's two
    figures: tuple[str, ...]
    signs: tuple[str, ...]
    separator: str  # a range's "-", " to " ...
    scale: str
    joint: str
    symbol_form: bool


def measure(match: regex.Match[str], units: list[Unit]) -> Measure | None:
    figures = (match["low"], match["number"]) if match["low"] else (match["number"],)
    sign = match["sign"] or ""
    signs = (match["lowsign"] or "", sign) if match["low"] else (sign,)
    values = []
    for figure, sign in zip(figures, signs, strict=True):
        value = value_of(figure)
        if value is None:
            return None
        values.append(-value if sign else value)
    unit = unit_of(match, units)
    return Measure(
        unit,
        tuple(values),
        figures,
        signs,
        match["range"] or "",
        match["scale"] or "",
        match["joint"] or "",
        is_symbol(match, unit),
    )


def written(
    values: tuple[Decimal, ...],
    unit: Unit,
    profile: Profile,
    like: Measure,
) -> str:
    numbers = [
        figure_text(value, sign, profile.babel_locale)
        for value, sign in zip(values, like.signs, strict=True)
    ]
    number = like.separator.join(numbers) + (f" {like.scale}" if like.scale else "")
    if unit.key in TEMPERATURES and profile.units.temperature:
        return f"{number}{unit.key[len('degree ')]}"  # "40C": the style's short form
    count = Decimal(2) if like.scale or len(values) > 1 else values[0]
    words = name(unit, count, profile, like.symbol_form, like.joint)
    if like.symbol_form and unit.symbol in ("°C", "°F"):
        return f"{number}{words}"
    return f"{number}{like.joint if like.joint == '-' else ' '}{words}"


def converted(
    quantity_: Measure, target: Unit, profile: Profile
) -> tuple[str, tuple[Decimal, ...]] | None:
    """``quantity_`` in ``target``, rounded, or None where the written figure fails its check."""
    temperature = target.key in TEMPERATURES
    shown = []
    for value, figure in zip(quantity_.values, quantity_.figures, strict=True):
        exact = convert(value, quantity_.unit, target)
        decimals = len(figure.rpartition(".")[2]) if "." in figure else 0
        value_shown = rounded(exact, significant(figure), temperature, decimals)
        if not checked(value_shown, exact, temperature):
            return None
        shown.append(value_shown)
    return written(tuple(shown), target, profile, quantity_), tuple(shown)


def unit_edits(text: str, profile: Profile) -> list[Edit]:
    metric, imperial = patterns()
    edits: list[Edit] = []
    spans = [m.span("bracket") for p in (metric, imperial) for m in p.finditer(text)]
    brackets = Spans(span for span in spans if span[0] >= 0)
    for match in metric.finditer(text):
        if brackets.holds(match.start()):
            continue  # "19 miles (30 kilometres)": the metric figure is the equivalent
        if edit := metric_edit(text, match, profile):
            edits.append(edit)
    for match in imperial.finditer(text):
        if brackets.holds(match.start()):
            continue
        if edit := imperial_edit(text, match, profile):
            edits.append(edit)
    return edits


def event_edit(text: str, match: regex.Match[str], units: list[Unit], profile: Profile) -> Edit:
    """A race's name keeps its figure: only the unit's spelling is the profile's."""
    start, end = next(
        match.span(f"u{index}") for index in range(len(units)) if match[f"u{index}"] is not None
    )
    return Edit("unit", start, end, respell(text[start:end], profile))


def metric_edit(text: str, match: regex.Match[str], profile: Profile) -> Edit | None:
    if match["event"] is not None:
        return event_edit(text, match, METRIC, profile)
    found = measure(match, METRIC)
    if found is None:
        return None  # too long to be a measure: left as it is
    unit = found.unit
    bracket_start = match.start("bracket") if match["bracket"] else match.end()
    quantity_end = match.end("bracket") if match["bracket"] else match.end()
    source = text[match.start() : quantity_end]
    head = text[match.start() : bracket_start]
    for figure in found.figures:  # "2,5 kilometres": the German decimal comma becomes a point
        if regex.fullmatch(r"\d+,\d{1,2}", figure):
            head = head.replace(figure, figure.replace(",", "."), 1)
    if unit.key == "tonne":  # the profile's name: tonnes or metric tons
        head = written(found.values, unit, profile, replace_joint(found))
    if unit.key in TEMPERATURES and profile.units.temperature:
        head = written(found.values, unit, profile, found)
    if profile.units.system == "metric" or match["bracket"]:
        after = head
        if match["bracket"] and profile.units.system == "metric_imperial":
            after = head + text[bracket_start:quantity_end]
    elif unit.key == "tonne":
        after = head
    else:
        other = BY_KEY[EQUIVALENT[unit.key]]
        result = converted(found, other, profile)
        if result is None:
            return None
        after = f"{head} ({result[0]})"
    after = respell(after, profile)  # one edit: its spelling too
    if after == source:
        return None  # as the profile writes it
    total = float(found.values[-1]) * SCALE.get(found.scale, 1)
    return Edit("unit", match.start(), quantity_end, after, ("unit", total, unit.key))


def imperial_edit(text: str, match: regex.Match[str], profile: Profile) -> Edit | None:
    if profile.units.system != "metric":
        return None
    if match["event"] is not None:
        return None  # "the mile record"
    found = measure(match, IMPERIAL)
    if found is None:
        return None
    unit = found.unit
    if unit.key in profile.units.keep:
        return None  # the style writes miles
    if match["bracket"]:  # "19 miles (30 kilometers)": the metric figure alone
        inner = text[match.start("bracket") : match.end("bracket")].strip(" ()")
        return Edit("unit", match.start(), match.end("bracket"), respell(inner, profile))
    other = BY_KEY[EQUIVALENT[unit.key]]
    result = converted(found, other, profile)
    if result is None:
        return None
    after, shown = result
    total = float(shown[-1]) * SCALE.get(found.scale, 1)
    return Edit("unit", match.start(), match.end(), after, ("unit", total, other.key))


def replace_joint(found: Measure) -> Measure:
    return Measure(
        found.unit,
        found.values,
        found.figures,
        found.signs,
        found.separator,
        found.scale,
        found.joint or " ",
        False,
    )


def respell(text: str, profile: Profile) -> str:
    """``text`` in the profile's spelling, its ``keep`` words aside ("kilograms" in en-GB)."""
    table = respellings(profile.spelling.variant)
    keep = profile.spelling.keep - {"meter", "meters"}  # a unit here, never a gas meter

    def one(word: regex.Match[str]) -> str:
        found = word.group()
        return found if found.lower() in keep else table.get(found, found)

    return regex.sub(r"\p{L}+", one, text)


def is_symbol(match: regex.Match[str], unit: Unit) -> bool:
    written_as = text_of_unit(match)
    return (
        unit.symbol is not None
        and not written_as[:1].isalpha()
        or written_as in ("km", "kg", "kph", "km/h", "sq km", "mph", "ft", "lb", "lbs", "sq mi")
    )


def text_of_unit(match: regex.Match[str]) -> str:
    return next(value for key, value in match.groupdict().items() if key[0] == "u" and value)
