"""Money: "€5m", "£3m", "€1.99" (en-GB) or "5 million euros", "$3 million" (en-US).

Read: a symbol or ISO code before the amount ("€2.5bn", "US$3 million", "EUR 5
million"), or the currency's name after it ("2.5 billion euros", "1,5 Millionen Euro"
carried from German, "3 million pounds sterling"). "Pounds" count as money only with
a scale word, "sterling" or pence ("20 pounds" may be a weight); "dollars" after
another country's name are not US dollars and are left alone. CLDR (Babel) gives
the symbols, the plural names and the digit grouping; the profile says which
currencies take their symbol and how scales are written after one.
"""

from __future__ import annotations

from decimal import Decimal

import regex
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol

from service.localise.edits import Edit
from service.localise.profile import Profile

CODES = {"€": "EUR", "£": "GBP", "$": "USD", "US$": "USD", "EUR": "EUR", "GBP": "GBP",
         "USD": "USD", "CHF": "CHF"}  # fmt: skip
NAMES = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD",
         "us dollars": "USD", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
         "pfund": "GBP", "swiss franc": "CHF", "swiss francs": "CHF", "franken": "CHF"}  # fmt: skip
SCALES = {"thousand": "thousand", "k": "thousand", "tausend": "thousand",
          "million": "million", "m": "million", "mn": "million", "millionen": "million",
          "mio": "million", "billion": "billion", "bn": "billion", "milliarden": "billion",
          "milliarde": "billion", "mrd": "billion", "trillion": "trillion",
          "tn": "trillion"}  # fmt: skip
FACTOR = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
SYMBOLIC = regex.compile(
    rf"(?<![\w$€£.,])(?P<code>US\$|\$|€|£|(?:EUR|GBP|USD|CHF)\s)\s?{NUMBER}"
    r"(?:\s(?P<word>thousand|million|billion|trillion)|(?P<abbr>mn|m|bn|tn|k))?\b"
    r"(?![.,]\d|\s(?:euros?|dollars|pounds)\b)"
)
NAMED = regex.compile(
    rf"(?<![\w$€£.,]){NUMBER}"
    r"(?:\s(?P<word>thousand|million|billion|trillion|Millionen|Milliarden|Milliarde|Mio\.|Mrd\.))?"
    r"\s(?<!(?:Canadian|Australian|Hong Kong|New Zealand|Singapore|Taiwan)\s)"
    r"(?P<name>euros?|Euro|US dollars|dollars?|pounds sterling|pounds?|Pfund|Swiss francs?"
    r"|Franken)\b"
)


def amount_of(number: str, code: str) -> Decimal:
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):  # 2.500 Euro: German grouping
        return Decimal(number.replace(".", ""))
    if regex.fullmatch(r"\d+,\d{1,2}", number):  # 1,5 Millionen: German decimal comma
        return Decimal(number.replace(",", "."))
    return Decimal(number.replace(",", ""))


MAX_DIGITS = 15  # a longer figure is no amount a desk rewrites: left as it is (and noted)


def money_edits(text: str, profile: Profile) -> list[Edit]:
    edits = []
    for match in SYMBOLIC.finditer(text):
        if too_long(match["number"]):
            continue
        code = CODES[match["code"].strip()]
        scale = (
            SCALES[(match["word"] or match["abbr"] or "").lower()]
            if (match["word"] or match["abbr"])
            else None
        )
        edits.append(money_edit(profile, match.span(), match["number"], scale, code))
    for match in NAMED.finditer(text):
        if too_long(match["number"]):
            continue
        code = NAMES[match["name"].lower()]
        word = (match["word"] or "").lower().rstrip(".")
        scale = SCALES[word] if word else None
        if code == "GBP" and not (scale or "sterling" in match["name"] or "." in match["number"]):
            continue  # "20 pounds" may be a weight
        edits.append(money_edit(profile, match.span(), match["number"], scale, code))
    return edits


def too_long(number: str) -> bool:
    return sum(char.isdigit() for char in number) > MAX_DIGITS


def money_edit(
    profile: Profile, span: tuple[int, int], number: str, scale: str | None, code: str
) -> Edit:
    amount = amount_of(number, code)
    total = amount * FACTOR[scale] if scale else amount
    value = ("money", float(total), code)
    return Edit("money", span[0], span[1], render(profile, amount, scale, code), value)


def render(profile: Profile, amount: Decimal, scale: str | None, code: str) -> str:
    decimals = max(0, -int(amount.as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    figure = format_decimal(amount, format=pattern, locale=profile.babel_locale)
    if code in profile.money.symbol:
        written = get_currency_symbol(code, "en") + figure
        if scale:
            short = profile.money.scales[scale]
            written += (" " if len(short) > 2 else "") + short
        return written
    name = profile.money.names.get(code) or get_currency_name(
        code, count=amount * FACTOR[scale] if scale else amount, locale=profile.babel_locale
    )
    if code in profile.money.names and amount == 1 and not scale:
        name = name.removesuffix("s")
    return f"{figure} {scale} {name}" if scale else f"{figure} {name}"
