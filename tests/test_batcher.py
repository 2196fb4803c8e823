import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from models.engine import Hypothesis, Request
from service.pipeline.batcher import BatchingEngine, EngineClosed


class FakeEngine:
    """Translates by tagging; records every call; the first call can be held at a gate."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], int, bool]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self.entered.set()
        self.gate.wait(timeout=10)
        self.calls.append((list(sentences), beam_size, with_alignment))
        if any("BAD" in sentence for sentence in sentences):
            raise ValueError("cannot translate BAD")
        return [
            Hypothesis(text=f"EN {sentence} b{beam_size}", score=-0.5) for sentence in sentences
        ]

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        self.calls.append(([sentence], beam_size, False))
        return Hypothesis(text=f"{prefix} {sentence}", score=-1.0)

    def count_tokens(self, sentence: str) -> int:
        return len(sentence.split())


@pytest.fixture
def fake() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def batching(fake: FakeEngine) -> Iterator[BatchingEngine]:
    engine = BatchingEngine(fake, max_wait=0.05, max_sentences=8)
    yield engine
    fake.gate.set()
    engine.close()


def texts(hypotheses: list[Hypothesis]) -> list[str]:
    return [hypothesis.text for hypothesis in hypotheses]


def run_while_held(
    fake: FakeEngine, batching: BatchingEngine, calls: list[tuple[list[str], int]]
) -> list[list[str]]:
    """Hold the worker in a first call, queue ``calls`` meanwhile, then let everything run."""
    fake.gate.clear()
    with ThreadPoolExecutor(len(calls) + 1) as pool:
        blocker = pool.submit(batching.translate, ["first"])
        assert fake.entered.wait(timeout=5)
        futures = [
            pool.submit(batching.translate, sentences, beam_size=beam) for sentences, beam in calls
        ]
        distinct = {(sentence, beam) for sentences, beam in calls for sentence in sentences}
        while batching.waiting() < len(distinct):  # all waiting behind the held call
            threading.Event().wait(0.005)
        fake.gate.set()
        assert texts(blocker.result()) == ["EN first b4"]
        return [texts(future.result()) for future in futures]


def test_each_caller_gets_its_own_hypotheses_in_order(
    fake: FakeEngine, batching: BatchingEngine
) -> None:
    calls = [([f"s{i}a", f"s{i}b", f"s{i}c"], 4) for i in range(2)]
    results = run_while_held(fake, batching, calls)
    assert results == [[f"EN s{i}{x} b4" for x in "abc"] for i in range(2)]
    assert len(fake.calls) == 2  # the held call, then both queued callers in one engine call
    assert sorted(fake.calls[1][0]) == ["s0a", "s0b", "s0c", "s1a", "s1b", "s1c"]


def test_different_beam_sizes_are_not_merged(fake: FakeEngine, batching: BatchingEngine) -> None:
    results = run_while_held(fake, batching, [(["a"], 2), (["b"], 4), (["c"], 2)])
    assert results == [["EN a b2"], ["EN b b4"], ["EN c b2"]]
    merged = {beam: sorted(sentences) for sentences, beam, _ in fake.calls[1:]}
    assert merged == {2: ["a", "c"], 4: ["b"]}


def test_merged_batches_respect_the_size_cap(fake: FakeEngine, batching: BatchingEngine) -> None:
    calls = [([f"{i}-{j}" for j in range(3)], 4) for i in range(5)]
    results = run_while_held(fake, batching, calls)
    assert results == [[f"EN {i}-{j} b4" for j in range(3)] for i in range(5)]
    assert [len(sentences) for sentences, _, _ in fake.calls] == [1, 8, 7]  # at most 8 a call


def test_a_job_over_the_cap_is_split_between_calls(
    fake: FakeEngine, batching: BatchingEngine
) -> None:
    sentences = [f"s{i}" for i in range(20)]
    assert texts(batching.translate(sentences)) == [f"EN s{i} b4" for i in range(20)]
    assert [len(call) for call, _, _ in fake.calls] == [8, 8, 4]
    assert sorted(s for call, _, _ in fake.calls for s in call) == sorted(sentences)


def test_shared_sentences_are_translated_once(fake: FakeEngine, batching: BatchingEngine) -> None:
    results = run_while_held(fake, batching, [(["same", "x"], 4), (["same"], 4)])
    assert results == [["EN same b4", "EN x b4"], ["EN same b4"]]
    assert sorted(fake.calls[1][0]) == ["same", "x"]


def test_one_failing_caller_does_not_fail_the_others(
    fake: FakeEngine, batching: BatchingEngine
) -> None:
    fake.gate.clear()
    with ThreadPoolExecutor(4) as pool:
        blocker = pool.submit(batching.translate, ["first"])
        assert fake.entered.wait(timeout=5)
        good = pool.submit(batching.translate, ["good"])
        bad = pool.submit(batching.translate, ["BAD one"])
        while batching.waiting() < 2:
            threading.Event().wait(0.005)
        fake.gate.set()
        blocker.result()
        assert texts(good.result()) == ["EN good b4"]
        with pytest.raises(ValueError, match="cannot translate BAD"):
            bad.result()
    assert texts(batching.translate(["after"])) == ["EN after b4"]  # the worker lives on


def test_continue_from_goes_through_the_worker(fake: FakeEngine, batching: BatchingEngine) -> None:
    assert batching.continue_from("Satz", "Lavrov", beam_size=2).text == "Lavrov Satz"
    assert fake.calls == [(["Satz"], 2, False)]


def test_observer_sees_each_engine_call(fake: FakeEngine) -> None:
    seen: list[tuple[int, int]] = []
    engine = BatchingEngine(fake, max_wait=0.05, on_batch=lambda *sizes: seen.append(sizes))
    try:
        run_while_held(fake, engine, [(["a", "b"], 4), (["c"], 4)])
    finally:
        engine.close()
    assert seen == [(1, 1), (3, 2)]


def test_close_finishes_queued_work_then_refuses(fake: FakeEngine) -> None:
    engine = BatchingEngine(fake, max_wait=0)
    assert engine.count_tokens("zwei Wörter") == 2 and engine.name == "fake"
    assert engine.translate([]) == []
    assert texts(engine.translate(["x"], beam_size=1)) == ["EN x b1"]
    engine.close()
    engine.close()  # idempotent
    with pytest.raises(EngineClosed):
        engine.translate(["y"])


class ParallelEngine(FakeEngine):
    """Decodes two batches at once, as CTranslate2 does on two cores; a call returns only
    once another call is in the engine too."""

    workers = 2

    def __init__(self) -> None:
        super().__init__()
        self.together = threading.Barrier(2, timeout=10)

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self.together.wait()  # breaks (and fails the call) if the calls come one at a time
        return super().translate(sentences, beam_size=beam_size, with_alignment=with_alignment)


def test_an_engine_with_parallel_batches_gets_as_many_calls_at_once() -> None:
    parallel = ParallelEngine()
    engine = BatchingEngine(parallel, max_wait=0, max_sentences=1)
    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda s: texts(engine.translate([s])), ["a", "b"]))
    finally:
        engine.close()
    assert results == [["EN a b4"], ["EN b b4"]]
    assert not any(worker.is_alive() for worker in engine._workers)


class MixingEngine(FakeEngine):
    """Takes mixed requests in one call (``decode``); the first call can be held."""

    def __init__(self) -> None:
        super().__init__()
        self.decoded: list[list[Request]] = []

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        self.entered.set()
        self.gate.wait(timeout=10)
        self.decoded.append(list(requests))
        return [
            Hypothesis(
                text=f"{r.prefix or 'EN'} {r.sentence}",
                score=-1.0,
                alignment=[0] if r.with_alignment else [],
            )
            for r in requests
        ]


def test_an_engine_that_mixes_requests_gets_every_kind_in_one_call() -> None:
    fake = MixingEngine()
    engine = BatchingEngine(fake, max_wait=0)
    fake.gate.clear()
    requests = [
        Request("Satz", "Lavrov"),
        Request("Satz", "NATO"),
        Request("Satz", "Lavrov"),
        Request("Satz"),
        Request("Satz", with_alignment=True),
    ]
    try:
        with ThreadPoolExecutor(6) as pool:
            first = pool.submit(engine.translate, ["first"])
            assert fake.entered.wait(timeout=5)
            later = [
                pool.submit(engine.continue_from, r.sentence, r.prefix)
                if r.prefix
                else pool.submit(engine.translate, [r.sentence], with_alignment=r.with_alignment)
                for r in requests
            ]
            while engine.waiting() < 4:  # all waiting behind the held call
                threading.Event().wait(0.005)
            fake.gate.set()
            first.result()
            got = [f.result() for f in later]
    finally:
        fake.gate.set()
        engine.close()
    assert [h.text for h in got[:3]] == ["Lavrov Satz", "NATO Satz", "Lavrov Satz"]
    assert [h[0].text for h in got[3:]] == ["EN Satz", "EN Satz"]
    assert [h[0].alignment for h in got[3:]] == [[], [0]]
    assert len(fake.decoded) == 2  # the held call, then every kind together, each once
    assert len(fake.decoded[1]) == 4 and set(fake.decoded[1]) == set(requests)


class SizedEngine(FakeEngine):
    """Takes 12 padded tokens a batch: two sentences of five words, or six of one."""

    batch_tokens = 12


SHORT = ["a", "b", "c"]
LONG = ["eins zwei drei vier fünf", "sechs sieben acht neun zehn", "elf zwölf dreizehn vierzehn x"]


def test_a_batch_groups_the_waiting_sentences_nearest_in_length() -> None:
    fake = SizedEngine()
    engine = BatchingEngine(fake, max_wait=0)
    try:
        # Each caller has one short and one long sentence: arrival order mixes them.
        results = run_while_held(
            fake, engine, [([s, long], 4) for s, long in zip(SHORT, LONG, strict=True)]
        )
    finally:
        engine.close()
    assert results == [[f"EN {s} b4", f"EN {long} b4"] for s, long in zip(SHORT, LONG, strict=True)]
    assert [call for call, _, _ in fake.calls[1:]] == [SHORT, LONG[:2], LONG[2:]]


def test_the_sentence_waiting_longest_is_in_the_next_batch() -> None:
    fake = SizedEngine()
    engine = BatchingEngine(fake, max_wait=0)
    try:
        # The long sentence came first; the short ones alone would fill a batch.
        calls = [([LONG[0]], 4)] + [([f"s{i}"], 4) for i in range(8)]
        results = run_while_held(fake, engine, calls)
    finally:
        engine.close()
    assert results == [[f"EN {sentences[0]} b4"] for sentences, _ in calls]
    shorts = [f"s{i}" for i in range(8)]
    assert [call for call, _, _ in fake.calls[1:]] == [[LONG[0]], shorts[:6], shorts[6:]]


def test_abandon_fails_the_waiting_callers_and_lets_the_call_under_way_finish(
    fake: FakeEngine,
) -> None:
    engine = BatchingEngine(fake, max_wait=0)
    fake.gate.clear()
    with ThreadPoolExecutor(2) as pool:
        under_way = pool.submit(engine.translate, ["first"])
        assert fake.entered.wait(timeout=5)
        waiting = pool.submit(engine.translate, ["second"])
        while engine.waiting() < 1:
            threading.Event().wait(0.005)
        engine.abandon()
        with pytest.raises(EngineClosed, match="interrupted"):
            waiting.result(timeout=5)  # at once, while the engine is still held
        fake.gate.set()
        assert texts(under_way.result()) == ["EN first b4"]
    engine.close()
    assert [call for call, _, _ in fake.calls] == [["first"]]
    with pytest.raises(EngineClosed):
        engine.translate(["third"])
