import pytest

from service.checks.numbers import (
    Amount,
    Clock,
    Date,
    english_values,
    german_values,
    missing_values,
)


@pytest.mark.parametrize(
    ("german", "values"),
    [
        ("mehr als 100.000 Soldaten", [Amount(100_000)]),
        ("25,7 % der Stimmen", [Amount(25.7)]),
        ("1,5 Millionen Euro", [Amount(1_500_000)]),
        ("3 Mrd. Dollar", [Amount(3e9)]),
        ("am Dienstag (02.01.2022)", [Date(2022, 1, 2)]),
        ("am 3. Oktober 1990", [Date(1990, 10, 3)]),
        ("um 14.30 Uhr", [Clock(14, 30)]),
        ("gegen 9 Uhr", [Clock(9, 0)]),
        ("etwa 30 Minuten", [Amount(30)]),
        ("zwei Stunden", [Amount(2)]),
    ],
)
def test_german_conventions_are_read(german: str, values: list[object]) -> None:
    assert german_values(german) == values


@pytest.mark.parametrize(
    ("english", "value"),
    [
        ("more than 100,000 troops", Amount(100_000)),
        ("25.7% of the vote", Amount(25.7)),
        ("1.5 million euros", Amount(1_500_000)),
        ("on 2 January 2022", Date(2022, 1, 2)),
        ("on January 2, 2022", Date(2022, 1, 2)),
        ("on January 2nd, 2022", Date(2022, 1, 2)),
        ("at 2:30 pm", Clock(14, 30)),
        ("at 2.30 p.m.", Clock(14, 30)),
        ("at 14:30", Clock(14, 30)),
    ],
)
def test_english_conventions_are_read(english: str, value: object) -> None:
    assert value in english_values(english)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Russland hat mehr als 100.000 Soldaten.", "Russia has more than 100,000 troops."),
        ("Die Partei kam auf 25,7 %.", "The party won 25.7%."),
        ("Die Partei kam auf 25,7 Prozent.", "The party won 25.7 percent."),
        ("Am 02.01.2022 telefonierten sie.", "On 2 January 2022 they spoke."),
        ("Am 02.01.2022 telefonierten sie.", "On January 2, 2022, they spoke."),
        ("Am 02.01.2022 telefonierten sie.", "On 02.01.2022 they spoke."),
        ("Am 02.01.2022 telefonierten sie.", "On 1/2/2022 they spoke."),
        ("Um 14.30 Uhr begann es.", "It began at 2:30 pm."),
        ("Um 14.30 Uhr begann es.", "It began at 14:30."),
        ("Um 14.30 Uhr begann es.", "It began at 2.30pm."),
        ("Am 3. Oktober feiern sie.", "On October 3 they celebrate."),
        ("Es kostet 1,5 Milliarden Euro.", "It costs 1.5 billion euros."),
        ("Es kostet 1,5 Milliarden Euro.", "It costs €1.5bn."),
        ("Er sprach zwei Stunden.", "He spoke for two hours."),
        ("Er sprach zwei Stunden.", "He spoke for 2 hours."),
        ("Das Telefonat dauerte 30 Minuten.", "The call lasted 30 minutes."),
        ("Sie kamen im Jahr 2022.", "They came in 2022."),
        ("Ein Satz ohne Zahlen.", "A sentence without numbers."),
    ],
)
def test_correct_conversions_raise_no_alarm(source: str, target: str) -> None:
    assert missing_values(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "missing"),
    [
        ("Mehr als 100.000 Soldaten.", "More than 10,000 troops.", [Amount(100_000)]),
        ("Mehr als 100.000 Soldaten.", "More than 100.000 troops.", [Amount(100_000)]),
        ("Die Partei kam auf 25,7 %.", "The party won 257%.", [Amount(25.7)]),
        ("Am 02.01.2022 telefonierten sie.", "On 1 February 2022 they spoke.", [Date(2022, 1, 2)]),
        ("Um 14.30 Uhr begann es.", "It began at 2:30 am.", [Clock(14, 30)]),
        ("Um 14.30 Uhr begann es.", "It began in the afternoon.", [Clock(14, 30)]),
        ("Es kostet 1,5 Milliarden Euro.", "It costs 1.5 million euros.", [Amount(1.5e9)]),
        ("Er kam mit 3 und ging mit 3 Leuten.", "He came with 3 people.", [Amount(3)]),
    ],
)
def test_missing_or_changed_values_are_found(
    source: str, target: str, missing: list[object]
) -> None:
    assert missing_values(source, target) == missing


def test_no_false_alarms_on_the_toy_corpus_references() -> None:
    """Held-out German/English pairs with dates, counts and amounts, each converted right."""
    from models.toy_corpus import held_out

    pairs = held_out(500)
    with_numbers = [pair for pair in pairs if german_values(pair.source)]
    assert len(with_numbers) > 50
    assert [p.source for p in with_numbers if missing_values(p.source, p.target)] == []
