"""Word alignment quality: alignment error rate (AER) against a hand-aligned set.

``bench/data/alignment_gold_tune.jsonl`` and ``alignment_gold_test.jsonl``:
German news sentences of our own, each
with an English translation written by hand and its word alignment marked by
hand (``links``: 1-based German-English word pairs, words as
``service.pipeline.alignment.words`` cuts them, punctuation left out; all
links are sure links, so AER = 1 - 2|A∩S| / (|A| + |S|), lower is better).
The tune half is what the aligner may be changed on; the test half is the
result. Every figure is printed for both.

Each English sentence is forced as the decoder's prefix and aligned as the
service aligns any target it did not write itself
(``service.pipeline.alignment.force_align``), for each backend available
(transformers; CTranslate2 int8 when installed). For scale it prints two
baselines without a model: the diagonal (each English word with the German
word at the same relative position) and identical-or-similar spelling only.

    python bench/alignment_aer.py            # the toy model
    python bench/alignment_aer.py --model Helsinki-NLP/opus-mt-de-en
"""

from __future__ import annotations

import argparse
import json
from difflib import SequenceMatcher
from pathlib import Path

from models.engine import Engine
from models.marian import MarianEngine
from service.pipeline.alignment import force_align, words

GOLD = {
    half: Path(__file__).parent / "data" / f"alignment_gold_{half}.jsonl"
    for half in ("tune", "test")
}
Links = set[tuple[int, int]]


def load(half: str) -> list[tuple[str, str, Links]]:
    cases = []
    for line in GOLD[half].read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        links = {
            (int(de), int(en)) for de, en in (link.split("-") for link in item["links"].split())
        }
        cases.append((item["de"], item["en"], links))
    return cases


def aer(found: list[Links], gold: list[Links]) -> float:
    both = sum(len(a & s) for a, s in zip(found, gold, strict=True))
    total = sum(len(a) + len(s) for a, s in zip(found, gold, strict=True))
    return 1 - 2 * both / total


def precision_recall(found: list[Links], gold: list[Links]) -> tuple[float, float]:
    both = sum(len(a & s) for a, s in zip(found, gold, strict=True))
    return both / max(1, sum(map(len, found))), both / max(1, sum(map(len, gold)))


def model_links(engine: Engine, cases: list[tuple[str, str, Links]]) -> list[Links]:
    aligned = force_align(engine, [(de, en) for de, en, _ in cases])
    result = []
    for de, en, _ in cases:
        de_index = {span: i + 1 for i, span in enumerate(words(de))}
        en_index = {span: i + 1 for i, span in enumerate(words(en))}
        result.append({(de_index[s], en_index[t]) for s, t in aligned[(de, en)]})
    return result


def diagonal(cases: list[tuple[str, str, Links]]) -> list[Links]:
    result = []
    for de, en, _ in cases:
        n, m = len(words(de)), len(words(en))
        result.append({(min(n, round((j - 0.5) * n / m + 0.5)), j) for j in range(1, m + 1)})
    return result


def spelling(cases: list[tuple[str, str, Links]]) -> list[Links]:
    result = []
    for de, en, _ in cases:
        de_words = [de[a:b].casefold() for a, b in words(de)]
        en_words = [en[a:b].casefold() for a, b in words(en)]
        result.append(
            {
                (i + 1, j + 1)
                for i, g in enumerate(de_words)
                for j, e in enumerate(en_words)
                if SequenceMatcher(None, g, e).ratio() >= 0.75
            }
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="toy")
    args = parser.parse_args()
    engines: list[tuple[str, Engine]] = [("transformers", MarianEngine(args.model, threads=2))]
    try:
        from models.ctranslate import CTranslate2Engine, available

        if available():
            engines.append(("ctranslate2 int8", CTranslate2Engine(args.model)))
    except ImportError:
        pass
    for half in GOLD:
        cases = load(half)
        gold = [links for _, _, links in cases]
        rows = [(name, model_links(engine, cases)) for name, engine in engines]
        rows += [("baseline: diagonal", diagonal(cases)), ("baseline: spelling", spelling(cases))]
        print(
            f"{half} half: {len(cases)} sentences, {sum(map(len, gold))} sure links, "
            f"model {args.model}"
        )
        print(f"{'aligner':<22} {'AER':>6} {'precision':>10} {'recall':>7}")
        for name, found in rows:
            precision, recall = precision_recall(found, gold)
            print(f"{name:<22} {aer(found, gold):>6.3f} {precision:>10.3f} {recall:>7.3f}")


if __name__ == "__main__":
    main()
