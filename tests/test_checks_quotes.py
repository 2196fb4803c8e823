"""quote_mismatch: quotations of the German stay quotations in the English, with marks."""

from __future__ import annotations

import pytest

from service.checks.facts.quote_marks import quote_findings, scan


def flagged(source: str, target: str) -> list[str]:
    return [finding.message for finding in quote_findings(source, target)]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("„Wir gewinnen“, sagte er.", '"We will win," he said.'),
        ("„Wir gewinnen“, sagte er.", "“We will win,” he said."),
        ("„Wir gewinnen“, sagte er.", "‘We will win,’ he said."),  # British single marks
        ("»Wir gewinnen«, sagte er.", "'We will win,' he said."),
        ("Er nannte es „unverschämt“.", 'He called it "outrageous".'),
        ("Er sagte: „Ich bleibe.“", "He said: “I'm staying.”"),  # an apostrophe inside
        ("Die Bürger sagten Nein.", "The citizens' initiative said no; it's Germany's day."),
    ],
)
def test_quotations_kept_are_not_flagged(source: str, target: str) -> None:
    assert flagged(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "start"),
    [
        (
            "„Wir gewinnen“, sagte er.",
            "We will win, he said.",
            "the quotation „Wir gewinnen“ of the German is not a quotation",
        ),
        ("Er sagte: „Wir gewinnen.“", "He said they would win.", "the quotation „Wir gewinnen.“"),
        (
            "Er sagte: „Wir gewinnen in Sachsen.“",
            'He said: "We will win in Saxony..',
            'the quotation mark " of the English has no pair',
        ),
        (
            "Er nannte es unverschämt.",
            'He called it "outrageous".',
            'the English quotes "outrageous" where the German has no quotation',
        ),
        (
            "„Das ist ein schwarzer Tag für die Demokratie“, sagte sie.",
            '"This is a dark day," she said.',
            "the quotation „Das ist ein schwarzer Tag für die Demokratie“ of the German is",
        ),
        (
            "„Wir werden dieses Spiel gewinnen“, sagte er am Abend.",
            '"We will win this game, he said in the evening after the long match at home."',
            "the quotation „Wir werden dieses Spiel gewinnen“ of the German is",
        ),
    ],
)
def test_quotations_dropped_broken_added_or_merged_are_flagged(
    source: str, target: str, start: str
) -> None:
    assert any(message.startswith(start) for message in flagged(source, target)), flagged(
        source, target
    )


def test_scan_pairs_marks_and_skips_apostrophes() -> None:
    quotations, unpaired = scan(
        "He said 'no' to Germany's plan and the citizens' vote.", english=True
    )
    assert [(q.start, q.end) for q in quotations] == [(8, 12)]
    assert unpaired == ()


def test_a_quotation_over_several_sentences_may_stay_open_as_in_the_german() -> None:
    assert flagged("„Wir gewinnen.", '"We will win.') == []
    assert flagged("Wir gewinnen.", '"We will win.') == [
        'the quotation mark " of the English has no pair'
    ]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Sturmtief „Zoltan“ hat Schäden angerichtet.", "Storm Zoltan caused damage.", 0),
        ("Sturmtief „Zoltan“ hat Schäden angerichtet.", "Storm 'Zoltan' caused damage.", 0),
        (
            "Der Windpark „Borkum Riffgrund 3“ liefert Strom.",
            "The Borkum Riffgrund 3 wind farm.",
            0,
        ),
        ("Die Anlage „Block 3“ läuft.", "The 3 unit runs.", 1),  # the name is gone
        ("Die Operation „Eiserne Mauer“ begann.", "Operation Iron Wall began.", 1),  # translated
        # a title after a word for a work: English styles set it in italics or plain
        ("Der Roman „Die Mittagsfrau“ erschien.", "The novel Die Mittagsfrau appeared.", 0),
        ("Der Roman „Die Mittagsfrau“ erschien.", "The novel 'Die Mittagsfrau' appeared.", 0),
        (
            "Der Film „Das Lehrerzimmer“ ist der erste seit „Im Westen nichts Neues“.",
            "The Teachers' Lounge is the first since All Quiet on the Western Front.",
            0,
        ),
        ("Er nannte die Grünen „Volksverräter“.", "He called the Greens traitors.", 1),
        (
            "Sie profitiert von Serien wie „Babylon Berlin“ und „In aller Freundschaft“.",
            "It profits from series such as Babylon Berlin and In aller Freundschaft.",
            0,
        ),
        (
            "ProSieben verlängert „The Voice of Germany“ um eine Staffel.",
            "ProSieben has renewed The Voice of Germany for another season.",
            0,
        ),
        ("Er bezeichnete die Grünen als „Volksverräter“.", "He called the Greens traitors.", 1),
        (
            "Der Sprecher des Vereins sagte „Das ist ein Skandal“.",
            "The club's spokesman said it was a scandal.",
            1,
        ),
        ("Er nannte das „unverschämt“.", "He called it outrageous.", 1),
        # An inflected multi-word name: the newspaper is no quotation lost.
        (
            "Das sagte er der „Süddeutschen Zeitung“.",
            "He told the Süddeutsche Zeitung.",
            0,
        ),
        ("Das sagte er der „Süddeutschen Zeitung“.", "He told a Munich newspaper.", 1),
        # its umlaut written as English does
        ("Das sagte sie der „Märkischen Allgemeinen“.", "She told the Maerkische Allgemeine.", 0),
    ],
)
def test_a_quoted_name_may_be_written_plain(source: str, target: str, expected: int) -> None:
    assert len(flagged(source, target)) == expected


def test_a_short_quotation_may_shrink_a_long_one_may_not() -> None:
    assert flagged("„Ich habe einfach nur gehandelt“, sagt er.", '"I just acted," he says.') == []
    assert flagged(
        "„Ich habe einfach nur gehandelt, weil niemand sonst geholfen hat“, sagt er.",
        '"I just acted," he says.',
    )
    assert flagged("Die Nachfrage bleibe „enttäuschend schwach“.", 'Demand remained "weak".')


def test_a_quotation_split_around_its_speaker_is_one_quotation() -> None:
    source = "„Die Nachfrage ist riesig, wir haben Wartelisten bis ins Frühjahr“, sagte Demir."
    split = '"Demand is huge," Demir said. "We have waiting lists into the spring."'
    assert flagged(source, split) == []
    # two quotations where the German has one, with no speaker between: one added
    added = '"Demand is huge." "We have waiting lists into the spring," Demir said.'
    assert flagged(source, added) != []


def test_english_marks_a_so_called_term_of_the_german() -> None:
    source = "Der Senat stoppte den sogenannten Mietendeckel."
    assert flagged(source, 'The senate halted the so-called "rent cap".') == []
    assert flagged(
        "Der Senat stoppte den Mietendeckel.", 'The senate halted the so-called "rent cap".'
    )
