"""Dates: "3 October 2022" (en-GB) or "October 3, 2022" (en-US), from either or from German.

Read: day-month and month-day dates with or without a weekday, ordinal or year
("Tuesday, March 1", "the 3rd of October", "Oct. 3, 2022"), German ones the model
carried over ("3. Oktober 2022", "03.10.2022"), and slashed numeric dates where only
one reading is possible ("13/01/2022"). A slashed date both ways valid ("02/01/2022") is
never guessed: it is left as it is and reported by ``ambiguous_dates``. Ranges
("3-5 October", "March 3 and 4") are left alone. Month and weekday names come from
CLDR, and the profile's CLDR patterns write the result (Babel formats them), with
the style's own month names where it has them (AP: "Oct. 3, 2025") and a comma after
the year where the style puts one and the sentence goes on. A German "am" the model
left before a date becomes "on" ("am 3. Oktober" → "on 3 October").

Relative dates ("yesterday", "today", "tomorrow") become the day's name ("on Thursday")
only where the style says so (the BBC's) and the article's publication date is known.
"""

from __future__ import annotations

import datetime
from functools import cache

import regex
from babel import Locale
from babel.dates import format_date

from service.localise.edits import Edit, Span
from service.localise.profile import Profile

# "Oct. 3": the dot of an abbreviated month is the date's; after "October" it ends a sentence
ABBREVIATION_DOT = r"(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez))\.)?"
YEARLESS = 2000  # a leap year, so that 29 February can be written without one


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations, English and German (CLDR), → month number."""
    names: dict[str, int] = {"Sept": 9}
    for locale in ("en", "de"):
        months = Locale.parse(locale).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in months[width].items():
                names[name.rstrip(".")] = number
    names.pop("Mai.", None)
    return {name: number for name, number in names.items() if name[:1].isupper()}


@cache
def weekdays() -> tuple[str, ...]:
    return tuple(Locale.parse("en").days["format"]["wide"].values())


@cache
def patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    month = "|".join(sorted(month_numbers(), key=len, reverse=True))
    weekday = "|".join(weekdays())
    lead = rf"(?:(?P<weekday>{weekday}),?\s+)?"
    year = r"(?:,?\s+(?P<year>\d{4})(?![\d.,/]\d))?"
    not_range_after = (
        rf"(?!\d|[½¼¾]|[:.,/]\d|\s*[-–]\s*\d|\s+(?:and|to|or|through)\s+\d|\s+(?:{month})\b)"
    )
    # "3-5 October", "3 and 5 October": a range of days (a year before "and" is no day)
    not_range_before = (
        r"(?<![\d.,:/]|(?<![\d:.])\d{1,2}\s*[-–]\s*|(?<![\d:.])\d{1,2}\s+(?:and|to|or)\s+)"
    )
    month_day = regex.compile(
        # "3 October 23 kilograms": after a day, the month is that day's
        rf"(?<!(?<!\d)\d{{1,2}}\.?\s)\b{lead}(?P<month>{month})\b{ABBREVIATION_DOT}\s+(?P<day>\d{{1,2}})"
        r"(?:st|nd|rd|th)?\b"
        rf"{not_range_after}{year}"
    )
    day_month = regex.compile(
        rf"{not_range_before}(?<!\b(?:{month})\.?\s)\b{lead}(?P<the>the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+"
        rf"(?P<of>of\s+)?(?P<month>{month})\b{ABBREVIATION_DOT}"
        rf"(?!,?\s+\d{{1,2}}(?!\d))"  # "7 Oct. 3, 2025": the month is the 3's
        rf"{year}"
    )
    return month_day, day_month


DOTTED = regex.compile(r"(?<![\d.,])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d])")
SLASHED = regex.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])")


def valid(year: int | None, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year or YEARLESS, month, day)
    except ValueError:
        return None


def render(profile: Profile, day: datetime.date, has_year: bool, weekday: str | None) -> str:
    pattern = profile.dates.date if has_year else profile.dates.day_month
    written = format_date(day, pattern, locale=profile.babel_locale)
    if profile.dates.month_names:
        wide = format_date(day, "MMMM", locale=profile.babel_locale)
        written = written.replace(wide, profile.dates.month_names[day.month - 1], 1)
    if weekday:
        written = profile.dates.weekday.format(weekday=weekday, date=written)
    return written


GERMAN_ON = regex.compile(r"(?<![\p{L}'’])am\s$")
GOES_ON = regex.compile(r"\s+[^\s.,;:!?)\]”\"’—–-]")  # the sentence goes on after the year


def date_edits(text: str, profile: Profile) -> list[Edit]:
    return [framed(text, edit, profile) for edit in found_dates(text, profile)]


def framed(text: str, edit: Edit, profile: Profile) -> Edit:
    """The date with a German "am" before it as "on", and the style's comma after the year."""
    start, after = edit.start, edit.after
    if on := GERMAN_ON.search(text[max(0, start - 4) : start]):
        start -= len(on.group())
        after = "on " + after
    has_year = edit.value is not None and edit.value[1] is not None
    if profile.dates.year_comma and has_year and GOES_ON.match(text, edit.end):
        after += ","
    return Edit(edit.rule, start, edit.end, after, edit.value)


def found_dates(text: str, profile: Profile) -> list[Edit]:
    edits: list[Edit] = []
    taken: list[Span] = []
    names = month_numbers()
    for pattern in patterns():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            year = int(match["year"]) if match["year"] else None
            month = names[match["month"].rstrip(".")]
            day = valid(year, month, int(match["day"]))
            if day is None:
                continue
            taken.append(match.span())
            after = render(profile, day, year is not None, match["weekday"])
            start = match.start()
            if match.groupdict().get("the") and not match["of"]:
                start = match.end("the")  # "the 3 October": the article is the sentence's
            edits.append(Edit("date", start, match.end(), after, ("date", year, month, day.day)))
    for match in DOTTED.finditer(text):
        year, month = int(match["year"]), int(match["month"])
        if day := valid(year, month, int(match["day"])):
            after = render(profile, day, True, None)
            edits.append(
                Edit("date", match.start(), match.end(), after, ("date", year, month, day.day))
            )
    for match in SLASHED.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if a <= 12 and b <= 12 and a != b:
            continue  # ambiguous: never guessed
        month, day_number = (b, a) if a > 12 or a == b else (a, b)
        if day := valid(year, month, day_number):
            after = render(profile, day, True, None)
            edits.append(
                Edit("date", match.start(), match.end(), after, ("date", year, month, day.day))
            )
    return edits


def ambiguous_dates(text: str) -> list[Span]:
    """Slashed dates both day-first and month-first could mean (02/01/2022)."""
    return [
        match.span()
        for match in SLASHED.finditer(text)
        if int(match["a"]) <= 12
        and int(match["b"]) <= 12
        and int(match["a"]) != int(match["b"])
        and valid(int(match["year"]), int(match["a"]), int(match["b"])) is not None
    ]


RELATIVE = regex.compile(
    r"(?<![\p{L}'’])(?P<lead>(?:on|from|since|until|till|by|before|after)\s)?"
    r"(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow)(?:(?P<possessive>['’]s)(?!\p{L})|(?![\p{L}'’]))"
)
OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1}


def relative_edits(text: str, profile: Profile, published: datetime.date | None) -> list[Edit]:
    """ "yesterday" → "on Thursday" where the style names the day and the date is known."""
    if profile.dates.relative != "weekday" or published is None:
        return []
    edits = []
    month = "|".join(month_numbers())
    for match in RELATIVE.finditer(text):
        word = match["word"]
        if regex.match(rf",?\s+(?:\d|(?:{month})\b)", text[match.end() :]):
            continue  # "yesterday, 3 October": the date is named already
        day = published + datetime.timedelta(days=OFFSET[word.lower()])
        name = format_date(day, "EEEE", locale=profile.babel_locale)
        if match["possessive"]:  # "yesterday's vote" → "Thursday's vote"
            after = f"{match['lead'] or ''}{name}{match['possessive']}"
        elif match["lead"]:  # "until tomorrow" → "until Saturday"
            after = f"{match['lead']}{name}"
        else:
            after = f"{'On' if word[0].isupper() else 'on'} {name}"
        edits.append(Edit("date", match.start(), match.end(), after, ("date", *ymd(day))))
    return edits


def ymd(day: datetime.date) -> tuple[int, int, int]:
    return day.year, day.month, day.day
