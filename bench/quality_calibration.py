"""Calibrate the quality-flag thresholds on held-out sentences of the toy corpus.

Prints (1) the English/German character ratio of reference translations, the
band ``length_ratio`` should contain; (2) the toy model's scores for outputs
close to the reference against those far from it, where ``low_confidence``
should split them; (3) how often each flag fires on adequate and on
inadequate outputs. The held-out sentences are never trained on.

    python bench/quality_calibration.py --sentences 200
"""

from __future__ import annotations

import argparse
import statistics
from difflib import SequenceMatcher

from models.marian import MarianEngine
from models.toy_corpus import held_out
from service.checks.quality import FLAGS, LENGTH_MIN_CHARS, quality_flags

ADEQUATE = 0.8  # word-level similarity to the reference


def percentiles(values: list[float], points: tuple[int, ...] = (1, 5, 50, 95, 99)) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return "  ".join(f"p{p}={cuts[p - 1]:.2f}" for p in points)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower().split(), b.lower().split()).ratio()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200)
    args = parser.parse_args()
    pairs = [pair for pair in held_out(args.sentences) if len(pair.source) >= LENGTH_MIN_CHARS]
    ratios = [len(pair.target) / len(pair.source) for pair in pairs]
    print(f"reference en/de character ratio, {len(pairs)} sentences: {percentiles(ratios)}")

    engine = MarianEngine("toy", threads=1)
    hypotheses = engine.translate([pair.source for pair in pairs], beam_size=4)
    good, bad = [], []
    fired: dict[bool, dict[str, int]] = {
        True: dict.fromkeys(FLAGS, 0),
        False: dict.fromkeys(FLAGS, 0),
    }
    for pair, hypothesis in zip(pairs, hypotheses, strict=True):
        adequate = similarity(hypothesis.text, pair.target) >= ADEQUATE
        (good if adequate else bad).append(hypothesis.score)
        flags = quality_flags(
            pair.source, hypothesis.text, hypothesis.score, truncated=hypothesis.truncated
        )
        for flag in flags:
            fired[adequate][flag] += 1
    print(f"toy scores, adequate ({len(good)}): {percentiles(good) if len(good) > 1 else good}")
    print(f"toy scores, inadequate ({len(bad)}): {percentiles(bad) if len(bad) > 1 else bad}")
    for adequate, counts in fired.items():
        total = len(good) if adequate else len(bad)
        shown = ", ".join(f"{flag} {count}" for flag, count in counts.items())
        print(f"flags on {'adequate' if adequate else 'inadequate'} outputs (of {total}): {shown}")


if __name__ == "__main__":
    main()
