"""Progress of a batch run on stderr: a bar on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LOG_EVERY_SECONDS = 10.0
REDRAW_EVERY_SECONDS = 0.2


class BatchProgress:
    """Articles finished out of the total, sentences translated, their rate and the ETA."""

    def __init__(self, total: int, done: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = done
        self.started_with = done
        self.sentences = 0
        self.stream = stream if stream is not None else sys.stderr  # not bound at import
        self.interactive = self.stream.isatty()
        self.started = time.monotonic()
        self.last_shown: float | None = None  # the first article is always shown

    def __call__(self, articles: int, sentences: int) -> None:
        self.done += articles
        self.sentences += sentences
        elapsed = time.monotonic() - self.started
        every = REDRAW_EVERY_SECONDS if self.interactive else LOG_EVERY_SECONDS
        recent = self.last_shown is not None and elapsed - self.last_shown < every
        if recent and self.done < self.total:
            return
        self.last_shown = elapsed
        self.show(elapsed)

    def line(self, elapsed: float) -> str:
        this_run = self.done - self.started_with
        rate = this_run / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        sentence_rate = self.sentences / elapsed if elapsed > 0 else 0.0
        return (
            f"{self.done}/{self.total} articles, {self.sentences} sentences, "
            f"{sentence_rate:.1f} sentences/s, ETA {eta:.0f}s"
        )

    def show(self, elapsed: float) -> None:
        line = self.line(elapsed)
        if self.interactive:
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if self.done >= self.total else ""
            self.stream.write(f"\r[{bar}] {line}{end}")
        else:
            self.stream.write(f"batch: {line}\n")
        self.stream.flush()
