"""Progress on stderr: a bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LOG_EVERY_SECONDS = 5.0
QUIET_BELOW = 100  # short articles finish before a bar would help


class ProgressReporter:
    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        # sys.stderr when called, not at import: it may have been replaced since
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = self.stream.isatty()
        self.started = time.monotonic()
        self.last_log = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < QUIET_BELOW:
            return
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        line = f"{self.label}: {done}/{total} sentences, {rate:.1f}/s, ETA {eta:.0f}s"
        if self.interactive:
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r[{bar}] {line}{end}")
        elif done >= total or elapsed - self.last_log >= LOG_EVERY_SECONDS:
            self.last_log = elapsed
            self.stream.write(line + "\n")
        self.stream.flush()
