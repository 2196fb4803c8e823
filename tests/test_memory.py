from collections.abc import Iterator

import pytest

from service.desk.segments import revise_segment
from service.document import AlignedDocument
from service.pipeline.translator import Translator
from service.store.articles import Store
from service.store.memory import TranslationMemory, memory_key, normalise
from tests.fakes import FakeEngine

ARTICLE = "Der Minister kommt.\n\nDie Gespräche dauern an. Der Minister kommt."


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store(database_url)
    yield store
    store.close()


@pytest.fixture
def memory(store: Store) -> TranslationMemory:
    return TranslationMemory(store)


def test_normalising_unifies_composition_and_whitespace() -> None:
    composed, decomposed = "Gespräche  dauern\tan. ", "Gespra\u0308che dauern an."
    assert normalise(composed) == normalise(decomposed) == "Gespräche dauern an."
    assert memory_key(composed) == memory_key(decomposed)
    assert memory_key("Gespräche.") != memory_key("Gesprache.")


def test_lookup_finds_what_was_stored_under_the_same_model_and_glossary(
    memory: TranslationMemory,
) -> None:
    memory.store({"Ein Satz.": ("A sentence.", -0.3)}, "toy", "")
    hits = memory.lookup(["Ein  Satz.", "Anderer Satz."], "toy", "")
    assert list(hits) == ["Ein  Satz."]  # keyed by the sentence as asked
    assert (hits["Ein  Satz."].target, hits["Ein  Satz."].origin) == ("A sentence.", "memory")
    assert memory.lookup(["Ein Satz."], "other-model", "") == {}
    assert memory.lookup(["Ein Satz."], "toy", "glossary-v2") == {}


def test_the_first_model_output_stays(memory: TranslationMemory) -> None:
    memory.store({"Ein Satz.": ("A sentence.", -0.3)}, "toy", "")
    memory.store({"Ein Satz.": ("One sentence.", -0.1)}, "toy", "")
    assert memory.lookup(["Ein Satz."], "toy", "")["Ein Satz."].target == "A sentence."


def test_lookups_are_counted(store: Store) -> None:
    counts: list[tuple[int, int]] = []
    memory = TranslationMemory(store, on_lookup=lambda hits, misses: counts.append((hits, misses)))
    memory.store({"A.": ("a", None)}, "toy", "")
    memory.lookup(["A.", "B.", "A."], "toy", "")
    assert counts == [(1, 1)]


def test_the_pipeline_skips_the_engine_for_remembered_sentences(
    store: Store, memory: TranslationMemory
) -> None:
    engine = FakeEngine()
    first = Translator(engine, memory=memory).translate(ARTICLE)
    assert engine.seen == ["Der Minister kommt.", "Die Gespräche dauern an."]
    assert {segment.origin for segment in first.segments()} == {"model"}

    engine.seen.clear()
    second = Translator(engine, memory=memory).translate(ARTICLE + "\n\nNeu hier.")
    assert engine.seen == ["Neu hier."]
    assert [segment.origin for segment in second.segments()] == [
        "memory",
        "memory",
        "memory",
        "model",
    ]
    assert second.segments()[0].target == "EN(Der Minister kommt.)"
    assert second.target_text.startswith("EN(Der Minister kommt.)\n\nEN(Die Gespräche dauern an.)")


def test_approved_edits_win_over_model_output(store: Store, memory: TranslationMemory) -> None:
    engine = FakeEngine()
    document = Translator(engine, memory=memory).translate(ARTICLE)
    article = store.add_article(document, title=None, source_text=ARTICLE, fmt="text")
    revise_segment(store, article.id, "b1s0", target="Talks go on.", status="approved")

    engine.seen.clear()
    again = Translator(engine, memory=memory).translate("Die   Gespräche dauern an.")
    assert engine.seen == []
    segment = again.segments()[0]
    assert (segment.target, segment.origin, segment.score) == ("Talks go on.", "approved", None)


def test_an_approval_taken_back_leaves_the_memory(store: Store, memory: TranslationMemory) -> None:
    document = Translator(FakeEngine(), memory=memory).translate(ARTICLE)
    article = store.add_article(document, title=None, source_text=ARTICLE, fmt="text")
    revise_segment(store, article.id, "b1s0", target="Talks go on.", status="approved")
    revise_segment(store, article.id, "b1s0", target=None, status="draft")

    hit = memory.lookup(["Die Gespräche dauern an."], "fake", "")
    assert hit == {}  # the approval had replaced the model's output: nothing is left
    revise_segment(store, article.id, "b1s0", target="Talks continue.", status="approved")
    hits = memory.lookup(["Die Gespräche dauern an."], "fake", "")
    assert (hits["Die Gespräche dauern an."].target, hits["Die Gespräche dauern an."].origin) == (
        "Talks continue.",
        "approved",
    )


def test_flagged_output_is_not_remembered(memory: TranslationMemory) -> None:
    class FlaggingTranslator(Translator):
        def remember(self, document: AlignedDocument) -> None:
            for segment in document.segments():
                segment.flags.append("repetition")
            super().remember(document)

    FlaggingTranslator(FakeEngine(), memory=memory).translate("Ein Satz.")
    assert memory.lookup(["Ein Satz."], "fake", "") == {}


def test_without_a_memory_nothing_is_looked_up() -> None:
    engine = FakeEngine()
    Translator(engine).translate(ARTICLE)
    Translator(engine).translate(ARTICLE)
    assert len(engine.seen) == 4
