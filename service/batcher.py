"""Dynamic batching: inference workers merge sentences from concurrent callers.

Each request's pipeline runs in its own thread and calls ``translate`` as on
any engine; the call enqueues its sentences and blocks. A worker thread
takes the oldest waiting job, waits at most ``max_wait`` seconds for more
jobs of the same kind (beam size, alignment) up to ``max_sentences``, calls
the real engine once for them all, and hands each caller its own hypotheses
in order. Jobs of another kind wait for the next round, oldest first. A job
larger than ``max_sentences`` runs alone (the engine splits it into
token-bounded batches itself). Forced-prefix decodes (``continue_from``, the
glossary's re-decodes) merge with each other into one ``continue_many``
call where the engine has one. Only the workers ever touch the real engine.

There are as many workers as the engine decodes batches at once (its
``workers``, one unless it says otherwise): while one call decodes, the next
is gathered and handed over, so an engine with parallel batches never waits
for the slowest batch of a call before it gets more work. Workers gather one
at a time.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from models.engine import Engine, Hypothesis

BatchObserver = Callable[[int, int], None]  # (sentences, requests) merged into one engine call


class EngineClosed(RuntimeError):
    """``translate`` was called after ``close``."""


@dataclass(eq=False)
class Job:
    sentences: list[str]
    beam_size: int
    with_alignment: bool = False
    prefix: str | None = None  # a forced-prefix decode of its one sentence
    future: Future[list[Hypothesis]] = field(default_factory=Future)

    def merges_with(self, other: Job) -> bool:
        return (self.prefix is None, self.beam_size, self.with_alignment) == (
            other.prefix is None,
            other.beam_size,
            other.with_alignment,
        )


def continue_many(
    engine: Engine, requests: list[tuple[str, str]], beam_size: int
) -> list[Hypothesis]:
    """Forced-prefix decodes of (sentence, prefix) pairs: in shared batches where the
    engine can (``continue_many``), else one by one."""
    many = getattr(engine, "continue_many", None)
    if many is not None:
        hypotheses: list[Hypothesis] = many(requests, beam_size=beam_size)
        return hypotheses
    return [engine.continue_from(s, prefix, beam_size=beam_size) for s, prefix in requests]


def parallel_batches(engine: Engine) -> int:
    """How many batches ``engine`` decodes at once (CTranslate2's ``inter_threads`` on a CPU)."""
    workers = getattr(engine, "workers", 1)
    return workers if isinstance(workers, int) and workers > 0 else 1


class BatchingEngine:
    """An ``Engine`` that merges concurrent ``translate`` calls into shared engine calls."""

    def __init__(
        self,
        engine: Engine,
        *,
        max_wait: float = 0.005,
        max_sentences: int = 64,
        on_batch: BatchObserver | None = None,
    ) -> None:
        self.engine = engine
        self.name = engine.name
        self.max_wait = max_wait
        self.max_sentences = max_sentences
        self.on_batch = on_batch
        self._queue: queue.Queue[Job | None] = queue.Queue()  # None asks the worker to stop
        self._held: deque[Job] = deque()  # taken from the queue, waiting for a round of their kind
        self._closed = False
        self._closing = threading.Lock()  # no job may be queued behind the stop mark
        self._stopping = False
        self._gathering = threading.Lock()  # one worker at a time takes jobs from the queue
        self._workers = [
            threading.Thread(target=self._run, name=f"mtdesk-inference-{i}", daemon=True)
            for i in range(parallel_batches(engine))
        ]
        for worker in self._workers:
            worker.start()

    def count_tokens(self, sentence: str) -> int:
        return self.engine.count_tokens(sentence)

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        if not sentences:
            return []
        return self._submit(Job(list(sentences), beam_size, with_alignment))

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return self._submit(Job([sentence], beam_size, prefix=prefix))[0]

    def _submit(self, job: Job) -> list[Hypothesis]:
        with self._closing:
            if self._closed:
                raise EngineClosed("the inference worker has stopped")
            self._queue.put(job)
        return job.future.result()

    def close(self) -> None:
        """Finish the jobs already queued, then stop the workers."""
        with self._closing:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        for worker in self._workers:
            worker.join()

    def _run(self) -> None:
        while True:
            with self._gathering:
                batch = self._next_batch()
            if batch is None:
                return
            self._run_batch(batch)

    def _next_job(self, timeout: float | None) -> Job | None:
        """The next queued job; None when none comes within ``timeout``."""
        try:
            if timeout is None:
                job = self._queue.get()
            elif timeout > 0:
                job = self._queue.get(timeout=timeout)
            else:
                job = self._queue.get_nowait()
        except queue.Empty:
            return None
        if job is None:  # the stop mark: from now on, only drain what is queued
            self._stopping = True
            return self._next_job(0)
        return job

    def _next_batch(self) -> list[Job] | None:
        """The oldest job and those of its kind that arrive in time; None once stopped and idle."""
        first = (
            self._held.popleft() if self._held else self._next_job(0 if self._stopping else None)
        )
        if first is None:
            return None  # stopping, and nothing is left
        batch, size = [first], len(first.sentences)
        for job in list(self._held):
            if first.merges_with(job) and size + len(job.sentences) <= self.max_sentences:
                self._held.remove(job)
                batch.append(job)
                size += len(job.sentences)
        deadline = time.monotonic() + self.max_wait
        while size < self.max_sentences and not self._stopping:
            newcomer = self._next_job(deadline - time.monotonic())
            if newcomer is None:
                break
            job = newcomer
            if first.merges_with(job) and size + len(job.sentences) <= self.max_sentences:
                batch.append(job)
                size += len(job.sentences)
                continue
            self._held.append(job)
            if first.merges_with(job):
                break  # full: the newcomer starts the next round
        return batch

    def _run_batch(self, batch: list[Job]) -> None:
        first = batch[0]
        # A forced-prefix job's one sentence is keyed with its prefix.
        keys = [(sentence, job.prefix) for job in batch for sentence in job.sentences]
        unique = list(dict.fromkeys(keys))
        try:
            if first.prefix is None:
                hypotheses = self.engine.translate(
                    [sentence for sentence, _ in unique],
                    beam_size=first.beam_size,
                    with_alignment=first.with_alignment,
                )
            else:
                requests = [(sentence, prefix or "") for sentence, prefix in unique]
                hypotheses = continue_many(self.engine, requests, first.beam_size)
            by_key = dict(zip(unique, hypotheses, strict=True))
        except Exception as error:  # handed to the caller: the worker itself must live on
            if len(batch) == 1:
                first.future.set_exception(error)
            else:  # one caller's bad input must not fail the others: retry them one by one
                for job in batch:
                    self._run_batch([job])
            return
        for job in batch:
            job.future.set_result([by_key[sentence, job.prefix] for sentence in job.sentences])
        if self.on_batch:
            self.on_batch(len(unique), len(batch))
