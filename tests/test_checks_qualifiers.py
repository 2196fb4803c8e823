"""How exact a figure is: a qualifier dropped is content left out, a bound turned
round a changed number, a bound added an addition; other renderings pass."""

from __future__ import annotations

import pytest

from service.checks.facts import fact_findings, fact_flags
from service.checks.qualifiers import qualifier_findings


def flags(source: str, target: str) -> list[str]:
    return [finding.flag for finding in qualifier_findings(source, target)]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Die Zahl stieg auf rund 180.000.", "The number rose to 180,000.", ["omission"]),
        ("Die Polizei traf gegen 16.45 Uhr ein.", "The police arrived at 4.45pm.", ["omission"]),
        # a bound lost changes the figure told: a number_mismatch too
        (
            "Der Streik dauerte mehr als 30 Stunden.",
            "The strike lasted 30 hours.",
            ["omission", "number_mismatch"],
        ),
        (
            "Die Preise sanken um knapp 9 Prozent.",
            "Prices fell by 9 percent.",
            ["omission", "number_mismatch"],
        ),
        (
            "Es kamen bis zu 4.000 Besucher.",
            "4,000 visitors came.",
            ["omission", "number_mismatch"],
        ),
        (
            "Der Anteil lag erstmals über 50 Prozent.",
            "The share was 50 percent for the first time.",
            ["omission", "number_mismatch"],
        ),
        ("Es kamen mehr als 2000 Menschen.", "2000 people came.", ["omission", "number_mismatch"]),
    ],
)
def test_a_qualifier_dropped_is_an_omission(source: str, target: str, expected: list[str]) -> None:
    assert flags(source, target) == expected
    assert "omission" in fact_flags(fact_findings(source, target))


def test_a_year_compared_has_no_bound() -> None:
    source = "Das Museum zählte 1,4 Millionen Besucher, 18 Prozent mehr als 2022."
    target = "The museum drew 1,400,000 visitors, an increase of 18 per cent on 2022."
    assert flags(source, target) == []


def test_a_german_bound_words_before_its_figure_is_no_english_addition() -> None:
    source = "Es sind deutlich weniger als die von der Regierung angestrebten 15 Millionen."
    assert flags(source, "It is far fewer than the 15 million the government is aiming for.") == []


def test_a_bound_turned_round_is_a_changed_number() -> None:
    findings = qualifier_findings(
        "Der Streik dauerte mehr als 30 Stunden.", "The strike lasted less than 30 hours."
    )
    assert [f.flag for f in findings] == ["number_mismatch"]
    assert "'mehr als'" in findings[0].message and "'less than'" in findings[0].message


def test_nicht_mehr_als_is_an_upper_bound() -> None:
    source = "Es dürfen nicht mehr als 100 Menschen kommen."
    assert [f.flag for f in qualifier_findings(source, "More than 100 people may come.")] == [
        "number_mismatch"
    ]
    assert qualifier_findings(source, "No more than 100 people may come.") == []
    assert qualifier_findings(source, "Up to 100 people may come.") == []
    flipped = qualifier_findings("Es kamen nicht weniger als 100.", "Fewer than 100 came.")
    assert [f.flag for f in flipped] == ["number_mismatch"]


def test_a_bound_added_is_an_addition() -> None:
    assert flags("Der Streik dauerte 30 Stunden.", "The strike lasted at least 30 hours.") == [
        "addition",
        "number_mismatch",
    ]
    assert flags("Der Streik dauerte 30 Stunden.", "The strike lasted around 30 hours.") == [
        "addition"
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Die Zahl stieg auf rund 180.000.", "The number rose to some 180,000."),
        ("Die Zahl stieg auf rund 180.000.", "The number rose to nearly 180,000."),
        ("Die Preise sanken um knapp 9 Prozent.", "Prices fell by almost 9%."),
        ("Die Firma hat über 300 Beschäftigte.", "The firm has 300-plus employees."),
        (
            "Kinder unter zwölf Jahren dürfen nicht mitfahren.",
            "Children under the age of 12 may not ride.",
        ),
        ("Rund ein Drittel der Heime ist betroffen.", "Roughly one in three homes is affected."),
        ("Die Gewerkschaft fordert mindestens aber 300 Euro.", "The union demands at least €300."),
        # not qualifiers: "ab" (from), a year compared, "gegen" (against), "über" (of)
        ("Die Impfung gibt es ab 50 Jahren.", "The vaccine is available from age 50."),
        ("Es waren 4 Prozent mehr als 2022.", "That was 4 percent more than in 2022."),
        (
            "Sie sammelten Unterschriften gegen fünf Windräder.",
            "They collected signatures against five wind turbines.",
        ),
        ("Es gab ein Gebot über 1,85 Millionen Euro.", "There was a bid of 1.85 million euros."),
        ("Der Anteil lag erstmals über 50 Prozent.", "The share was more than 50 percent at last."),
        # "spätestens zwei Stunden vor Abflug": "at least two hours before"
        ("Seien Sie spätestens zwei Stunden vor Abflug da.", "Be there at least two hours before."),
        # a qualifier joined to its figure by a hyphen: "over-60s"
        ("Ein Drittel der über 60-Jährigen ist geimpft.", "A third of over-60s are vaccinated."),
        # "unter die 30 besten": among, no bound
        ("Sie kam unter die 30 besten Hochschulen.", "It made the top 30 universities."),
        # "nicht über … hinaus": held to, no bound
        ("Bayer kam nicht über ein 0:0 hinaus.", "Bayer were held to a 0-0 draw."),
        # a telephone number after "unter" (at) is no bound
        ("Hinweise nimmt das Amt unter 0621 174-0 entgegen.", "Call the office on 0621 174-0."),
        # a number word's partner is the English number word, not a score's digit
        (
            "Er siegte nach knapp drei Stunden mit 6:1, 2:6, 6:3, 6:4.",
            "He won 6-1, 2-6, 6-3, 6-4 in just under three hours.",
        ),
        # "eine Umfrage unter 6.000 Befragten": among, no bound
        (
            "Das ergab eine Umfrage unter 6.000 Befragten.",
            "That was the finding of a survey of 6,000.",
        ),
        # a currency sign is no word between the qualifier and its figure
        ("Sie dürfen bis zu 2000 Euro hinzuverdienen.", "They may earn up to an extra €2,000."),
        # "Halbjahr" (six months) is no figure with a bound: the "six" is the minutes'
        (
            "Im ersten Halbjahr kamen sie mit weniger als sechs Minuten Verspätung an.",
            "In the first half, they arrived less than six minutes late.",
        ),
    ],
)
def test_a_qualifier_said_another_way_passes(source: str, target: str) -> None:
    assert flags(source, target) == []


def test_a_figure_that_adds_to_one_before_keeps_its_weitere() -> None:
    source = "Die Kette schließt bis Juni weitere 17 Filialen."
    assert flags(source, "The chain is closing 17 branches by June.") == ["omission"]
    for target in (
        "The chain is closing another 17 branches by June.",
        "The chain is closing a further 17 branches by June.",
        "The chain is closing 17 more branches by June.",
    ):
        assert flags(source, target) == []


def test_unter_before_a_telephone_number_is_no_bound() -> None:
    source = "Patienten sollen den Bereitschaftsdienst unter 116 117 anrufen."
    assert flags(source, "Patients should call the out-of-hours service on 116 117.") == []
    assert flags("Der Preis liegt unter 100 Euro.", "The price is 100 euros.") == [
        "omission",
        "number_mismatch",
    ]


def test_an_english_qualifier_is_the_german_figures_of_its_value_that_has_one() -> None:
    source = "Die zweite Strecke kostet fast doppelt so viel wie geplant."
    english = "The second line costs almost twice as much as planned."
    assert qualifier_findings(source, english) == []
    source = "Die zweite Strecke kostet doppelt so viel wie geplant."
    assert qualifier_findings(source, english) != []


def test_ueber_before_a_distance_is_a_route_not_a_bound() -> None:
    source = "Die erste Etappe führt über 118 Kilometer von Lausanne nach Genf."
    assert qualifier_findings(source, "The first stage covers 118km from Lausanne to Geneva.") == []
    source = "Die Etappe ist mehr als 118 Kilometer lang."
    assert qualifier_findings(source, "The stage is 118 kilometres long.") != []


def test_ueber_after_a_noun_and_built_around_a_figure() -> None:
    # "Tiertransporte über acht Stunden" = "of more than eight hours"
    source = "Tiertransporte über acht Stunden sollen verboten werden."
    assert flags(source, "Animal transports of more than eight hours are to be banned.") == []
    source = "Tiertransporte von acht Stunden sollen verboten werden."
    assert flags(source, "Animal transports of more than eight hours are to be banned.")
    source = "TransnetBW hat einen Netzbooster mit einer Batterie von 250 Megawatt."
    assert flags(source, "TransnetBW has a grid booster built around a 250-megawatt battery.") == []
    assert flags(source, "TransnetBW has a grid booster with around 250 megawatts.")


def test_ueber_with_verfuegen_is_has() -> None:
    # "verfügt über 46 Mandate" = "holds 46 seats", no bound
    source = "Die Koalition verfügt im Landtag lediglich über 46 Mandate."
    assert flags(source, "The coalition holds a mere 46 seats in the state parliament.") == []
    assert flags("Die Preise stiegen auf über 46 Euro.", "Prices rose to 46 euros.")


def test_a_comparative_with_than_says_a_bound() -> None:
    source = "Die Schleuse bleibt für Schiffe mit mehr als 125 Metern Länge gesperrt."
    assert flags(source, "The lock stays closed to ships longer than 125 metres.") == []
    assert flags(source, "The lock stays closed to ships shorter than 125 metres.") != []


def test_an_estimate_is_an_estimate_in_either_words() -> None:
    source = "Diebe haben drei Goldmünzen im geschätzten Wert von 1,2 Millionen Euro gestohlen."
    assert flags(source, "Thieves stole three gold coins worth an estimated €1.2 million.") == []
    assert flags(source, "Thieves stole three gold coins worth €1.2 million.") == ["omission"]
    source = "Zum Auftakt kamen geschätzte 5000 Besucher."
    assert flags(source, "An estimated 5,000 visitors came to the opening.") == []
    assert flags(source, "Some 5,000 visitors came to the opening.") == []
