"""The local executor: several articles in flight at once over one engine.

Each article runs through the ordinary pipeline (``Translator.translate``:
segmentation, memory, glossary, quality), in a thread of its own. Their
engine calls meet in a ``BatchingEngine``, which merges the sentences of
concurrent articles into one call; the engine sorts them into length buckets.
Sentences repeated across the merged articles are decoded once
(``DistinctEngine``), and the memory answers for those seen in earlier
articles.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import get_args

from models.engine import Engine, Hypothesis
from service.batch.jobstore import Item
from service.batcher import BatchingEngine, continue_many, parallel_batches
from service.document import AlignedDocument
from service.errors import MtdeskError
from service.formats import Format
from service.pipeline import Translator

log = logging.getLogger("mtdesk.batch")
MERGE_WAIT_S = 0.02  # articles start together; a short wait gathers their sentences
MERGE_SENTENCES = 256


class DistinctEngine:
    """An engine that decodes each distinct sentence of a call once."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.workers = parallel_batches(engine)

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        distinct = list(dict.fromkeys(sentences))
        hypotheses = self.engine.translate(
            distinct, beam_size=beam_size, with_alignment=with_alignment
        )
        by_sentence = dict(zip(distinct, hypotheses, strict=True))
        return [by_sentence[sentence] for sentence in sentences]

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return self.engine.continue_from(sentence, prefix, beam_size=beam_size)

    def continue_many(
        self, requests: list[tuple[str, str]], *, beam_size: int = 4
    ) -> list[Hypothesis]:
        return continue_many(self.engine, requests, beam_size)

    def count_tokens(self, sentence: str) -> int:
        return self.engine.count_tokens(sentence)


def merging_engine(engine: Engine) -> BatchingEngine:
    """The engine for a batch run of its own (not shared with a server)."""
    return BatchingEngine(
        DistinctEngine(engine), max_wait=MERGE_WAIT_S, max_sentences=MERGE_SENTENCES
    )


def reader_format(fmt: str) -> Format:
    """The input's format if a reader exists for it, else plain text (recorded as given)."""
    supported: tuple[str, ...] = get_args(Format)
    return fmt if fmt in supported else "text"  # type: ignore[return-value]


def translate_item(translator: Translator, item: Item) -> AlignedDocument | str:
    """The article's document, or why it failed (the job goes on)."""
    try:
        return translator.translate(item.text, reader_format(item.format))
    except MtdeskError as error:
        return error.message
    except Exception as error:  # one article that breaks the pipeline must not stop the job
        log.exception("article %s failed", item.article_id)
        return f"internal error: {type(error).__name__}: {error}"


class LocalExecutor:
    def __init__(self, translator: Translator, workers: int) -> None:
        self.translator = translator
        self.workers = max(1, workers)

    def translate(self, items: Iterable[Item]) -> Iterator[tuple[Item, AlignedDocument | str]]:
        """``workers`` articles in flight; as one finishes, the next starts before its
        result is handed back, so the engine is fed while the runner writes outputs."""
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="mtdesk-batch")
        stream = iter(items)
        running: dict[Future[AlignedDocument | str], Item] = {}

        def start(count: int) -> None:
            for item in itertools.islice(stream, count):
                running[pool.submit(translate_item, self.translator, item)] = item

        try:
            start(self.workers)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                start(len(finished))
                for future in finished:
                    yield running.pop(future), future.result()
        finally:  # stopped early (Ctrl-C, a crash): articles not yet started are dropped
            pool.shutdown(wait=True, cancel_futures=True)
