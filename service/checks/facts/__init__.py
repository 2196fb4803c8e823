"""Fact checks: every number, name, negation, quotation and link of the German
accounted for in the English, each flag with its reason (``Finding``).

One entry point for every place a target is made or changed (model output,
memory, localisation, edits, ``/v1/check``). Each check is its own module of
this package (numbers are ``service.checks.numbers``, which the quality flags
share);
all are regular expressions and dictionary look-ups on one sentence pair,
with heavy resources loaded once, when first needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.checks.facts.dropped import dropped_fact_findings
from service.checks.facts.hidden import hidden_findings
from service.checks.facts.lost import lost_findings
from service.checks.facts.names import name_findings
from service.checks.facts.negation import negation_findings
from service.checks.facts.omission import omission_findings
from service.checks.facts.quote_marks import quote_findings
from service.checks.measures import measure_findings
from service.checks.numbers import number_findings
from service.checks.qualifiers import qualifier_findings
from service.document import Finding, Localisation, Term

Alignment = Sequence[tuple[tuple[int, int], tuple[int, int]]]


def fact_findings(
    source: str,
    target: str,
    *,
    terms: Sequence[Term] = (),
    target_lang: str = "en",
    localisation: Sequence[Localisation] = (),
    alignment: Alignment | None = None,
) -> list[Finding]:
    """The findings of every fact check on one German ``source`` and its English
    ``target``, spans into each. ``terms``: the segment's glossary matches (their
    targets are the English for those names); ``alignment``: the model's word pairs
    where it gave them. ``target_lang`` and ``localisation`` are taken so that every
    caller passes the same, but change no result today: the checks read en-GB and
    en-US English alike (a date in either order, a unit converted within a
    reporter's rounding, single or double quotation marks)."""
    findings = number_findings(source, target)
    findings += measure_findings(source, target)
    findings += qualifier_findings(source, target)
    findings += name_findings(source, target, terms)
    findings += negation_findings(source, target)
    findings += quote_findings(source, target)
    findings += omission_findings(source, target, alignment, terms)
    findings += lost_findings(source, target)
    findings += hidden_findings(source, target)
    findings += dropped_fact_findings(source, target, findings)
    return findings


def warm() -> None:
    """Load the checks' resources now (the dictionary, the tagger, word lists: seconds
    of CPU), not in the first segment that needs them."""
    fact_findings(
        "Die Landesregierung in Hannover beschloss am Montag nicht 12 neue Hilfen.",
        "On Monday the government in Cologne approved 13 generous grants.",
    )
    from wordfreq import zipf_frequency  # its German and English lists: a second of CPU

    zipf_frequency("Haus", "de")
    zipf_frequency("house", "en")
    from service.checks.facts.names import english_tags  # HanTa's English model

    english_tags("new")
    from service.checks.places import german_towns, world_cities  # GeoNames' lists

    german_towns()
    world_cities()


def fact_flags(findings: Sequence[Finding]) -> list[str]:
    """The distinct flags of ``findings``, in the order first raised."""
    return list(dict.fromkeys(finding.flag for finding in findings))
