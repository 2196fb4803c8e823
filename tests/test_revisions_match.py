"""Matching the sentences of a story's new German version to the old one's."""

from __future__ import annotations

import time

from service.desk.revisions_match import Matching, match_sentences

STORY = [
    "Bei einem Brand in einer Lagerhalle in Hamburg sind drei Menschen verletzt worden.",
    "Das Feuer brach am frühen Dienstagmorgen aus.",
    "Die Feuerwehr war mit 50 Einsatzkräften vor Ort.",
    "Die Ursache ist noch unklar.",
    "Ein Sprecher der Polizei schloss Brandstiftung nicht aus.",
    "Die Halle gehört einem Logistikunternehmen aus Bremen.",
]


def outcome(matching: Matching) -> list[tuple[str, int | None]]:
    return [(sentence.revised, sentence.old) for sentence in matching.sentences]


def test_the_same_story_keeps_every_sentence() -> None:
    matching = match_sentences(STORY, list(STORY))
    assert outcome(matching) == [("kept", index) for index in range(len(STORY))]
    assert matching.removed == ()


def test_whitespace_and_unicode_form_are_not_a_change() -> None:
    composed = "Die Ursache ist noch unklar, sagte Müller."
    decomposed = "Die  Ursache ist noch\nunklar, sagte Mu\u0308ller."
    assert outcome(match_sentences([composed], [decomposed])) == [("kept", 0)]


def test_reordered_sentences_are_kept_with_their_old_index() -> None:
    new = [STORY[1], STORY[0], STORY[3], STORY[2], STORY[5], STORY[4]]
    assert outcome(match_sentences(STORY, new)) == [
        ("kept", 1),
        ("kept", 0),
        ("kept", 3),
        ("kept", 2),
        ("kept", 5),
        ("kept", 4),
    ]


def test_a_moved_paragraph_is_kept_and_a_new_one_is_new() -> None:
    added = "Erst im vergangenen Jahr hatte es in derselben Halle gebrannt."
    new = [STORY[4], STORY[5], STORY[0], STORY[1], added, STORY[2], STORY[3]]
    matching = match_sentences(STORY, new)
    assert outcome(matching) == [
        ("kept", 4),
        ("kept", 5),
        ("kept", 0),
        ("kept", 1),
        ("new", None),
        ("kept", 2),
        ("kept", 3),
    ]
    assert matching.removed == ()


def test_a_typo_fix_and_a_corrected_figure_are_changed() -> None:
    new = list(STORY)
    new[1] = "Das Feuer brach am frühen Dienstagmorgen aus,"[:-1] + "."
    new[2] = "Die Feuerwehr war mit 80 Einsatzkräften vor Ort."
    new[3] = "Die Ursache ist noch unkar."  # a typo made, to be fixed next time
    matching = match_sentences(STORY, new)
    assert outcome(matching) == [
        ("kept", 0),
        ("kept", 1),
        ("changed", 2),
        ("changed", 3),
        ("kept", 4),
        ("kept", 5),
    ]
    assert matching.count("changed") == 2
    fixed = match_sentences(new, STORY)
    assert [s.revised for s in fixed.sentences][3] == "changed"
    assert 80 < fixed.sentences[3].similarity < 100


def test_a_changed_sentence_that_also_moved_is_found() -> None:
    new = [STORY[0], "Die Feuerwehr war mit 80 Einsatzkräften vor Ort.", *STORY[3:], STORY[1]]
    matching = match_sentences(STORY, new)
    assert outcome(matching)[1] == ("changed", 2)
    assert outcome(matching)[-1] == ("kept", 1)
    assert matching.removed == ()


def test_a_split_sentence_is_one_change_and_one_new() -> None:
    old = [
        "Der Minister kam am Montag nach Berlin, wo er mit Vertretern der Opposition sprach.",
        STORY[3],
    ]
    new = [
        "Der Minister kam am Montag nach Berlin.",
        "Dort sprach er mit Vertretern der Opposition.",
        STORY[3],
    ]
    matching = match_sentences(old, new)
    assert outcome(matching) == [("changed", 0), ("new", None), ("kept", 1)]
    assert matching.removed == ()


def test_merged_sentences_are_one_change_and_one_removed() -> None:
    old = [
        "Der Minister kam am Montag nach Berlin.",
        "Dort sprach er mit Vertretern der Opposition.",
        STORY[3],
    ]
    new = [
        "Der Minister kam am Montag nach Berlin, wo er mit Vertretern der Opposition sprach.",
        STORY[3],
    ]
    matching = match_sentences(old, new)
    assert outcome(matching) == [("changed", 0), ("kept", 2)]
    assert matching.removed == (1,)


def test_an_unrelated_sentence_is_new_and_the_old_one_removed() -> None:
    new = list(STORY)
    new[3] = "Der Bundestag beschließt am Freitag das neue Heizungsgesetz."
    matching = match_sentences(STORY, new)
    assert outcome(matching)[3] == ("new", None)
    assert matching.removed == (3,)


def test_duplicates_pair_in_order_and_the_extra_copy_is_new_or_removed() -> None:
    quote = "„Wir tun alles, was wir können“, sagte er."
    old = [STORY[0], quote, STORY[1], quote]
    grown = match_sentences(old, [STORY[0], quote, STORY[1], quote, quote])
    assert outcome(grown) == [("kept", 0), ("kept", 1), ("kept", 2), ("kept", 3), ("new", None)]
    shrunk = match_sentences(old, [quote, STORY[0], STORY[1]])
    assert outcome(shrunk) == [("kept", 1), ("kept", 0), ("kept", 2)]
    assert shrunk.removed == (3,)


def test_nothing_old_or_nothing_new() -> None:
    assert outcome(match_sentences([], STORY[:2])) == [("new", None), ("new", None)]
    assert match_sentences(STORY[:2], []).removed == (0, 1)


def test_thousands_of_sentences_match_in_well_under_a_second() -> None:
    old = [f"Im Bezirk {n} meldete die Behörde {n * 7} neue Fälle am Tag {n}." for n in range(3000)]
    new = list(reversed(old))
    for n in range(0, 3000, 10):
        new[n] = new[n].replace("neue", "weitere")
    start = time.perf_counter()
    matching = match_sentences(old, new)
    elapsed = time.perf_counter() - start
    assert matching.count("changed") == 300
    assert matching.count("kept") == 2700
    assert elapsed < 2.0
