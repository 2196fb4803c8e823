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

Times of day (``time_edits``): "2.30pm" (en-GB) or "2:30 p.m." (en-US), from either or
from 24-hour ones. Read: 12-hour times in any spelling ("2:30PM", "2.30 p.m.", "11am"),
24-hour times with a colon ("14:30", "09:15") where the hour shows it is one (0-9 with a leading
zero, or 13-23), and 24-hour times carried from German ("14.30 Uhr", "14.30 hrs",
"at 14.30"). "9:30" alone could be either half of the day and is left alone, and so
is "at 3.50" (a price as likely as a time). The profile writes the result: 12-hour
("2.30pm", "2:30 p.m."; a whole hour without ":00") or the 24-hour clock ("14:30").
A time written with a final dot that the sentence's full stop follows ("6 p.m..") keeps
one dot.
"""

from __future__ import annotations

import datetime
from functools import cache

import regex
from babel import Locale
from babel.dates import format_date

from service.localise.edits import Edit, Span
from service.localise.profile import Profile, Times

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


# Times of day

HALF = r"(?P<half>[ap])\.?\s?m\b(?:\.(?!\w))?"
TWELVE = regex.compile(
    rf"(?<![\d.:,])\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s?{HALF}",
    regex.IGNORECASE,
)
COLON = regex.compile(
    r"(?<![\d.:,])\b(?P<hour>0\d|1[3-9]|2[0-3]):(?P<minute>[0-5]\d)(?:\s?(?:hrs|hours|h)\b\.?)?"
    r"(?![\d:]|\s?[ap]\.?m\b|[.,]\d)",
    regex.IGNORECASE,
)
SENTENCE_END = regex.compile(r"\s*$|\s+(?!\p{Ll})|[”\"’)]")  # no lower-case word next
ZONED = regex.compile(  # "10:00 GMT": a time zone says it is a 24-hour time
    r"(?<![\d.:,])\b(?P<hour>1[0-2]):(?P<minute>[0-5]\d)(?=\s?(?:GMT|UTC|CET|CEST|BST)\b)"
)
CARRIED = regex.compile(
    r"(?<![\d.:,])\b(?:(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s?Uhr\b"
    r"|(?P<hour2>[01]\d|2[0-3])\.(?P<minute2>[0-5]\d)\s?(?:hrs|hours|h)\b\.?"
    r"|(?<=\b(?:at|from|until|till|by|before|after|around|since)\s)"
    r"(?P<hour3>1[3-9]|2[0-3])\.(?P<minute3>[0-5]\d)"
    r"(?![\d.,]\d|\s?%|\s?(?:per|euros?|dollars?|pounds?|francs?|points?|percent)\b))"
)


def render_time(times: Times, hour: int, minute: int) -> str:
    if times.clock == "24" and (hour, minute) not in ((12, 0), (0, 0), (24, 0)):
        return f"{hour % 24:02d}:{minute:02d}"
    if minute == 0 and hour == 12:
        return times.noon
    if minute == 0 and hour in (0, 24):
        return times.midnight
    half = times.pm if 12 <= hour < 24 else times.am
    clock = hour % 12 or 12
    if minute == 0:
        return times.hour.format(hour=clock, half=half)
    return times.minutes.format(hour=clock, minute=f"{minute:02d}", half=half)


def time_edits(text: str, times: Times) -> list[Edit]:
    edits = []
    for match in TWELVE.finditer(text):
        hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
        minute = int(match["minute"] or 0)
        edit = time_edit(times, match.span(), hour, minute)
        written = match.group()
        if written.endswith(".") and (
            not regex.search(r"[ap]\.\s?m\.$", written, regex.IGNORECASE)  # "6pm.": a stop
            or not edit.after.endswith(".")
            and SENTENCE_END.match(text, match.end())
        ):
            # "at 3 p.m." ending a sentence: its last dot is the sentence's too, and stays
            edit = Edit(edit.rule, edit.start, edit.end - 1, edit.after, edit.value)
        edits.append(edit)
    for match in [*COLON.finditer(text), *ZONED.finditer(text)]:
        edits.append(time_edit(times, match.span(), int(match["hour"]), int(match["minute"])))
    for match in CARRIED.finditer(text):
        for hour_group in ("hour", "hour2", "hour3"):
            if match[hour_group] is not None:
                minute_group = hour_group.replace("hour", "minute")
                clock = int(match[hour_group]), int(match[minute_group] or 0)
        edits.append(time_edit(times, match.span(), *clock))
    return [one_stop(text, edit) for edit in edits]


def one_stop(text: str, edit: Edit) -> Edit:
    """ "at 18 Uhr." → "at 6 p.m.", not "6 p.m..": the time's dot ends the sentence too."""
    if edit.after.endswith(".") and text[edit.end : edit.end + 1] == ".":
        return Edit(edit.rule, edit.start, edit.end + 1, edit.after, edit.value)
    return edit


def time_edit(times: Times, span: tuple[int, int], hour: int, minute: int) -> Edit:
    return Edit("time", span[0], span[1], render_time(times, hour, minute), ("time", hour, minute))
