"""hidden_characters: bidi controls and other invisible format characters in a target."""

from __future__ import annotations

import pytest

from service.checks.facts.hidden import hidden_findings, visible


@pytest.mark.parametrize(
    "char",
    [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200b",
        "\u00ad",
        "\ufeff",
    ],
)
def test_invisible_characters_are_flagged_with_their_code(char: str) -> None:
    target = f"The price is {char}100 euros."
    (finding,) = hidden_findings("Der Preis ist 100 Euro.", target)
    assert finding.flag == "hidden_characters"
    assert finding.target_span == (13, 14)
    assert f"⟨U+{ord(char):04X}⟩" in finding.message


def test_a_run_is_one_finding_and_plain_text_none() -> None:
    assert hidden_findings("Preis", "The price") == []
    (finding,) = hidden_findings("Preis", "A \u202e\u2066001 price")
    assert finding.target_span == (2, 4)


def test_a_joiner_the_german_holds_too_is_its_own() -> None:
    emoji = "👨\u200d👩"
    assert hidden_findings(f"Familie {emoji}", f"Family {emoji}") == []
    assert len(hidden_findings("Familie", f"Family {emoji}")) == 1


def test_visible_marks_a_character() -> None:
    assert visible("\u202e") == "⟨U+202E⟩"
