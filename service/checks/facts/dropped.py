"""A fact dropped or added whole is content left out or added: ``omission`` and
``addition`` from the other checks' findings.

A number, name or link of the German missing in the English, with none of its
kind put in its place, is part of the German left out ("Bosch, ZF und
Continental" → "Bosch and Continental", "seit Januar" → nothing): the number,
name or link check says which fact, and this says that the sentence lost
content. One changed for another ("Stuttgart" → "Ulm", 300 → 400) is that
check's alone. The other way round, an English number, name or link with
nothing of the German's gone is content the German does not hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.checks.protect import find_protected
from service.document import Finding

_FACTS = ("number_mismatch", "name_mismatch", "protected_lost")


def dropped_fact_findings(source: str, target: str, findings: Sequence[Finding]) -> list[Finding]:
    """An ``omission`` and an ``addition`` from ``findings``, where those give none
    yet: at most one of each."""
    flags = {finding.flag for finding in findings}
    result = []
    dropped = [
        f
        for f in findings
        if f.flag in _FACTS and _missing(f) and not _replaced(f, findings, source, target)
    ]
    if "omission" not in flags and dropped:
        fact = dropped[0]
        result.append(
            Finding(
                flag="omission",
                source_span=fact.source_span,
                target_span=None,
                message=f"part of the German is left out: {fact.message}",
            )
        )
    added = [f for f in findings if f.flag in _FACTS and _extra(f) and not _replacing(f, findings)]
    if "addition" not in flags and added:
        fact = added[0]
        result.append(
            Finding(
                flag="addition",
                source_span=None,
                target_span=fact.target_span,
                message=f"the English adds to the German: {fact.message}",
            )
        )
    return result


def _missing(finding: Finding) -> bool:
    return finding.source_span is not None and finding.target_span is None


def _extra(finding: Finding) -> bool:
    return finding.source_span is None and finding.target_span is not None


def _replaced(finding: Finding, findings: Sequence[Finding], source: str, target: str) -> bool:
    """Something of the same kind stands in the English in its place."""
    if finding.flag == "protected_lost":  # a link changed: the English has one the German lacks
        german = {span.text for span in find_protected(source)}
        return any(span.text not in german for span in find_protected(target))
    return any(other.flag == finding.flag and _extra(other) for other in findings)


def _replacing(finding: Finding, findings: Sequence[Finding]) -> bool:
    return any(other.flag == finding.flag and _missing(other) for other in findings)
