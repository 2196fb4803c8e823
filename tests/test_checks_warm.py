"""The fact checks' resources load before the first segment: at server start, after
the model, and beside the model's loading in a batch run."""

from __future__ import annotations

import pytest

from service import compose
from service.checks import facts
from service.checks.facts import lexicon
from service.settings import Settings
from tests.conftest import load_runtime


def test_warm_parses_the_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "_loaded", {})

    facts.warm()

    assert lexicon.lexicon() is not None  # CI and the image install Ding's dictionary
    assert list(lexicon._loaded) == [lexicon._configured()]


def test_the_server_warms_the_checks_once_the_model_is_loaded(
    monkeypatch: pytest.MonkeyPatch, api_settings: Settings
) -> None:
    order: list[str] = []
    monkeypatch.setattr(facts, "warm", lambda: order.append("checks"))
    monkeypatch.setattr(compose, "load_engine", lambda settings: order.append("model") or object())
    monkeypatch.setattr(compose, "batching_engine", lambda *args, **kwargs: object())
    load_runtime(api_settings)

    assert order == ["model", "checks"]
