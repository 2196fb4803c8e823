"""Batch progress: a redrawn bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from service.batch.progress import BatchProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_articles_sentences_rate_and_eta() -> None:
    stream = Terminal()
    progress = BatchProgress(total=4, done=1, stream=stream)
    progress(3, 30)  # the last articles: always drawn
    drawn = stream.getvalue()
    assert drawn.startswith("\r[" + "#" * 30 + "]")
    assert "4/4 articles, 30 sentences" in drawn and "sentences/s, ETA 0s" in drawn
    assert drawn.endswith("\n")


def test_a_log_gets_plain_lines_not_one_per_article() -> None:
    stream = io.StringIO()
    progress = BatchProgress(total=3, done=0, stream=stream)
    progress(1, 5)
    progress(1, 5)  # within the log interval of the first line: not written
    progress(1, 5)  # the end: written
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("batch: 1/3 articles, 5 sentences")
    assert lines[-1].startswith("batch: 3/3 articles, 15 sentences")
    assert len(lines) == 2 and "\r" not in stream.getvalue()
