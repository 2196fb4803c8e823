"""Progress on stderr: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

import pytest

from service.cli import progress as progress_module
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
    assert "30 sentences" in drawn  # the count the README promises, not only a rate
    assert "\x1b[" in drawn  # drawn for a terminal, not logged


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


def test_one_article_shows_its_sentences_only_when_long() -> None:
    short, long = io.StringIO(), io.StringIO()
    SentenceProgress("translating", short)(5, QUIET_BELOW - 1)
    reporter = SentenceProgress("translating", long)
    reporter(10, QUIET_BELOW)
    reporter(QUIET_BELOW, QUIET_BELOW)
    assert short.getvalue() == ""
    lines = long.getvalue().splitlines()
    assert lines[0].startswith(f"translating: 10/{QUIET_BELOW} sentences")
    assert lines[-1].startswith(f"translating: {QUIET_BELOW}/{QUIET_BELOW} sentences")


class Clock:
    """``time.monotonic`` for the progress module, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", clock)
    return clock


def test_no_rate_before_there_is_a_time_to_divide_by(clock: Clock) -> None:
    stream = io.StringIO()
    reporter = SentenceProgress("translating", stream)
    clock.now += 1e-5  # the first chunk came back from the memory at once
    reporter(256, 400)
    clock.now += 4.0
    reporter(400, 400)
    first, last = stream.getvalue().splitlines()
    assert first == "translating: 256/400 sentences"  # no rate, no ETA yet
    assert last == "translating: 400/400 sentences, 100.0 sentences/s, ETA 0s"


def test_a_rate_counts_from_when_the_article_started(clock: Clock) -> None:
    stream = io.StringIO()
    reporter = SentenceProgress("translating", stream)  # the work starts here
    clock.now += 2.0
    reporter(200, 400)  # the first call: 200 sentences in 2 s, not in no time
    assert stream.getvalue() == "translating: 200/400 sentences, 100.0 sentences/s, ETA 2s\n"


def test_counts_of_one_take_the_singular(clock: Clock) -> None:
    stream = io.StringIO()
    progress = BatchProgress(total=1, done=0, stream=stream)
    clock.now += 2.0
    progress(1, 1)
    assert stream.getvalue() == "batch: 1/1 article, 1 sentence, 0.5 sentences/s, ETA 0s\n"
