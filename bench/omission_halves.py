"""Omission and addition on the tune half, split by group: do the rules generalise?

    python bench/omission_halves.py

The tune half's groups (one German sentence with its reference and variants)
are split in two by the parity of their name's SHA-1; a rule changed on the tune
half should gain on both parts, not on one. Reported per part, and on the
groups written in the fresh style (ids starting fc, fd, fe): omission and
addition recall, and the share of clean references with any fact flag.
Only the tune half is read: the test half stays unseen.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.checks.facts import fact_findings  # noqa: E402

TUNE = Path(__file__).resolve().parents[1] / "tests" / "data" / "facts_dev_tune.jsonl"
FRESH = ("fc", "fd", "fe")


def _part(group: str) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % 2


def _line(name: str, rows: list[tuple[dict[str, str], set[str]]]) -> str:
    cells = []
    for kind in ("omission", "addition"):
        of_kind = [flags for row, flags in rows if row["class"] == kind]
        hits = sum(kind in flags for flags in of_kind)
        cells.append(f"{kind} {hits / max(len(of_kind), 1):.2f} ({hits}/{len(of_kind)})")
    clean = [flags for row, flags in rows if row["class"] == "clean"]
    flagged = sum(bool(flags) for flags in clean)
    cells.append(f"clean flagged {flagged / max(len(clean), 1):.3f} ({flagged}/{len(clean)})")
    return f"{name:<22} " + "  ".join(cells)


def main() -> None:
    rows = [json.loads(line) for line in TUNE.read_text(encoding="utf-8").splitlines() if line]
    judged = [(row, {f.flag for f in fact_findings(row["source"], row["target"])}) for row in rows]
    subsets: dict[str, Callable[[dict[str, str]], bool]] = {
        "tune half": lambda row: True,
        "part 0": lambda row: _part(row["group"]) == 0,
        "part 1": lambda row: _part(row["group"]) == 1,
        "fresh style": lambda row: row["id"].startswith(FRESH),
        "fresh style, part 0": lambda row: row["id"].startswith(FRESH) and _part(row["group"]) == 0,
        "fresh style, part 1": lambda row: row["id"].startswith(FRESH) and _part(row["group"]) == 1,
    }
    for name, keep in subsets.items():
        print(_line(name, [(row, flags) for row, flags in judged if keep(row)]))


if __name__ == "__main__":
    main()
