"""number_mismatch: every number of the German in the English in an equivalent form,
and no English number the German lacks (both directions, with the value named)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.checks.facts import fact_findings
from service.checks.numbers import number_findings


def messages(source: str, target: str) -> list[str]:
    return [finding.message for finding in number_findings(source, target)]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Es kostet 1,5 Millionen Euro.", "It costs 1.5 million euros."),
        ("Es kostet 1,5 Millionen Euro.", "It costs €1.5m."),
        ("Es kostet 1,5 Millionen Euro.", "It costs EUR 1,500,000."),
        ("Beginn ist um 14.30 Uhr.", "It starts at 2.30pm."),
        ("Beginn ist um 14.30 Uhr.", "It starts at 2:30 p.m."),
        ("Beginn ist um 14.30 Uhr.", "It starts at 14:30."),
        ("Sie blieben drei Tage.", "They stayed three days."),
        ("Sie blieben drei Tage.", "They stayed 3 days."),
        ("Nachts minus 12 Grad.", "At night -12C."),
        ("Nachts minus 12 Grad.", "At night minus 12 degrees."),
        ("Nachts minus 12 Grad.", "At night 12 degrees below zero."),
        ("Nachts −12 °C.", "At night 10 °F."),  # en-US conversion, rounded
        ("Die Strecke ist 30 Kilometer lang.", "The route is 30 kilometres (19 miles) long."),
        ("Dutzende Menschen kamen.", "Dozens of people came."),
        ("Zehntausende demonstrierten.", "Tens of thousands demonstrated."),
        ("Er traf in der 89. Minute.", "He scored in the 89th minute."),
        ("Es war der drittwärmste Sommer.", "It was the third warmest summer."),
        ("Ein Drittel davon sind Sozialwohnungen.", "A third of them are social housing."),
        ("Es gab 75.000 Zuschauer.", "There were 75 000 spectators."),
        ("Es endete 3:1.", "It ended 3-1."),
        ("Sie lief 2:19:44 Stunden.", "She ran 2:19:44."),
        ("Die Werte liegen zwischen 18 und 24 Grad.", "Values range from 18 to 24 degrees."),
        ("Am 3. Oktober 2025 feiern sie.", "On October 3, 2025 they celebrate."),
        ("Seit Mai ist sie gesperrt.", "It has been closed since May."),
        ("Die deutsche Elf gewann.", "The German team won."),
        ("Er war der Erste.", "He was one of the first."),
        ("Die beiden Politiker trafen sich.", "The two politicians met."),
        ("Die beiden Politiker trafen sich.", "Both politicians met."),
        ("Über 1.000 Menschen kamen.", "Over a thousand people came."),
        ("Das Feuer brach gegen Mitternacht aus.", "The fire broke out at around midnight."),
        ("Die Inflation stieg im März.", "Inflation rose in March."),
    ],
)
def test_equivalent_forms_are_not_flagged(source: str, target: str) -> None:
    assert messages(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        (
            "Am 3. Oktober 2025 feiern sie.",
            "On 3 October they celebrate.",
            "the year 2025 of the German is missing in the English",
        ),
        (
            "Nachts minus 12 Grad.",
            "At night 12 degrees.",
            "the number minus 12 Grad of the German is 12 in the English",
        ),
        (
            "Nachts -20°C.",
            "At night 68°F.",
            "the number -20°C of the German is 68°F in the English",
        ),
        (
            "Er kam mit 412 zu 183 Stimmen durch.",
            "He won by 421 votes to 183.",
            "the number 412 of the German is 421 in the English",
        ),
        (
            "Um 14.30 Uhr begann es.",
            "It began at 2.30am.",
            "the time 14.30 Uhr of the German is 2.30am in the English",
        ),
        (
            "Es kostet 1,5 Milliarden Euro.",
            "It costs 1.5 million euros.",
            "the number 1,5 Milliarden of the German is 1.5 million in the English",
        ),
        (
            "Sie blieben drei Tage.",
            "They stayed two days.",
            "the number drei of the German is two in the English",
        ),
        (
            "Seit Mai ist sie gesperrt.",
            "It has been closed since March.",
            "the date Mai of the German is March in the English",
        ),
    ],
)
def test_a_changed_value_is_named_on_both_sides(source: str, target: str, message: str) -> None:
    assert messages(source, target) == [message]


def test_a_dropped_value_is_missing() -> None:
    findings = number_findings("Mehr als 1.200 Wohnungen entstehen bis 2028.", "Flats are built.")
    assert [f.message for f in findings] == [
        "the number 1.200 of the German is missing in the English",
        "the number 2028 of the German is missing in the English",
    ]
    assert findings[0].source_span == (9, 14)
    assert findings[0].target_span is None


def test_an_added_english_number_is_flagged() -> None:
    findings = number_findings("Die Mieten sind gestiegen.", "Rents have risen since 2017.")
    assert [f.message for f in findings] == ["the English number 2017 is not in the German"]
    assert findings[0].target_span == (23, 27)


def test_the_year_missing_points_at_both_dates() -> None:
    source, target = "am 3. Oktober 2025", "on 3 October"
    (finding,) = number_findings(source, target)
    assert source[slice(*finding.source_span)] == "3. Oktober 2025"
    assert target[slice(*finding.target_span)] == "3 October"


def test_weak_english_words_are_no_added_numbers() -> None:
    assert messages("Er ist einer der Besten.", "He is one of the best, a second time.") == []


# Property: a clean reference whose numbers are rewritten in equivalent forms raises
# no number_mismatch, whatever the values.
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]  # fmt: skip
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip


def german_grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@st.composite
def amounts(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(st.integers(min_value=1000, max_value=9_999_999))
    english = draw(
        st.sampled_from([f"{number:,}", f"{number}", f"{number:,}".replace(",", "\u202f")])
    )
    return f"{german_grouped(number)} Menschen", f"{english} people"


@st.composite
def decimals(draw: st.DrawFn) -> tuple[str, str]:
    whole, tenth = draw(st.integers(1, 999)), draw(st.integers(1, 9))
    german = f"{whole},{tenth}"
    kind = draw(st.sampled_from(["percent", "million", "billion"]))
    if kind == "percent":
        english = draw(st.sampled_from(["{} percent", "{}%", "{} per cent"]))
        return f"{german} Prozent", english.format(f"{whole}.{tenth}")
    scale = {"million": ("Millionen", "m", "million"), "billion": ("Milliarden", "bn", "billion")}
    de_word, short, long = scale[kind]
    english = draw(st.sampled_from([f"€{{}}{short}", f"{{}} {long} euros", f"EUR {{}} {long}"]))
    return f"{german} {de_word} Euro", english.format(f"{whole}.{tenth}")


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, str]:
    day, month, year = (
        draw(st.integers(1, 28)),
        draw(st.integers(1, 12)),
        draw(st.integers(1950, 2040)),
    )
    german = draw(
        st.sampled_from([f"{day}. {MONTHS_DE[month - 1]} {year}", f"{day:02d}.{month:02d}.{year}"])
    )
    name = MONTHS_EN[month - 1]
    english = draw(
        st.sampled_from(
            [f"{day} {name} {year}", f"{name} {day}, {year}", f"{year}-{month:02d}-{day:02d}"]
        )
    )
    return f"am {german}", f"on {english}"


@st.composite
def times(draw: st.DrawFn) -> tuple[str, str]:
    hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))
    half = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    english = draw(
        st.sampled_from(
            [
                f"{hour:02d}:{minute:02d}",
                f"{twelve}:{minute:02d} {half}",
                f"{twelve}.{minute:02d}{half}",
                f"{twelve}:{minute:02d} {half[0]}.m.",
            ]
        )
    )
    return f"um {hour}.{minute:02d} Uhr", f"at {english}"


@st.composite
def temperatures(draw: st.DrawFn) -> tuple[str, str]:
    degrees = draw(st.integers(1, 40))
    english = draw(
        st.sampled_from([f"-{degrees}C", f"minus {degrees} degrees", f"−{degrees} degrees Celsius"])
    )
    return f"minus {degrees} Grad", english


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(amounts(), decimals(), dates(), times(), temperatures()), min_size=1, max_size=3
    )
)
def test_equivalent_forms_of_any_value_raise_no_number_mismatch(
    parts: list[tuple[str, str]],
) -> None:
    source = "Laut Bericht: " + ", dann ".join(german for german, _ in parts) + "."
    target = "According to the report: " + ", then ".join(english for _, english in parts) + "."
    flags = {finding.flag for finding in fact_findings(source, target)}
    assert "number_mismatch" not in flags, number_findings(source, target)
