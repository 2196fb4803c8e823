"""HTTP API throughput: 1 client at a time against 8 concurrent clients.

Usage:
    python bench/api_throughput.py [--models toy full] [--requests 48] [--full-requests 16]
                                   [--rounds 2] [--threads N]

Each model is served by one real server (``mtdesk serve`` in a subprocess,
uvicorn, a fresh SQLite file, translation memory off so that nothing is
served from cache, no glossary). Each request posts one short document to
``POST /v1/translate``: three German news sentences (4-20 words) held out
from the toy model's training corpus, so the toy model translates them as it
was built to, ending each sentence itself. Both runs send the same
documents; the figures are sentences per second over the whole run, and
p50/p95 request latency.

Models: ``toy`` (the shipped one), ``full`` (bench/full_model.py: the architecture of
Helsinki-NLP/opus-mt-de-en, ``MarianConfig`` d_model 512, 6+6 layers, 8
heads, FFN 2048, vocabulary 58,101, shared embeddings, with *random weights*
and the toy model's tokenizer), or any model name ``mtdesk`` accepts. Random
weights make the output text and its length meaningless: such a model rarely
ends a sentence by itself, so every output runs to the engine's length bound
(1.5 × source tokens + 10). That bound is what keeps generation finite; the
figures measure the cost of that much decoding, not of real translations.
Outputs the toy tokenizer has no piece for are masked (a logit bias of
-1e9); the output layer still computes all 58,101 of them.

The "req/batch" column is the mean number of requests the inference worker
merged into one engine call (from the server's /metrics).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from full_model import build_full_size  # noqa: E402

from models import toy_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def documents(count: int) -> list[list[str]]:
    """``count`` documents of three distinct news sentences the toy model never trained on."""
    sentences = [pair.source for pair in toy_corpus.held_out(3 * count)]
    return [sentences[i : i + 3] for i in range(0, 3 * count, 3)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(model: str, workdir: Path, threads: int | None) -> Iterator[str]:
    """``mtdesk serve`` in a child process; yields its base URL once /ready says so."""
    port = free_port()
    env = {
        **os.environ,
        "MTDESK_DB": f"sqlite:///{workdir / f'bench-{port}.db'}",
        "MTDESK_MEMORY": "false",
        # No glossary: a random-weight model never writes a term, and every
        # repair would re-decode its sentence alone, outside the batches.
        "MTDESK_GLOSSARY": "",
        "MTDESK_API_KEY": "",
    }
    if threads is not None:
        env["MTDESK_THREADS"] = str(threads)
    command = [sys.executable, "-m", "service", "serve", "--model", model, "--port", str(port)]
    log = workdir / f"server-{port}.log"
    with log.open("wb") as sink:  # a file, not a pipe: an unread pipe would stall the server
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=sink, stderr=sink)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(process, url, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_ready(process: subprocess.Popen[bytes], url: str, log: Path, timeout: float = 300) -> None:
    """Poll /ready until the server says so; its log's tail if it exits first."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"the server did not become ready within {timeout:.0f} s")
        time.sleep(0.05)


def run(url: str, docs: list[list[str]], clients: int) -> dict[str, float]:
    latencies: list[float] = []

    def post(doc: list[str], client: httpx.Client) -> None:
        started = time.perf_counter()
        response = client.post(f"{url}/v1/translate", json={"text": " ".join(doc)}, timeout=600)
        response.raise_for_status()
        latencies.append(time.perf_counter() - started)

    with httpx.Client() as client:
        post(docs[0], client)  # warm-up: first-call costs are not throughput
        latencies.clear()
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(lambda doc: post(doc, client), docs))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "sentences_per_s": sum(len(doc) for doc in docs) / elapsed,
        "p50_s": statistics.median(ordered),
        "p95_s": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "seconds": elapsed,
    }


def batch_counts(url: str) -> tuple[float, float]:
    """(requests merged, engine calls) so far, from the server's own metrics."""
    text = httpx.get(f"{url}/metrics").text
    values = {
        line.split()[0]: float(line.split()[1])
        for line in text.splitlines()
        if line.startswith("mtdesk_batch_requests_")
    }
    return values.get("mtdesk_batch_requests_sum", 0.0), values.get(
        "mtdesk_batch_requests_count", 0.0
    )


def measure(url: str, docs: list[list[str]], clients: int) -> dict[str, float]:
    """One run, with the mean number of requests per engine call during it."""
    merged_before, calls_before = batch_counts(url)
    figures = run(url, docs, clients)
    merged_after, calls_after = batch_counts(url)
    calls = calls_after - calls_before
    figures["requests_per_batch"] = (merged_after - merged_before) / calls if calls else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=["toy", "full"])
    parser.add_argument("--requests", type=int, default=48, help="documents per run")
    parser.add_argument("--full-requests", type=int, default=16, help="documents per run, full")
    parser.add_argument("--rounds", type=int, default=2, help="alternating 1/8-client runs")
    parser.add_argument(
        "--threads",
        type=int,
        help="torch threads of the server (MTDESK_THREADS); on a machine other work keeps "
        "busy, 1 avoids threads spinning at barriers while their partner is descheduled",
    )
    arguments = parser.parse_args()

    print(f"{'model':>12} {'clients':>7} {'sent/s':>8} {'p50 s':>7} {'p95 s':>7} {'req/batch':>9}")
    with tempfile.TemporaryDirectory(prefix="mtdesk-bench-") as temporary:
        workdir = Path(temporary)
        for name in arguments.models:
            count = arguments.full_requests if name == "full" else arguments.requests
            model = str(build_full_size(workdir)) if name == "full" else name
            docs = documents(count)
            label = Path(name).name[:12]
            totals = {1: 0.0, 8: 0.0}  # seconds over all rounds
            with server(model, workdir, arguments.threads) as url:
                # Rounds alternate 1 and 8 clients on the same server, so that a
                # change in the machine's other load falls on both alike.
                for _ in range(arguments.rounds):
                    for clients in (1, 8):
                        figures = measure(url, docs, clients)
                        totals[clients] += figures["seconds"]
                        print(
                            f"{label:>12} {clients:>7} {figures['sentences_per_s']:8.2f} "
                            f"{figures['p50_s']:7.3f} {figures['p95_s']:7.3f} "
                            f"{figures['requests_per_batch']:9.2f}",
                            flush=True,
                        )
            ratio = totals[1] / totals[8]
            print(f"{label:>12} 8 clients / 1 client: {ratio:.2f}x sentences per second")


if __name__ == "__main__":
    main()
