"""Translation speed: the naive way, mtdesk with each backend, and CTranslate2's ceiling.

Usage:
    python bench/speed.py [--quick] [--model full|toy|DIR] [--documents N]
                          [--naive-sentences N] [--workers N] [--threads N]

One run over the same German sentences (``../shared/data``, the UD German
GSD documents: each an article of three sentences), beam 4, one process:

  (a) naive: transformers, one ``generate`` per sentence, as the model card shows;
  (b) mtdesk, transformers backend: the whole archive through the batch runner
      (``mtdesk batch`` in-process: segmentation, glossary, memory, store, outputs);
  (c) mtdesk, ctranslate2 int8 backend: the same;
  (d) the engine's ceiling: ``ctranslate2.Translator.translate_batch`` on the
      pre-split, pre-tokenised sentences, in length-sorted batches of the same
      token budget, same model and thread layout (parallel one-core batches on
      a CPU), all queued at once;
  (d+) the same with (c)'s glossary re-decodes added, each with its forced
      prefix: the engine's own time for all the decoding (c) asked of it.
      With random weights no output holds a glossary term, so every sentence
      with one is decoded again; c/d+ is what the rest of the pipeline costs.

Rates are the archive's sentences (as the data splits them) per second of
wall time; model loading and conversion are not timed. (a) runs twice, first
and after (d): the machine's speed drifts within a run, and the ratios take
(a)'s mean time, so that drift does not fall on one side of them. Then, for each
backend, ``mtdesk serve`` in a subprocess: seconds from start until /ready,
until the first translation has come back, and the server's peak RSS.

``--checks`` measures what the fact checks cost instead (nothing else runs):
(d), then ``--repeat`` pairs of (c) and (c-), the same with
``service.checks.facts`` answering nothing, in the order (c) (c-) (c-) (c) …,
then (d) again, in one process. It prints each run's wall and process CPU
time, each pair's (c)/(c-) for both (their mean and range), c/d and c-/d
(against (d)'s mean), and where (c)'s CPU went: the thread CPU inside each
stage of the pipeline (``STAGES``: the checks, the sentence language look,
protected spans with the quotations' language, segmentation, memory,
localisation, outputs), as a share of the process's CPU, the engine's
included. Every run starts with the per-word and per-sentence memos of
``service`` and ``glossary`` empty, as a fresh process would; resources
loaded once (the tagger, word lists, the language models) are loaded before
the runs and timed apart. Each run also prints the seconds from the engine's
last call to the run's end (what waits for the last articles' checks and
the outputs) and, on Linux, how long CTranslate2's own threads were
runnable without a CPU (on a shared machine the other load, which moves a
run's wall time by more than the checks do) and without work (what the
pipeline left them idle, the start and the end of the run included). ``--end-to-end`` adds
``--repeat`` pairs of (e) and (e-): ``mtdesk batch`` as a command in a
process of its own, start to finish, model loading and the checks' one-off
loads included, (e-) with the fact checks answering and loading nothing.

Model ``full`` (the default) has exactly opus-mt-de-en's architecture and
vocabulary size (MarianConfig from the model card: d_model 512, 6+6 layers,
8 heads, FFN 2048, 58,101 pieces, ``<pad>`` last) with *random weights* and
the toy model's tokenizer, its English side widened to opus-mt-de-en's 32,000
pieces: (b), (c) and (d) score those alone (models/output_vocabulary.py), as
they would with the real model, and (a) scores all 58,101, as the model card
does. The script also prints (d) over the whole vocabulary. Random weights rarely end a
sentence, so every run bounds generation to int(1.2 × source tokens) + 5
steps, about the length of real translations; the figures measure decoding
that much, not real translations. ``--quick`` uses the toy model and five
documents: a smoke test of the script, not a measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from functools import wraps
from importlib import import_module
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api_throughput import free_port, wait_ready  # noqa: E402
from full_model import build_full_size  # noqa: E402

from models import budget  # noqa: E402
from models.batching import CPU_BATCH_TOKENS, plan_batches  # noqa: E402
from models.engine import Engine, Hypothesis, Request  # noqa: E402
from service.cli.batch import ARTICLES_IN_FLIGHT  # noqa: E402
from service.pipeline.batcher import batch_tokens, parallel_batches  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "segmentation_dev_ud_german_gsd.jsonl"
RATIO, MARGIN = 1.2, 5  # output bound: int(RATIO × source tokens with </s>) + MARGIN steps
BEAM = 4
BATCH_TOKENS = CPU_BATCH_TOKENS  # the engines' default on a CPU


def documents(count: int | None) -> list[list[str]]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line)["sentences"] for line in lines if line.strip()]
    return docs[:count] if count else docs


def bound_generation() -> None:
    """Both engines (and the naive run, through budget.output_limit) use the bench's bound."""
    budget.OUTPUT_RATIO = RATIO
    budget.OUTPUT_MARGIN = MARGIN


def native_threads() -> set[int]:
    """The ids of this process's threads, as the kernel numbers them (Linux; else none)."""
    try:
        return {int(name) for name in os.listdir("/proc/self/task")}
    except OSError:
        return set()


def scheduled(threads: Collection[int]) -> tuple[float, float] | None:
    """Seconds ``threads`` have spent running and runnable but waiting for a CPU, in all
    (the first two fields of Linux's per-thread schedstat); None where the kernel does not
    say. What is neither, they spent without work."""
    ran = waited = 0
    for thread in threads:
        try:
            fields = Path(f"/proc/self/task/{thread}/schedstat").read_text().split()
        except OSError:
            return None
        ran, waited = ran + int(fields[0]), waited + int(fields[1])
    return (ran / 1e9, waited / 1e9) if threads else None


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def naive(model_dir: Path, sentences: list[str], threads: int) -> float:
    """(a) one ``generate`` per sentence, as the model card shows."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    torch.set_num_threads(threads)
    tokenizer = MarianTokenizer.from_pretrained(model_dir)
    model = MarianMTModel.from_pretrained(model_dir).eval()

    def run() -> None:
        with torch.inference_mode():
            for sentence in sentences:
                inputs = tokenizer(sentence, return_tensors="pt")
                limit = budget.output_limit(inputs["input_ids"].shape[1])
                output = model.generate(
                    **inputs, num_beams=BEAM, max_new_tokens=limit, max_length=None
                )
                tokenizer.decode(output[0], skip_special_tokens=True)

    return timed(run)


class Busy:
    """An engine that counts its calls and the time with at least one call in it:
    how busy the pipeline keeps it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.workers = parallel_batches(engine)  # calls the batcher may overlap
        self.batch_tokens = batch_tokens(engine)  # and how it sizes them
        if hasattr(engine, "decode"):  # mixed requests in one call, as the batcher sees them
            self.decode = self._decode
        self.seconds = 0.0
        self.cpu = 0.0  # the process's CPU seconds over the timed run (set by ``pipeline``)
        self.idle_end = 0.0  # seconds from the engine's last call to the run's end (``pipeline``)
        self.threads: set[int] = set()  # the engine's own threads (``checks_cost`` sets them)
        self.waited: float | None = None  # their seconds runnable but without a CPU (``pipeline``)
        self.idle: float | None = None  # their seconds without work, summed (``pipeline``)
        self.last = 0.0  # when the last engine call ended (perf_counter)
        self.calls = self.sentences = self.redecode_calls = 0
        self.forced: list[tuple[str, str]] = []  # each re-decode's sentence and prefix
        self._inside = 0
        self._since = 0.0
        self._lock = threading.Lock()

    def _enter(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._since = time.perf_counter()
            self._inside += 1

    def _leave(
        self, calls: int = 0, sentences: int = 0, forced: Sequence[tuple[str, str]] = ()
    ) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0:
                self.last = time.perf_counter()
                self.seconds += self.last - self._since
            self.calls += calls
            self.sentences += sentences
            self.redecode_calls += len(forced) > 0
            self.forced += forced

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self._enter()
        try:
            return self.engine.translate(
                sentences, beam_size=beam_size, with_alignment=with_alignment
            )
        finally:
            self._leave(calls=1, sentences=len(sentences))

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        self._enter()
        try:
            return self.engine.continue_from(sentence, prefix, beam_size=beam_size)
        finally:
            self._leave(forced=[(sentence, prefix)])

    def _decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        self._enter()
        try:
            hypotheses: list[Hypothesis] = self.engine.decode(  # type: ignore[attr-defined]
                requests, beam_size=beam_size
            )
            return hypotheses
        finally:
            forced = [(r.sentence, r.prefix) for r in requests if r.prefix is not None]
            self._leave(calls=1, sentences=len(requests) - len(forced), forced=forced)

    def count_tokens(self, sentence: str) -> int:
        return self.engine.count_tokens(sentence)

    def reset(self) -> None:
        self.seconds = 0.0
        self.calls = self.sentences = self.redecode_calls = 0
        self.forced = []

    def summary(self, wall: float) -> str:
        per_call = self.sentences / self.calls if self.calls else 0.0
        return (
            f"    engine busy {self.seconds / wall:.0%} of the wall time: {self.calls} calls, "
            f"{per_call:.1f} sentences a call, {len(self.forced)} forced-prefix re-decodes "
            f"in {self.redecode_calls} calls"
        )


def pipeline(
    engine: Engine,
    docs: list[list[str]],
    workdir: Path,
    workers: int,
    stages: Stages | None = None,
    engine_threads: Collection[int] = (),
) -> tuple[float, Busy]:
    """(b), (c): the archive as ``mtdesk batch`` translates it, in this process; the
    seconds it took, and the engine's record of the run. ``stages``: times the run's
    stages (``--checks``); ``engine_threads``: the engine's own threads, whose waits
    for a CPU the record then holds."""
    from service import compose
    from service.batch.inputs import read_input
    from service.batch.jobstore import JobStore, job_key
    from service.batch.local import LocalExecutor
    from service.batch.runner import Runner
    from service.settings import Settings
    from service.store.articles import Store

    out = workdir / f"batch-{engine.__class__.__name__}"
    archive = workdir / "archive.jsonl"
    archive.write_text(
        "".join(
            json.dumps({"id": f"doc{i}", "text": " ".join(doc)}) + "\n"
            for i, doc in enumerate(docs)
        )
    )
    store = Store(f"sqlite:///{workdir / f'{out.name}.db'}")
    settings = Settings(glossary="news-de-en", memory=True, beam_size=BEAM)
    glossary = compose.default_glossary(settings, lambda name: None)
    assert glossary is not None
    busy = Busy(engine)
    busy.threads = set(engine_threads)
    merged = compose.batching_engine(busy, settings, "batch")
    try:
        translator = compose.translator(
            settings,
            merged,
            glossary=glossary,
            memory=compose.translation_memory(settings, store),
        )
        jobs = JobStore(store)
        # Lazy one-off loads (language detector, segmenter lexicons, the fact checks' tagger
        # and word lists) are startup, not throughput.
        translator.translate("Der Minister kam am Montag. Er sagte nichts.")
        warm_checks()
        warm_language()
        busy.reset()

        def run() -> None:
            job = jobs.create(
                key=job_key("bench", str(out)),
                input=str(archive),
                out_dir=str(out),
                model=engine.name,
                glossary_name=glossary.name,
                glossary_version=glossary.version,
                options={"executor": "local"},
                articles=read_input(archive),
                max_chars=Settings().max_chars,
            )
            Runner(jobs, LocalExecutor(translator, workers)).run(job.id)

        with stages.timing() if stages else nullcontext():
            cpu, before = time.process_time(), scheduled(busy.threads)
            seconds = timed(run)
            busy.cpu = time.process_time() - cpu
            busy.idle_end = time.perf_counter() - busy.last
            after = scheduled(busy.threads)
            if before is not None and after is not None:
                busy.waited = after[1] - before[1]
                busy.idle = len(busy.threads) * seconds - (after[0] - before[0]) - busy.waited
        return seconds, busy
    finally:
        merged.close()
        store.close()


def ceiling(
    converted: Path,
    model_dir: Path,
    sentences: list[str],
    threads: int,
    use_vmap: bool,
    forced: Sequence[tuple[str, str]] = (),
) -> float:
    """(d) raw ``translate_batch``: pre-tokenised, length-sorted token batches.

    ``forced``: (sentence, prefix) re-decodes to decode as well, each with its
    prefix forced, in the same batches: the engine's own time for the work a
    pipeline run asked of it.
    """
    import ctranslate2
    from transformers import MarianTokenizer

    from models.ctranslate import thread_layout
    from models.marian_pieces import MarianPieces

    tokenizer = MarianTokenizer.from_pretrained(model_dir)
    suppress = [
        [token] for token in json.loads((converted / "mtdesk.json").read_text())["suppress"]
    ]
    workers, per_worker = thread_layout("cpu", threads)  # the engine's own layout
    translator = ctranslate2.Translator(
        str(converted), compute_type="int8", inter_threads=workers, intra_threads=per_worker
    )
    requests = [(sentence, "") for sentence in sentences] + list(forced)
    sources = [tokenizer.convert_ids_to_tokens(tokenizer(s).input_ids) for s, _ in requests]
    english = MarianPieces(model_dir)  # the CTranslate2 engine's own pieces for a prefix
    prefixes = [english.target_pieces(p) if p else [] for _, p in requests]
    lengths = [len(source) for source in sources]
    batches = plan_batches(lengths, min(BATCH_TOKENS, -(-sum(lengths) // workers)))

    def run() -> None:
        pending = [
            translator.translate_batch(
                [sources[i] for i in batch],
                [prefixes[i] for i in batch] if any(prefixes[i] for i in batch) else None,
                asynchronous=True,
                beam_size=BEAM,
                max_decoding_length=max(
                    len(prefixes[i]) + budget.output_limit(lengths[i], len(prefixes[i]))
                    for i in batch
                )
                - 1,
                max_input_length=0,
                return_scores=True,
                suppress_sequences=suppress or None,
                use_vmap=use_vmap,
            )
            for batch in batches
        ]
        for jobs in pending:
            for job in jobs:
                job.result()

    return timed(run)


def serve(model: str, backend: str, workdir: Path, threads: int, cache: Path) -> dict[str, float]:
    """``mtdesk serve``: seconds to /ready and to the first translation, peak RSS in MB."""
    port = free_port()
    env = {
        **os.environ,
        "MTDESK_DB": f"sqlite:///{workdir / f'serve-{backend}.db'}",
        "MTDESK_API_KEY": "",
        "MTDESK_THREADS": str(threads),
        "MTDESK_CACHE_DIR": str(cache),
    }
    command = [sys.executable, "-m", "service", "serve", "--model", model, "--port", str(port)]
    command += ["--backend", backend]
    log = workdir / f"serve-{backend}.log"
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=sink, stderr=sink)
    try:
        wait_ready(process, url, log)
        ready = time.perf_counter() - started
        body = {"text": "Der Minister kommt am Montag nach Berlin."}
        httpx.post(f"{url}/v1/translate", json=body, timeout=300).raise_for_status()
        first = time.perf_counter() - started
        status = Path(f"/proc/{process.pid}/status").read_text()
        peak_kb = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
        )
        return {"ready_s": ready, "first_s": first, "peak_rss_mb": peak_kb / 1024}
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="toy model, 5 documents: a smoke test")
    parser.add_argument("--model", help="full (default), toy, or a model directory")
    parser.add_argument("--documents", type=int, help="first N documents (default: all 276)")
    parser.add_argument(
        "--naive-sentences", type=int, help="run (a) on every k-th sentence, about N in all"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=ARTICLES_IN_FLIGHT,
        help=f"articles in flight in (b), (c) [{ARTICLES_IN_FLIGHT}, as mtdesk batch]",
    )
    parser.add_argument("--no-servers", action="store_true", help="skip the server figures")
    parser.add_argument(
        "--checks",
        action="store_true",
        help="only (c) with and without the fact checks: what they add to archive time",
    )
    parser.add_argument("--repeat", type=int, default=2, help="--checks: pairs of (c) and (c-) [2]")
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help="--checks: also (e) and (e-), `mtdesk batch` as a command, start to finish",
    )
    parser.add_argument("--threads", type=int, help="inference threads [all cores; 1 with --quick]")
    parser.add_argument("--batch-child", nargs=5, help=argparse.SUPPRESS)  # one (e) run
    arguments = parser.parse_args()
    if arguments.batch_child:
        batch_child(*arguments.batch_child)
        return
    name = arguments.model or ("toy" if arguments.quick else "full")
    docs = documents(arguments.documents or (5 if arguments.quick else None))
    sentences = [sentence for doc in docs for sentence in doc]
    sample = sentences
    if arguments.naive_sentences and arguments.naive_sentences < len(sentences):
        step = len(sentences) / arguments.naive_sentences
        sample = [sentences[int(i * step)] for i in range(arguments.naive_sentences)]

    from models.ctranslate import CTranslate2Engine
    from models.ctranslate_convert import convert, read_metadata
    from models.marian import MarianEngine
    from models.output_vocabulary import decoder_vocabulary
    from models.registry import resolve

    bound_generation()
    threads = arguments.threads or (1 if arguments.quick else os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="mtdesk-speed-") as temporary:
        workdir = Path(temporary)
        cache = workdir / "converted"
        if name == "full":
            model_dir = workdir / "full"
            model_dir.mkdir()
            build_full_size(model_dir)
            model = str(model_dir)
        else:
            model, model_dir = name, resolve(name)
        converted = convert(model, model_dir, "int8", cache)
        print(f"model: {name} ({model_dir}); {len(docs)} documents, {len(sentences)} sentences")
        print(f"beam {BEAM}, {threads} threads; generation bounded to int({RATIO} x source")
        print(f"tokens) + {MARGIN} steps in every run (random weights rarely end a sentence)")

        if arguments.checks:
            output_pieces = read_metadata(converted)["output_pieces"] is not None
            checks_cost(
                model,
                model_dir,
                cache,
                converted,
                output_pieces,
                docs,
                workdir,
                threads,
                arguments.workers,
                arguments.repeat,
            )
            if arguments.end_to_end:
                end_to_end(model, cache, docs, workdir, threads, arguments.repeat)
            return
        rates: dict[str, float] = {}
        naive_before = naive(model_dir, sample, threads)
        report("a", "naive transformers, generate per sentence", len(sample), naive_before)
        engines: list[tuple[str, str, Callable[[], Engine]]] = [
            (
                "b",
                "mtdesk batch, transformers backend",
                lambda: MarianEngine(model, threads=threads, batch_tokens=BATCH_TOKENS),
            ),
            (
                "c",
                "mtdesk batch, ctranslate2 int8",
                lambda: CTranslate2Engine(
                    model, threads=threads, batch_tokens=BATCH_TOKENS, cache_dir=cache
                ),
            ),
        ]
        redecodes: list[tuple[str, str]] = []
        for key, label, build in engines:
            seconds, busy = pipeline(build(), docs, workdir, arguments.workers)
            rates[key] = len(sentences) / seconds
            report(key, label, len(sentences), seconds)
            print(busy.summary(seconds))
            redecodes = busy.forced  # (c) runs last: (d+) takes its re-decodes
        english = read_metadata(converted)["output_pieces"]
        seconds = ceiling(converted, model_dir, sentences, threads, english is not None)
        rates["d"] = len(sentences) / seconds
        report("d", "ctranslate2 translate_batch, pre-split", len(sentences), seconds)
        # (d) with (c)'s glossary re-decodes: random weights never write a term, so
        # every sentence with one is decoded again; this is the engine's own time
        # for all the work (c) asked of it, and c/d+ what the rest of (c) costs.
        seconds = ceiling(converted, model_dir, sentences, threads, english is not None, redecodes)
        rates["d+"] = len(sentences) / seconds
        report("d+", f"(d) and (c)'s {len(redecodes)} re-decodes", len(sentences), seconds)
        # (a) again: the machine's speed drifts within a run; the ratios take the mean.
        naive_after = naive(model_dir, sample, threads)
        report("a", "naive again, after (b) to (d)", len(sample), naive_after)
        rates["a"] = len(sample) / ((naive_before + naive_after) / 2)
        print(
            f"c/a {rates['c'] / rates['a']:.1f}x   c/d {rates['c'] / rates['d']:.2f}   "
            f"b/a {rates['b'] / rates['a']:.1f}x   ((a) at {rates['a']:.2f} sent/s, "
            f"the mean of its two runs)   c/d+ {rates['c'] / rates['d+']:.2f}"
        )
        if english is not None:
            seconds = ceiling(converted, model_dir, sentences, threads, False)
            total = len(decoder_vocabulary(model_dir))
            print(
                f"output layer of (b), (c), (d): the {english:,} of {total:,} pieces that "
                f"target.spm writes; (d) over all {total:,}: {len(sentences) / seconds:.2f} sent/s"
            )

        if arguments.no_servers:
            return
        print(f"\n{'server':>14} {'ready s':>8} {'first s':>8} {'peak RSS MB':>12}")
        for backend in ("transformers", "ctranslate2"):
            figures = serve(model, backend, workdir, threads, cache)
            print(
                f"{backend:>14} {figures['ready_s']:8.2f} {figures['first_s']:8.2f} "
                f"{figures['peak_rss_mb']:12.0f}"
            )


WARM_PAIR = (
    "Angela Merkel sagte am 3. Oktober 2025 in Köln nicht: „Wir schaffen das.“",
    "Angela Merkel did not say in Cologne on 3 October 2025: “We can do this.”",
)


def warm_checks() -> float:
    """Seconds the fact checks' first call takes (their tagger and word lists load)."""
    from service.checks.quality import segment_checks

    return timed(lambda: segment_checks(*WARM_PAIR, None))


def warm_language() -> float:
    """Seconds the language identifier's closer look takes to load (its high-accuracy
    models, once per process): the first sentence or quotation the quick look does not
    settle as German loads them, once per process."""
    from service.checks.language import guess

    return timed(lambda: guess("The minister did not say where he was going."))


# Where (c)'s CPU goes: pipeline functions timed in the thread that runs each call,
# (label, module, attribute; "Class.method" for a method). An indented label is part
# of the one above (each fact check, part of the fact checks, part of the checks);
# the quotations' language is part of "protected spans".
STAGES = (
    ("checks (segment_checks: quality and fact)", "service.pipeline.translator", "segment_checks"),
    ("  the fact checks (fact_findings)", "service.checks.quality", "fact_findings"),
    *(
        (f"    {name}", "service.checks.facts", f"{name}_findings")
        for name in ("number", "name", "negation", "quote", "omission")
    ),
    ("      of omission, the lexicon", "service.checks.facts.omission", "lexical_findings"),
    ("    lost", "service.checks.facts", "lost_findings"),
    ("    hidden", "service.checks.facts", "hidden_findings"),
    (
        "sentence language look (foreign_sentence)",
        "service.pipeline.translator",
        "foreign_sentence",
    ),
    ("protected spans, quotations' language", "service.pipeline.translator", "protected_spans"),
    ("reading, article language, segmentation", "service.pipeline.translator", "read_checked"),
    ("", "service.pipeline.translator", "Translator.plan"),
    ("memory look-up and store", "service.pipeline.translator", "Translator.recall"),
    ("", "service.pipeline.translator", "Translator.remember"),
    ("localisation", "service.pipeline.translator", "localise_translation"),
    (
        "glossary, engine requests (article threads)",
        "service.pipeline.terms",
        "TermApplier.translate",
    ),
    ("document assembly and rendering", "service.pipeline.translator", "assemble"),
    ("article files and job store (runner)", "service.batch.runner", "Runner.record"),
    ("archive outputs at the end (runner)", "service.batch.runner", "Runner.finish"),
)


class Stages:
    """Thread CPU seconds inside each of ``STAGES`` (an unlabelled row adds to the one
    above it); patched in while the context is open."""

    def __init__(self) -> None:
        self.cpu: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.missing: list[str] = []
        self._lock = threading.Lock()

    @contextmanager
    def timing(self) -> Iterator[Stages]:
        undo: list[tuple[Any, str, Any]] = []
        label = ""
        for row, module, name in STAGES:
            label = row or label
            owner: Any = import_module(module)
            *path, attribute = name.split(".")
            for part in path:
                owner = getattr(owner, part, None)
            original = getattr(owner, attribute, None)
            if original is None:  # renamed or gone: reported, not timed
                self.missing.append(f"{module}.{name}")
                continue
            setattr(owner, attribute, self._timed(label, original))
            undo.append((owner, attribute, original))
        try:
            yield self
        finally:
            for owner, attribute, original in reversed(undo):
                setattr(owner, attribute, original)

    def _timed(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def timed_call(*arguments: Any, **keywords: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*arguments, **keywords)
            finally:
                spent = time.thread_time() - started
                with self._lock:
                    self.cpu[label] += spent
                    self.calls[label] += 1

        return timed_call


def forget_memos() -> None:
    """Empty the per-word and per-sentence memos (bounded ``lru_cache``s) of ``service``
    and ``glossary``, so that each run starts as a fresh process would; what is loaded
    once (unbounded caches, single-entry loaders: the tagger, word lists) stays."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("service.", "glossary", "models.")):
            continue
        for value in list(vars(module).values()):
            if hasattr(type(value), "cache_clear") and (value.cache_info().maxsize or 0) > 1:
                value.cache_clear()


def checks_cost(
    model: str,
    model_dir: Path,
    cache: Path,
    converted: Path,
    use_vmap: bool,
    docs: list[list[str]],
    workdir: Path,
    threads: int,
    workers: int,
    repeat: int,
) -> None:
    """(d), ``repeat`` pairs of (c) and (c-) without the fact checks, (d) again: wall and
    CPU seconds, (c)/(c-) and both against (d), and (c)'s CPU by stage."""
    from models.ctranslate import CTranslate2Engine
    from service.checks import quality

    sentences = [sentence for doc in docs for sentence in doc]
    count = len(sentences)
    print(
        f"first calls, loaded once per process and not timed below: the fact checks' "
        f"{warm_checks():.1f} s (tagger, word lists), the language closer look's "
        f"{warm_language():.1f} s"
    )
    checks = quality.fact_findings
    ceilings: list[tuple[float, float]] = []
    runs: list[tuple[str, float, float]] = []  # (key, wall, CPU)
    # (key, the engine threads' seconds without a CPU, seconds after the engine's last call,
    # the engine threads' seconds without work)
    waits: list[tuple[str, float | None, float, float | None]] = []
    stages = Stages()

    forced: list[tuple[str, str]] = []  # (c)'s glossary re-decodes, for (d+)

    def run_ceiling(label: str) -> None:
        forget_memos()
        cpu = time.process_time()
        seconds = ceiling(converted, model_dir, sentences, threads, use_vmap)
        ceilings.append((seconds, time.process_time() - cpu))
        report("d", label, count, seconds)
        print(f"{'':4} process CPU {ceilings[-1][1]:.1f} s")

    run_ceiling("ctranslate2 translate_batch, pre-split")
    order = [("c", "c-") if i % 2 == 0 else ("c-", "c") for i in range(repeat)]
    for key in (key for pair in order for key in pair):
        on = key == "c"
        quality.fact_findings = checks if on else (lambda *_, **__: [])
        run_dir = workdir / f"checks-{len(runs)}"
        run_dir.mkdir()
        before = native_threads()
        engine = CTranslate2Engine(
            model, threads=threads, batch_tokens=BATCH_TOKENS, cache_dir=cache
        )
        engine_threads = native_threads() - before  # CTranslate2's workers
        forget_memos()
        try:
            seconds, busy = pipeline(
                engine, docs, run_dir, workers, stages if on else None, engine_threads
            )
        finally:
            quality.fact_findings = checks
        runs.append((key, seconds, busy.cpu))
        waits.append((key, busy.waited, busy.idle_end, busy.idle))
        forced = busy.forced
        label = "mtdesk batch, ctranslate2 int8" + ("" if on else ", no fact checks")
        report(key, label, count, seconds)
        waited = ""
        if busy.waited is not None and busy.idle is not None:
            waited = (
                f"; its threads without a CPU {busy.waited:.1f} s, without work {busy.idle:.1f} s"
            )
        print(
            f"{'':4} process CPU {busy.cpu:.1f} s; {busy.summary(seconds).strip()}{waited}; "
            f"{busy.idle_end:.1f} s from its last call to the end"
        )
    run_ceiling("the same, again")
    plus = None
    if forced:  # random weights write no term: (d+) decodes (c)'s re-decodes as well
        plus = ceiling(converted, model_dir, sentences, threads, use_vmap, forced)
        report("d+", f"(d) and (c)'s {len(forced)} re-decodes", count, plus)

    pairs = [runs[i : i + 2] for i in range(0, len(runs), 2)]
    wall_ratios = [on[1] / off[1] for on, off in (sorted(pair) for pair in pairs)]
    cpu_ratios = [on[2] / off[2] for on, off in (sorted(pair) for pair in pairs)]
    print(
        f"with the fact checks / without, per pair: wall {spread(wall_ratios, 'pairs')}, "
        f"process CPU {spread(cpu_ratios, 'pairs')}"
    )
    ceiling_wall = sum(wall for wall, _ in ceilings) / len(ceilings)
    for key in ("c", "c-"):
        walls = [wall for k, wall, _ in runs if k == key]
        print(
            f"({key}) / (d), rates (end to end against raw CTranslate2, (d) the mean of "
            f"{ceiling_wall:.1f} s): {spread([ceiling_wall / wall for wall in walls], 'runs')}"
        )
        if plus is not None:
            print(f"({key}) / (d+): {spread([plus / wall for wall in walls], 'runs')}")
    for key in ("c", "c-"):
        waited = [w for k, w, _, _ in waits if k == key and w is not None]
        idle = [i for k, _, _, i in waits if k == key and i is not None]
        ends = [end for k, _, end, _ in waits if k == key]
        print(f"({key}) after the engine's last call: {spread(ends, 'runs', 's')}")
        if waited and idle:
            print(
                f"{'':4}the engine's threads, summed: without work {spread(idle, 'runs', 's')}, "
                f"runnable without a CPU {spread(waited, 'runs', 's')}"
            )
    cpu = sum(cpu for key, _, cpu in runs if key == "c")
    print(f"(c)'s CPU by stage, thread CPU over {repeat} runs, of {cpu:.1f} s process CPU:")
    for label in dict.fromkeys(row for row, _, _ in STAGES if row):
        seconds = stages.cpu[label]
        print(
            f"{'':4}{label:46} {seconds:7.2f} s {seconds / cpu:6.1%}"
            f" {stages.calls[label] // repeat:6d} calls a run"
        )
    nested = {label for label, _, _ in STAGES if label.startswith(" ")}
    rest = cpu - sum(seconds for label, seconds in stages.cpu.items() if label not in nested)
    print(
        f"{'':4}{'the rest: the engine (CTranslate2, tokenizer), batcher':46} {rest:7.2f} s "
        f"{rest / cpu:6.1%}"
    )
    if stages.missing:
        print(f"{'':4}not timed (not found): {', '.join(dict.fromkeys(stages.missing))}")


def end_to_end(
    model: str, cache: Path, docs: list[list[str]], workdir: Path, threads: int, repeat: int
) -> None:
    """``repeat`` pairs of (e) and (e-): ``mtdesk batch`` as a command, in a process of its
    own, from its start to its last output file: what an archive's user waits for, the
    model's loading and the checks' one-off loads (beside it) included. (e-): the fact
    checks answer nothing and load nothing. Order (e) (e-) (e-) (e) …"""
    import resource

    archive = workdir / "archive-e.jsonl"
    archive.write_text(
        "".join(
            json.dumps({"id": f"doc{i}", "text": " ".join(doc)}) + "\n"
            for i, doc in enumerate(docs)
        )
    )
    env = {**os.environ, "MTDESK_CACHE_DIR": str(cache)}
    count = sum(len(doc) for doc in docs)
    runs: list[tuple[str, float, float]] = []
    order = [("e", "e-") if i % 2 == 0 else ("e-", "e") for i in range(repeat)]
    for key in (key for pair in order for key in pair):
        out = workdir / f"end-to-end-{len(runs)}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [sys.executable, __file__, "--batch-child", "on" if key == "e" else "off"]
        command += [str(archive), str(out), model, str(threads)]
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-4000:]}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        runs.append((key, seconds, cpu))
        label = "mtdesk batch command" + ("" if key == "e" else ", no fact checks")
        report(key, label, count, seconds)
        print(f"{'':4} process CPU {cpu:.1f} s")
    pairs = [sorted(runs[i : i + 2]) for i in range(0, len(runs), 2)]
    print(
        "end to end, with the fact checks / without, per pair: wall "
        f"{spread([on[1] / off[1] for on, off in pairs], 'pairs')}, process CPU "
        f"{spread([on[2] / off[2] for on, off in pairs], 'pairs')}"
    )


def batch_child(checks: str, archive: str, out: str, model: str, threads: str) -> None:
    """One (e) run: ``mtdesk batch`` as its command line runs it, generation bounded as
    in every run here; ``checks`` "off": the fact checks answer nothing and load nothing."""
    bound_generation()
    if checks == "off":
        from service.checks import facts, quality

        quality.fact_findings = lambda *_, **__: []
        facts.warm = lambda: None
    from service.cli.main import main as mtdesk

    sys.argv = ["mtdesk", "batch", archive, "--out", out, "--model", model]
    sys.argv += ["--backend", "ctranslate2", "--threads", threads]
    mtdesk()


def spread(values: Sequence[float], what: str, unit: str = "") -> str:
    """Mean and range of ratios (or of seconds, ``unit`` "s") over ``what`` (runs, pairs)."""
    mean = sum(values) / len(values)
    if unit:
        return f"{mean:.1f} {unit} ({min(values):.1f}-{max(values):.1f}, {len(values)} {what})"
    return f"{mean:.3f} ({min(values):.3f}-{max(values):.3f}, {len(values)} {what})"


def report(key: str, label: str, count: int, seconds: float) -> None:
    run = f"({key})"
    print(f"{run:4} {label:42} {count:5} sentences {seconds:8.1f} s {count / seconds:8.2f} sent/s")


if __name__ == "__main__":
    main()
