"""Omission and addition on natural references: idioms, separable verbs, attributions,
clause joins and time phrases a professional English says otherwise (real lexicon)."""

from __future__ import annotations

import pytest

from service.checks.facts.structure import added_prepositions, coordination
from tests.conftest import omission_flags

pytestmark = pytest.mark.usefixtures("real_ding")


def test_an_idiom_said_as_one_idea_is_no_omission() -> None:
    source = "Die Zahl der Verkehrstoten ist im Mai um zwölf auf 240 gestiegen."
    assert "omission" not in omission_flags(source, "Road deaths rose by twelve to 240 in May.")
    source = "Anmeldungen sind ab sofort über das Rathaus möglich, sagte der Bürgermeister."
    target = "Registrations are now possible via the town hall, the mayor said."
    assert "omission" not in omission_flags(source, target)


def test_a_noun_dropped_outside_an_idiom_is_still_an_omission() -> None:
    source = "Die Zahl der Verkehrstoten ist im Mai um zwölf auf 240 gestiegen."
    assert "omission" in omission_flags(source, "The number rose by twelve to 240 in May.")


def test_a_separable_verbs_particle_weighs_nothing() -> None:
    source = "Die Sängerin nahm den Preis am Sonntag in Wien entgegen."
    target = "The singer accepted the award in Vienna on Sunday."
    assert "omission" not in omission_flags(source, target)


def test_any_german_attribution_accounts_for_an_english_one() -> None:
    cases = [
        (
            "Die Zahl der Grippefälle hat sich verdoppelt, wie das Gesundheitsamt berichtet.",
            "Flu cases have doubled, according to the health authority.",
        ),
        (
            "Im Park leben nach jüngsten Zählungen der Verwaltung 40 Wölfe.",
            "According to the latest count by the authority, 40 wolves live in the park.",
        ),
        (
            "Die Gewerkschaft hat angekündigt, im Dezember nicht zu streiken.",
            "The union has said it will not strike in December.",
        ),
    ]
    for source, target in cases:
        assert "addition" not in omission_flags(source, target), target


def test_german_clause_joins_account_for_an_english_and() -> None:
    source = "Ein Autofahrer ist in Köln geblitzt worden; ihm droht nun ein Fahrverbot."
    target = "A driver was caught by a speed camera in Cologne and now faces a driving ban."
    assert coordination(source, target) is None
    source = "Ein Autofahrer ist in Köln geblitzt worden, ihm droht ein Fahrverbot."
    target = "A driver was caught by a speed camera in Cologne, and his wife and son face a ban."
    assert coordination(source, target) is not None


def test_the_part_of_a_month_is_no_added_phrase() -> None:
    source = "Nach 30 Jahren schließt Ende Juni die letzte Apotheke im Ort."
    target = "After 30 years, the last pharmacy in the village will close at the end of June."
    assert added_prepositions(source, target) == []
    target = "After 30 years, the last pharmacy in the village will close with great sadness."
    assert added_prepositions(source, target) != []


def test_a_german_adverbial_phrase_accounts_for_an_english_ly_adverb() -> None:
    source = "In Bayern fehlen rund 900 Erzieher, vor allem in den Städten."
    target = "Bavaria is short of around 900 nursery teachers, mainly in the cities."
    assert "addition" not in omission_flags(source, target)


def test_a_modifier_rendering_a_german_compounds_first_part_is_no_addition() -> None:
    source = "Der Regisseur erhält am Freitag den Ehrenpreis des Festivals."
    target = "The director will receive the festival's honorary award on Friday."
    assert "addition" not in omission_flags(source, target)
    source = "Der Regisseur erhält am Freitag den Preis des Festivals."
    target = "The director will receive the festival's honorary award on Friday."
    assert "addition" in omission_flags(source, target)


def test_a_hedge_rendered_by_another_hedge_is_no_omission_but_dropped_it_is() -> None:
    source = (
        "Bei einer Razzia gegen mutmaßliche Betrüger hat die Polizei in Bremen "
        "zwölf Büros durchsucht."
    )
    target = "Police searched twelve offices in Bremen in a raid on suspected fraudsters."
    assert "omission" not in omission_flags(source, target)
    target = "Police searched twelve offices in Bremen in a raid on fraudsters."
    assert "omission" in omission_flags(source, target)


def test_a_witness_appeal_and_a_currency_symbol_are_rendered() -> None:
    source = "Zeugen werden gebeten, sich unter der Telefonnummer 0421 362-0 zu melden."
    assert omission_flags(source, "Witnesses are asked to call 0421 362-0.") == set()
    source = "Die Stadt benötigt im kommenden Jahr 40 Millionen US-Dollar für neue Schulen."
    target = "The city needs $40m for new schools next year."
    assert "omission" not in omission_flags(source, target)


def test_a_modifier_before_a_compound_its_own_entry_renders_is_still_an_addition() -> None:
    source = "Ein Feuer in einer Lagerhalle in Ulm hat in der Nacht hohen Schaden verursacht."
    target = "A fire at an abandoned warehouse in Ulm caused heavy damage overnight."
    assert "addition" in omission_flags(source, target)
