"""The local executor: several articles in flight at once over one engine.

Each article runs through the ordinary pipeline (``Translator.translate``:
segmentation, memory, glossary, quality), in a thread of its own. Their
engine calls meet in a ``BatchingEngine``, which builds each batch from the
sentences of every article waiting, by length. Sentences repeated across the
waiting articles are decoded once, and the memory answers for those seen in
earlier articles.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import get_args

from service.batch.jobstore import Item
from service.batch.updates import updated_document
from service.document import AlignedDocument
from service.errors import MtdeskError
from service.markup.article import Format
from service.pipeline.batcher import EngineClosed
from service.pipeline.guard import about_article
from service.pipeline.translator import Translator

log = logging.getLogger("mtdesk.batch")


def reader_format(fmt: str) -> Format:
    """The input's format if a reader exists for it, else plain text (recorded as given)."""
    supported: tuple[str, ...] = get_args(Format)
    return fmt if fmt in supported else "text"  # type: ignore[return-value]


def message_of(error: MtdeskError) -> str:
    return error.message


@dataclass(frozen=True)
class ArticleOptions:
    """How each article of a job is taken: its source language (``auto`` keeps sentences in
    another language), and how an error becomes the reason recorded for a failed article
    (the CLI names its own options in it, the API its fields)."""

    source_lang: str = "de"
    describe: Callable[[MtdeskError], str] = message_of
    # An article's earlier output, when the job is run again on a changed input: its
    # unchanged sentences carry over and only the rest is translated (service.batch.updates).
    previous: Callable[[Item], AlignedDocument | None] | None = None


DEFAULT_OPTIONS = ArticleOptions()


def translate_item(
    translator: Translator, item: Item, options: ArticleOptions = DEFAULT_OPTIONS
) -> AlignedDocument | str:
    """The article's document, or why it failed (the job goes on)."""
    try:
        fmt = reader_format(item.format)
        earlier = options.previous(item) if options.previous else None
        with about_article(item.article_id):  # named in the log line of a failing segment
            if earlier is not None:
                return updated_document(translator, item.text, fmt, options.source_lang, earlier)
            return translator.translate(item.text, fmt, source_lang=options.source_lang)
    except MtdeskError as error:
        return options.describe(error)
    except EngineClosed as error:  # the run was interrupted: the article goes back to the queue
        return str(error)
    except Exception as error:  # one article that breaks the pipeline must not stop the job
        log.exception("article %s failed", item.article_id)
        return f"internal error: {type(error).__name__}: {error}"


class LocalExecutor:
    def __init__(
        self,
        translator: Translator,
        workers: int,
        interrupt: Callable[[], None] | None = None,
        options: ArticleOptions = DEFAULT_OPTIONS,
    ) -> None:
        """``interrupt``: called when the run stops early, so that the articles in
        flight end now (they go back to the queue) instead of being finished."""
        self.translator = translator
        self.workers = max(1, workers)
        self.interrupt = interrupt
        self.options = options

    def translate(self, items: Iterable[Item]) -> Iterator[tuple[Item, AlignedDocument | str]]:
        """``workers`` articles in flight; as one finishes, the next starts before its
        result is handed back, so the engine is fed while the runner writes outputs."""
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="mtdesk-batch")
        stream = iter(items)
        running: dict[Future[AlignedDocument | str], Item] = {}

        def start(count: int) -> None:
            for item in itertools.islice(stream, count):
                running[pool.submit(translate_item, self.translator, item, self.options)] = item

        try:
            start(self.workers)
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                start(len(finished))
                for future in finished:
                    yield running.pop(future), future.result()
        finally:  # stopped early (Ctrl-C, a crash): articles not yet started are dropped
            if running and self.interrupt:
                self.interrupt()
            pool.shutdown(wait=True, cancel_futures=True)
