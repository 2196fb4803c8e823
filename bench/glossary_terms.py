"""How the glossary holds up in translation: term success rate, fallback steps, cost.

    python bench/glossary_terms.py [--model toy] [--sentences 200]

Sentences: the toy corpus's held-out sentences plus the shared German article,
translated with the default news glossary. For every matched term it counts
the step that placed it (verified, alignment, redecode, substitution) or that
it was reported violated, and it times translation without the glossary
against translation with matching, alignment and enforcement. Every figure
is printed for a tune half (the even sentences: 0, 2, ...; what the chain
may be changed on) and a test half (the odd ones; the result).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from glossary import Glossary, compile_glossary, enforce
from models.marian import MarianEngine
from models.toy_corpus import held_out
from service import compose
from service.segment.sentences import split_sentences
from service.settings import Settings

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_blinken_lawrow.de.txt"


def sentences(count: int) -> list[str]:
    found = [pair.source for pair in held_out(count)]
    if ARTICLE.is_file():
        text = ARTICLE.read_text(encoding="utf-8")
        found += [text[span.start : span.end] for span in split_sentences(text)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="toy")
    parser.add_argument("--sentences", type=int, default=200)
    args = parser.parse_args()

    engine = MarianEngine(args.model)
    glossary = compose.default_glossary(Settings(glossary="news-de-en"), lambda name: None)
    assert glossary is not None
    every = sentences(args.sentences)
    print(f"model {args.model}, glossary {glossary.name} ({len(glossary)} entries)")
    for number, half in enumerate(("tune", "test")):
        measure(engine, glossary, half, every[number::2])


def measure(engine: MarianEngine, glossary: Glossary, half: str, batch: list[str]) -> None:
    matcher = compile_glossary(glossary)
    started = time.perf_counter()
    engine.translate(batch)
    plain_seconds = time.perf_counter() - started

    started = time.perf_counter()
    matches = {sentence: matcher.find(sentence) for sentence in batch}
    with_terms = [sentence for sentence in batch if matches[sentence]]
    hypotheses = engine.translate(with_terms, with_alignment=True) if with_terms else []
    outcomes: Counter[str] = Counter()
    for sentence, hypothesis in zip(with_terms, hypotheses, strict=True):
        result = enforce(
            sentence,
            matches[sentence],
            hypothesis.text,
            source_tokens=hypothesis.source_tokens,
            target_tokens=hypothesis.target_tokens,
            alignment=hypothesis.alignment,
            redecode=lambda prefix, s=sentence: engine.continue_from(s, prefix).text,
        )
        outcomes.update(term.step or "violated" for term in result.terms)
    plain_terms = [s for s in batch if not matches[s]]
    engine.translate(plain_terms)
    glossary_seconds = time.perf_counter() - started

    total = sum(outcomes.values())
    placed = total - outcomes["violated"]
    print(f"{half}: sentences {len(batch)}, with terms {len(with_terms)}, terms {total}")
    print(
        f"{half}: term success rate {placed / max(total, 1):.3f} ({placed}/{total}); "
        "the rest reported"
    )
    for step in ("verified", "alignment", "redecode", "substitution", "violated"):
        print(f"  {step:13} {outcomes[step]:5d}  {outcomes[step] / max(total, 1):.3f}")
    extra = (glossary_seconds - plain_seconds) / len(batch) * 1000
    print(f"{half}: time: {plain_seconds:.2f}s without glossary, {glossary_seconds:.2f}s with")
    print(f"{half}: glossary adds {extra:.1f} ms per sentence")


if __name__ == "__main__":
    main()
