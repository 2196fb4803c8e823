"""An article's checks wait for a warm-up still loading the checks' resources, rather
than load them again in every article thread (service.warmup)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from service import compose, warmup
from service.checks import facts
from service.pipeline import translator as translator_module
from service.pipeline.translator import Translator
from service.settings import Settings
from tests.conftest import load_runtime
from tests.fakes import FakeEngine

ARTICLE = "Der Minister kam am Montag nach Berlin. Er sagte nichts."


def record_checks(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    def segment_checks(*args: object, **keywords: object) -> tuple[list[str], list[object]]:
        events.append("checked")
        return [], []

    monkeypatch.setattr(translator_module, "segment_checks", segment_checks)


def translate_in_threads(count: int) -> Callable[[], None]:
    """``count`` articles translated at once, as a batch run's threads do; the join."""
    translator = Translator(FakeEngine())
    threads = [threading.Thread(target=translator.translate, args=(ARTICLE,)) for _ in range(count)]
    for thread in threads:
        thread.start()

    def join() -> None:
        for thread in threads:
            thread.join(timeout=30)
            assert not thread.is_alive()

    return join


def test_articles_check_only_once_the_warm_up_has_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    record_checks(monkeypatch, events)
    loading, release = threading.Event(), threading.Event()

    def warm() -> None:
        events.append("loading")
        loading.set()
        release.wait(timeout=30)
        events.append("loaded")

    monkeypatch.setattr(facts, "warm", warm)
    compose.warm_checks()  # as mtdesk batch does, beside the model's loading
    assert loading.wait(timeout=30)
    join = translate_in_threads(4)
    # the articles are translated while the warm-up loads, then wait at their checks
    threading.Event().wait(0.3)
    release.set()
    join()

    assert events[:2] == ["loading", "loaded"]
    assert events[2:] == ["checked"] * 8  # two segments in each of the four articles


def test_a_failing_warm_up_leaves_the_checks_to_load_their_own(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    events: list[str] = []
    record_checks(monkeypatch, events)

    def warm() -> None:
        raise OSError("no dictionary")

    warmup.start(warm).join(timeout=30)
    translate_in_threads(2)()

    assert events == ["checked"] * 4
    assert "loading the checks' resources failed" in caplog.text


def test_without_a_warm_up_the_checks_do_not_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    record_checks(monkeypatch, events)
    monkeypatch.setattr(facts, "warm", lambda: events.append("warmed"))

    translate_in_threads(1)()

    assert events == ["checked", "checked"]  # and no warm-up started by the checks


def test_the_server_holds_checks_until_its_resources_are_loaded(
    monkeypatch: pytest.MonkeyPatch, api_settings: Settings
) -> None:
    """A request's checks that come while the server loads the checks' resources wait."""
    waiting: list[bool] = []
    checker = threading.Thread(target=warmup.wait)

    def warm() -> None:
        checker.start()  # a request's checks, while the server loads
        checker.join(timeout=0.3)
        waiting.append(checker.is_alive())

    monkeypatch.setattr(facts, "warm", warm)
    monkeypatch.setattr(compose, "load_engine", lambda settings: object())
    monkeypatch.setattr(compose, "batching_engine", lambda *args, **kwargs: object())
    load_runtime(api_settings)
    checker.join(timeout=30)

    assert waiting == [True]  # it waited while the resources loaded
    assert not checker.is_alive()  # and went on once they were
