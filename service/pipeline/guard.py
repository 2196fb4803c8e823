"""One segment's failure fails only that segment.

Each per-segment stage after the engine (glossary enforcement, localisation, word
pairs, checks, a reviewer's re-audit) runs through ``guarded``. An exception it
did not expect is logged once, with the stage, the article (when there is one) and
the segment, traceback included; the segment goes on with what it safely has (the
English before localisation, no checks) and is flagged ``stage_failed`` with a
finding that says what failed. A flagged segment never enters the translation
memory unless a reviewer approves it, and the rest of the request goes on.

What is not one segment's failure passes through: the service's own errors (bad
input, a busy database), the engine's (a crash is the translation error it is),
and running out of memory. A step over the whole article (``article_step``:
segmentation, the memory, assembly) cannot fail one segment alone: its error fails
the request, the step and article written into its traceback for the log line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Literal, ParamSpec, TypeVar

from models.errors import ModelError
from service.document import Finding, Segment
from service.errors import MtdeskError
from service.pipeline.batcher import EngineClosed

T = TypeVar("T")
P = ParamSpec("P")
Stage = Literal["glossary", "localisation", "alignment", "checks"]

STAGE_FAILED = "stage_failed"
MESSAGES: dict[Stage, str] = {
    "glossary": (
        "the glossary step failed on this segment; its terms are neither enforced nor reported"
    ),
    "localisation": (
        "localisation failed on this segment; its English is the model's output, not localised"
    ),
    "alignment": "word alignment failed on this segment; it has no word pairs",
    "checks": (
        "the quality and fact checks failed on this segment; its English has not been checked"
    ),
}
PASSED_THROUGH = (MtdeskError, ModelError, EngineClosed, MemoryError)

log = logging.getLogger("mtdesk.pipeline")
_article: ContextVar[str | None] = ContextVar("mtdesk_article", default=None)


@contextmanager
def about_article(article_id: str) -> Iterator[None]:
    """Name ``article_id`` in the log lines of failures inside the block."""
    token = _article.set(article_id)
    try:
        yield
    finally:
        _article.reset(token)


def current_article() -> str | None:
    """The article ``about_article`` names here, if any (for other log lines)."""
    return _article.get()


def article_step(name: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A step over the whole article: an unexpected error of it goes on, noting the step
    (and the article, when there is one) for the log line that reports it."""

    def decorate(step: Callable[P, T]) -> Callable[P, T]:
        @wraps(step)
        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return step(*args, **kwargs)
            except PASSED_THROUGH:
                raise
            except Exception as error:
                article = _article.get()
                error.add_note(
                    f"in the step {name}" + (f" of article {article}" if article else "")
                )
                raise

        return run

    return decorate


def guarded(
    stage: Stage, segment: str, run: Callable[[], T], fallback: Callable[[], T]
) -> tuple[T, Finding | None]:
    """``run()``, or (its failure logged) ``fallback()`` and the finding that says so."""
    try:
        return run(), None
    except PASSED_THROUGH:
        raise
    except Exception:
        article = _article.get()
        log.exception(
            "%s failed on segment %s%s; the segment is flagged %s and the request goes on",
            stage,
            segment,
            f" of article {article}" if article else "",
            STAGE_FAILED,
        )
        return fallback(), Finding(flag=STAGE_FAILED, message=MESSAGES[stage])


def flagged(segment: Segment, *failures: Finding | None) -> Segment:
    """``segment`` with the failures among ``failures`` flagged and explained."""
    found = [f for f in failures if f is not None and f not in segment.findings]
    if not found:
        return segment
    flags = segment.flags if STAGE_FAILED in segment.flags else [*segment.flags, STAGE_FAILED]
    return segment.model_copy(update={"flags": flags, "findings": [*segment.findings, *found]})


def failures(segment: Segment) -> list[Finding]:
    """The stage failures already recorded on ``segment`` (checks keep them)."""
    return [finding for finding in segment.findings if finding.flag == STAGE_FAILED]
