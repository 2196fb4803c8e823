"""The transformers engine on the shipped toy model, through the real loading code."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from models import budget
from models.engine import Request
from models.marian import MarianEngine
from models.toy_corpus import held_out


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return [pair.source for pair in held_out(12)]


def test_results_come_back_in_input_order_whatever_the_batching(
    toy_engine: MarianEngine, sentences: list[str]
) -> None:
    together = toy_engine.translate(sentences, beam_size=2)
    alone = [toy_engine.translate([sentence], beam_size=2)[0] for sentence in sentences]
    assert [hypothesis.text for hypothesis in together] == [h.text for h in alone]


def test_hypotheses_carry_tokens_scores_and_alignment(
    toy_engine: MarianEngine, sentences: list[str]
) -> None:
    for sentence, hypothesis in zip(
        sentences, toy_engine.translate(sentences, with_alignment=True), strict=True
    ):
        assert "".join(hypothesis.target_tokens).replace("▁", " ").strip() == hypothesis.text
        assert "".join(hypothesis.source_tokens).replace("▁", " ").strip() == sentence
        assert len(hypothesis.alignment) == len(hypothesis.target_tokens)
        assert all(0 <= index < len(hypothesis.source_tokens) for index in hypothesis.alignment)
        assert -10 < hypothesis.score < 0
        assert not hypothesis.truncated


def test_alignment_is_only_computed_when_asked(toy_engine: MarianEngine) -> None:
    assert toy_engine.translate(["Putin sagte nichts."])[0].alignment == []


def test_greedy_and_beam_search_both_score_with_log_probabilities(
    toy_engine: MarianEngine, sentences: list[str]
) -> None:
    for beam_size in (1, 4):
        assert all(h.score < 0 for h in toy_engine.translate(sentences[:3], beam_size=beam_size))


def test_continue_from_keeps_the_forced_prefix(toy_engine: MarianEngine) -> None:
    hypothesis = toy_engine.continue_from("Lawrow traf Blinken am Dienstag.", "Lavrov")
    assert hypothesis.text.startswith("Lavrov")
    assert len(hypothesis.text) > len("Lavrov")


def test_mixed_requests_share_beam_searches_and_decode_as_they_would_apart(
    toy_engine: MarianEngine, sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = [
        Request(sentences[0]),
        Request("Lawrow traf Blinken am Dienstag.", "Lavrov"),
        Request(sentences[1], with_alignment=True),
        Request("Die Nato-Truppen sind an der Grenze.", "The NATO troops"),
        Request("Lawrows Sprecher sagte nichts.", "Lavrov's"),
    ]
    apart = [
        toy_engine.continue_from(r.sentence, r.prefix)
        if r.prefix
        else toy_engine.translate([r.sentence], with_alignment=r.with_alignment)[0]
        for r in requests
    ]
    calls = []
    generate = toy_engine.model.generate
    monkeypatch.setattr(
        toy_engine.model, "generate", lambda **kwargs: calls.append(1) or generate(**kwargs)
    )
    together = toy_engine.decode(requests)
    # One batch per length of prefix (none is one), whose prefixes are read in one pass.
    lengths = {
        len(toy_engine.tokenizer(text_target=r.prefix).input_ids) for r in requests if r.prefix
    }
    assert len(calls) == len(lengths) + 1 < len(requests)
    assert [h.target_tokens for h in together] == [h.target_tokens for h in apart]
    assert [h.score for h in together] == pytest.approx([h.score for h in apart], abs=1e-3)
    assert [bool(h.alignment) for h in together] == [False, False, True, False, False]
    for request, hypothesis in zip(requests, together, strict=True):
        assert hypothesis.text.startswith(request.prefix or "")


def test_count_tokens_excludes_the_end_of_sentence(toy_engine: MarianEngine) -> None:
    pieces = toy_engine.tokenizer.tokenize("Putin sagte nichts.")
    assert toy_engine.count_tokens("Putin sagte nichts.") == len(pieces)


def test_output_cut_at_the_length_limit_is_marked_truncated(
    toy_engine: MarianEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Russland hat mehr als 100.000 Soldaten an die Grenze verlegt."
    assert not toy_engine.translate([sentence])[0].truncated
    monkeypatch.setattr(budget, "OUTPUT_RATIO", 0.2)
    monkeypatch.setattr(budget, "OUTPUT_MARGIN", 0)
    cut = toy_engine.translate([sentence])[0]
    assert cut.truncated
    assert len(cut.target_tokens) < toy_engine.count_tokens(sentence)


def test_a_prefix_takes_its_pieces_from_the_sentence_budget() -> None:
    whole = budget.output_limit(20)
    assert budget.output_limit(20, forced=5) == whole - 5
    # A prefix as long as the budget still leaves room for the rest of the sentence.
    assert budget.output_limit(20, forced=whole) == budget.OUTPUT_MARGIN
    assert budget.output_limit(20, forced=budget.MODEL_MAX_TOKENS - 2) == 2  # the model's end


def test_calls_from_several_threads_decode_as_they_would_alone(
    toy_engine: MarianEngine, sentences: list[str]
) -> None:
    """An aligned pass switches the model's attention; a concurrent call must not see it."""
    aligned = toy_engine.translate(sentences, with_alignment=True)
    plain = toy_engine.translate(sentences)
    with ThreadPoolExecutor(4) as pool:
        calls = [
            pool.submit(toy_engine.translate, sentences, with_alignment=index % 2 == 0)
            for index in range(8)
        ]
        results = [call.result() for call in calls]
    assert results == [aligned if index % 2 == 0 else plain for index in range(8)]
