"""Streaming: time to the first segment against time to the whole document.

A 200-sentence German article (the first 20 sentences of ``data/alignment_gold_*``,
each after ten different news openers, four to a paragraph) is translated
once streamed (``Translator.stream_article``, as ``Accept:
application/x-ndjson`` serves it) and once whole (``translate_article``), in
one run, with the full-size stand-in model (``full_model.py``: opus-mt-de-en's
architecture, random weights) on the CTranslate2 int8 backend, beam 4, no
glossary, no memory. Random weights rarely end a sentence, so generation is
bounded as ``speed.py`` bounds it. Prints both times and their ratios.

    python bench/stream_first_segment.py            # full-size stand-in
    python bench/stream_first_segment.py --quick    # toy model: checks the script runs
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from full_model import bench_engine, quick_and_threads  # noqa: E402

from models import budget  # noqa: E402
from service import compose  # noqa: E402
from service.pipeline.translator import Streamed, read_checked  # noqa: E402
from service.settings import Settings  # noqa: E402

OPENERS = [
    "Am Morgen hieß es:",
    "Nach Angaben von Beobachtern gilt:",
    "In Berlin wurde bekannt:",
    "Wie die Agentur meldete:",
    "Aus Regierungskreisen verlautete:",
    "Am Abend bestätigte sich:",
    "Laut einem Bericht gilt:",
    "In Brüssel hieß es dazu:",
    "Wie Reporter berichteten:",
    "Aus Diplomatenkreisen hieß es:",
]


def article() -> str:
    tune, test = (
        (ROOT / "bench" / "data" / f"alignment_gold_{half}.jsonl").read_text("utf-8").splitlines()
        for half in ("tune", "test")
    )
    # the first 20 in the order the set was written (tune, test, tune, ...)
    lines = [line for pair in zip(tune, test, strict=False) for line in pair][:20]
    sentences = [json.loads(line)["de"] for line in lines]
    every = [f"{opener} {sentence}" for opener in OPENERS for sentence in sentences]
    paragraphs = [" ".join(every[i : i + 4]) for i in range(0, len(every), 4)]
    return "\n\n".join(paragraphs)


def main() -> None:
    quick, threads = quick_and_threads(__doc__.splitlines()[0])
    budget.OUTPUT_RATIO, budget.OUTPUT_MARGIN = 1.5, 8  # as bench/speed.py bounds it
    text = article()
    with tempfile.TemporaryDirectory(prefix="mtdesk-stream-") as temporary:
        engine, backend, name = bench_engine(quick, threads, Path(temporary))
        settings = Settings(glossary="", memory=False, beam_size=4)
        translator = compose.translator(settings, engine, glossary=None)
        parsed = read_checked(text, "text", "de")
        translator.translate_article(read_checked("Ein kurzer Satz.", "text", "de"))  # warm

        started = time.perf_counter()
        first = None
        count = 0
        for item in translator.stream_article(parsed):
            if isinstance(item, Streamed):
                count += 1
                if first is None:
                    first = time.perf_counter() - started
        streamed_whole = time.perf_counter() - started

        started = time.perf_counter()
        document = translator.translate_article(parsed)
        whole = time.perf_counter() - started
    assert first is not None
    total = len(document.segments())
    print(f"model: {name}, {backend}, beam 4, {threads} threads; {count} of {total} segments")
    print(
        f"streamed: first segment after {first:.2f} s, whole document after {streamed_whole:.2f} s"
    )
    print(f"not streamed: whole document after {whole:.2f} s")
    print(f"first segment / whole document (streamed):     {first / streamed_whole:.3f}")
    print(f"first segment / whole document (not streamed): {first / whole:.3f}")
    print(f"streamed whole / not streamed whole:            {streamed_whole / whole:.3f}")


if __name__ == "__main__":
    main()
