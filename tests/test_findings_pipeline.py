"""Fact checks wherever a target is made: model output, memory hits, localisation, batch
jobs; a segment with a fact finding stays out of the memory until a reviewer approves it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from service.batch import outputs
from service.batch.inputs import InputArticle
from service.batch.jobstore import JobStore, job_key
from service.batch.local import LocalExecutor
from service.batch.runner import Runner
from service.compose import batching_engine
from service.document import FACT_FLAGS, Segment
from service.localise import profile_for
from service.pipeline.translator import Translator
from service.settings import Settings
from service.store.articles import Store
from service.store.memory import MemoryHit
from tests.fakes import FakeEngine

GERMAN = "Die Firma zahlte 812.397 Euro."
WRONG = "The company paid 81,237 euros."
RIGHT = "The company paid 812,397 euros."
HIDDEN = "The company paid \u202e812,397 euros."


class DictMemory:
    """A translation memory in a dict, keyed by the sentence as given."""

    def __init__(self, hits: Mapping[str, MemoryHit] | None = None) -> None:
        self.hits = dict(hits or {})
        self.stored: dict[str, str] = {}

    def lookup(
        self, sentences: list[str], model: str, glossary_version: str, *, target_lang: str = "en"
    ) -> dict[str, MemoryHit]:
        return {s: self.hits[s] for s in sentences if s in self.hits}

    def store(
        self,
        translations: Mapping[str, tuple[str, float | None]],
        model: str,
        glossary_version: str,
        *,
        target_lang: str = "en",
    ) -> None:
        self.stored.update({source: target for source, (target, _) in translations.items()})


def only_segment(translator: Translator, text: str = GERMAN) -> Segment:
    [segment] = translator.translate(text).segments()
    return segment


def fact_flags(segment: Segment) -> set[str]:
    return set(segment.flags) & FACT_FLAGS


def test_model_output_gets_findings_with_messages() -> None:
    segment = only_segment(Translator(FakeEngine(lambda _: WRONG)))
    assert segment.origin == "model" and "number_mismatch" in segment.flags
    assert [f.flag for f in segment.findings] == ["number_mismatch"]
    assert "812" in segment.findings[0].message
    clean = only_segment(Translator(FakeEngine(lambda _: RIGHT)))
    assert clean.flags == [] and clean.findings == []


def test_hidden_characters_in_model_output_are_found_where_they_are() -> None:
    segment = only_segment(Translator(FakeEngine(lambda _: HIDDEN)))
    [finding] = [f for f in segment.findings if f.flag == "hidden_characters"]
    assert finding.target_span is not None
    assert segment.target[slice(*finding.target_span)] == "\u202e"


def test_a_memory_hit_is_checked_like_model_output() -> None:
    memory = DictMemory({GERMAN: MemoryHit(WRONG, -0.2, "memory")})
    engine = FakeEngine(lambda _: RIGHT)
    segment = only_segment(Translator(engine, memory=memory))
    assert segment.origin == "memory" and engine.seen == []
    assert "number_mismatch" in segment.flags and segment.findings


def test_an_approved_memory_hit_keeps_its_fact_flags_not_its_quality_flags() -> None:
    too_long = WRONG + " It was a very long day for everyone who was there, they said."
    memory = DictMemory({GERMAN: MemoryHit(too_long, None, "approved")})
    segment = only_segment(Translator(FakeEngine(), memory=memory))
    assert segment.status == "approved"
    assert "number_mismatch" in segment.flags and "length_ratio" not in segment.flags


def test_a_fact_finding_keeps_model_output_out_of_the_memory() -> None:
    memory = DictMemory()
    Translator(FakeEngine(lambda _: WRONG), memory=memory).translate(GERMAN)
    assert memory.stored == {}
    Translator(FakeEngine(lambda _: RIGHT), memory=memory).translate(GERMAN)
    assert memory.stored == {GERMAN: RIGHT}


def test_localised_text_is_what_is_checked() -> None:
    german = "Das Projekt kostete 2,5 Millionen Euro."
    right = "The project cost 2.5 million euros."
    profile = profile_for("en-GB")
    localised = only_segment(Translator(FakeEngine(lambda _: right), profile=profile), german)
    assert localised.localisation and "€2.5m" in localised.target
    assert fact_flags(localised) == set() and localised.findings == []
    wrong = only_segment(
        Translator(FakeEngine(lambda _: right.replace("2.5", "1.5")), profile=profile), german
    )
    assert "€1.5m" in wrong.target and "number_mismatch" in wrong.flags


def test_a_batch_job_writes_findings_and_keeps_flagged_output_out_of_the_memory(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'jobs.db'}")
    out = tmp_path / "out"
    articles = [
        InputArticle("a.txt", "a.txt", "text", f"{GERMAN} Es waren 100 Gäste.\n"),
    ]
    english = {GERMAN: WRONG, "Es waren 100 Gäste.": "There were 100 guests."}
    engine = batching_engine(FakeEngine(english.__getitem__), Settings(), "batch")
    memory = DictMemory()
    try:
        jobs = JobStore(store)
        job = jobs.create(
            key=job_key(str(out)),
            input="test",
            out_dir=str(out),
            model="fake",
            glossary_name=None,
            glossary_version=None,
            options={},
            articles=articles,
            max_chars=100_000,
        )
        Runner(jobs, LocalExecutor(Translator(engine, memory=memory), 1)).run(job.id)
    finally:
        engine.close()
        store.close()
    [record] = [json.loads(line) for line in (out / outputs.RESULTS).read_text().splitlines()]
    wrong, right = record["blocks"][0]["segments"]
    assert "number_mismatch" in wrong["flags"] and wrong["findings"][0]["message"]
    assert right["flags"] == [] and right["findings"] == []
    assert memory.stored == {"Es waren 100 Gäste.": "There were 100 guests."}
