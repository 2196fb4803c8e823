"""Articles translated at once check one segment at a time (``translator.CHECKING``), so
the threads that feed the engine are not kept waiting for the interpreter lock."""

from __future__ import annotations

import threading
import time

import pytest

from service.pipeline import translator as translator_module
from service.pipeline.translator import Translator
from tests.fakes import FakeEngine

ARTICLE = "Der Minister kam am Montag nach Berlin. Er sagte nichts."


def test_articles_translated_at_once_check_one_segment_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inside, most, checked = 0, 0, 0
    count = threading.Lock()

    def segment_checks(*args: object, **keywords: object) -> tuple[list[str], list[object]]:
        nonlocal inside, most, checked
        with count:
            inside += 1
            most = max(most, inside)
        time.sleep(0.05)  # gives up the interpreter lock: checks not taking turns overlap
        with count:
            inside -= 1
            checked += 1
        return [], []

    monkeypatch.setattr(translator_module, "segment_checks", segment_checks)
    translator = Translator(FakeEngine())
    documents = []
    threads = [
        threading.Thread(target=lambda: documents.append(translator.translate(ARTICLE)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(documents) == 4
    assert checked == 8  # two segments in each article
    assert most == 1


def test_a_failing_check_lets_the_next_segment_be_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def segment_checks(source: str, *args: object, **keywords: object) -> tuple[list, list]:
        calls.append(source)
        if len(calls) == 1:
            raise RuntimeError("a check broke")
        return [], []

    monkeypatch.setattr(translator_module, "segment_checks", segment_checks)
    document = Translator(FakeEngine()).translate(ARTICLE)

    flags = [segment.flags for segment in document.segments()]
    assert len(calls) == 2  # the lock was let go after the failure
    assert "stage_failed" in flags[0] and "stage_failed" not in flags[1]
