"""Line rules of news text: headline lines inside a block, and datelines.

SoMaJo reads a block as running text, so it would glue a headline without a
full stop to the sentence below it. These rules decide which line breaks
end a segment, and cut the dateline ("BERLIN (dpa) -") off a paragraph.
"""

from __future__ import annotations

import re

from service.segment.lexicon import CONTINUING_WORDS, MONTHS, PARTIES, SENTENCE_STARTERS

# The line breaks of str.splitlines; \u2029 (paragraph separator) is handled as a blank line.
LINE_BREAK = r"\r\n|\r(?!\n)|[\n\v\f\x1c-\x1e\x85\u2028]"  # "\r\n" is one break
# A line break followed by one or more whitespace-only lines, or a paragraph separator.
PARAGRAPH_BREAK = re.compile(
    rf"(?:{LINE_BREAK})(?:[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*"
    rf"(?:{LINE_BREAK}))+|\u2029"
)
_LINE_BREAK = re.compile(LINE_BREAK)

TERMINAL = ".!?…"
CLOSING = "\"'“”‘’»«›‹)]"
OPENING = "\"'„‚“‘»«›‹(["
# A line ending in one of these goes on below (comma, colon, hyphenated word, …).
CONTINUING_END = ",;:([/&+-–—"
_BULLET = re.compile(r"[-–—•*·▪]\s")
_FIRST_WORD = re.compile(r"[\"'„‚“‘»«›‹(\[]*(\w+)")

# Hard-wrapped prose: lines close to the longest line of the block are wrapped
# sentence text, not headlines (only where lines are long enough to be prose).
WRAP_MIN_WIDTH = 40
WRAP_FILL = 0.8


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty lines of text[start:end], trimmed, as offsets into text."""
    spans = []
    position = start
    for match in _LINE_BREAK.finditer(text, start, end):
        spans.append(trim(text, position, match.start()))
        position = match.end()
    spans.append(trim(text, position, end))
    return [(s, e) for s, e in spans if s < e]


def has_terminal_punctuation(line: str) -> bool:
    """Does the line end like a sentence („… kommen.“, … wirklich?!)?"""
    return line.rstrip().rstrip(CLOSING).endswith(tuple(TERMINAL))


def is_title_break(line: str, next_line: str, width: int) -> bool:
    """Does the break after ``line`` end a segment of its own (a headline, a list item)?

    Breaks after terminal punctuation are left to the sentence splitter.
    ``width`` is the longest line of the block, to recognise hard-wrapped prose.
    """
    if _BULLET.match(next_line):
        return True
    if has_terminal_punctuation(line) or line.endswith(tuple(CONTINUING_END)):
        return False
    first = next_line[0]
    if not (first.isupper() or first.isdigit() or first in OPENING):
        return False  # "… sagte er\nam Montag" goes on
    if line.split()[-1].lower() in CONTINUING_WORDS:
        return False
    if _starts_with_starter(next_line):
        return True  # a capitalised "Die", "Er", "Doch" only opens a sentence
    return not (width >= WRAP_MIN_WIDTH and len(line) >= WRAP_FILL * width)


def _starts_with_starter(line: str) -> bool:
    match = _FIRST_WORD.match(line)
    word = match.group(1) if match else ""
    return word[:1].isupper() and word.lower() in SENTENCE_STARTERS


_PLACE_WORD = r"[A-ZÄÖÜ][\w'’.-]*"
_AGENCY_WORD = r"[^\W\d_][\w-]{0,11}"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,3}})      # Berlin, Kiew/Moskau, New York
    (?P<comma>\s*,)?
    (?:\s*\d{{1,2}}\.\s?(?:\d{{1,2}}\.|(?:{MONTHS}))(?:\s?\d{{4}})?)?    # 2. Januar 2022
    (?:\s*\((?P<agency>{_AGENCY_WORD}(?:\s?[/,]\s?{_AGENCY_WORD}){{0,3}})\))?  # (dpa/AFP)
    \s*,?\s*[-–—](?=\s|$)
    """,
    re.VERBOSE,
)


def dateline_end(text: str, start: int, end: int) -> int | None:
    """End offset of a dateline at text[start:], the dash included, or None.

    A dateline is a place, optionally a date, then a news agency in
    parentheses or a comma, and a dash: "BERLIN (dpa) -", "Washington, -",
    "Kiew/Moskau (Reuters) –". An all-caps place needs neither ("BERLIN –").
    """
    match = _DATELINE.match(text, start, end)
    if match is None:
        return None
    place, agency = match.group("place"), match.group("agency")
    if " " not in place and place.lower() in SENTENCE_STARTERS:
        return None
    if agency and agency.lower() in PARTIES:
        return None
    shouted = place.isupper() and sum(ch.isalpha() for ch in place) >= 4
    return match.end() if agency or match.group("comma") or shouted else None
