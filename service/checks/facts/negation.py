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

A negation said in words of the opposite meaning is no negation lost: where the
German has more, the English may hold as many words that say "not" by meaning
("nicht gelungen" → "failed", "keine Einigung" → "failed to agree", "konnte
keine Angaben machen" → "was unable to", "noch nicht" → "yet to", "unklar" ←
"not clear"); where the English has more, the German may (``unklar``,
``scheiterte``, ``lehnte ab``, ``fehlt``, ``verweigerte``).

Misses: a negation dropped from a sentence that says "not" by meaning elsewhere
("unclear … did not" → "unclear … did"), and a negation moved to another part
of the sentence (the count is the same).
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
# Words that say "not" by their meaning: failing, refusing, lacking, being unable,
# an adjective with un-/in- ("unclear", "impossible").
IMPLICIT_EN = regex.compile(
    r"\b(?:fail(?:s|ed|ing|ure)?|unable|refus(?:e[sd]?|ing)|declin(?:e[sd]?|ing)\s+to"
    r"|yet\s+to|lack(?:s|ed|ing)?|absen(?:ce|t)|free\s+of|at\s+large|rul(?:e[sd]?|ing)\s+out"
    r"|den(?:y|ies|ied)|avoid(?:s|ed|ing)?|miss(?:ed|ing)|im(?:possible|probable)"
    r"|in(?:sufficient|capable|conclusive|valid)|ceased?\s+to|stopp(?:ed|ing)|halt(?:s|ed)?"
    r"|un(?:clear|known|certain|likely|sure|resolved|successful\w*|answered|changed|identified"
    r"|aware|willing|affected|harmed|injured|hurt|able|precedented|confirmed|explained"
    r"|decided|paid|available|employed|opposed|contested|announced|noticed|detected)\b)",
    regex.IGNORECASE,
)
IMPLICIT_DE = regex.compile(
    r"\b(?:un(?:klar|bekannt|gewiss|sicher|möglich|wahrscheinlich|verletzt|versehrt"
    r"|verändert|gelöst|geklärt|beantwortet|bestätigt|entschieden|fähig|zureichend"
    r"|gehindert|bemerkt|angekündigt|bezahlt)\p{Ll}*|scheiter\p{Ll}*|gescheitert\p{Ll}*"
    r"|fehl(?:t|te|ten|en|end\p{Ll}*)?|ablehn\p{Ll}*|abgelehnt\p{Ll}*|lehnt\p{Ll}*"
    r"|verweiger\p{Ll}*|weiger\p{Ll}*|verzicht\p{Ll}*|mangel\p{Ll}*|ausgeschlossen|kaum"
    r"|vermied\p{Ll}*|vermeid\p{Ll}*|bestritt\p{Ll}*|bestreit\p{Ll}*|dementiert\p{Ll}*)\b",
    regex.IGNORECASE,
)


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
    if _said_by_meaning(source, target, len(german) - len(english)):
        return []
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


def _said_by_meaning(source: str, target: str, difference: int) -> bool:
    """The side with fewer negations says the rest by meaning ("failed"), beyond the
    words of that meaning the other side has too ("lehnte ab" = "refused")."""
    implicit = len(IMPLICIT_EN.findall(target)) - len(IMPLICIT_DE.findall(source))
    if difference > 0:  # the German says "not" more often
        return implicit >= difference
    return difference < 0 and -implicit >= -difference
