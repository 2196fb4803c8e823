"""Enforcement: verify → alignment repair → redecode → substitution → violated."""

from __future__ import annotations

import pytest

from glossary import Entry, Glossary, default_glossary, enforce, enforcing, find_terms
from glossary.align import aligned_range, piece_spans
from glossary.enforce import EnforceResult
from glossary.match import TermMatch

G = Glossary(
    "test",
    (
        Entry("Lawrow", "Lavrov", "name"),
        Entry("Nato", "NATO", "name"),
        Entry("Bundestag", "Bundestag", "keep"),
        Entry("AfD", "AfD", "keep", case_sensitive=True),
        Entry("Außenminister", "foreign minister"),
        Entry("Schuldenbremse", "debt brake"),
        Entry("Gipfel", "summit"),
        Entry("Europa", "Europe", "name"),
        Entry("Selenskyj", "Zelensky", "name"),
    ),
)


def run(source: str, target: str, **kwargs: object) -> EnforceResult:
    return enforce(source, find_terms(G, source), target, **kwargs)  # type: ignore[arg-type]


def summary(result: EnforceResult) -> list[tuple[str, str | None, str, str | None]]:
    return [(t.source, t.target, t.status, t.step) for t in result.terms]


def assert_spans_hold(result: EnforceResult) -> None:
    for term in result.terms:
        if term.status == "violated":
            assert term.target_span is None
            continue
        assert term.target_span is not None
        a, b = term.target_span
        assert result.text[a:b] == term.target


# -- 1. verify -------------------------------------------------------------------------


def test_present_terms_are_ok_and_casing_is_fixed() -> None:
    result = run("Lawrow kritisierte die Nato.", "Lavrov criticised Nato.")
    assert result.text == "Lavrov criticised NATO."
    assert summary(result) == [
        ("Lawrow", "Lavrov", "ok", "verified"),
        ("Nato", "NATO", "ok", "verified"),
    ]
    assert result.flags == [] and not result.violated
    assert_spans_hold(result)


def test_possessive_and_plural_forms_count_as_present() -> None:
    result = run(
        "Lawrows Antwort an die Außenminister.", "Lavrov's answer to the foreign ministers."
    )
    assert [t.status for t in result.terms] == ["ok", "ok"]
    assert result.terms[0].target_span == (0, 6)  # the name, without the 's
    assert result.terms[1].target == "foreign ministers"


def test_lowercase_target_keeps_sentence_casing() -> None:
    result = run("Die Schuldenbremse gilt.", "Debt brake applies.")
    assert result.text == "Debt brake applies."
    assert result.terms[0].status == "ok"


def test_keep_entry_comes_out_exactly_as_in_source() -> None:
    result = run("Die AfD verlor.", "The AFD lost.")
    assert result.text == "The AfD lost."
    assert result.terms[0].status == "ok"


def test_compound_modifier_accepts_english_adjective() -> None:
    result = run("Im Europaparlament wurde gestritten.", "In the European Parliament.")
    assert summary(result) == [("Europa", "European", "ok", "verified")]


# -- 2. alignment repair ------------------------------------------------------------------

SRC = "Lawrows Erklärung überraschte die Nato."
SRC_PIECES = ["▁Law", "rows", "▁Erklärung", "▁überraschte", "▁die", "▁Nato", "."]


def test_alignment_repair_keeps_english_grammar() -> None:
    target = "Lawrow's statement surprised the alliance."
    pieces = ["▁Law", "row", "'", "s", "▁statement", "▁surprised", "▁the", "▁alliance", "."]
    result = run(
        SRC, target, source_tokens=SRC_PIECES, target_tokens=pieces,
        alignment=[0, 1, 1, 1, 2, 3, 4, 5, 6],
    )  # fmt: skip
    assert result.text == "Lavrov's statement surprised the NATO."
    assert summary(result) == [
        ("Lawrows", "Lavrov", "repaired", "alignment"),
        ("Nato", "NATO", "repaired", "alignment"),
    ]
    assert_spans_hold(result)


def test_alignment_repair_adds_possessive_for_genitive() -> None:
    target = "The minister statement surprised NATO."
    pieces = ["▁The", "▁minister", "▁statement", "▁surprised", "▁NATO", "."]
    result = run(
        SRC, target, source_tokens=SRC_PIECES, target_tokens=pieces,
        alignment=[1, 1, 2, 3, 5, 6],
    )  # fmt: skip
    assert result.text == "Lavrov's statement surprised NATO."
    assert result.terms[0].step == "alignment"
    assert_spans_hold(result)


def test_possessive_name_replaces_the_article() -> None:
    target = "The minister statement surprised NATO."
    pieces = ["▁The", "▁minister", "▁statement", "▁surprised", "▁NATO", "."]
    result = run(
        SRC, target, source_tokens=SRC_PIECES, target_tokens=pieces,
        alignment=[4, 0, 2, 3, 5, 6],
    )  # fmt: skip
    assert result.text == "Lavrov's statement surprised NATO."
    assert_spans_hold(result)


def test_alignment_repair_uses_no_possessive_after_of() -> None:
    source = "Die Erklärung Lawrows überraschte."
    pieces = ["▁Die", "▁Erklärung", "▁Law", "rows", "▁überraschte", "."]
    target = "The statement of Lawroff surprised."
    tpieces = ["▁The", "▁statement", "▁of", "▁Law", "roff", "▁surprised", "."]
    result = run(
        source, target, source_tokens=pieces, target_tokens=tpieces,
        alignment=[0, 1, 1, 2, 3, 4, 5],
    )  # fmt: skip
    assert result.text == "The statement of Lavrov surprised."


def test_genitive_preposition_gets_no_possessive() -> None:
    source = "Während des Gipfels sprach der Außenminister."
    spieces = ["▁Während", "▁des", "▁Gipfel", "s", "▁sprach", "▁der", "▁Außen", "minister", "."]
    target = "During the meeting the minister spoke."
    tpieces = ["▁During", "▁the", "▁meeting", "▁the", "▁minister", "▁spoke", "."]
    result = run(
        source, target, source_tokens=spieces, target_tokens=tpieces,
        alignment=[0, 1, 2, 5, 7, 4, 8],
    )  # fmt: skip
    assert result.text == "During the summit the foreign minister spoke."
    assert [t.step for t in result.terms] == ["alignment", "alignment"]
    assert_spans_hold(result)


def test_diffuse_alignment_is_not_used_for_repair() -> None:
    source = "Die Nato warnte."
    target = "The western military alliance of many states warned."
    tpieces = [
        "▁The",
        "▁western",
        "▁military",
        "▁alliance",
        "▁of",
        "▁many",
        "▁states",
        "▁warned",
        ".",
    ]
    result = run(
        source, target, source_tokens=["▁Die", "▁Nato", "▁warnte", "."], target_tokens=tpieces,
        alignment=[0, 1, 1, 1, 1, 1, 1, 2, 3],
    )  # fmt: skip
    assert result.text == target
    assert summary(result) == [("Nato", None, "violated", None)]


# -- 3. redecode ---------------------------------------------------------------------------


TPIECES = ["▁The", "▁Russian", "▁said", "▁NATO", "▁would", "▁not", "▁move", "."]
SPIECES = ["▁Law", "row", "▁sagte", ",", "▁die", "▁Nato", "▁bewege", "▁sich", "▁nicht", "."]


@pytest.mark.parametrize(
    ("target", "aligned"),
    [
        # NATO is there; Lavrov is not, and the alignment points at "The Russian"
        ("The Russian said NATO would not move.",
         {"source_tokens": SPIECES, "target_tokens": TPIECES,
          "alignment": [9, 9, 2, 5, 6, 8, 6, 9]}),
        # neither is there: the re-decode for Lavrov brings NATO, which is not re-decoded again
        ("He said the alliance would not move.", {}),
    ],
)  # fmt: skip
def test_redecode_continues_from_the_forced_prefix(target: str, aligned: dict[str, object]) -> None:
    prefixes: list[str] = []

    def redecode(prefix: str) -> str:
        prefixes.append(prefix)
        return prefix + " said NATO would not move."

    result = run("Lawrow sagte, die Nato bewege sich nicht.", target, redecode=redecode, **aligned)
    assert prefixes == ["Lavrov"]
    assert result.text == "Lavrov said NATO would not move."
    assert summary(result) == [
        ("Lawrow", "Lavrov", "repaired", "redecode"),
        ("Nato", "NATO", "ok", "verified"),
    ]
    assert_spans_hold(result)


def test_redecode_starts_where_the_alignment_points() -> None:
    prefixes: list[str] = []

    def redecode(prefix: str) -> str:
        prefixes.append(prefix)
        return prefix + " warned."

    source = "Die Nato warnte."
    target = "The western military alliance of many states warned."
    tpieces = [
        "▁The",
        "▁western",
        "▁military",
        "▁alliance",
        "▁of",
        "▁many",
        "▁states",
        "▁warned",
        ".",
    ]
    result = run(
        source, target, source_tokens=["▁Die", "▁Nato", "▁warnte", "."], target_tokens=tpieces,
        alignment=[0, 1, 1, 1, 1, 1, 1, 2, 3], redecode=redecode,
    )  # fmt: skip
    assert prefixes == ["The NATO"]
    assert result.text == "The NATO warned."
    assert summary(result) == [("Nato", "NATO", "repaired", "redecode")]


def test_redecode_that_loses_another_term_is_rejected() -> None:
    def redecode(prefix: str) -> str:
        return prefix + " said the alliance would not move."

    result = run("Lawrow sagte, die Nato bewege sich nicht.", "He said NATO would not move.",
                 redecode=redecode)  # fmt: skip
    assert result.text == "He said NATO would not move."
    assert summary(result) == [
        ("Lawrow", None, "violated", None),
        ("Nato", "NATO", "ok", "verified"),
    ]


def test_a_refused_redecode_still_reports_the_term(caplog: pytest.LogCaptureFixture) -> None:
    def redecode(prefix: str) -> str:
        raise ValueError("prefix too long")

    result = run("Lawrow sprach.", "He spoke.", redecode=redecode, where="segment b2s0")
    assert summary(result) == [("Lawrow", None, "violated", None)]
    assert "prefix too long" in caplog.text  # said, not swallowed
    assert "segment b2s0:" in caplog.text and "Lavrov" not in caplog.text  # the id, no text


def test_an_engine_that_fails_fails_the_translation() -> None:
    """Not a term reported violated: the error the engine raised."""

    def redecode(prefix: str) -> str:
        raise RuntimeError("engine down")

    with pytest.raises(RuntimeError, match="engine down"):
        run("Lawrow sprach.", "He spoke.", redecode=redecode)


def test_enforcing_asks_for_each_redecode_and_returns_the_result() -> None:
    source = "Lawrow traf die Nato."
    steps = enforcing(source, find_terms(G, source), "He met the alliance.")
    assert next(steps) == "Lavrov"
    assert steps.send("Lavrov met the alliance.").startswith("Lavrov met")  # NATO's turn
    with pytest.raises(StopIteration) as finished:
        steps.send(None)  # that re-decode failed
    result: EnforceResult = finished.value.value
    assert summary(result) == [
        ("Lawrow", "Lavrov", "repaired", "redecode"),
        ("Nato", None, "violated", None),
    ]


# -- 4. substitution and violations ------------------------------------------------------------


def test_copied_genitive_becomes_possessive() -> None:
    result = run("Lawrows Erklärung überraschte.", "Lawrows statement surprised.")
    assert result.text == "Lavrov's statement surprised."
    assert summary(result) == [("Lawrows", "Lavrov", "repaired", "substitution")]


def test_near_spelling_of_a_name_is_substituted() -> None:
    result = run("Selenskyj traf Lawrow nicht.", "Selensky did not meet Lawrov.")
    assert result.text == "Zelensky did not meet Lavrov."
    assert [t.step for t in result.terms] == ["substitution", "substitution"]
    assert_spans_hold(result)


def test_short_look_alike_is_not_substituted() -> None:
    result = run("Die Nato warnte.", "The nation warned.")
    assert result.text == "The nation warned."
    assert result.terms[0].status == "violated"


def test_copied_inflected_keep_entry_is_normalised() -> None:
    result = run("Der Sitz des Bundestages.", "The seat of the Bundestages.")
    assert result.text == "The seat of the Bundestag."
    assert result.terms[0].status == "repaired"


def test_missing_term_is_violated_never_dropped() -> None:
    result = run("Der Bundestag stimmte zu.", "Parliament agreed.")
    assert result.text == "Parliament agreed."
    assert summary(result) == [("Bundestag", None, "violated", None)]
    assert result.violated and result.flags == ["glossary_violation"]


def test_repeated_entry_gives_two_terms() -> None:
    result = run("Lawrow sprach, dann sprach Lawrow wieder.", "Lavrov spoke, then he spoke again.")
    assert summary(result) == [
        ("Lawrow", "Lavrov", "ok", "verified"),
        ("Lawrow", None, "violated", None),
    ]


def test_repeated_entry_both_present() -> None:
    result = run("Lawrow sprach, dann sprach Lawrow.", "Lavrov spoke, then Lavrov spoke.")
    spans = [t.target_span for t in result.terms]
    assert spans == [(0, 6), (19, 25)]


def test_to_dict_matches_the_aligned_document_contract() -> None:
    result = run("Lawrows Erklärung.", "Lavrov's statement.")
    assert result.terms[0].to_dict() == {
        "entry": "Lawrow",
        "source": "Lawrows",
        "source_span": [0, 7],
        "target": "Lavrov",
        "target_span": [0, 6],
        "kind": "name",
        "status": "ok",
    }


@pytest.mark.parametrize(
    "translation",
    [
        "",
        "Something entirely different.",
        "NATO NATO Kremlin Lavrov",
        "The Bundestag and the Bundestag.",
        "Lawrow, Nawalny, Kreml, Kiew und Nato.",
    ],
)
def test_every_match_is_present_or_violated(translation: str) -> None:
    g = default_glossary()
    source = "Lawrow sprach im Bundestag über Nawalny, den Kreml, Kiew und die Nato."
    matches = find_terms(g, source)
    result = enforce(source, matches, translation)
    assert len(result.terms) == len(matches) == 6
    for term in result.terms:
        if term.status == "violated":
            assert term.target_span is None
            continue
        a, b = term.target_span or (0, 0)
        assert result.text[a:b].casefold().startswith(term.entry.target.casefold())


# -- piece ↔ character mapping -------------------------------------------------------------------


def test_piece_spans_follow_normalisation_and_unknowns() -> None:
    text = "„Wir sind“ – ☃!"
    pieces = ["▁„", "Wir", "▁sind", "“", "▁–", "▁<unk>", "!"]
    assert piece_spans(pieces, text) == [
        (0, 1),
        (1, 4),
        (5, 9),
        (9, 10),
        (11, 12),
        (13, 14),
        (14, 15),
    ]
    assert piece_spans(["▁...", "▁ok"], "… ok") == [(0, 1), (2, 4)]


def test_aligned_range_ignores_the_other_half_of_a_compound() -> None:
    src = piece_spans(["▁Kreml", "sprecher", "▁sagte"], "Kremlsprecher sagte")
    tgt = piece_spans(["▁Kremlin", "▁spokesman", "▁said"], "Kremlin spokesman said")
    assert aligned_range((0, 5), src, tgt, [0, 1, 2]) == (0, 7)


def test_audit_without_repair_leaves_the_text_alone() -> None:
    glossary = Glossary("audit", (Entry("Lawrow", "Lavrov", kind="name"),))
    source = "Lawrow sprach mit Blinken."
    matches = find_terms(glossary, source)
    result = enforce(source, matches, "Lawrow spoke to Blinken.", repair=False)
    assert result.text == "Lawrow spoke to Blinken."
    assert [term.status for term in result.terms] == ["violated"]
    assert result.flags == ["glossary_violation"]


# -- the final check: English at its span, no German left ---------------------------------


def test_a_term_beside_its_untranslated_german_form_is_violated() -> None:
    looping = "Lavrov said Lawrow said Lawrow said Lawrow."
    result = run("Lawrow sagte.", looping)
    assert summary(result) == [("Lawrow", None, "violated", None)]
    assert result.flags == ["glossary_violation"]
    audited = run("Lawrow sagte.", looping, repair=False)
    assert summary(audited) == [("Lawrow", None, "violated", None)]


def test_an_english_word_spelt_like_a_german_noun_in_lower_case_is_no_german_left() -> None:
    glossary = Glossary("rat", (Entry("Rat", "council"),))
    source = "Der Rat tagte."
    result = enforce(source, find_terms(glossary, source), "The council met; a rat ran.")
    assert [(t.status, t.target_span) for t in result.terms] == [("ok", (4, 11))]


DPA = Glossary("dpa", (Entry("dpa", "dpa", "keep", case_sensitive=True),))


@pytest.mark.parametrize(
    ("translation", "fixed", "status"),
    [
        ("Dpa reported this.", "dpa reported this.", "ok"),  # model capitalised it
        ("Reported by the agency.", "Reported by the agency.", "violated"),
    ],
)
def test_case_sensitive_keep_entries_are_never_recased(
    translation: str, fixed: str, status: str
) -> None:
    source = "dpa berichtete das."
    result = enforce(source, find_terms(DPA, source), translation)
    assert result.text == fixed
    assert [t.status for t in result.terms] == [status]


def test_a_keep_entry_redecoded_at_a_sentence_start_stays_lowercase() -> None:
    source = "dpa berichtete das."
    prefixes: list[str] = []

    def redecode(prefix: str) -> str:
        prefixes.append(prefix)
        return prefix + " reported this."

    result = enforce(source, find_terms(DPA, source), "The agency reported.", redecode=redecode)
    assert prefixes == ["dpa"]
    assert (result.text, [t.status for t in result.terms]) == ("dpa reported this.", ["repaired"])


def test_an_audit_counts_only_the_exact_spelling_of_a_case_sensitive_entry() -> None:
    source = "dpa berichtete das."
    audited = enforce(source, find_terms(DPA, source), "Dpa reported this.", repair=False)
    assert audited.text == "Dpa reported this."
    assert [t.status for t in audited.terms] == ["violated"]
    exact = enforce(source, find_terms(DPA, source), "dpa reported this.", repair=False)
    assert [(t.status, t.target_span) for t in exact.terms] == [("ok", (0, 3))]


def anchored(source: str, span: str) -> TermMatch:
    start = source.index(span)
    entry = Entry(source=span, target=span, kind="keep", case_sensitive=True)
    return TermMatch(entry, start, start + len(span), span, anchored=True)


def test_a_dropped_span_goes_after_the_english_of_the_german_before_it() -> None:
    source = "Mehr unter https://a.org/x und #Wahl heute."
    pieces = ["▁Mehr", "▁unter", "▁https", "://", "a", ".", "org", "/", "x", "▁und", "▁#",
              "Wahl", "▁heute", "."]  # fmt: skip
    target = "More at and today."
    result = enforce(
        source, [anchored(source, "https://a.org/x"), anchored(source, "#Wahl")], target,
        source_tokens=pieces, target_tokens=["▁More", "▁at", "▁and", "▁today", "."],
        alignment=[0, 1, 9, 12, 13],
    )  # fmt: skip
    assert result.text == "More at https://a.org/x and #Wahl today."
    assert [(t.status, t.step) for t in result.terms] == [("repaired", "anchor")] * 2
    assert_spans_hold(result)


def test_spans_dropped_side_by_side_keep_their_order() -> None:
    source = "Quellen: https://a.org/1 https://a.org/2"
    pieces = ["▁Quellen", ":", "▁https", "://", "a", ".", "org", "/", "1",
              "▁https", "://", "a", ".", "org", "/", "2"]  # fmt: skip
    matches = [anchored(source, "https://a.org/1"), anchored(source, "https://a.org/2")]
    result = enforce(
        source, matches, "Sources:", source_tokens=pieces,
        target_tokens=["▁Sources", ":"], alignment=[0, 1],
    )  # fmt: skip
    assert result.text == "Sources: https://a.org/1 https://a.org/2"
    assert_spans_hold(result)


def test_a_dropped_glossary_term_is_not_anchored_but_redecoded() -> None:
    source = "Mehr unter https://a.org/x heute."
    pieces = ["▁Mehr", "▁unter", "▁https", "://", "a", ".", "org", "/", "x", "▁heute", "."]
    keep = Entry(source="https://a.org/x", target="https://a.org/x", kind="keep")
    match = TermMatch(keep, 11, 26, "https://a.org/x")
    prefixes: list[str] = []
    result = enforce(
        source, [match], "More at today.", source_tokens=pieces,
        target_tokens=["▁More", "▁at", "▁today", "."], alignment=[0, 1, 9, 10],
        redecode=lambda prefix: prefixes.append(prefix) or f"{prefix} today.",
    )  # fmt: skip
    assert prefixes and result.terms[0].step == "redecode"
