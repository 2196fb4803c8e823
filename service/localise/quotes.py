"""Quotation marks: German „…“, »…« and ‚…‘ become the profile's English ones (“…”, ‘…’).

Each mark is its own edit, so that a term inside the quotation keeps its span. Where
the style puts periods and commas inside the quotation marks (AP, American usage),
``"productive".`` becomes ``"productive."``.
"""

from __future__ import annotations

import regex

from service.localise.edits import Edit
from service.localise.profile import Profile

# opening, closing, and whether the pair is double
PAIRS = [("„", "“”\"", True), ("»", "«", True), ("«", "»", True), ("‚", "‘’'", False),
         ("›", "‹", False)]  # fmt: skip


def quote_edits(text: str, profile: Profile) -> list[Edit]:
    edits = []
    for opening, closings, double in PAIRS:
        opened, closed = profile.double_quotes if double else profile.single_quotes
        closing_class = regex.escape(closings)
        pattern = regex.compile(
            rf"{regex.escape(opening)}(?=[^\s{closing_class}{regex.escape(opening)}])"
            rf"[^{closing_class}{regex.escape(opening)}\n]*"
            rf"(?<=\S)[{closing_class}]"
        )
        for match in pattern.finditer(text):
            start, end = match.span()
            edits.append(Edit("quotes", start, start + 1, opened))
            edits.append(Edit("quotes", end - 1, end, closed))
    return edits


# A closing double mark (after a word, not after a stop already inside) with a full stop
# or comma outside it
OUTSIDE = regex.compile(r"(?<=[^\s“„\".,!?])(?P<close>[”\"])(?P<mark>[.,])")


def punctuation_edits(text: str, profile: Profile) -> list[Edit]:
    if not profile.punctuation_inside:
        return []
    chars = list(text)  # read as the quote edits will write it (each one mark for one)
    for edit in quote_edits(text, profile):
        chars[edit.start] = edit.after
    text = "".join(chars)
    return [
        Edit("punctuation", m.start(), m.end(), m["mark"] + m["close"])
        for m in OUTSIDE.finditer(text)
    ]
