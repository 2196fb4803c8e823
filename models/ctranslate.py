"""The CTranslate2 engine: the same MarianMT model, converted to int8, several times faster.

The checkpoint is converted once (models/ctranslate_convert.py) and
tokenised with the model's own sentencepiece models and vocabulary, as
``MarianTokenizer`` does (models/marian_pieces.py, without transformers), so
hypotheses carry the same pieces, texts and alignment as the transformers
engine's. Scores are
CTranslate2's length-normalised log-probability: the mean over the target
tokens, end of sentence included. Alignment comes from ``return_attention``:
the converter keeps the last decoder layer's cross-attention head 0, the head
OPUS-MT models are trained to align with. The output layer covers the
pieces the English tokenizer knows (models/output_vocabulary.py).

Tokenisation is cached per sentence: the pipeline counts every sentence's
tokens while it plans an article (in the caller's thread), so by the time the
engine's own thread translates, the pieces are ready.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from models import budget
from models.batching import default_batch_tokens, plan_batches
from models.ctranslate_convert import INSTALL_HINT, Precision, convert, read_metadata
from models.engine import Hypothesis, Request
from models.errors import BackendUnavailable
from models.marian_pieces import MarianPieces
from models.registry import resolve

PIECE_CACHE_SIZE = 50_000  # sentences; an archive's worth of planning, then it starts over
CUDA_HINT = (
    "CTranslate2's published wheels need CUDA 12 (libcublas.so.12 on the library path, "
    "as in a CUDA 12 image); or run with --backend transformers"
)
MAX_CPU_WORKERS = 4  # beyond four parallel batches, more threads go to each batch
Submitted = tuple[list[Any], list[int]]  # a queued batch's pending results, each one's budget


def available() -> bool:
    """Whether CTranslate2 is installed (the ``fast`` extra)."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def compute_type(device: str, precision: Precision) -> str:
    if precision == "float32":
        return "float32"
    return "int8_float16" if device == "cuda" else "int8"


def thread_layout(device: str, threads: int) -> tuple[int, int]:
    """Batches decoded at once, and threads each: CTranslate2's inter/intra threads.

    On a CPU, batches side by side on a core or two each beat one batch over
    every core: a decoding step's matrices are too small to split well, and
    the beam search between them runs on one thread. On two cores, two
    one-thread workers decoded about 1.4 times as many sentences a second as
    one two-thread batch (raw translate_batch, the full-size model of
    bench/full_model.py). A GPU takes one batch at a time.
    """
    if device == "cuda":
        return 1, threads
    workers = min(threads, MAX_CPU_WORKERS)
    return workers, max(1, threads // workers)


class CTranslate2Engine:
    """Translates with ``ctranslate2.Translator``; converts the model on first use."""

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        threads: int = 0,
        batch_tokens: int | None = None,
        precision: Precision = "int8",
        cache_dir: Path | None = None,
    ) -> None:
        try:
            import ctranslate2
        except ImportError:
            raise BackendUnavailable("ctranslate2", INSTALL_HINT) from None
        self.name = model
        self.path: Path = resolve(model)
        self.converted = convert(model, self.path, precision, cache_dir)
        self.batch_tokens = batch_tokens or default_batch_tokens(device)
        self.tokenizer = MarianPieces(self.path)
        metadata = read_metadata(self.converted)
        self.suppress = [[token] for token in metadata["suppress"]]
        self.use_vmap = metadata["output_pieces"] is not None  # only English pieces
        self.workers, per_worker = thread_layout(device, threads or os.cpu_count() or 1)
        self.translator = ctranslate2.Translator(
            str(self.converted),
            device=device,
            compute_type=compute_type(device, precision),
            inter_threads=self.workers,
            intra_threads=per_worker,
        )
        self._pieces: dict[str, list[str]] = {}
        if device == "cuda":
            self._check_gpu()

    def _check_gpu(self) -> None:
        """Decode one step now: CTranslate2 opens cuBLAS at its first batch, and a
        missing library should stop the start, not fail the first article."""
        try:
            self.translator.translate_batch(
                [self.pieces("Test")], beam_size=1, max_decoding_length=1
            )
        except RuntimeError as error:
            reason = f"it cannot run on the GPU ({error})"
            raise BackendUnavailable("ctranslate2", CUDA_HINT, reason) from None

    def pieces(self, sentence: str) -> list[str]:
        """Source pieces, end of sentence included (cached)."""
        found = self._pieces.get(sentence)
        if found is None:
            if len(self._pieces) >= PIECE_CACHE_SIZE:
                self._pieces.clear()
            found = self._pieces[sentence] = self.tokenizer.source_pieces(sentence)
        return found

    def count_tokens(self, sentence: str) -> int:
        return len(self.pieces(sentence)) - 1  # minus EOS

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        requests = [Request(sentence, None, with_alignment) for sentence in sentences]
        return self.decode(requests, beam_size=beam_size)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        """Translate ``sentence`` with the English output forced to start with ``prefix``."""
        return self.decode([Request(sentence, prefix)], beam_size=beam_size)[0]

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        """Sentences with and without a forced prefix, with and without alignment, in
        shared length-sorted batches.

        CTranslate2 takes a target prefix per sentence (none is an empty one),
        and returning attention costs it nothing measurable; so one batch can
        serve every kind, and a sentence that did not ask for alignment gets
        none.
        """
        sources = [self.pieces(request.sentence) for request in requests]
        forced = [  # no EOS
            self.tokenizer.target_pieces(request.prefix) if request.prefix else []
            for request in requests
        ]
        results: list[Hypothesis | None] = [None] * len(requests)

        def submit(batch: list[int]) -> Submitted:
            prefixes = [forced[i] for i in batch]
            return self._submit(
                [sources[i] for i in batch],
                beam_size,
                any(requests[i].with_alignment for i in batch),
                prefixes if any(prefixes) else None,
            )

        for batch, (jobs, limits) in self._queued(self._batches(sources), submit):
            outputs = [job.result() for job in jobs]
            aligned = [requests[i].with_alignment for i in batch]
            firsts = self._first_attention([sources[i] for i in batch], outputs, aligned)
            # A sentence that did not ask for alignment gets none (first is None).
            for index, output, limit, first in zip(batch, outputs, limits, firsts, strict=True):
                results[index] = self._hypothesis(
                    sources[index], output, limit, len(forced[index]), first
                )
        return [hypothesis for hypothesis in results if hypothesis is not None]

    def _first_attention(
        self, sources: list[list[str]], outputs: list[Any], aligned: list[bool]
    ) -> list[Any]:
        """Each ``aligned`` output's first target piece's attention row, from a one-step
        greedy pass (None for the others: their hypotheses carry no alignment).

        In beam search CTranslate2 runs the first step before it expands the
        batch to the beams, and in a batch of several sentences the first
        row it reports belongs to another sentence (the other rows are right).
        Forcing each first piece and decoding one step without beams gives the
        right row: one encoder pass more, paid only by sentences that need
        alignment (those with glossary terms).
        """
        wanted = [i for i, output in enumerate(outputs) if aligned[i] and output.hypotheses[0]]
        rows: list[Any] = [None] * len(outputs)
        if not wanted:
            return rows
        steps = self.translator.translate_batch(
            [sources[i] for i in wanted],
            [outputs[i].hypotheses[0][:1] for i in wanted],
            beam_size=1,
            max_decoding_length=1,
            max_input_length=0,
            return_attention=True,
        )
        for i, step in zip(wanted, steps, strict=True):
            rows[i] = step.attention[0][0]
        return rows

    def _batches(self, sources: list[list[str]]) -> list[list[int]]:
        """Length-sorted batches of ``sources``, enough for every worker: a call that
        fits one batch would otherwise leave all workers but one idle."""
        lengths = [len(source) for source in sources]
        share = -(-sum(lengths) // self.workers)
        return plan_batches(lengths, min(self.batch_tokens, share))

    def _queued(
        self, batches: list[list[int]], submit: Callable[[list[int]], Submitted]
    ) -> Iterator[tuple[list[int], Submitted]]:
        """Each batch with its pending results, in order, at most one more queued in
        CTranslate2 than it has workers.

        While CTranslate2 decodes (without the GIL), this thread turns finished
        batches into hypotheses; and a call from another thread (another
        request, a glossary re-decode) waits behind one batch of this call,
        not behind all of them: CTranslate2 serves its queue in order.
        """
        window: deque[tuple[list[int], Submitted]] = deque()
        for batch in batches:
            if len(window) > self.workers:
                yield window.popleft()
            window.append((batch, submit(batch)))
        yield from window

    def _submit(
        self,
        sources: list[list[str]],
        beam_size: int,
        with_alignment: bool,
        forced: list[list[str]] | None = None,
    ) -> Submitted:
        """Queue one batch; returns its pending results and each sentence's step budget.

        ``forced``: each sentence's target prefix, if any.
        """
        prefixes = forced or [[] for _ in sources]
        limits = [
            budget.output_limit(len(source), len(prefix))
            for source, prefix in zip(sources, prefixes, strict=True)
        ]
        jobs = self.translator.translate_batch(
            sources,
            forced,
            asynchronous=True,
            beam_size=beam_size,
            # A budget counts the end of sentence: a sentence that ends within
            # it has at most limit - 1 pieces; one that reaches them is cut.
            max_decoding_length=max(
                len(prefix) + limit for prefix, limit in zip(prefixes, limits, strict=True)
            )
            - 1,
            max_input_length=0,  # the pipeline splits long sentences itself
            return_scores=True,
            return_attention=with_alignment,
            suppress_sequences=self.suppress or None,
            use_vmap=self.use_vmap,
        )
        return jobs, limits

    def _hypothesis(
        self, source: list[str], result: Any, limit: int, forced: int, first: Any
    ) -> Hypothesis:
        """``first``: the first target piece's attention row if alignment was asked for."""
        pieces = result.hypotheses[0]
        truncated = len(pieces) - forced >= limit - 1
        # As the transformers engine does: special pieces (<unk>) are not text.
        kept = [
            j
            for j in range(min(len(pieces), forced + limit - 1))
            if pieces[j] not in self.tokenizer.special
        ]
        tokens = [pieces[j] for j in kept]
        alignment: list[int] = []
        if first is not None:
            rows = list(result.attention[0])
            rows[0] = first
            words = range(max(len(source) - 1, 1))  # EOS is not a word
            alignment = [max(words, key=rows[j].__getitem__) for j in kept]
        return Hypothesis(
            text=self.tokenizer.text(tokens),
            score=round(float(result.scores[0]), 4),
            source_tokens=source[:-1],
            target_tokens=tokens,
            alignment=alignment,
            truncated=truncated,
        )
