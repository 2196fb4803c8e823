"""The fact checks together (service.checks.facts) and their figures on the dev set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from service.checks.facts import fact_findings, fact_flags
from service.document import FACT_FLAGS, Localisation

DATA = Path(__file__).parent / "data"


def test_a_reviewer_edit_dropping_a_year_and_a_negation_has_both_flags() -> None:
    source = "Am 3. Oktober 2025 wurde das Gesetz nicht beschlossen."
    edited = "On 3 October the law was passed."
    findings = fact_findings(source, edited)
    assert fact_flags(findings) == ["number_mismatch", "negation_mismatch"]
    assert findings[0].message == "the year 2025 of the German is missing in the English"


def test_every_finding_is_a_fact_flag_with_spans_inside_the_texts() -> None:
    source = "„Wir bleiben“, sagte Peter Schneider am 3. Oktober 2025 in Köln, siehe www.bund.de."
    target = "We are leaving, said Peter Tailor on 3 October in Bonn, see \u202ewww.bund.com."
    findings = fact_findings(source, target)
    assert set(fact_flags(findings)) == {
        "quote_mismatch", "name_mismatch", "number_mismatch", "protected_lost", "hidden_characters",
    }  # fmt: skip
    for finding in findings:
        assert finding.flag in FACT_FLAGS
        for span, text in ((finding.source_span, source), (finding.target_span, target)):
            assert span is None or 0 <= span[0] < span[1] <= len(text)


def test_a_localised_conversion_is_checked_against_the_german() -> None:
    source = "In der Nacht werden -20°C erwartet."
    converted = Localisation(rule="unit", before="-20°C", after="-4°F", target_span=(15, 19))
    assert (
        fact_findings(source, "Overnight, lows of -4°F are expected.", localisation=[converted])
        == []
    )
    assert fact_flags(fact_findings(source, "Overnight, lows of 68°F are expected.")) == [
        "number_mismatch"
    ]


def test_the_dev_set_figures_hold() -> None:
    """bench/facts.py's figures on the whole dev set (both halves) stay where they are."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    flag_of = {"number": "number_mismatch", "name": "name_mismatch",
               "negation": "negation_mismatch", "quote": "quote_mismatch", "url": "protected_lost",
               "omission": "omission", "addition": "addition"}  # fmt: skip
    for line in (DATA / "facts_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        flags = set(fact_flags(fact_findings(row["source"], row["target"])))
        totals[row["class"]] += 1
        hits[row["class"]] += (
            bool(flags) if row["class"] == "clean" else flag_of[row["class"]] in flags
        )
    recall = {kind: hits[kind] / totals[kind] for kind in totals}
    # Where they are now (whole set: 0.99, 0.99, 0.93, 0.94, 0.99, 0.608, 0.611; clean
    # 0.0749; the newest sets, written to a new brief, find fewer omissions and
    # additions than the sets the omission tables were written on), a little below:
    # the targets are bench/facts.py's, on the test half.
    assert recall["number"] >= 0.98 and recall["url"] >= 0.98
    assert recall["name"] >= 0.92 and recall["negation"] >= 0.94 and recall["quote"] >= 0.99
    assert recall["omission"] >= 0.60 and recall["addition"] >= 0.60
    assert recall["clean"] <= 0.076


def test_no_fact_flag_on_the_toy_corpus_references() -> None:
    """Held-out pairs of the synthetic corpus: names, dates, quotations, negations, all
    rendered right (British spellings such as "Defence" are English words too)."""
    from models.toy_corpus import held_out

    flagged = [
        (pair.source, pair.target, fact_flags(fact_findings(pair.source, pair.target)))
        for pair in held_out(500)
    ]
    assert [item for item in flagged if item[2]] == []
