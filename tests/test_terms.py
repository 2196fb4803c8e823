"""Glossary terms through an engine: an article's re-decodes go to it together."""

from __future__ import annotations

import pytest

from glossary import Entry, Glossary
from models.engine import Hypothesis, Request
from service.pipeline.batcher import EngineClosed
from service.pipeline.guard import about_article
from service.pipeline.terms import TermApplier

GLOSSARY = Glossary("house", (Entry("Lawrow", "Lavrov", "name"), Entry("Nato", "NATO", "name")))
SENTENCES = ["Lawrow sprach.", "Die Nato schwieg.", "Lawrow traf die Nato."]


class ForgetfulEngine:
    """Never writes a term itself; continues a forced prefix with "spoke." and keeps
    each call's requests."""

    name = "forgetful"

    def __init__(self, failing: str | None = None, error: Exception | None = None) -> None:
        self.calls: list[list[Request]] = []
        self.failing = failing  # a sentence whose re-decode raises ``error``
        self.error = error or ValueError("bad input")

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        self.calls.append(requests)
        if any(r.prefix and r.sentence == self.failing for r in requests):
            raise self.error
        return [
            Hypothesis(f"{r.prefix} spoke." if r.prefix else "It spoke.", -0.5) for r in requests
        ]

    def count_tokens(self, sentence: str) -> int:
        return len(sentence.split())


def test_an_articles_redecodes_go_to_the_engine_together_one_call_a_round() -> None:
    engine = ForgetfulEngine()
    results = TermApplier(GLOSSARY, engine, beam_size=4).translate(SENTENCES)
    # The first pass, then every sentence's first re-decode at once, then the
    # third sentence's second term (its chain is two long).
    assert [len(call) for call in engine.calls] == [3, 3, 1]
    assert [r.prefix for r in engine.calls[1]] == ["Lavrov", "NATO", "Lavrov"]
    assert engine.calls[2][0].prefix == "Lavrov spoke. NATO"
    for sentence in SENTENCES:
        assert {t.status for t in results[sentence].terms} == {"repaired"}
        assert not results[sentence].flags


def test_one_failing_redecode_does_not_cost_the_others_theirs() -> None:
    engine = ForgetfulEngine(failing="Die Nato schwieg.")
    results = TermApplier(GLOSSARY, engine, beam_size=4).translate(SENTENCES)
    assert [t.status for t in results["Die Nato schwieg."].terms] == ["violated"]
    assert results["Die Nato schwieg."].flags == ["glossary_violation"]
    assert results["Lawrow sprach."].text == "Lavrov spoke."
    assert {t.status for t in results["Lawrow traf die Nato."].terms} == {"repaired"}


def test_an_engine_crash_in_a_redecode_is_the_translations_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    crashing = ForgetfulEngine(failing="Die Nato schwieg.", error=RuntimeError("CUDA error"))
    with pytest.raises(RuntimeError, match="CUDA error"):
        TermApplier(GLOSSARY, crashing, beam_size=4).translate(SENTENCES)
    refusing = ForgetfulEngine(failing="Die Nato schwieg.")  # ValueError: that prefix only
    segments = {sentence: f"b0s{n}" for n, sentence in enumerate(SENTENCES)}
    with about_article("art-7"):
        TermApplier(GLOSSARY, refusing, beam_size=4).translate(SENTENCES, segments=segments)
    assert "bad input" in caplog.text
    # the log names the segment by its id, and its article; the article's words stay out
    assert "segment b0s1 of article art-7:" in caplog.text and "Nato" not in caplog.text


def test_an_interrupted_run_does_not_finish_a_sentence_without_its_redecode() -> None:
    engine = ForgetfulEngine(failing="Lawrow sprach.", error=EngineClosed("interrupted"))
    with pytest.raises(EngineClosed):
        TermApplier(GLOSSARY, engine, beam_size=4).translate(SENTENCES)
