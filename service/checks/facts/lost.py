"""Protected spans lost: ``protected_lost`` on any English, however it was made.

The pipeline carries URLs, e-mail addresses, handles, hashtags, code, file
names, version strings and foreign quotations into the English verbatim
(``service.pipeline.carry``); this check re-reads a finished target, so an
edit, a memory hit or a localised text that broke one is caught as well.
"""

from __future__ import annotations

import regex

from service.checks.protect import find_protected
from service.document import Finding

_NAMES = {
    "url": "link",
    "email": "e-mail address",
    "handle": "handle",
    "hashtag": "hashtag",
    "code": "code",
    "file": "file name",
    "version": "version number",
    "quote": "quotation",
}


def lost_findings(source: str, target: str) -> list[Finding]:
    """A finding for each protected span of ``source`` that ``target`` lacks verbatim."""
    findings = []
    for span in find_protected(source):
        if _kept(span.text, target):
            continue
        findings.append(
            Finding(
                flag="protected_lost",
                source_span=(span.start, span.end),
                target_span=None,
                message=f"the {_NAMES[span.kind]} {span.text} of the German is missing "
                "or changed in the English",
            )
        )
    return findings


def _kept(text: str, target: str) -> bool:
    """``text`` stands in ``target`` as itself, not inside a longer link or address
    ("@bundesbank" is not kept in "press@bundesbank.de")."""
    pattern = rf"(?<![\w@./-]){regex.escape(text)}(?!\.?[\w@/-])"
    return text in target and regex.search(pattern, target) is not None
