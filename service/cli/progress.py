"""Progress on stderr: a rich bar on a terminal, a plain line every few seconds otherwise.

`mtdesk translate` counts sentences of one article; `mtdesk batch` counts
articles, and the sentences in them. Both draw through ``Progress``.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from service.cli.words import counted, plural

LOG_EVERY_SECONDS = 10.0
QUIET_BELOW = 100  # an article of fewer sentences finishes before a bar would help
# A rate needs a time to divide by: before a second has passed, a first chunk
# of sentences over microseconds would read as millions a second.
RATE_AFTER_SECONDS = 1.0


class Progress:
    """``done`` of ``total`` units, the sentences translated and their rate, the ETA."""

    def __init__(
        self,
        label: str,
        unit: str,
        total: int,
        done: int = 0,
        stream: TextIO | None = None,
        started: float | None = None,
    ) -> None:
        """``started``: when the work began (``time.monotonic()``), if before this call."""
        self.label, self.unit = label, unit
        self.total, self.done, self.started_with = total, done, done
        self.sentences = 0
        # sys.stderr when called, not at import: it may have been replaced since
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic() if started is None else started
        self.last_logged: float | None = None  # the first update is always logged
        self.bar: RichProgress | None = None
        if self.stream.isatty():
            self.bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[detail]}"),
                TimeRemainingColumn(),
                console=Console(file=self.stream, force_terminal=True),
                transient=False,
            )
            self.task = self.bar.add_task(
                label, total=total, completed=done, detail=self.detail(0.0)
            )
            self.bar.start()

    def update(self, done: int, sentences: int) -> None:
        self.done, self.sentences = done, sentences
        elapsed = time.monotonic() - self.started
        finished = self.done >= self.total
        if self.bar is not None:
            self.bar.update(self.task, completed=done, detail=self.detail(elapsed))
            if finished:
                self.close()
            return
        if finished or self.last_logged is None or elapsed - self.last_logged >= LOG_EVERY_SECONDS:
            self.last_logged = elapsed
            self.stream.write(f"{self.label}: {self.line(elapsed)}\n")
            self.stream.flush()

    def close(self) -> None:
        """Stops the bar where it is (the run ended or was interrupted)."""
        if self.bar is not None:
            self.bar.stop()

    def say(self, line: str) -> None:
        """A line of its own on the stream, above the bar on a terminal."""
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def rate(self, elapsed: float) -> str | None:
        """Sentences a second, once there is a time to divide by."""
        if elapsed < RATE_AFTER_SECONDS:
            return None
        return f"{self.sentences / elapsed:.1f} sentences/s"

    def detail(self, elapsed: float) -> str:
        """What follows "done/total": the unit, the sentences (when they are not the unit)
        and their rate."""
        parts = [plural(self.unit.removesuffix("s"), self.total)]
        if self.unit != "sentences":
            parts.append(counted(self.sentences, "sentence"))
        rate = self.rate(elapsed)
        return ", ".join(parts if rate is None else [*parts, rate])

    def line(self, elapsed: float) -> str:
        line = f"{self.done}/{self.total} {self.detail(elapsed)}"
        this_run = self.done - self.started_with
        if elapsed >= RATE_AFTER_SECONDS and this_run > 0:
            eta = (self.total - self.done) / (this_run / elapsed)
            line += f", ETA {eta:.0f}s"
        return line


class SentenceProgress:
    """The pipeline's ``progress(done, total)`` callback for one article's sentences."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label, self.stream = label, stream
        self.started = time.monotonic()  # the rate counts from here, not from the first call
        self.progress: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < QUIET_BELOW:
            return
        if self.progress is None:
            self.progress = Progress(
                self.label, "sentences", total, stream=self.stream, started=self.started
            )
        self.progress.update(done, done)


class BatchProgress:
    """A batch run's ``observer(articles, sentences)``: both counted as they finish."""

    def __init__(self, total: int, done: int, stream: TextIO | None = None) -> None:
        self.progress = Progress("batch", "articles", total, done, stream)

    def __call__(self, articles: int, sentences: int) -> None:
        progress = self.progress
        progress.update(progress.done + articles, progress.sentences + sentences)

    def close(self) -> None:
        self.progress.close()

    def failed(self, article_id: str, reason: str) -> None:
        """One line per failed article as it fails (report.json lists them all at the end)."""
        self.progress.say(f"mtdesk: article {article_id!r} failed: {reason}")
