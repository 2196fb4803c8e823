"""Invisible characters in a translation: ``hidden_characters``.

A bidi control (U+202A-U+202E, U+2066-U+2069) reorders what a reader sees
without changing what is stored: an approved "100" may export as "001".
Other invisible format characters (Unicode category Cf: zero-width space,
joiners, soft hyphen, word joiner, BOM) hide text from a reviewer or break
search. A format character the German holds too is the source's own and
is not flagged (a soft hyphen carried over still is: it is never needed).
"""

from __future__ import annotations

import unicodedata

from service.document import Finding

BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Joiners shape emoji and some scripts: the German may need them, never an English
# sentence on its own; the soft hyphen is only a line-break hint.
_ALWAYS = BIDI | {"\u00ad", "\ufeff", "\u200b", "\u2060"}


def visible(char: str) -> str:
    """How the review page shows an invisible character: ⟨U+202E⟩."""
    return f"⟨U+{ord(char):04X}⟩"


def hidden_findings(source: str, target: str) -> list[Finding]:
    """One finding per run of invisible format characters in ``target``."""
    findings: list[Finding] = []
    start = None
    for index, char in enumerate(target + "x"):
        hidden = index < len(target) and _hidden(char, source)
        if hidden and start is None:
            start = index
        elif not hidden and start is not None:
            run = target[start:index]
            names = ", ".join(
                f"{visible(c)} {unicodedata.name(c, 'format character').lower()}"
                for c in dict.fromkeys(run)
            )
            findings.append(
                Finding(
                    flag="hidden_characters",
                    source_span=None,
                    target_span=(start, index),
                    message=f"the English holds an invisible character: {names}",
                )
            )
            start = None
    return findings


def _hidden(char: str, source: str) -> bool:
    if char in _ALWAYS:
        return True
    return unicodedata.category(char) == "Cf" and char not in source
