"""Omission and addition by the German-English lexicon (Ding's format, read at run time)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from service.checks.facts import coverage, omission
from service.checks.facts import lexicon as lexicon_module
from service.checks.facts.coverage import COVERED, GAP, lexical_findings, link
from service.checks.facts.lexicon import Lexicon, load, stem
from service.checks.facts.omission import omission_findings
from tests.conftest import omission_flags

FIXTURE = """\
# Version :: test
# License :: GPL Version 2 or later; GNU General Public License
Gespräch {n}; Unterredung {f} | Gespräche {pl}; Unterredungen {pl} :: \
talk; conversation | talks; conversations
Krise {f} | Krisen {pl} :: crisis | crises
neu {adj} :: new
alt {adj} :: old
Brücke {f} [constr.] | Brücken {pl} :: bridge | bridges
Fluss {m} | Flüsse {pl} :: river | rivers
etw. sperren {vt} | sperrend | gesperrt :: to close sth. (to traffic) | closing | closed
schwer {adj} :: heavy; severe
Regenfall {m} | Regenfälle {pl} :: rainfall | rainfalls
etw. ankündigen {vt} | ankündigend | angekündigt | kündigt an | kündigte an :: \
to announce sth. | announcing | announced | announces | announced
steigen {vi} | steigend | gestiegen :: to rise {rose; risen} | rising | risen
Preis {m} | Preise {pl} :: price | prices
plötzlich {adv} :: suddenly; unexpectedly
wahrscheinlich {adj} :: likely
billig {adj} :: cheap
leer {adj} :: empty
Bürger {m} | Bürger {pl} :: citizen | citizens
Lehrer {m} | Lehrer {pl} :: teacher | teachers
ein Gespräch führen :: to hold a talk
Bundesrat {m} [Dt.] [Ös.]; Ständerat {m} [Schw.] :: Federal Council (second chamber)
die Milchstraße; die Galaxis [astron.] :: the Milky Way; the Galaxy
Neustadt {f} :: new town
"""


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Lexicon:
    path = tmp_path / "de-en"
    path.write_text(FIXTURE, encoding="utf-8")
    # Ding's lines and the news senses, without the renderings of frequent words,
    # which would key words these tests expect unknown ("führen", "brücke"'s "link");
    # only while this lexicon loads, not the real one a check may load later
    with monkeypatch.context() as patch:
        patch.setattr(lexicon_module, "NEWS_SENSES", lexicon_module.NEWS_SENSES[:1])
        loaded = load(path)
    assert loaded is not None
    return loaded


def test_ding_lines_become_german_forms_with_english_stems(small: Lexicon) -> None:
    assert {"talk", "conversation"} <= set(small.translations["gespräche"])
    assert set(small.translations["brücken"]) == {"bridg"}  # "[constr.]" is no word
    assert "clos" in small.translations["gesperrt"]
    assert "traffic" not in small.translations["sperren"]  # "(to traffic)" is a note
    # A separable verb's form is keyed as one word, its particle first.
    assert "announc" in small.translations["ankündigte"]
    # An entry of several content words names none of them.
    assert "führen" not in small.translations
    assert small.gloss("Unterredungen") == "talk"  # Ding's first English, as first seen


def test_dings_english_names_of_several_words_are_kept_as_written(small: Lexicon) -> None:
    assert small.names_of("Bundesrat") == ("Federal Council",)
    assert small.names_of("Bundesrates") == ("Federal Council",)  # by its base
    assert small.names_of("Milchstraße") == ("Milky Way",)  # "the" and "die" dropped
    assert small.names_of("Galaxis") == ("Milky Way",)  # "the Galaxy" is one word
    assert small.names_of("Neustadt") == ()  # "new town" is no name
    assert small.names_of("Krise") == ()


def test_one_word_stems_alike_across_its_inflections() -> None:
    assert stem("passes") == stem("passed") == stem("passing") == stem("pass")
    assert stem("policies") == stem("policy")
    assert stem("stopped") == stem("stop")
    assert stem("clearly") == stem("clear")


def test_irregular_verb_forms_are_one_family(small: Lexicon) -> None:
    assert set(small.stems("rose")) == {stem("rise"), stem("rose"), stem("risen")}
    assert small.stems("talk") == ("talk",)


def test_a_compound_the_lexicon_lacks_is_read_by_its_parts(small: Lexicon) -> None:
    # both parts known (the linking -n- dropped): both parts' English
    assert {stem("crises"), "talk"} <= small.lookup("Krisengespräch")
    # an inflected compound
    assert "talk" in small.lookup("Krisengesprächen")
    # only the tail known: the tail's English
    assert small.lookup("Eisenbahnbrücke") == {"bridg"}
    assert small.lookup("Zzyzx") == frozenset()


def test_a_womans_form_the_lexicon_lacks_is_read_as_the_mans(small: Lexicon) -> None:
    assert small.lookup("Lehrerinnen") == {stem("teacher")}
    assert small.lookup("Lehrerin") == {stem("teacher")}
    assert small.lookup("Termin") == frozenset()  # too short for a woman's "-in"


def test_news_senses_ding_lacks_are_added_to_its_own(small: Lexicon) -> None:
    # Ding's sense kept, the news sense beside it ("Bürger" = "residents")
    assert {stem("citizen"), stem("residents")} <= small.lookup("Bürger")
    # a word Ding's file lacks here gains the news senses alone
    assert stem("considerably") in small.lookup("deutlich")
    assert stem("expects") in small.lookup("rechnet")
    assert small.lookup("Zzyzx") == frozenset()


def test_a_missing_file_means_no_lexicon_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "nowhere" / "de-en"
    with caplog.at_level(logging.WARNING, logger="service.checks.facts.lexicon"):
        assert load(missing) is None
        assert load(missing) is None
    warnings = [r for r in caplog.records if "no German-English lexicon" in r.getMessage()]
    assert len(warnings) == 1


def test_without_the_lexicon_the_rules_stand_alone(
    small: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "Die alte Brücke über den Fluss wurde nach schweren Regenfällen gesperrt."
    target = "The bridge over the river was closed after rainfall."
    monkeypatch.setattr(omission, "lexicon", lambda: small)
    [finding] = omission_findings(source, target)
    assert finding.flag == "omission" and "'alte' (old), 'schweren' (heavy)" in finding.message
    # no length band, structure or name finding: nothing without the lexicon
    monkeypatch.setattr(omission, "lexicon", lambda: None)
    assert omission_findings(source, target) == []


def test_words_dropped_from_the_english_are_named(small: Lexicon) -> None:
    source = "Die alte Brücke über den Fluss wurde nach schweren Regenfällen gesperrt."
    target = "The bridge was closed after rain."
    omitted, added, *_ = lexical_findings(source, target, small, ratio=0.5)
    assert added is None
    assert omitted is not None and omitted.flag == "omission"
    assert omitted.message.startswith("'alte' (old), 'Fluss' (river), 'schweren' (heavy)")
    assert "of the German have nothing in the English" in omitted.message
    assert omitted.source_span is not None
    assert source[omitted.source_span[0] : omitted.source_span[1]] == "alte"


def test_the_same_sentence_in_full_is_clean(small: Lexicon) -> None:
    source = "Die alte Brücke über den Fluss wurde nach schweren Regenfällen gesperrt."
    target = "The old bridge over the river was closed after severe rainfall."
    assert lexical_findings(source, target, small, ratio=0.9)[:2] == (None, None)


def test_one_word_dropped_is_no_finding_but_more_where_the_english_runs_short(
    small: Lexicon,
) -> None:
    # a correct translation leaves one word unrendered about as often as an omission
    # does (the ten sets written last: 1 against 1.5 flagged 20 more clean targets)
    source = "Die Brücke am Fluss wurde gesperrt."
    assert lexical_findings(source, "The bridge was closed.", small, ratio=0.7)[:2] == (None, None)
    source = "Die Brücke am Fluss wurde nach schweren Regenfällen gesperrt."
    omitted, *_ = lexical_findings(source, "The bridge was closed.", small, ratio=0.7)
    assert omitted is not None and omitted.message.startswith("'Fluss' (river), 'schweren'")


def test_modifiers_dropped_count_at_the_germans_length(small: Lexicon) -> None:
    source = "Die alte Brücke wurde nach schweren Regenfällen gesperrt."
    target = "The bridge was closed after rainfall."
    # modifiers dropped hardly shorten the English: no shortness is needed
    omitted, *_ = lexical_findings(source, target, small, ratio=1.0)
    assert omitted is not None and omitted.message.startswith("'alte' (old), 'schweren'")
    # but not where the English runs much longer (it says the German another way)
    assert lexical_findings(source, target, small, ratio=1.4)[:2] == (None, None)


def test_an_acronym_of_a_german_compound_is_rendered(small: Lexicon) -> None:
    # "EU" renders the compound's first part: it does not stand for the dropped "neue"
    pair = link("Die neue EU-Brücke wurde gesperrt.", "The EU bridge was closed.", small)
    kinds = {token.word: token.kind for token in pair.german}
    assert kinds["neue"] == GAP and kinds["EU-Brücke"] == COVERED


def test_words_added_to_the_english_are_named(small: Lexicon) -> None:
    source = "Die Preise sind gestiegen."
    target = "Prices of bridges and rainfall rose."
    omitted, added, *_ = lexical_findings(source, target, small, ratio=1.4)
    assert omitted is None
    assert added is not None and added.flag == "addition"
    assert added.message.startswith("'bridges', 'rainfall' of the English have nothing")
    assert added.target_span is not None
    assert target[added.target_span[0] : added.target_span[1]] == "bridges"


def test_an_added_adverb_is_named(small: Lexicon) -> None:
    source = "Die Preise sind gestiegen."
    _, added, *_ = lexical_findings(source, "Prices rose unexpectedly.", small, ratio=1.1)
    assert added is not None and added.flag == "addition"
    assert "'unexpectedly' of the English" in added.message
    # the German's own adverb renders it
    source = "Die Preise sind plötzlich gestiegen."
    found = lexical_findings(source, "Prices rose unexpectedly.", small, ratio=1.0)
    assert found[:2] == (None, None)


def test_a_glossary_term_renders_its_german(small: Lexicon) -> None:
    source = "Die Gespräche über die Brücke wurden angekündigt."
    target = "The summit on the bridge was announced."
    plain = coverage.link(source, target, small)
    assert plain.german[1].kind == coverage.GAP  # Gespräche: no "talk" in the English
    start = source.index("Gespräche")
    glossed = coverage.link(source, target, small, [((start, start + 9), "summit")])
    assert glossed.german[1].kind == coverage.COVERED
    assert glossed.english[1].kind == coverage.COVERED  # summit


SOURCE = (
    "Bundeskanzler Friedrich Merz reist am Montag zu Gesprächen über die Sicherheit "
    "der östlichen Grenze nach Warschau."
)


@pytest.mark.usefixtures("real_ding")
def test_a_clean_paraphrase_stays_clean_on_the_real_lexicon() -> None:
    targets = [
        "Chancellor Friedrich Merz is travelling to Warsaw on Monday for talks on the "
        "security of the eastern border.",
        "On Monday, Chancellor Friedrich Merz will travel to Warsaw for talks about "
        "security on the eastern frontier.",
    ]
    for target in targets:
        assert omission_findings(SOURCE, target) == [], target


@pytest.mark.usefixtures("real_ding")
def test_a_dropped_phrase_is_flagged_on_the_real_lexicon() -> None:
    target = "Chancellor Friedrich Merz is travelling to Warsaw on Monday for talks."
    [finding] = omission_findings(SOURCE, target)
    assert finding.flag == "omission"
    assert "'Sicherheit' (" in finding.message and "'Grenze' (" in finding.message


@pytest.mark.usefixtures("real_ding")
def test_an_added_phrase_is_flagged_on_the_real_lexicon() -> None:
    target = (
        "Chancellor Friedrich Merz is travelling to Warsaw on Monday for talks on the "
        "security of the eastern border, despite fierce criticism from opposition lawmakers."
    )
    [finding] = omission_findings(SOURCE, target)
    assert finding.flag == "addition"
    assert finding.target_span is not None
    assert target[finding.target_span[0] :].startswith(("fierce", "criticism", "opposition"))


def test_an_added_modifier_is_named(small: Lexicon) -> None:
    source = "Die Brücke wurde gesperrt."
    target = "The rainfall bridge was closed."
    _, added, *_ = lexical_findings(source, target, small, ratio=1.0)
    assert added is not None and added.flag == "addition"
    assert added.message.startswith("'rainfall' of the English has nothing in the German")
    assert added.target_span is not None
    assert target[added.target_span[0] : added.target_span[1]] == "rainfall"
    # a German word left unrendered may be what the English says another way
    source = "Die Brücke wurde nach Regen gesperrt."
    assert lexical_findings(source, target, small, ratio=1.0)[1] is None


def test_an_added_modifier_after_a_preposition_but_no_verb_after_to(small: Lexicon) -> None:
    source = "Die Brücke wurde gesperrt."
    added = lexical_findings(source, "In rainfall bridge closed.", small, ratio=1.0)[1]
    assert added is not None and added.message.startswith("'rainfall' of the English")
    # "to" and "that" open a verb ("that allows"), and an "-ing" word after a
    # preposition is one
    assert lexical_findings(source, "To rainfall bridge closed.", small, ratio=1.0)[1] is None
    assert lexical_findings(source, "That rainfall bridge closed.", small, ratio=1.0)[1] is None
    assert lexical_findings(source, "By rising bridge closed.", small, ratio=1.0)[1] is None
    added = lexical_findings(source, "The rising bridge closed.", small, ratio=1.0)[1]
    assert added is not None  # after a determiner, an "-ing" word is an adjective


def test_a_word_before_a_participle_is_its_subject_not_a_modifier(small: Lexicon) -> None:
    source = "Die Brücke wurde gesperrt."
    # "a ruling published": the word before a verb form is a noun, no modifier
    assert lexical_findings(source, "The rainfall closed bridge.", small, ratio=1.0)[1] is None
    added = lexical_findings(source, "The suddenly closed bridge.", small, ratio=1.0)[1]
    assert added is not None  # an "-ly" adverb before a participle still is one


def test_length_and_structure_alone_are_no_omission_where_every_word_is_rendered(
    small: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "Die alte Brücke über den Fluss wurde nach schweren Regenfällen gesperrt."
    target = "Old river bridge closed, heavy rainfall."  # terse, but all there
    monkeypatch.setattr(omission, "lexicon", lambda: None)
    [finding] = omission_findings(source, target)  # "über den Fluss" has no "over"
    assert finding.flag == "omission"
    monkeypatch.setattr(omission, "lexicon", lambda: small)
    assert omission_findings(source, target) == []


def test_a_lone_verb_unrendered_is_a_paraphrase_not_an_omission(small: Lexicon) -> None:
    # a verb counts half: "gesperrt" may be said with a verb the lexicon lacks
    source = "Die Brücke wurde gesperrt."
    assert lexical_findings(source, "The bridge.", small, ratio=0.5)[:2] == (None, None)
    source = "Die alte Brücke wurde gesperrt."
    omitted, *_ = lexical_findings(source, "The bridge.", small, ratio=0.5)
    assert omitted is not None and omitted.message.startswith("'alte' (old), 'gesperrt' (")


def test_a_german_verb_said_another_way_leaves_an_added_adverb_unexplained(
    small: Lexicon,
) -> None:
    source = "Die Preise sind gestiegen."
    # "climbed" is no translation the lexicon gives for "gestiegen": a verb for a verb
    _, added, *_ = lexical_findings(source, "Prices climbed unexpectedly.", small, ratio=1.2)
    assert added is not None and "'unexpectedly'" in added.message
    # an unrendered adverb or predicative adjective might be what the adverb says
    source = "Die Preise sind schwer gestiegen."
    found = lexical_findings(source, "Prices climbed unexpectedly.", small, ratio=1.2)
    assert found.added is None
    # an attributive adjective or a noun says no "how": the adverb is still added
    source = "Die alten Preise sind gestiegen."
    _, added, *_ = lexical_findings(source, "Prices climbed unexpectedly.", small, ratio=1.2)
    assert added is not None and "'unexpectedly'" in added.message


def test_an_ly_word_after_a_determiner_is_no_adverb(small: Lexicon) -> None:
    source = "Die Preise sind gestiegen."
    # "the likely (winner)" is an adjective, "the friendly" a noun: no "how"
    found = lexical_findings(source, "Prices of the likely rose.", small, ratio=1.2)
    assert found.added is None
    _, added, *_ = lexical_findings(source, "Prices rose likely.", small, ratio=1.2)
    assert added is not None and "'likely'" in added.message


def test_several_german_words_unrendered_need_fewer_english_ones(small: Lexicon) -> None:
    # "Fluss", "schweren", "Regenfällen" and the verb "gesperrt" (half) have nothing
    # in the English; "shut", "storms", "winds" render no German word: 3.5 against 3,
    # where the English runs short, is an omission
    source = "Die Brücke am Fluss wurde nach schweren Regenfällen gesperrt."
    target = "The bridge was shut after storms and winds."
    omitted, *_ = lexical_findings(source, target, small, ratio=0.85)
    assert omitted is not None and omitted.message.startswith("'Fluss' (river), 'schweren'")
    # 1.5 against 1 is a paraphrase
    source = "Die Brücke wurde nach Regenfällen gesperrt."
    assert lexical_findings(source, "The bridge was shut after storms.", small, 0.9)[0] is None


def test_two_fairly_common_words_added_are_an_addition(small: Lexicon) -> None:
    # "cheap" (Zipf 4.7) and "empty" (4.6) are below the 4.8 that counts as uncommon
    source = "Die Preise sind gestiegen."
    target = "Prices of cheap and empty bridges rose."
    _, added, *_ = lexical_findings(source, target, small, ratio=1.3)
    assert added is not None and added.message.startswith("'cheap', 'empty'")
    # where the German leaves as many words unrendered, they may be a paraphrase
    source = "Die Preise der billigen Flüsse sind gestiegen."
    assert lexical_findings(source, "Prices of cheap bridges rose.", small, 1.3).added is None


@pytest.mark.usefixtures("real_ding")
def test_an_inflected_adjective_reads_as_its_base_and_a_noun_of_that_form() -> None:
    from service.checks.facts.lexicon import lexicon

    found = lexicon()
    assert found is not None
    dichten = found.lookup("dichten")
    assert {"thick", "poem"} <= dichten  # dicht (adjective) and dichten (verb)
    assert "light" in found.lookup("leichteren")  # comparative of leicht


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "Die anhaltende Hitze hat den Rhein bei Kaub auf einen Tiefstand fallen lassen.",
            "The heat has caused the Rhine at Kaub to fall to a low.",
        ),
        (
            "Der Verein stellte am Montag einen neuen Trainer vor.",
            "The club presented a coach on Monday.",
        ),
        # another adjective the English renders between them
        (
            "Die Firma will die letzten deutschen Werke schließen.",
            "The company wants to close its German plants.",
        ),
    ],
)
def test_an_adjective_dropped_before_a_noun_the_english_keeps_bare(
    source: str, target: str
) -> None:
    assert "omission" in omission_flags(source, target)


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target"),
    [
        # the adjective said another way: the English noun keeps a modifier
        (
            "Die Zahl der Fälle stieg in der vergangenen Woche deutlich.",
            "The number of cases rose markedly last week.",
        ),
        # an adverb before the adjective, or a comparison: no plain attribute
        (
            "Die Agentur hat den Start auf einen noch unbekannten Termin verschoben.",
            "The agency has postponed the launch to a date yet to be announced.",
        ),
        # an adjective of a place is the name checks'
        (
            "Das Rennen im finnischen Ruka wurde abgesagt.",
            "The race in Ruka, Finland, was cancelled.",
        ),
    ],
)
def test_an_adjective_said_otherwise_is_no_bare_noun(source: str, target: str) -> None:
    assert "omission" not in omission_flags(source, target)


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target"),
    [
        # an adverb left out, all else rendered
        (
            "Die Regierung hat den Haushalt erneut verschoben.",
            "The government has postponed the budget.",
        ),
        (
            "Viele Pflegekräfte fühlen sich dauerhaft erschöpft.",
            "Many care workers feel exhausted.",
        ),
    ],
)
def test_an_adverb_dropped_where_the_rest_is_rendered(source: str, target: str) -> None:
    assert "omission" in omission_flags(source, target)


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "Die Regierung hat den Haushalt erneut verschoben.",
            "The government has postponed the budget again.",
        ),
        (
            "Das Gericht wird den Fall nicht erneut verhandeln.",
            "The court will not rehear the case.",
        ),
    ],
)
def test_again_said_by_again_or_a_re_verb(source: str, target: str) -> None:
    assert "omission" not in omission_flags(source, target)


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target"),
    [
        # an adjective made of a noun, said by the noun
        (
            "Die Zahl der tödlichen Unfälle sank deutlich.",
            "The number of accidents causing death fell significantly.",
        ),
        # "möglich" said by a modal verb
        (
            "Eine Anmeldung für die Kurse ist ab sofort per Telefon möglich.",
            "Registration for the courses can be made by phone from now on.",
        ),
    ],
)
def test_a_derived_adjective_or_a_modal_verb_renders_its_german(source: str, target: str) -> None:
    assert "omission" not in omission_flags(source, target)


@pytest.mark.usefixtures("real_ding")
def test_an_attributive_moeglich_is_not_said_by_a_modal_elsewhere() -> None:
    source = "Die Firma ruft das Produkt wegen möglicher Glassplitter zurück."
    assert "omission" in omission_flags(source, "The company is recalling the product, it may say.")


@pytest.mark.usefixtures("real_ding")
def test_an_adjective_dropped_after_a_verb_whose_english_noun_stands_bare() -> None:
    source = "Die Polizei stoppte illegale Rennen in der Innenstadt."
    assert "omission" in omission_flags(source, "Police stopped races in the city centre.")
    assert "omission" not in omission_flags(
        source, "Police stopped illegal races in the city centre."
    )


def test_each_english_word_renders_one_german_word(tmp_path: Path) -> None:
    path = tmp_path / "de-en"
    path.write_text(
        "Regenfall {m} | Regenfälle {pl} :: rainfall | rainfalls\n"
        "Niederschlag {m} | Niederschläge {pl} :: rainfall; precipitation | rainfalls\n"
        "Ärztin {f} | Ärztinnen {pl} :: doctor | doctors\n"
        "Arzt {m} | Ärzte {pl} :: doctor | doctors\n",
        encoding="utf-8",
    )
    lexicon = load(path)
    assert lexicon is not None

    def kinds(source: str, target: str) -> list[str]:
        return [token.kind for token in link(source, target, lexicon).german if token.word != "und"]

    assert kinds("Regenfälle und Niederschläge", "rainfall") == [COVERED, GAP]
    assert kinds("Regenfälle und Niederschläge", "rainfall and precipitation") == [COVERED] * 2
    assert kinds("Ärztinnen und Ärzte", "doctors") == [COVERED] * 2  # one stem may share


@pytest.mark.usefixtures("real_ding")
def test_an_item_of_a_list_dropped_or_added() -> None:
    source = "Die Bauern ernten in diesem Jahr weniger Äpfel und Birnen."
    assert "omission" in omission_flags(source, "Farmers are harvesting fewer apples this year.")
    assert "omission" not in omission_flags(
        source, "Farmers are harvesting fewer apples and pears this year."
    )
    source = "Die Händler verkaufen Äpfel und Birnen."
    assert "addition" in omission_flags(source, "The traders sell apples, plums and pears.")
    assert "addition" not in omission_flags(source, "The traders sell apples and pears.")


@pytest.mark.usefixtures("real_ding")
def test_a_hyphenated_modifier_added_whatever_its_parts_frequency() -> None:
    source = "Die Gemeinde hat einen Kompromiss erzielt."
    assert "addition" in omission_flags(source, "The community has reached a hard-won compromise.")
    assert "addition" not in omission_flags(source, "The community has reached a compromise.")


def test_a_place_adjective_by_its_place_and_a_short_name_as_written(small: Lexicon) -> None:
    def kind(source: str, target: str, word: str) -> str:
        return next(t.kind for t in link(source, target, small).german if t.word == word)

    source = "Der sächsische Antrag kam bei Aldi Süd an."
    assert kind(source, "The petition in Saxony reached Aldi Süd.", "sächsische") == COVERED
    assert kind(source, "The petition in Saxony reached Aldi Süd.", "Süd") == COVERED
    assert kind(source, "The petition in Bavaria reached Aldi.", "sächsische") != COVERED
    assert kind(source, "The petition in Bavaria reached Aldi.", "Süd") != COVERED


@pytest.mark.usefixtures("real_ding")
@pytest.mark.parametrize(
    ("source", "target", "flag"),
    [
        # one of two listed German nouns gone, its partner alone in the English
        (
            "Der CO2-Preis für Heizöl und Erdgas steigt im Januar.",
            "The CO2 price for natural gas rises in January.",
            "omission",
        ),
        (
            "Der CO2-Preis für Heizöl und Erdgas steigt im Januar.",
            "The CO2 price for heating oil and natural gas rises in January.",
            None,
        ),
        # two words of one meaning, or the parts of a shortened compound, are one item
        (
            "Das Zentrum für Luft- und Raumfahrt forscht in Köln.",
            "The aerospace centre does research in Cologne.",
            None,
        ),
        # one of two listed English nouns the German lacks
        (
            "Die Zölle auf Stahl treffen die Industrie hart.",
            "The tariffs on steel and aluminium hit industry hard.",
            "addition",
        ),
        # a clause after ", and", or a verb after "and", is no list's item
        (
            "Sie erzielte in der 87. Minute das Siegtor und ist die beste Torschützin.",
            "She scored the winner in the 87th minute and remains the top scorer.",
            None,
        ),
    ],
)
def test_an_item_of_two_dropped_or_added(source: str, target: str, flag: str | None) -> None:
    from service.checks.facts.lexicon import lexicon

    found = lexicon()
    assert found is not None
    weighed = lexical_findings(source, target, found, ratio=1.0)
    both = (weighed.omitted, weighed.added, weighed.item_dropped, weighed.item_added)
    flags = [finding.flag for finding in both if finding is not None]
    assert flags == ([flag] if flag else [])


def test_a_womans_and_a_mans_form_unrendered_count_once() -> None:
    tokens = [coverage.Token((0, 11), "Bürgerinnen", GAP), coverage.Token((16, 22), "Bürger", GAP)]
    assert [token.word for token in coverage._one_of_each_pair(tokens)] == ["Bürger"]
    others = [coverage.Token((0, 6), "Kinder", GAP), coverage.Token((11, 17), "Eltern", GAP)]
    assert coverage._one_of_each_pair(others) == others


@pytest.mark.usefixtures("real_ding")
def test_the_renderings_of_frequent_words_join_dings_own() -> None:
    from service.checks.facts.lexicon import lexicon

    real = lexicon()
    assert real is not None
    assert "alreadi" in real.lookup("inzwischen")  # the shipped list's, not Ding's
    assert "soon" in real.lookup("bald")  # Ding's, kept
    source = "Die Firma hat inzwischen 300 Mitarbeiter."
    assert omission_findings(source, "The firm already has 300 employees.") == []
