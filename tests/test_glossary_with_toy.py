"""The glossary end to end on the toy model, whose own output differs from the entries."""

from __future__ import annotations

import pytest

from glossary import Entry, Glossary
from models.marian import MarianEngine
from service.document import Segment
from service.pipeline.translator import Translator

GLOSSARY = Glossary(
    "house",
    (
        Entry("Lawrow", "Lavrov", kind="name"),
        Entry("Nato", "NATO", kind="name"),
        Entry("Kreml", "Kremlin", kind="name"),
        Entry("Außenminister", "Secretary of State", context=("US", "Blinken")),
        Entry("Bundestag", "Bundestag", kind="keep"),
    ),
)


def translate(engine: MarianEngine, sentence: str) -> Segment:
    (segment,) = Translator(engine, glossary=GLOSSARY).translate(sentence).segments()
    return segment


def placed(segment: Segment) -> list[str]:
    """The English text at each term's target span: what the audit vouches for."""
    return [
        segment.target[term.target_span[0] : term.target_span[1]] if term.target_span else ""
        for term in segment.terms
    ]


@pytest.mark.parametrize(
    ("sentence", "entries", "targets"),
    [
        ("Lawrow traf Blinken am Dienstag.", ["Lawrow"], ["Lavrov"]),
        ("Lawrows Sprecher sagte nichts.", ["Lawrow"], ["Lavrov"]),
        ("Die Nato-Truppen sind an der Grenze.", ["Nato"], ["NATO"]),
        ("Lawrow sprach mit der Nato.", ["Lawrow", "Nato"], ["Lavrov", "NATO"]),
    ],
)
def test_every_matched_term_is_placed_or_reported(
    toy_engine: MarianEngine, sentence: str, entries: list[str], targets: list[str]
) -> None:
    plain = Translator(toy_engine, glossary=None).translate(sentence).segments()[0]
    segment = translate(toy_engine, sentence)
    assert [term.entry for term in segment.terms] == entries
    for term, target, text in zip(segment.terms, targets, placed(segment), strict=True):
        assert term.status in ("ok", "repaired")
        assert text == target and target in segment.target
    assert segment.target != plain.target  # the model alone does not write the entries
    assert "glossary_violation" not in segment.flags


def test_a_german_form_left_beside_the_placed_terms_is_a_violation(
    toy_engine: MarianEngine,
) -> None:
    segment = translate(toy_engine, "Lawrow und Lawrow trafen sich.")
    # Both places hold Lavrov, but the toy model ran on and copied one more Lawrow.
    assert segment.target == "Lavrov and Lavrov met supported Lawrow."
    assert [term.status for term in segment.terms] == ["violated", "violated"]
    assert segment.flags[:1] == ["glossary_violation"]


def test_a_genitive_name_becomes_an_english_possessive(toy_engine: MarianEngine) -> None:
    segment = translate(toy_engine, "Lawrows Sprecher sagte nichts.")
    assert "Lavrov's" in segment.target


def test_a_context_entry_applies_only_with_its_context(toy_engine: MarianEngine) -> None:
    with_context = translate(toy_engine, "US-Außenminister Blinken traf Lawrow.")
    assert [term.entry for term in with_context.terms] == ["Außenminister", "Lawrow"]
    # The toy model writes "US Foreign Minister" and aligns none of its English to the
    # compound's second part: there is no place to repair or re-decode from (README).
    assert with_context.target == "US Foreign Minister Blinken met Lavrov."
    assert [term.status for term in with_context.terms] == ["violated", "repaired"]
    assert "glossary_violation" in with_context.flags
    without = translate(toy_engine, "Der Außenminister traf Lawrow.")
    assert [term.entry for term in without.terms] == ["Lawrow"]
    assert "Secretary of State" not in without.target


def test_near_misses_are_not_terms(toy_engine: MarianEngine) -> None:
    segment = translate(toy_engine, "Das Außenministerium schützt die Natur.")
    assert segment.terms == []
