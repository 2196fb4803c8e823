"""Negations: ``negation_mismatch`` when the English drops a negation of the German
or adds one the German lacks.

Counted on each side, as words (casefolded):

* German: nicht, nichts, nie, niemals, niemand, kein- (keine, keinen, keinerlei),
  nirgends, nirgendwo, keineswegs, ohne, nein; ``weder … noch`` counts once.
* English: not, -n't, cannot, no, never, nobody, no one, nothing, none, nowhere,
  without; ``neither … nor`` counts once, a ``nor`` alone once.

Not counted on either side, as they say no "no": ``nicht nur`` / ``not only``,
``not just`` (… but also), ``whether or not``, ``no matter``, and "No." before a
number.

Misses: a negation rendered by a word of the opposite meaning ("nicht gelungen"
→ "failed"; "unklar" ↔ "not clear": the count differs and is flagged), and a
negation moved to another part of the sentence (the count is the same).
"""

from __future__ import annotations

import regex

from service.document import Finding

GERMAN = regex.compile(
    r"\b(?:nicht(?!\s+nur\b)|nichts|nie|niemals|niemand(?:e[nms])?|kein(?:e[nmrs]?|erlei)?"
    r"|nirgends|nirgendwo|keineswegs|ohne|nein|weder)\b",
    regex.IGNORECASE,
)
ENGLISH = regex.compile(
    r"\b(?:not(?!\s+(?:only|just)\b)|cannot|no(?:\s+one)?(?!\.\s*\d|\s+matter\b)|never|nobody|nothing"
    r"|none|nowhere|without|neither|nor)\b|n[’']t\b",
    regex.IGNORECASE,
)
_WHETHER_OR_NOT = regex.compile(r"\bor\s+not\b", regex.IGNORECASE)


def negations_de(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in GERMAN.finditer(text)]


def negations_en(text: str) -> list[tuple[int, int]]:
    skip = {match.end() - 3 for match in _WHETHER_OR_NOT.finditer(text)}
    spans = [match.span() for match in ENGLISH.finditer(text) if match.start() not in skip]
    if any(text[s:e].lower() == "neither" for s, e in spans):  # neither … nor: once
        spans = [(s, e) for s, e in spans if text[s:e].lower() != "nor"]
    return spans


def negation_findings(source: str, target: str) -> list[Finding]:
    """One finding when the counts differ: the German negations left over (missing),
    or the English ones (added)."""
    german, english = negations_de(source), negations_en(target)
    if len(german) > len(english):
        start, end = german[len(english)] if english else german[0]
        return [
            Finding(
                flag="negation_mismatch",
                source_span=(start, end),
                target_span=None,
                message=f"the negation '{source[start:end]}' of the German is missing in the "
                f"English ({len(german)} in the German, {len(english)} in the English)",
            )
        ]
    if len(english) > len(german):
        start, end = english[len(german)] if german else english[0]
        return [
            Finding(
                flag="negation_mismatch",
                source_span=None,
                target_span=(start, end),
                message=f"the English negation '{target[start:end]}' is not in the German "
                f"({len(german)} in the German, {len(english)} in the English)",
            )
        ]
    return []
