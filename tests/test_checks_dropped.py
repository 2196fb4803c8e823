"""A fact dropped whole is also content left out (``omission``), one added whole
content added (``addition``); a fact changed for another is its own check's alone."""

from __future__ import annotations

from service.checks.facts import fact_findings, fact_flags
from service.checks.facts.dropped import dropped_fact_findings
from service.document import Finding


def flags(source: str, target: str) -> list[str]:
    return fact_flags(fact_findings(source, target))


def test_a_list_item_name_dropped_is_an_omission_too() -> None:
    found = flags(
        "Die Konzerne Bosch, Siemens und Continental streichen Stellen.",
        "Bosch and Continental are cutting jobs.",
    )
    assert "name_mismatch" in found
    assert "omission" in found


def test_a_month_dropped_is_an_omission_with_the_number_checks_reason() -> None:
    findings = fact_findings(
        "Anträge können in Kassel seit Februar nur noch online gestellt werden.",
        "In Kassel, applications can now only be made online.",
    )
    omission = [f for f in findings if f.flag == "omission"]
    assert len(omission) == 1
    assert "Februar" in omission[0].message
    assert omission[0].source_span is not None


def test_a_name_changed_for_another_is_no_omission() -> None:
    found = flags(
        "Der Zug aus Stuttgart kam mit zwei Stunden Verspätung an.",
        "The train from Munich arrived two hours late.",
    )
    assert "name_mismatch" in found
    assert "omission" not in found
    assert "addition" not in found


def test_a_number_changed_is_no_omission_and_no_addition() -> None:
    found = flags("Die Stadt pflanzt 300 Bäume.", "The city is planting 400 trees.")
    assert found == ["number_mismatch"]


def test_an_added_figure_is_an_addition_too() -> None:
    found = flags(
        "Die Feuerwehr rettete die Bewohner aus dem brennenden Haus.",
        "Firefighters rescued the 12 residents from the burning house.",
    )
    assert "number_mismatch" in found
    assert "addition" in found


def test_a_link_dropped_is_an_omission_a_link_changed_is_not() -> None:
    source = "Weitere Hinweise gibt es unter www.kassel.de/baustellen im Netz."
    dropped = flags(source, "Further information is available online.")
    changed = flags(source, "Further information is available online at www.kasel.de/baustellen.")
    assert "protected_lost" in dropped and "omission" in dropped
    assert "protected_lost" in changed and "omission" not in changed


def test_an_omission_already_found_is_not_said_twice() -> None:
    omission = Finding(flag="omission", source_span=(0, 3), target_span=None, message="m")
    number = Finding(flag="number_mismatch", source_span=(4, 6), target_span=None, message="n")
    assert dropped_fact_findings("Die 12 Hunde.", "The dogs.", [omission, number]) == []
