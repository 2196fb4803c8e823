"""Batch throughput: sentences per second through a whole archive, and what the memory saves.

Usage:
    python bench/archive_throughput.py [--models toy full] [--articles 200]
                                       [--full-articles 40] [--repeated 0.2]
                                       [--workers 4] [--threads N]

The archive is built from ../shared/data: each article is a headline and
paragraphs of the shared German documents, and a fraction ``--repeated`` of
its sentences is drawn from a small pool of boilerplate (datelines, photo
credits, agency lines: here held-out sentences of the toy corpus) shared by
every article, as news archives have.

Each model translates the same archive twice, in-process, through the job
runner that ``mtdesk batch`` uses (job store in a fresh SQLite file, local
executor, ``--workers`` articles at once): once with the translation memory
off and once with it on (starting empty). The figures: segments per second
over the whole archive (what a user waits for), model-decoded sentences per
second, memory hits, and the speed-up the memory gives.

Models: ``toy`` (the shipped one) and ``full`` (opus-mt-de-en's architecture
with random weights and the toy tokenizer, built by bench/full_model.py;
random weights decode every sentence to the length bound, so its figures are
the cost of that much decoding, not of real translations; and as every
output of theirs is flagged ``truncated``, none is stored in the memory, so
the memory gain shows on the toy model only).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_data import shared_paragraphs  # noqa: E402
from full_model import build_full_size  # noqa: E402

from models import toy_corpus  # noqa: E402
from service import compose  # noqa: E402
from service.batch.inputs import InputArticle  # noqa: E402
from service.batch.jobstore import JobStore, job_key  # noqa: E402
from service.batch.local import LocalExecutor  # noqa: E402
from service.batch.runner import Runner  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.store.articles import Store  # noqa: E402

BOILERPLATE_LINES = 5


def boilerplate() -> list[str]:
    """Repeated lines the toy model translates cleanly.

    Flagged outputs (truncated, untranslated …) are never stored in the memory,
    so lines the model garbles would show no memory gain at all.
    """
    return [pair.source for pair in toy_corpus.held_out(BOILERPLATE_LINES)]


def archive(count: int, repeated: float, seed: int = 7) -> list[InputArticle]:
    """``count`` articles, about ``repeated`` of their sentences boilerplate."""
    rng = random.Random(seed)
    repeats = boilerplate()
    sentences = [s for paragraph in shared_paragraphs() for s in split3(paragraph)]
    articles = []
    cursor = 0
    for number in range(count):
        body = []
        for _ in range(6):
            if rng.random() < repeated:
                body.append(rng.choice(repeats))
            else:
                body.append(sentences[cursor % len(sentences)])
                cursor += 1
        text = f"Meldung {number}\n\n" + " ".join(body[:3]) + "\n\n" + " ".join(body[3:]) + "\n"
        articles.append(InputArticle(f"a{number:04d}.txt", f"a{number:04d}.txt", "text", text))
    return articles


def split3(paragraph: str) -> list[str]:
    """The shared documents join three sentences with a space; their ends are terminal."""
    parts, current = [], []
    for word in paragraph.split(" "):
        current.append(word)
        if word.endswith((".", "!", "?", '."', '?"', '!"')):
            parts.append(" ".join(current))
            current = []
    return parts + ([" ".join(current)] if current else [])


def run_job(
    engine: Any, articles: list[InputArticle], *, memory: bool, workers: int, workdir: Path
) -> dict[str, Any]:
    directory = Path(tempfile.mkdtemp(dir=workdir))
    store = Store(f"sqlite:///{directory / 'job.db'}")
    jobs = JobStore(store)
    job = jobs.create(
        key=job_key(str(directory)),
        input="bench",
        out_dir=str(directory / "out"),
        model=engine.name,
        glossary_name=None,
        glossary_version=None,
        options={},
        articles=articles,
        max_chars=Settings().max_chars,
    )
    settings = Settings(glossary="", memory=memory)
    merging = compose.batching_engine(engine, settings, "batch")
    try:
        translator = compose.translator(
            settings, merging, glossary=None, memory=compose.translation_memory(settings, store)
        )
        started = time.perf_counter()
        report = Runner(jobs, LocalExecutor(translator, workers)).run(job.id).report
        wall = time.perf_counter() - started
    finally:
        merging.close()
        store.close()
    return {
        "wall_s": wall,
        "segments": report["segments"],
        "decoded": report["run"]["sentences"],
        "memory_hits": report["memory_hits"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=["toy", "full"])
    parser.add_argument("--articles", type=int, default=200, help="articles, toy model")
    parser.add_argument("--full-articles", type=int, default=40, help="articles, other models")
    parser.add_argument("--repeated", type=float, default=0.2, help="share of boilerplate")
    parser.add_argument("--workers", type=int, default=4, help="articles in flight")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores)")
    args = parser.parse_args()

    from models.marian import MarianEngine

    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        print(
            f"{'model':6} {'articles':>8} {'memory':>6} {'wall s':>8} {'segments/s':>10} "
            f"{'decoded/s':>9} {'decoded':>7} {'hits':>5}"
        )
        for name in args.models:
            model = name
            if name == "full":
                built = workdir / "full"
                built.mkdir()
                model = str(build_full_size(built))
            engine = MarianEngine(model, threads=args.threads)
            engine.translate(["Der Minister kommt."])  # warm up outside the timings
            count = args.articles if name == "toy" else args.full_articles
            articles = archive(count, args.repeated)
            walls, hits = {}, 0
            for memory in (False, True):
                figures = run_job(
                    engine, articles, memory=memory, workers=args.workers, workdir=workdir
                )
                walls[memory] = figures["wall_s"]
                hits = figures["memory_hits"]
                print(
                    f"{name:6} {count:8} {'on' if memory else 'off':>6} "
                    f"{figures['wall_s']:8.1f} {figures['segments'] / figures['wall_s']:10.2f} "
                    f"{figures['decoded'] / figures['wall_s']:9.2f} {figures['decoded']:7} "
                    f"{figures['memory_hits']:5}"
                )
            if hits:
                print(f"{name}: the memory speeds the archive up {walls[False] / walls[True]:.2f}×")
            else:  # flagged outputs are never stored: any difference is noise
                print(f"{name}: no memory hits, so no speed-up to measure")


if __name__ == "__main__":
    main()
