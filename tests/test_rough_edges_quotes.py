"""Protected quotations as a reader sees them: marks and final punctuation once, and an
English title in German quotes kept as it is."""

from __future__ import annotations

import pytest

from glossary import enforce
from models.marian import MarianEngine
from service.checks.protect import find_protected
from service.checks.quotations import foreign_quote
from service.pipeline.carry import finish, with_protected
from service.pipeline.translator import Translator

SAXONY = "Die EU erklärte: „We stand with the people of Saxony.“"
QUOTED = "“We stand with the people of Saxony.”"


def carried(sentence: str, english: str) -> tuple[str, list[str]]:
    matches, protected = with_protected([], find_protected(sentence))
    text, terms, flags = finish(sentence, matches, protected, enforce(sentence, matches, english))
    [term] = terms
    if term.target_span is not None:  # the span says where the quotation is
        assert text[term.target_span[0] : term.target_span[1]] == term.target
    return text, flags


@pytest.mark.parametrize(
    "english",
    [
        "The EU said: “We stand with the people of Saxony.”",  # as it should be
        "The EU said: “We stand with the people of Saxony.",  # closing mark lost
        "The EU said: We stand with the people of saxony..",  # no marks, full stop twice
        "The EU said: “we stand with the people of Saxony”.",  # full stop outside
        "The EU said: “We stand with the people of Saxony.”.",  # full stop again
        "The EU said: “ We stand with the people of Saxony.”",  # a space inside
    ],
)
def test_a_quotation_ending_the_sentence_has_its_marks_and_full_stop_once(english: str) -> None:
    text, flags = carried(SAXONY, english)
    assert text == f"The EU said: {QUOTED}" and flags == []


def test_an_opening_mark_left_before_other_words_moves_to_the_quotation() -> None:
    text, _ = carried(SAXONY, "The EU said: “ EU We stand with the people of Saxony.")
    assert text == f"The EU said: EU {QUOTED}"
    assert text.count("“") == 1 and text.count("”") == 1


def test_punctuation_after_a_quotation_in_mid_sentence_stays() -> None:
    sentence = "„We stand with the people of Saxony.“, sagte die EU."
    text, _ = carried(sentence, "“We stand with the people of Saxony”, the EU said.")
    assert text == f"{QUOTED}, the EU said."


@pytest.fixture(scope="module")
def translator(toy_engine: MarianEngine) -> Translator:
    return Translator(toy_engine)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_page_and_the_markdown_carry_the_quotation_once(
    translator: Translator, fmt: str
) -> None:
    document = translator.translate(SAXONY + "\n", fmt)  # type: ignore[arg-type]
    [segment] = document.segments()
    assert segment.target.endswith(QUOTED)  # what the review page shows
    assert document.target_document.rstrip("\n").endswith(QUOTED)  # the article as written
    assert ".." not in segment.target and ".”." not in segment.target


@pytest.mark.parametrize("title", ["Don't Stop Me Now", "Highway to Hell", "Wind of Change"])
def test_an_english_title_in_german_quotes_is_english(title: str) -> None:
    assert foreign_quote(title) == "en"


@pytest.mark.parametrize(
    "name",
    ["Bild am Sonntag", "Letzte Generation", "Olaf Scholz", "Frankfurter Allgemeine Zeitung"],
)
def test_german_titles_and_names_in_quotes_are_not_kept(name: str) -> None:
    assert foreign_quote(name) is None


def test_an_english_song_title_is_kept_as_it_is(translator: Translator) -> None:
    sentence = "Die Band spielte am Ende „Don't Stop Me Now“ als Zugabe."
    [segment] = translator.translate(sentence).segments()
    assert "“Don't Stop Me Now”" in segment.target
    [term] = [term for term in segment.terms if term.kind == "protected"]
    assert term.target == "Don't Stop Me Now" and term.status != "violated"
