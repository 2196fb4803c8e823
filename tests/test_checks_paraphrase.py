"""Correct translations that say a fact in other words raise no fact flag, and the
same sentences with the fact really changed still do."""

from __future__ import annotations

import pytest

from service.checks.facts import fact_findings, fact_flags


def flags(source: str, target: str) -> list[str]:
    return fact_flags(fact_findings(source, target))


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a country's demonym, a dative place, Ding's English for a word or a name
        (
            "Frankreichs Präsident hat den Minister ernannt.",
            "The French president has appointed the minister.",
        ),
        (
            "Der Wahlsieger in den Niederlanden will regieren.",
            "The election winner in the Netherlands wants to govern.",
        ),
        (
            "Die Forscher fanden die Reste eines römischen Turms.",
            "The researchers found the remains of a Roman tower.",
        ),
        ("Der Nord-Ostsee-Kanal ist gesperrt.", "The Kiel Canal is closed."),
        ("Nur jeder fünfte Baum ist gesund.", "Only one in five trees is healthy."),
        (
            "Die Behörde hat gegen die Telekom ein Bußgeld verhängt.",
            "The authority has fined Deutsche Telekom.",
        ),
        ("Das Lager wurde um das Jahr 6 vor Christus angelegt.", "The camp was built around 6 BC."),
        (
            "Die Firma hat 500 Millionen US-Dollar eingesammelt.",
            "The company has raised $500 million.",
        ),
        # negation said another way
        (
            "Der Dienst rät, Wälder möglichst nicht zu betreten.",
            "The service advised people to stay out of forests if possible.",
        ),
        (
            "Die Jungtiere sind erst ab Frühjahr zu sehen.",
            "The cubs will not be on view until the spring.",
        ),
        (
            "Das Amt warnt vor dem Verzehr des Getränks.",
            "The office is warning people not to drink it.",
        ),
        (
            "Das Werk soll nicht 2025, sondern 2027 öffnen.",
            "The plant is to open in 2027 rather than 2025.",
        ),
        (
            "Die Debatte dauerte so lange wie keine andere.",
            "The debate lasted longer than any other.",
        ),
        # numbers
        (
            "Die Brötchen wurden zwischen dem 3. und 9. März verkauft.",
            "The rolls were sold between March 3 and 9.",
        ),
        (
            "Die Schäden liegen zwischen 2,5 und 3 Milliarden Euro.",
            "The damage is between 2.5 billion and 3 billion euros.",
        ),
        ("Die Bauern erhalten 52 Cent pro Kilogramm.", "Farmers receive €0.52 per kilogram."),
        ("Er sprach vor Tausenden Demonstranten.", "He spoke to thousands of protesters."),
        # days, attribution, joins
        (
            "Die Tankstelle wurde in der Nacht zu Sonntag überfallen.",
            "The petrol station was robbed on Saturday night.",
        ),
        (
            "Am Rosenmontag feierten Tausende in Köln.",
            "Thousands celebrated in Cologne on Rose Monday.",
        ),
        ("Der Verband hält das nicht für ausreichend.", "The association says that is not enough."),
        (
            "Von Januar bis September wurden Anträge gestellt.",
            "Applications were filed between January and September.",
        ),
        (
            "Er wurde zu sieben Jahren Haft verurteilt.",
            "He was sentenced to seven years in prison.",
        ),
    ],
)
def test_a_fact_in_other_words_is_no_finding(source: str, target: str) -> None:
    assert flags(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # numbers: a range's first time, compounds, a name in English, "one in three"
        (
            "Die Kita öffnet von Montag an nur von 7.30 bis 14 Uhr.",
            "From Monday the daycare centre opens only from 7.30am to 2pm.",
        ),
        ("Den Siebenmeter verwandelte sie sicher.", "She converted the seven-metre throw."),
        (
            "Der Weltranglistendritte schied im Achtelfinale aus.",
            "The world number three went out in the last 16.",
        ),
        (
            "Für das Final Four sind alle Karten verkauft.",
            "All tickets for the Final Four have been sold.",
        ),
        (
            "Rund ein Drittel der Heime hat zu wenig Personal.",
            "Roughly one in three homes has too few staff.",
        ),
        (
            "„Meiden Sie die Mittagshitze“, rät das Amt.",
            "“Avoid the midday heat,” the office advises.",
        ),
        # names: U.S., a prefix, a name's -e in a compound, an acronym's English, CLDR's "&"
        (
            "Die Lücke steckte in Software des US-Herstellers Citrix.",
            "The flaw was in software from U.S. maker Citrix.",
        ),
        ("Die Pro-Kopf-Verschuldung ist gestiegen.", "Per-capita debt has risen."),
        ("Das Elbhochwasser erreichte Magdeburg.", "The Elbe flood reached Magdeburg."),
        ("Der Satellit startete um 2.37 Uhr MESZ.", "The satellite lifted off at 2:37 a.m. CEST."),
        (
            "Die Ermittler stellten NS-Devotionalien sicher.",
            "Investigators seized Nazi memorabilia.",
        ),
        ("Sie kommen aus Bosnien und Herzegowina.", "They come from Bosnia and Herzegovina."),
        (
            "Das teilte die Bundesanwaltschaft in Karlsruhe mit.",
            "Federal prosecutors in Karlsruhe said so.",
        ),
    ],
)
def test_more_facts_in_other_words_are_no_finding(source: str, target: str) -> None:
    assert flags(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "flag"),
    [
        (
            "Frankreichs Präsident hat den Minister ernannt.",
            "The Spanish president has appointed the minister.",
            "name_mismatch",
        ),
        (
            "Die Stadtverwaltung in Bonn zahlt nicht.",
            "The city administration in Cologne won't pay.",
            "name_mismatch",
        ),
        ("CDU, BSW und SPD verhandeln.", "The CDU, FDP and SPD are negotiating.", "name_mismatch"),
        (
            "Der Hersteller Bergland Feinkost ruft zurück.",
            "The maker Bergmann Feinkost is recalling.",
            "name_mismatch",
        ),
        (
            "Die Jungtiere sind ab Frühjahr zu sehen.",
            "The cubs will not be on view until the spring.",
            "negation_mismatch",
        ),
        (
            "Das Amt empfiehlt den Verzehr des Getränks.",
            "The office is advising people not to drink it.",
            "negation_mismatch",
        ),
        (
            "Die Brötchen wurden zwischen dem 3. und 9. März verkauft.",
            "The rolls were sold between March 3 and 8.",
            "number_mismatch",
        ),
        (
            "Die Schäden liegen zwischen 2,5 und 3 Milliarden Euro.",
            "The damage is between 2.5 and 4 billion euros.",
            "number_mismatch",
        ),
        (
            "Die Bauern erhalten 52 Cent pro Kilogramm.",
            "Farmers receive €0.53 per kilogram.",
            "number_mismatch",
        ),
        (
            "Die Tankstelle wurde in der Nacht zu Sonntag überfallen.",
            "The petrol station was robbed on Friday night.",
            "omission",
        ),
        (
            "Die mutmaßlichen Täter wurden festgenommen.",
            "The perpetrators were arrested.",
            "omission",
        ),
        (
            "Die Kita öffnet von Montag an nur von 7.30 bis 14 Uhr.",
            "From Monday the daycare centre opens only from 8.30am to 2pm.",
            "number_mismatch",
        ),
        (
            "Rund ein Drittel der Heime hat zu wenig Personal.",
            "Roughly one in four homes has too few staff.",
            "number_mismatch",
        ),
        (
            "Das Elbhochwasser erreichte Magdeburg.",
            "The Oder flood reached Magdeburg.",
            "name_mismatch",
        ),
    ],
)
def test_the_fact_changed_is_still_flagged(source: str, target: str, flag: str) -> None:
    assert flag in flags(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a day inside a name, kept as written
        ("Das sagte der Minister der „Bild am Sonntag“.", "The minister told Bild am Sonntag."),
        (
            "Tausende streikten am sogenannten Black Friday.",
            "Thousands went on strike on so-called Black Friday.",
        ),
        ("Viele arbeiten regelmäßig am Wochenende.", "Many regularly work at weekends."),
        # a term in scare quotes, not a quotation
        ("Die Ampel-Koalition zerbrach 2024.", 'The "traffic light" coalition collapsed in 2024.'),
        (
            "In Thüringen waren 64.300 Menschen ohne Arbeit.",
            "In Thuringia, 64,300 people were out of work.",
        ),
        (
            "Jets verletzten nach estnischen Angaben den Luftraum.",
            "Jets violated the airspace, according to Estonia.",
        ),
        ("Jeder fünfte Beschäftigte arbeitet nachts.", "A fifth of employees work at night."),
        ("Anmeldungen bis Freitag, 12 Uhr.", "Registrations by 12 noon on Friday."),
        (
            "Der Haushalt sieht 1,2 Prozent mehr als im laufenden Jahr vor.",
            "The budget foresees 1.2 percent more than this year.",
        ),
    ],
)
def test_said_in_other_words_later(source: str, target: str) -> None:
    assert flags(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "flag"),
    [
        ("Das sagte der Minister am Sonntag.", "The minister said so on Monday.", "omission"),
        (
            "Jets verletzten nach estnischen Angaben den Luftraum.",
            "Jets violated the airspace, according to Latvia.",
            "name_mismatch",
        ),
        (
            "Jeder fünfte Beschäftigte arbeitet nachts.",
            "A quarter of employees work at night.",
            "number_mismatch",
        ),
        (
            "Anmeldungen bis Freitag, 12 Uhr.",
            "Registrations by 11 noon on Friday.",
            "number_mismatch",
        ),
    ],
)
def test_the_fact_changed_is_still_flagged_later(source: str, target: str, flag: str) -> None:
    assert flag in flags(source, target)
