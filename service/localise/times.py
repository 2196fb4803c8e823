"""Times of day: "2.30pm" (en-GB) or "2:30 p.m." (en-US), from either or from 24-hour ones.

Read: 12-hour times in any spelling ("2:30PM", "2.30 p.m.", "11am"), 24-hour times
with a colon ("14:30", "09:15") where the hour shows it is one (0-9 with a leading
zero, or 13-23), and 24-hour times carried from German ("14.30 Uhr", "14.30 hrs",
"at 14.30"). "9:30" alone could be either half of the day and is left alone, and so
is "at 3.50" (a price as likely as a time). The profile writes the result: 12-hour
("2.30pm", "2:30 p.m."; a whole hour without ":00") or the 24-hour clock ("14:30").
A time written with a final dot that the sentence's full stop follows ("6 p.m..") keeps
one dot.
"""

from __future__ import annotations

import regex

from service.localise.edits import Edit
from service.localise.profile import Times

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


def render(times: Times, hour: int, minute: int) -> str:
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
    return Edit("time", span[0], span[1], render(times, hour, minute), ("time", hour, minute))
