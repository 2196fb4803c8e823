"""Fact checks on hand-made translations: recall per error class, false flags on clean ones.

    python bench/facts.py [--show] [--half tune|test|both]

Data: ``tests/data/facts_dev_tune.jsonl`` and ``facts_dev_test.jsonl`` (split
from ``facts_dev.jsonl`` by source sentence, a SHA-1 of the German, before
any rule was tuned). Each line is a German news sentence with an English
target: its hand-written reference (``class: clean, form: reference``), the
reference with its numbers written another equivalent way (``form:
equivalent``), or the reference with ONE error made by hand (``form:
corrupted``, ``change: [before, after]``) of a class:

    number    a number, date, time or amount changed, dropped or added
    name      a person, place or organisation dropped, changed or translated
    negation  a negation dropped or added
    quote     a quotation's marks dropped or the quote turned into reported speech
    url       a link, e-mail address or handle changed or dropped
    omission  a phrase of the German left out (no number, name or negation in it)
    addition  a phrase the German lacks added (no number)

Recall: the share of a class's corruptions that raise that class's flag.
False flags: the share of clean targets that raise any fact flag. The test
half is the result; the tune half is where rules may be changed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.checks.facts import fact_findings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = {half: ROOT / "tests" / "data" / f"facts_dev_{half}.jsonl" for half in ("tune", "test")}
FLAG = {
    "number": "number_mismatch",
    "name": "name_mismatch",
    "negation": "negation_mismatch",
    "quote": "quote_mismatch",
    "url": "protected_lost",
    "omission": "omission",
    "addition": "addition",
}
TARGET = {
    "number": 0.95,
    "url": 0.95,
    "name": 0.9,
    "negation": 0.9,
    "quote": 0.9,
    "omission": 0.6,
    "addition": 0.6,
}


def measure(half: str, show: bool) -> dict[str, tuple[int, int]]:
    """(hits, total) per class, and ("clean", (flagged, total))."""
    rows = [json.loads(line) for line in DATA[half].read_text(encoding="utf-8").splitlines()]
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    started = time.perf_counter()
    for row in rows:
        findings = fact_findings(row["source"], row["target"])
        flags = {finding.flag for finding in findings}
        kind = row["class"]
        totals[kind] += 1
        if kind == "clean":
            hit = bool(flags)
        else:
            hit = FLAG[kind] in flags
        hits[kind] += hit
        wrong = hit if kind == "clean" else not hit
        if show and wrong:
            print(f"[{half}] {row['id']} {kind}: {sorted(flags)}")
            print(f"    DE {row['source']}\n    EN {row['target']}")
            for finding in findings:
                print(f"    - {finding.flag}: {finding.message}")
    elapsed = time.perf_counter() - started
    per_pair = 1000 * elapsed / len(rows)
    print(f"[{half}] {len(rows)} pairs, {per_pair:.2f} ms a pair", file=sys.stderr)
    return {kind: (hits[kind], totals[kind]) for kind in totals}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every miss and false flag")
    parser.add_argument("--half", choices=("tune", "test", "both"), default="both")
    args = parser.parse_args()
    halves = ("tune", "test") if args.half == "both" else (args.half,)
    fact_findings("Aufwärmen am 1. Mai.", "Warm-up on 1 May.")  # load resources before timing
    results = {half: measure(half, args.show) for half in halves}
    heads = " ".join(f"{h + ' half':>16}" for h in halves)
    print(f"{'class':<10} {'flag':<18} {heads}  target")
    for kind, flag in FLAG.items():
        cells = []
        for half in halves:
            hit, total = results[half].get(kind, (0, 0))
            cells.append(f"{hit / max(total, 1):>6.2f} ({hit:>3}/{total:<3})")
        row = " ".join(f"{c:>16}" for c in cells)
        print(f"{kind:<10} {flag:<18} {row}  >= {TARGET[kind]}")
    cells = []
    for half in halves:
        hit, total = results[half]["clean"]
        cells.append(f"{hit / max(total, 1):>6.2f} ({hit:>3}/{total:<3})")
    label = "clean refs flagged"
    print(f"{label:<29} " + " ".join(f"{c:>16}" for c in cells) + "  <= 0.05")


if __name__ == "__main__":
    main()
