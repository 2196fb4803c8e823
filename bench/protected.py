"""Protected spans: how many reach the English verbatim, and what they cost.

    python bench/protected.py [--model toy] [--limit N] [--speed-sentences 100]
                              [--urls-per-sentence 10]

Share: each sentence of ``tests/data/protected_spans_tune.jsonl`` and
``protected_spans_test.jsonl`` (German news sentences, one JSON object a line:
``{"sentence", "spans"}`` with the spans a reader would protect; the tune half
is what rules may be changed on, the test half is the result) is translated
as an article of its own, without a glossary. A gold span counts as *found*
when ``service.checks.protect`` finds exactly it, *verbatim* when the
segment's English holds it character for character at its term's target
span, *flagged* when its term is ``violated`` and the segment flagged
``protected_lost``; anything else is *neither* (a defect). Spans found that
are not gold are counted too.

Speed: two articles of the same German sentences, each sentence different (a
repeated one is decoded once), one with ten URLs in every sentence (1,000 for
the default 100 sentences; ``--urls-per-sentence``), one with none: sentences
per second of each (the best of three runs, after a warm-up) and their time
ratio, against the URLs' share, the source tokens with them over those
without, in one run. A URL makes its sentence go through alignment and the
enforcement chain; a time ratio within the share means carrying costs no more
than decoding the URLs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.marian import MarianEngine  # noqa: E402
from service import compose  # noqa: E402
from service.checks.protect import find_protected  # noqa: E402
from service.pipeline.translator import Translator  # noqa: E402
from service.settings import Settings  # noqa: E402

ROUNDS = 3
DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
DEV_SETS = {half: DATA / f"protected_spans_{half}.jsonl" for half in ("tune", "test")}
SENTENCES = [
    "Die Regierung hat am Dienstag neue Maßnahmen beschlossen",
    "Der Minister sprach mit Vertretern der Länder über die Finanzierung",
    "Nach Angaben der Polizei wurde niemand verletzt",
    "Die Opposition kritisierte den Entwurf scharf",
    "Die Verhandlungen sollen in der kommenden Woche fortgesetzt werden",
]


def share(translator: Translator, half: str, limit: int | None) -> None:
    lines = DEV_SETS[half].read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()][:limit]
    gold = found = verbatim = flagged = neither = extra = 0
    for row in rows:
        sentence, spans = row["sentence"], row["spans"]
        detected = {span.text for span in find_protected(sentence)}
        extra += len(detected - set(spans))
        segments = translator.translate(sentence).segments()
        for span in spans:
            gold += 1
            found += span in detected
            terms = [t for s in segments for t in s.terms if t.source == span]
            segment = next((s for s in segments if span in s.source), segments[0])
            if terms and terms[0].target_span is not None:
                start, end = terms[0].target_span
                if segment.target[start:end] == span:
                    verbatim += 1
                    continue
            if span in segment.target:  # not found as a span, and the model copied it
                verbatim += 1
            elif terms and terms[0].status == "violated" and "protected_lost" in segment.flags:
                flagged += 1
            else:
                neither += 1
    print(f"{half}: {DEV_SETS[half].name} ({len(rows)} sentences, {gold} protected spans)")
    print(f"{half}: found: {found}/{gold} ({found / gold:.1%}); found but not gold: {extra}")
    print(
        f"{half}: verbatim: {verbatim}/{gold} ({verbatim / gold:.1%}); flagged protected_lost: "
        f"{flagged}; neither: {neither}"
    )


def article(count: int, urls: int) -> str:
    """``count`` sentences, each different (the translator decodes a repeated one once)."""
    lines = []
    for index in range(count):
        base = SENTENCES[index % len(SENTENCES)]
        number = f"{base}, heißt es in Meldung {index}"
        links = " ".join(f"https://www.example.org/a{index}/b{k}" for k in range(urls))
        lines.append(f"{number} {links}." if urls else f"{number}.")
    return "\n\n".join(lines)


def speed(translator: Translator, engine: MarianEngine, count: int, per_sentence: int) -> None:
    plain, linked = article(count, 0), article(count, per_sentence)
    translator.translate(article(5, per_sentence))  # warm-up: model, alignment path, SoMaJo
    rates, sizes = {}, {}
    for name, text in (("no URLs", plain), (f"{per_sentence * count} URLs", linked)):
        seconds = float("inf")
        for _ in range(ROUNDS):  # the best of three: a run on a busy machine only gets slower
            started = time.perf_counter()
            document = translator.translate(text)
            seconds = min(seconds, time.perf_counter() - started)
        rates[name] = len(document.segments()) / seconds
        sizes[name] = sum(engine.count_tokens(line) for line in text.split("\n\n"))
        lost = sum("protected_lost" in segment.flags for segment in document.segments())
        spans = sum(len(segment.terms) for segment in document.segments())
        print(
            f"{name}: {count} sentences, {sizes[name]} source tokens, "
            f"{spans} protected spans, {seconds:.1f} s, {rates[name]:.2f} sentences/s, "
            f"{lost} segments flagged protected_lost"
        )
    with_urls, without = rates[f"{per_sentence * count} URLs"], rates["no URLs"]
    share = sizes[f"{per_sentence * count} URLs"] / sizes["no URLs"]
    print(
        f"time with URLs / without: {without / with_urls:.2f}; "
        f"source tokens with URLs / without (the URLs' share): {share:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="toy")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--speed-sentences", type=int, default=100)
    parser.add_argument(
        "--urls-per-sentence",
        type=int,
        default=10,
        help="10: most of each sentence is links, cut off as pieces of their own; "
        "2: the model decodes them with the words",
    )
    parser.add_argument("--skip-share", action="store_true")
    args = parser.parse_args()
    engine = MarianEngine(args.model, threads=2)
    translator = compose.translator(Settings(glossary="", memory=False), engine, glossary=None)
    if not args.skip_share:
        for half in DEV_SETS:
            share(translator, half, args.limit)
    if args.speed_sentences:
        speed(translator, engine, args.speed_sentences, args.urls_per_sentence)


if __name__ == "__main__":
    main()
