"""Article → aligned document with the toy engine."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from glossary import Entry, Glossary
from models.engine import Hypothesis
from models.marian import MarianEngine
from service.errors import EmptyInput
from service.pipeline.translator import Translator
from tests.conftest import ARTICLE

needs_article = pytest.mark.skipif(not ARTICLE.is_file(), reason="../shared/data is absent")


@dataclass
class CountingEngine:
    """The toy engine, counting the sentences it is asked to translate."""

    inner: MarianEngine
    seen: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.inner.name

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self.seen += sentences
        return self.inner.translate(sentences, beam_size=beam_size, with_alignment=with_alignment)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return self.inner.continue_from(sentence, prefix, beam_size=beam_size)

    def count_tokens(self, sentence: str) -> int:
        return self.inner.count_tokens(sentence)


@needs_article
def test_the_shared_article_comes_back_aligned(toy_engine: MarianEngine) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    document = Translator(toy_engine).translate(text)
    segments = document.segments()
    assert [block.kind for block in document.blocks][:4] == [
        "heading",
        "heading",
        "title",
        "paragraph",
    ]
    for segment in segments:
        start, end = segment.source_span
        assert text[start:end] == segment.source
        assert segment.target.strip()
        assert segment.origin == "model" and segment.status == "draft"
    # every non-space character of the input sits in exactly one segment, in order
    covered = "".join(segment.source for segment in segments)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert [s.id for s in document.blocks[3].segments] == ["b3s0", "b3s1"]
    assert document.blocks[3].segments[0].source == "Washington, -"
    assert document.target_text.count("\n\n") == text.count("\n\n")


def test_target_text_keeps_line_structure(toy_engine: MarianEngine) -> None:
    text = "Putin sagte nichts.\n\nLawrow traf Blinken.  Die Regierung schwieg.\n"
    document = Translator(toy_engine).translate(text)
    first, second, third = (segment.target for segment in document.segments())
    assert document.target_text == f"{first}\n\n{second}  {third}\n"


@pytest.mark.parametrize("text", ["", "  \n \t"])
def test_empty_articles_are_refused(toy_engine: MarianEngine, text: str) -> None:
    with pytest.raises(EmptyInput):
        Translator(toy_engine).translate(text)


def test_repeated_sentences_are_translated_once(toy_engine: MarianEngine) -> None:
    engine = CountingEngine(toy_engine)
    text = "Putin sagte nichts.\n\nPutin sagte nichts.\n\nLawrow traf Blinken."
    document = Translator(engine, glossary=None).translate(text)
    assert engine.seen == ["Putin sagte nichts.", "Lawrow traf Blinken."]
    assert len(document.segments()) == 3
    assert document.segments()[0].target == document.segments()[1].target


def test_long_sentences_are_split_for_the_model_and_joined_back(
    toy_engine: MarianEngine,
) -> None:
    engine = CountingEngine(toy_engine)
    sentence = (
        "Der Außenminister traf am Dienstag den Präsidenten, "
        "die Regierung verhängte Sanktionen gegen Russland, "
        "und die Nato verlegte Truppen an die Grenze."
    )
    document = Translator(engine, max_sentence_tokens=16).translate(sentence)
    (segment,) = document.segments()
    assert segment.source == sentence and segment.source_span == (0, len(sentence))
    assert len(engine.seen) >= 2 and all(engine.count_tokens(p) <= 16 for p in engine.seen)
    pieces = toy_engine.translate(engine.seen)  # the same batch the pipeline sent
    assert segment.target == " ".join(hypothesis.text for hypothesis in pieces)


def test_an_endless_word_is_passed_through_not_translated(toy_engine: MarianEngine) -> None:
    engine = CountingEngine(toy_engine)
    junk = "Donaudampfschiff" * 300
    document = Translator(engine).translate(f"Der Minister schrieb {junk} in Genf.")
    (segment,) = document.segments()
    assert junk in segment.target and "untranslated" in segment.flags
    assert all(junk not in sentence for sentence in engine.seen)
    assert engine.seen  # the words around it still go to the model


def test_a_glossary_puts_its_terms_into_the_translation(toy_engine: MarianEngine) -> None:
    sentence = "Lawrow traf Blinken am Dienstag."
    plain = Translator(toy_engine, glossary=None).translate(sentence).segments()[0]
    assert "Lawrow" in plain.target and plain.terms == []
    glossary = Glossary("test", (Entry("Lawrow", "Lavrov", kind="name"),))
    document = Translator(toy_engine, glossary=glossary).translate(sentence)
    (segment,) = document.segments()
    (term,) = segment.terms
    assert "Lavrov" in segment.target and "Lawrow" not in segment.target
    assert term.status in ("ok", "repaired") and term.source_span == (0, 6)
    assert term.target_span is not None
    assert segment.target[term.target_span[0] : term.target_span[1]] == "Lavrov"
    assert document.glossary is not None and document.glossary.version == glossary.version
