"""Progress on stderr: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from service.cli.progress import QUIET_BELOW, BatchProgress, SentenceProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_articles_and_sentence_rate() -> None:
    stream = Terminal()
    progress = BatchProgress(total=4, done=1, stream=stream)
    progress(3, 30)  # the last articles: the bar is drawn full and stops
    drawn = stream.getvalue()
    assert "━" in drawn and "4/4" in drawn and "articles" in drawn
    assert "sentences/s" in drawn
    assert "\x1b[" in drawn  # drawn for a terminal, not logged


def test_a_log_gets_plain_lines_not_one_per_article() -> None:
    stream = io.StringIO()
    progress = BatchProgress(total=3, done=0, stream=stream)
    progress(1, 5)
    progress(1, 5)  # within the log interval of the first line: not written
    progress(1, 5)  # the end: written
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("batch: 1/3 articles, 5 sentences, ")
    assert lines[-1].startswith("batch: 3/3 articles, 15 sentences, ")
    assert len(lines) == 2 and "\r" not in stream.getvalue()


def test_one_article_shows_its_sentences_only_when_long() -> None:
    short, long = io.StringIO(), io.StringIO()
    SentenceProgress("translating", short)(5, QUIET_BELOW - 1)
    reporter = SentenceProgress("translating", long)
    reporter(10, QUIET_BELOW)
    reporter(QUIET_BELOW, QUIET_BELOW)
    assert short.getvalue() == ""
    lines = long.getvalue().splitlines()
    assert lines[0].startswith(f"translating: 10/{QUIET_BELOW} sentences, ")
    assert lines[-1].startswith(f"translating: {QUIET_BELOW}/{QUIET_BELOW} sentences, ")
