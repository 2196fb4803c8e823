"""Finding glossary entries in German sentences: inflection, compounds, near misses."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from glossary import Entry, Glossary, compile_glossary, default_glossary, find_terms

G = Glossary(
    "test",
    (
        Entry("Außenminister", "Foreign Minister"),
        Entry("Außenminister", "Secretary of State", context=("US", "Blinken")),
        Entry("Lawrow", "Lavrov", "name"),
        Entry("Nato", "NATO", "name"),
        Entry("Bundestag", "Bundestag", "keep"),
        Entry("Vereinte Nationen", "United Nations", "name"),
        Entry("Kreml", "Kremlin", "name"),
        Entry("Ukraine", "Ukraine", "name"),
        Entry("Rat", "council"),
        Entry("Wahl", "election"),
        Entry("Waffenstillstand", "ceasefire"),
        Entry("Olaf Scholz", "Olaf Scholz", "name"),
        Entry("Frank-Walter Steinmeier", "Frank-Walter Steinmeier", "name"),
        Entry("AfD", "AfD", "keep", case_sensitive=True),
        Entry("Linke", "Left Party", "name"),
        Entry("Bundesamt für Migration und Flüchtlinge", "BAMF", "name"),
        Entry("Weißes Haus", "White House", "name"),
        Entry("Ursula von der Leyen", "Ursula von der Leyen", "name"),
        Entry("Abgeordneter", "member of parliament"),
        Entry("Streik", "strike"),
        Entry("EZB", "ECB", "name"),
    ),
)


def hits(sentence: str, glossary: Glossary = G) -> list[tuple[str, str]]:
    return [(m.surface, m.entry.target) for m in find_terms(glossary, sentence)]


def surfaces(sentence: str, glossary: Glossary = G) -> list[str]:
    return [m.surface for m in find_terms(glossary, sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Der Außenminister reist ab.", ["Außenminister"]),
        ("Die Rede des Außenministers.", ["Außenministers"]),
        ("Mit den Außenministern der G7.", ["Außenministern"]),
        ("Lawrows Sprecher widersprach.", ["Lawrows"]),
        ("Die Sitzung des Bundestages begann.", ["Bundestages"]),
        ("Die Sitzung des Bundestags begann.", ["Bundestags"]),
        ("Die Räte und der Rat tagten.", ["Räte", "Rat"]),
        ("Die Waffenstillstände hielten nicht.", ["Waffenstillstände"]),
        ("Die Wahlen fanden statt.", ["Wahlen"]),
        ("Das Weiße Haus und des Weißen Hauses.", ["Weiße Haus", "Weißen Hauses"]),
        ("Der Abgeordnete und die Abgeordneten.", ["Abgeordnete", "Abgeordneten"]),
        ("Ursula von der Leyens Plan.", ["Ursula von der Leyens"]),
        ("Die Zinsen der EZB und des EZBs.", ["EZB", "EZBs"]),
        ("Macron\u2019s Plan und Lawrow\u2019s Antwort.", ["Lawrow\u2019s"]),
    ],
)
def test_declined_forms(sentence: str, expected: list[str]) -> None:
    assert surfaces(sentence) == expected


def test_case_is_ignored_for_ordinary_entries() -> None:
    assert hits("Die NATO und die Nato.") == [("NATO", "NATO"), ("Nato", "NATO")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Außenministerium teilte mit.",  # a different word, not Außenminister
        "Die Natur ist schön.",
        "Herr Natoli sprach.",
        "Der Schriftsteller Lawrowski schrieb.",
        "Die Rate stieg, der Verrat und der Vorrat.",  # not forms of Rat
        "Die Auswahl ist groß.",  # Aus|wahl is not a kind of Wahl
        "Die Außenministerin sprach.",  # the feminine is its own entry if wanted
        "Das Ukrainische Institut.",
    ],
)
def test_near_misses_do_not_match(sentence: str) -> None:
    assert hits(sentence) == []


def test_hyphenated_compounds_span_only_the_entry() -> None:
    matches = find_terms(G, "Nato-Truppen stehen bereit.")
    assert [(m.surface, m.start, m.end) for m in matches] == [("Nato", 0, 4)]
    assert surfaces("Die Anti-Nato-Proteste und Ukraine-Hilfen.") == ["Nato", "Ukraine"]


def test_hyphenated_compound_head_keeps_context() -> None:
    matches = find_terms(G, "US-Außenminister Blinken kam.")
    assert [(m.surface, m.entry.target) for m in matches] == [
        ("Außenminister", "Secretary of State")
    ]
    assert matches[0].start == 3


def test_closed_compound_head() -> None:
    (m,) = find_terms(G, "Bundesaußenminister Wadephul sprach.")
    assert (m.surface, m.start, m.end, m.compound) == ("außenminister", 6, 19, "head")
    assert m.entry.target == "Foreign Minister"
    assert surfaces("Die Stichwahl entscheidet.") == ["wahl"]


def test_closed_compound_head_after_verb_stem_but_not_particle() -> None:
    assert surfaces("Ein Warnstreik und ein Generalstreik.") == ["streik", "streik"]
    assert surfaces("Der Anstreik, der Umstreik.") == []


def test_closed_compound_name_head_only_after_compass_point() -> None:
    assert surfaces("Kämpfe in der Ostukraine.") == ["ukraine"]


def test_closed_compound_modifier() -> None:
    matches = find_terms(G, "Kremlsprecher Peskow und die Bundestagswahl.")
    assert [(m.surface, m.compound) for m in matches] == [
        ("Kreml", "modifier"),
        ("Bundestag", "modifier"),
        ("wahl", "head"),
    ]
    assert not any(m.genitive for m in matches)  # the linking s is no genitive


def test_multiword_entries_inflect_their_adjectives() -> None:
    assert surfaces("Die Vereinte Nationen tagten.") == ["Vereinte Nationen"]
    assert surfaces("Ein Bericht der Vereinten Nationen.") == ["Vereinten Nationen"]
    assert hits("Vereinte   Nationen") == [("Vereinte   Nationen", "United Nations")]
    assert hits("Vereinte, Nationen") == []


def test_multiword_entry_with_function_words_inflects_its_head() -> None:
    s = "Ein Sprecher des Bundesamts für Migration und Flüchtlinge sagte."
    assert hits(s) == [("Bundesamts für Migration und Flüchtlinge", "BAMF")]


def test_hyphenated_multiword_entry() -> None:
    assert surfaces("Frank-Walter Steinmeiers Rede.") == ["Frank-Walter Steinmeiers"]
    assert surfaces("Frank Walter Steinmeier") == []


def test_longest_match_wins() -> None:
    glossary = Glossary(
        "g",
        (
            Entry("Nationen", "nations"),
            Entry("Vereinte Nationen", "United Nations", "name"),
            Entry("US-Außenminister", "US Secretary of State"),
            Entry("Außenminister", "Foreign Minister"),
        ),
    )
    assert hits("Die Vereinten Nationen und der US-Außenminister.", glossary) == [
        ("Vereinten Nationen", "United Nations"),
        ("US-Außenminister", "US Secretary of State"),
    ]


def test_case_sensitive_entry() -> None:
    assert surfaces("Die AfD und die AFD und die afd.") == ["AfD"]


def test_capitalised_entry_does_not_match_lowercase_adjective() -> None:
    assert hits("Die Linke stimmte gegen linke Anträge.") == [("Linke", "Left Party")]


def test_context_condition() -> None:
    assert hits("Der Außenminister sprach.") == [("Außenminister", "Foreign Minister")]
    assert hits("Der Außenminister Blinkens Regierung.") == [
        ("Außenminister", "Secretary of State")
    ]
    assert hits("Der amerikanische Außenminister Blinken.") == [
        ("Außenminister", "Secretary of State")
    ]


def test_context_only_entry_does_not_apply_without_context() -> None:
    glossary = Glossary("g", (Entry("Minister", "Secretary", context=("US",)),))
    assert hits("Der Minister kam.", glossary) == []
    assert hits("Der US-Minister kam.", glossary) == [("Minister", "Secretary")]


def test_two_entries_and_a_repeated_entry() -> None:
    matches = find_terms(G, "Lawrow traf den Außenminister, dann sprach Lawrow erneut.")
    assert [(m.surface, m.start) for m in matches] == [
        ("Lawrow", 0),
        ("Außenminister", 16),
        ("Lawrow", 43),
    ]


@pytest.mark.parametrize(
    ("sentence", "genitive"),
    [
        ("Lawrows Antwort kam.", True),
        ("Lawrow's Antwort kam.", True),
        ("Olaf Scholz' Antwort kam.", True),
        ("Die Rede des Außenministers.", True),
        ("Die Rede eines neuen Außenministers.", True),
        ("Während des Bundestages blieb es ruhig.", True),  # a name: always 's
        ("Lawrow antwortete.", False),
        ("Mit den Außenministern.", False),
    ],
)
def test_genitive_flag(sentence: str, genitive: bool) -> None:
    (m,) = find_terms(G, sentence)
    assert m.genitive is genitive


def test_genitive_after_genitive_preposition_needs_no_possessive() -> None:
    glossary = Glossary("g", (Entry("Gipfel", "summit"),))
    (m,) = find_terms(glossary, "Während des Gipfels blieb es ruhig.")
    assert m.genitive is False


def test_apostrophe_genitive_is_part_of_the_match() -> None:
    (m,) = find_terms(G, "Lawrow's Antwort")
    assert (m.surface, m.end) == ("Lawrow's", 8)


def test_decomposed_umlauts_match_and_keep_offsets() -> None:
    s = unicodedata.normalize("NFD", "Die Rede des Außenministers und der Räte.")
    matches = find_terms(G, s)
    assert [unicodedata.normalize("NFC", m.surface) for m in matches] == ["Außenministers", "Räte"]
    assert all(s[m.start : m.end] == m.surface for m in matches)


def test_offsets_index_the_sentence() -> None:
    s = "„Wir sind bereit“, sagte Lawrow am Dienstag in Moskau über die Nato."
    for m in find_terms(G, s):
        assert s[m.start : m.end] == m.surface


def test_default_glossary_on_news_sentences() -> None:
    g = default_glossary()
    s = "Kremlsprecher Peskow sagte, Nawalnys Tod in Kiews Nachbarland sei natürlich."
    assert hits(s, g) == [
        ("Kreml", "Kremlin"),
        ("Peskow", "Peskov"),
        ("Nawalnys", "Navalny"),
        ("Kiews", "Kyiv"),
    ]
    s = "Der Bundestag stimmte mit SPD, Grünen und FDP; die Tagesschau berichtete."
    assert [m.entry.source for m in find_terms(g, s)] == [
        "Bundestag",
        "SPD",
        "Grüne",
        "FDP",
        "Tagesschau",
    ]
    s = "Die UNO und die UN-Generalversammlung, die EU-Kommission."
    assert [m.entry.target for m in find_terms(g, s)] == [
        "UN",
        "UN General Assembly",
        "European Commission",
    ]


def test_matcher_is_compiled_once_per_version() -> None:
    assert compile_glossary(G) is compile_glossary(Glossary("other name", G.entries))


def test_held_out_style_evaluation_stays_above_acceptance() -> None:
    """bench/glossary_match_eval.py: a glossary unlike the default, ~90 sentences."""
    path = Path(__file__).resolve().parent.parent / "bench" / "glossary_match_eval.py"
    spec = importlib.util.spec_from_file_location("glossary_match_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    precision, recall, problems = module.score(module.cases("test"))
    assert precision >= 0.98 and recall >= 0.98, "\n".join(problems)
