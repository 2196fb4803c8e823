"""Dynamic batching: every engine batch is chosen from all the sentences waiting.

Each request's pipeline runs in its own thread and calls ``translate`` as on
any engine; the call puts its sentences in a shared pool and blocks until
each has its hypothesis. Inference workers take batches from the pool: the
waiting sentences of a kind are cut into length-sorted batches that fit a
token budget (the engine's own ``batch_tokens`` for each batch it decodes at
once) and ``max_sentences``, and the batch taken is the one that holds the
sentence that has waited longest. Where the engine decodes mixed requests (``decode``:
both shipped engines force a prefix per sentence, and give alignment only to
the sentences that ask), a kind is a beam size; elsewhere also alignment, and
whether a prefix is forced (the glossary's re-decodes, which then go one by one).

Why by length across callers: a batch decodes until its longest sentence is
done, so a short sentence beside a long one pays for the long one's steps.
Each caller's sentences, or one call's worth in arrival order, span every
length; the pool as a whole has neighbours for each. Why oldest first: no
sentence waits behind later work for long, since every batch takes the
oldest sentence still waiting.

A worker that finds less than a call's worth waiting waits at most
``max_wait`` seconds after the oldest sentence arrived, for more to fill its
batch. Identical requests waiting at once are decoded once. Only the workers
touch the real engine; there are as many as the engine decodes batches at
once (its ``workers``, one unless it says otherwise), so one picks the next
batch while the others decode.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from models.batching import CPU_BATCH_TOKENS, plan_batches
from models.engine import Engine, Hypothesis, Request, decode

BatchObserver = Callable[[int, int], None]  # (sentences, requests) merged into one engine call
Kind = tuple[int, ...]  # requests of one kind may share an engine call


class EngineClosed(RuntimeError):
    """``translate`` was called after ``close``."""


@dataclass(eq=False)
class Job:
    """One caller's sentences; its future is set once every one has a hypothesis."""

    size: int
    future: Future[list[Hypothesis]] = field(default_factory=Future)
    left: int = 0
    results: list[Hypothesis | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.left = self.size
        self.results = [None] * self.size

    def fail(self, error: Exception) -> None:
        if not self.future.done():
            self.future.set_exception(error)


@dataclass(eq=False)
class Waiting:
    """A distinct request of one beam size, and the callers waiting for it."""

    request: Request
    beam_size: int
    tokens: int
    since: float
    takers: list[tuple[Job, int]] = field(default_factory=list)  # (job, position in it)

    @property
    def key(self) -> tuple[int, Request]:
        return self.beam_size, self.request


def parallel_batches(engine: Engine) -> int:
    """How many batches ``engine`` decodes at once (CTranslate2's ``inter_threads`` on a CPU)."""
    workers = getattr(engine, "workers", 1)
    return workers if isinstance(workers, int) and workers > 0 else 1


def batch_tokens(engine: Engine) -> int:
    """The padded tokens ``engine`` puts in one batch."""
    tokens = getattr(engine, "batch_tokens", None)
    return tokens if isinstance(tokens, int) and tokens > 0 else CPU_BATCH_TOKENS


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
        # One call is split by the engine into a batch for each of its workers.
        self.call_tokens = batch_tokens(engine) * parallel_batches(engine)
        self.mixes_kinds = hasattr(engine, "decode")
        self._pool: dict[tuple[int, Request], Waiting] = {}  # oldest first
        self._changed = threading.Condition()  # guards the pool, the jobs, _closed
        self._closed = False
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
        requests = [Request(sentence, None, with_alignment) for sentence in sentences]
        return self.decode(requests, beam_size=beam_size)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return self.decode([Request(sentence, prefix)], beam_size=beam_size)[0]

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        """Requests of any kinds at once: each waits in the pool for a call of its kind."""
        return self._submit(requests, beam_size) if requests else []

    def kind(self, waiting: Waiting) -> Kind:
        """Requests of one kind may share an engine call: any, where the engine decodes
        mixed requests; else those alike in alignment and in having a prefix."""
        if self.mixes_kinds:
            return (waiting.beam_size,)
        request = waiting.request
        return waiting.beam_size, request.with_alignment, request.prefix is not None

    def waiting(self) -> int:
        """Distinct sentences waiting for a batch."""
        with self._changed:
            return len(self._pool)

    def _submit(self, requests: list[Request], beam_size: int) -> list[Hypothesis]:
        # Counted here, in the caller's thread: the engine caches what it tokenises.
        tokens = [self.engine.count_tokens(request.sentence) + 1 for request in requests]
        job = Job(len(requests))
        with self._changed:
            if self._closed:
                raise EngineClosed("the inference worker has stopped")
            now = time.monotonic()
            for position, (request, count) in enumerate(zip(requests, tokens, strict=True)):
                waiting = Waiting(request, beam_size, count, now)
                waiting = self._pool.setdefault(waiting.key, waiting)
                waiting.takers.append((job, position))
            self._changed.notify()
        return job.future.result()

    def close(self) -> None:
        """Finish the sentences already waiting, then stop the workers."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        for worker in self._workers:
            worker.join()

    def abandon(self) -> None:
        """Stop without finishing (an interrupted run): every caller still waiting gets
        ``EngineClosed`` now; the calls under way finish, then the workers stop."""
        with self._changed:
            self._closed = True
            for waiting in self._pool.values():
                for job, _ in waiting.takers:
                    job.fail(EngineClosed("the run was interrupted"))
            self._pool.clear()
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                batch = self._next_batch()
            if batch is None:
                return
            self._decode(batch)

    def _next_batch(self) -> list[Waiting] | None:
        """The next batch, once it is worth starting; None once closed and idle."""
        while True:
            if not self._pool:
                if self._closed:
                    return None
                self._changed.wait()
                continue
            first = next(iter(self._pool.values()))  # the oldest
            left = first.since + self.max_wait - time.monotonic()
            if left > 0 and not self._closed and not self._enough(self.kind(first)):
                self._changed.wait(left)
                continue
            batch = self._around(first)
            for waiting in batch:
                del self._pool[waiting.key]
            if self._pool:
                self._changed.notify()  # the rest is for another worker, if one is idle
            return batch

    def _enough(self, kind: Kind) -> bool:
        """Whether the sentences of ``kind`` waiting fill a call."""
        same = [waiting.tokens for waiting in self._pool.values() if self.kind(waiting) == kind]
        return len(same) >= self.max_sentences or len(same) * max(same) >= self.call_tokens

    def _around(self, first: Waiting) -> list[Waiting]:
        """The batch that holds ``first`` when the waiting sentences of its kind are cut
        into length-sorted batches that fit a call."""
        kind = self.kind(first)
        same = [waiting for waiting in self._pool.values() if self.kind(waiting) == kind]
        planned = plan_batches(
            [waiting.tokens for waiting in same], self.call_tokens, self.max_sentences
        )
        place = same.index(first)
        return next([same[i] for i in batch] for batch in planned if place in batch)

    def _decode(self, batch: list[Waiting]) -> None:
        requests = [waiting.request for waiting in batch]
        try:
            hypotheses = decode(self.engine, requests, beam_size=batch[0].beam_size)
        except Exception as error:  # handed to the callers: the worker itself must live on
            if len(batch) == 1:
                with self._changed:
                    for job, _ in batch[0].takers:
                        job.fail(error)
            else:  # one caller's bad input must not fail the others: retry one by one
                for waiting in batch:
                    self._decode([waiting])
            return
        jobs: dict[int, Job] = {}
        with self._changed:
            for waiting, hypothesis in zip(batch, hypotheses, strict=True):
                for job, position in waiting.takers:
                    jobs[id(job)] = job
                    job.results[position] = hypothesis
                    job.left -= 1
                    if job.left == 0 and not job.future.done():
                        job.future.set_result([h for h in job.results if h is not None])
        if self.on_batch:
            self.on_batch(len(batch), len(jobs))
