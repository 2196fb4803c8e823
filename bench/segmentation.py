"""Sentence segmentation quality and speed on the shared German dev set.

Usage:
    python bench/segmentation.py [--data FILE ...] [--errors] [--limit N]

Without ``--data`` it reads the shared dev set (when it is beside the
repository) and ``tests/data/segmentation_numbering_{tune,test}.jsonl``
(numbers after numbering abbreviations at a sentence end, dates and ordinals
inside one), each as a tune half (what rules may be changed on) and a test
half (the result): the shared set's even documents (0, 2, ...) against its
odd ones, the numbering set's two files.

Data: JSON lines ``{"sentences": [...]}``; a document's text is its
sentences joined with one space, and the list is the gold split.

Metric: a *boundary* is the end offset (in the document text) of every
sentence except the last one. Predicted boundaries are the end offsets of
``split_sentences`` spans except the last; a predicted boundary is correct
when a gold sentence ends at exactly the same offset. Precision, recall and
F1 are micro-averaged over all boundaries of all documents. Documents whose
split is exactly right are counted too.

Speed: the shared news article repeated to 5,000 characters, segmented
after a warm-up; wall-clock median and best of 20 runs, and median CPU
time (the best and the CPU time are the figures least disturbed by other
work on a shared machine).

``--errors`` lists each wrong document with ``‖`` at a missed boundary
(false negative) and ``¦`` at a spurious one (false positive).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.segment.sentences import split_sentences  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"  # beside the repository
DEV_SET = SHARED / "segmentation_dev_ud_german_gsd.jsonl"
NUMBERING = Path(__file__).resolve().parents[1] / "tests" / "data" / "segmentation_numbering"
HALVES = ("tune", "test")
ARTICLE = SHARED / "article_blinken_lawrow.de.txt"


def gold_boundaries(sentences: list[str]) -> set[int]:
    ends, position = set(), 0
    for sentence in sentences[:-1]:
        position += len(sentence)
        ends.add(position)
        position += 1  # the joining space
    return ends


def predicted_boundaries(text: str) -> set[int]:
    return {span.end for span in split_sentences(text)[:-1]}


def marked(text: str, missed: set[int], spurious: set[int]) -> str:
    """The text with ‖ at missed and ¦ at spurious boundaries."""
    out, position = [], 0
    for offset in sorted(missed | spurious):
        out += [text[position:offset], " ‖" if offset in missed else " ¦"]
        position = offset
    return "".join(out + [text[position:]])


def evaluate(path: Path, show_errors: bool, limit: int | None, half: str = "") -> None:
    """Scores ``path``; with ``half``, only its even (tune) or odd (test) documents."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if half:
        lines = lines[HALVES.index(half) :: 2]
    lines = lines[:limit]
    true_pos = false_pos = false_neg = exact = 0
    for number, line in enumerate(lines, start=1):
        sentences = json.loads(line)["sentences"]
        text = " ".join(sentences)
        gold, predicted = gold_boundaries(sentences), predicted_boundaries(text)
        true_pos += len(gold & predicted)
        false_pos += len(predicted - gold)
        false_neg += len(gold - predicted)
        exact += gold == predicted
        if show_errors and gold != predicted:
            print(f"[doc {number}] {marked(text, gold - predicted, predicted - gold)}\n")
    precision = true_pos / max(true_pos + false_pos, 1)
    recall = true_pos / max(true_pos + false_neg, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    name = f"{path} ({half} half)" if half else str(path)
    print(f"data: {name} ({len(lines)} documents, {true_pos + false_neg} gold boundaries)")
    print(
        f"boundaries: precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}"
        f"  (tp {true_pos}, fp {false_pos}, fn {false_neg})"
    )
    print(f"documents split exactly right: {exact}/{len(lines)}")


def measure_speed(runs: int = 20) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    text = "\n\n".join([article] * (5000 // len(article) + 1))[:5000]
    split_sentences(text)  # warm-up: builds the SoMaJo instance
    wall, cpu = [], []
    for _ in range(runs):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        split_sentences(text)
        wall.append(time.perf_counter() - wall_start)
        cpu.append(time.process_time() - cpu_start)
    print(
        f"speed: {len(text)} chars in {statistics.median(wall) * 1000:.1f} ms median, "
        f"{min(wall) * 1000:.1f} ms best, {statistics.median(cpu) * 1000:.1f} ms CPU "
        f"({runs} runs after warm-up)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a JSON-lines dev set")
    parser.add_argument("--errors", action="store_true", help="list the wrongly split documents")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    if args.data:
        for path in args.data:
            evaluate(path, args.errors, args.limit)
    else:
        if DEV_SET.exists():
            for half in HALVES:
                evaluate(DEV_SET, args.errors, args.limit, half)
        for half in HALVES:
            evaluate(NUMBERING.with_name(f"{NUMBERING.name}_{half}.jsonl"), args.errors, args.limit)
    if ARTICLE.exists():
        measure_speed()


if __name__ == "__main__":
    main()
