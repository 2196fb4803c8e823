"""What a figure measures: its currency, unit, period, kind of percentage and the
way it went."""

from __future__ import annotations

import pytest

from service.checks.facts import fact_findings, fact_flags
from service.checks.measures import measure_findings


@pytest.mark.parametrize(
    ("source", "changed", "kept", "said"),
    [
        (
            "Das Preisgeld beträgt 60 Millionen US-Dollar.",
            "The prize money is 60 million euros.",
            "The prize money is $60 million.",
            "the German gives dollars where the English gives euros (currency)",
        ),
        (
            "Die neuen Anlagen haben eine Leistung von 6,1 Gigawatt.",
            "The new turbines have a capacity of 6.1 megawatts.",
            "The new turbines have a capacity of 6.1 GW.",
            "the German gives gigawatts where the English gives megawatts (unit)",
        ),
        (
            "Sie erhalten nur noch 100 Euro im Monat.",
            "They now receive only 100 euros a year.",
            "They now receive only 100 euros a month.",
            "the German gives a month where the English gives a year (period)",
        ),
        (
            "Die Quote stieg um 2 Prozentpunkte.",
            "The rate rose by 2 percent.",
            "The rate rose by 2 percentage points.",
            "the German gives percentage points where the English gives percent (percentage)",
        ),
        (
            "Die Zahl der Verträge stieg um 2,1 Prozent auf 132.000.",
            "The number of contracts fell 2.1 percent to 132,000.",
            "The number of contracts rose 2.1 percent to 132,000.",
            "the German gives a rise where the English gives a fall (change)",
        ),
        (
            "Nach dem Austritt von rund 300 Kilogramm Salpetersäure blieben die Fenster zu.",
            "After about 300 liters of nitric acid leaked, windows stayed shut.",
            "After about 660 pounds of nitric acid leaked, windows stayed shut.",
            "the German gives a mass where the English gives a volume (quantity)",
        ),
        (
            "Die Flughäfen fertigten 412.000 Fluggäste ab, rund 6 Prozent weniger als 2024.",
            "The airports handled 412,000 passengers, about 6 percent more than in 2024.",
            "The airports handled 412,000 passengers, down about 6 percent on 2024.",
            "the German gives a fall where the English gives a rise (change)",
        ),
        (
            "Zugelassen wurden 47.850 Elektroautos, ein Plus von 28,8 Prozent.",
            "A total of 47,850 electric cars were registered, down 28.8 percent.",
            "A total of 47,850 electric cars were registered, up 28.8 percent.",
            "the German gives a rise where the English gives a fall (change)",
        ),
    ],
)
def test_a_measure_changed_is_flagged_and_kept_is_not(
    source: str, changed: str, kept: str, said: str
) -> None:
    (finding,) = measure_findings(source, changed)
    assert finding.flag == "number_mismatch" and finding.message == said
    assert measure_findings(source, kept) == []
    assert "number_mismatch" in fact_flags(fact_findings(source, changed))


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # a measure with nothing in its place: "$" says the currency, or nothing does
        ("Das Unternehmen sammelte 500 Millionen US-Dollar ein.", "The company raised $500m."),
        ("Der Umsatz lag bei 5 Milliarden Euro.", "Sales came to 5 billion."),
        # "gestiegen" with no figure beside it is no rise
        (
            "Bei minus acht Grad sind rund 400 Menschen zum Eisbaden in den Tegernsee gestiegen.",
            "At minus eight degrees, about 400 people plunged into Lake Tegernsee to swim.",
        ),
        # both ways in one sentence: which figure went which way is not read
        (
            "Der Umsatz stieg um 3 Prozent, der Gewinn sank um 2 Prozent.",
            "Sales rose 3 percent while profit fell 2 percent.",
        ),
    ],
)
def test_what_is_not_read_is_no_finding(source: str, target: str) -> None:
    assert measure_findings(source, target) == []
