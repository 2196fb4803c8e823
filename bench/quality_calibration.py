"""Calibrate the quality-flag thresholds: chosen on a tune half, reported on a test half.

Two kinds of sentence, each split into a tune half and a test half:

* held-out sentences of the toy corpus (never trained on; the even ones tune,
  the odd ones test): an output is *adequate* when its words are at least
  80 % similar to the reference;
* ``bench/data/quality_ud_{tune,test}.jsonl``: the first sentence of each of
  120 documents of ``../shared/data/segmentation_dev_ud_german_gsd.jsonl``
  (web reviews and news the toy model was not built for; even documents
  tune, odd test) with the toy model's English, each read and labelled by
  hand (all 120 inadequate). The script warns when the model's English now
  differs from the English that was labelled.

It prints, per half, (1) the English/German character ratio of the held-out
references, the band ``length_ratio`` should contain; (2) the scores of
adequate and of inadequate outputs; (3) how often each flag fires on each.
Then (4) it chooses ``low_confidence``'s ``min_score`` on the tune half (the
threshold, on a 0.05 grid, that flags the largest share of inadequate outputs
minus the share of adequate ones; the lowest of equals) and reports that
threshold and the current default on both halves. The test half is the
result; bench/README.md says when its data was frozen.

    python bench/quality_calibration.py --sentences 400
"""

from __future__ import annotations

import argparse
import json
import statistics
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from models.engine import Hypothesis
from models.marian import MarianEngine
from models.toy_corpus import held_out
from service.checks.quality import FLAGS, LENGTH_MIN_CHARS, Thresholds, quality_flags

ADEQUATE = 0.8  # word-level similarity to the reference
HALVES = ("tune", "test")
DATA = Path(__file__).resolve().parent / "data"
UD: list[tuple[str, dict[str, Any]]] = []  # (half, labelled row), in document order
OUT: list[Hypothesis] = []  # the model's outputs for UD, in the same order
GRID = [round(-3.0 + 0.05 * step, 2) for step in range(61)]  # -3.00 … 0.00


@dataclass
class Output:
    source: str
    text: str
    score: float
    truncated: bool
    adequate: bool


def percentiles(values: list[float], points: tuple[int, ...] = (1, 5, 50, 95, 99)) -> str:
    if len(values) < 2:
        return str(values)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return "  ".join(f"p{p}={cuts[p - 1]:.2f}" for p in points)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower().split(), b.lower().split()).ratio()


def ud_outputs(engine: MarianEngine, half: str) -> tuple[list[dict[str, Any]], list[Hypothesis]]:
    """The half's labelled UD rows and the model's outputs for them, translated in one
    batch with the other half's in document order, as they were when labelled (a batch
    of other sentences pads differently, and padding can change a toy output)."""
    if not UD:
        for name in HALVES:
            lines = (DATA / f"quality_ud_{name}.jsonl").read_text(encoding="utf-8").splitlines()
            UD.extend((name, json.loads(line)) for line in lines if line.strip())
        UD.sort(key=lambda item: item[1]["doc"])
        texts = [row["source"] for _, row in UD]
        OUT.extend(engine.translate(texts, beam_size=4))
    chosen = [(row, h) for (name, row), h in zip(UD, OUT, strict=True) if name == half]
    return [row for row, _ in chosen], [h for _, h in chosen]


def outputs(engine: MarianEngine, half: str, sentences: int) -> tuple[list[Output], list[float]]:
    """The half's outputs, labelled, and the reference length ratios of its held-out pairs."""
    pairs = held_out(sentences)[HALVES.index(half) :: 2]
    pairs = [pair for pair in pairs if len(pair.source) >= LENGTH_MIN_CHARS]
    ratios = [len(pair.target) / len(pair.source) for pair in pairs]
    hypotheses = engine.translate([pair.source for pair in pairs], beam_size=4)
    found = [
        Output(pair.source, h.text, h.score, h.truncated, similarity(h.text, t) >= ADEQUATE)
        for (pair, t), h in zip(((p, p.target) for p in pairs), hypotheses, strict=True)
    ]
    rows, hypotheses = ud_outputs(engine, half)
    changed = 0
    for row, h in zip(rows, hypotheses, strict=True):
        changed += h.text != row["output"]
        found.append(Output(row["source"], h.text, h.score, h.truncated, row["adequate"]))
    if changed:
        print(f"{half}: WARNING {changed} UD outputs differ from the labelled English")
    return found, ratios


def flagged_shares(found: list[Output], min_score: float) -> tuple[float, float]:
    """(share of inadequate outputs flagged low_confidence, share of adequate ones)."""
    bad = [o.score for o in found if not o.adequate]
    good = [o.score for o in found if o.adequate]
    return (
        sum(s < min_score for s in bad) / max(len(bad), 1),
        sum(s < min_score for s in good) / max(len(good), 1),
    )


def choose(found: list[Output]) -> float:
    def gain(threshold: float) -> float:
        caught, false_alarms = flagged_shares(found, threshold)
        return caught - false_alarms

    best = max(gain(threshold) for threshold in GRID)
    return min(threshold for threshold in GRID if gain(threshold) == best)


def describe(half: str, found: list[Output], ratios: list[float]) -> None:
    good = [o for o in found if o.adequate]
    bad = [o for o in found if not o.adequate]
    print(f"{half}: reference en/de ratio, {len(ratios)} sentences: {percentiles(ratios)}")
    print(f"{half}: scores, adequate ({len(good)}): {percentiles([o.score for o in good])}")
    print(f"{half}: scores, inadequate ({len(bad)}): {percentiles([o.score for o in bad])}")
    for adequate, group in ((True, good), (False, bad)):
        counts = dict.fromkeys(FLAGS, 0)
        for o in group:
            for flag in quality_flags(o.source, o.text, o.score, truncated=o.truncated):
                counts[flag] += 1
        shown = ", ".join(f"{flag} {count}" for flag, count in counts.items())
        name = "adequate" if adequate else "inadequate"
        print(f"{half}: flags on {name} outputs (of {len(group)}): {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=400, help="held-out pairs, both halves")
    args = parser.parse_args()
    engine = MarianEngine("toy", threads=1)
    halves = {half: outputs(engine, half, args.sentences) for half in HALVES}
    for half, (found, ratios) in halves.items():
        describe(half, found, ratios)
    chosen = choose(halves["tune"][0])
    default = Thresholds().min_score
    print(f"min_score chosen on the tune half: {chosen:.2f} (default now {default:.2f})")
    for threshold in dict.fromkeys((chosen, default)):
        for half, (found, _) in halves.items():
            caught, false_alarms = flagged_shares(found, threshold)
            print(
                f"  min_score {threshold:.2f}, {half}: low_confidence on {caught:.1%} of "
                f"inadequate outputs, {false_alarms:.1%} of adequate ones"
            )


if __name__ == "__main__":
    main()
