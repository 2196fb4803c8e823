"""German news segmentation: exact splits per rule, kinds, offsets and invariants."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from service.segment.sentences import Span, split_paragraphs, split_sentences
from service.segment.somajo import splitter

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_blinken_lawrow.de.txt"


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(span.kind, text[span.start : span.end]) for span in split_sentences(text)]


def check_invariants(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Ordered, non-overlapping, trimmed spans inside the range that cover every
    non-whitespace character of it exactly once."""
    end = len(text) if end is None else end
    spans = split_sentences(text, start, end)
    position = start
    for span in spans:
        assert position <= span.start < span.end <= end
        assert text[position : span.start].strip() == ""  # only whitespace between spans
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert span.kind in {"sentence", "headline", "dateline"}
        position = span.end
    assert text[position:end].strip() == ""
    return spans


# --- paragraphs ---------------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "  Titel\n\nErster Absatz.\nNoch Zeile.\n \t \n\n\nZweiter Absatz.  \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Titel",
        "Erster Absatz.\nNoch Zeile.",
        "Zweiter Absatz.",
    ]


def test_paragraphs_with_windows_line_ends_and_nothing() -> None:
    text = "Eins.\r\n\r\nZwei.\r\nDrei."
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["Eins.", "Zwei.\r\nDrei."]
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n \n") == []


# --- the API ------------------------------------------------------------------


def test_offsets_index_the_whole_text_for_a_range() -> None:
    text = "Vorspann. Er kam am 3. Oktober. Dann ging er. Nachspann."
    start, end = text.index("Er"), text.index(" Nachspann")
    spans = split_sentences(text, start, end)
    assert spans == [
        Span(start, text.index(" Dann"), "sentence"),
        Span(text.index("Dann"), end, "sentence"),
    ]
    assert text[spans[0].start : spans[0].end] == "Er kam am 3. Oktober."


def test_empty_and_blank_ranges_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n\t ") == []
    assert split_sentences("Ein Satz.", 4, 4) == []


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (2, 1), (0, 99)])
def test_a_range_outside_the_text_is_an_error(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        split_sentences("Ein Satz.", start, end)


def test_somajo_is_created_lazily_not_at_import() -> None:
    code = (
        "import sys, service.segment.sentences\n"
        "from service.segment.somajo import _built\n"
        "assert 'somajo' not in sys.modules and _built.cache_info().currsize == 0\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=60)


def test_articles_starting_at_once_share_one_somajo() -> None:
    code = (
        "import threading\n"
        "from service.segment.somajo import splitter\n"
        "start, built = threading.Barrier(8), []\n"
        "def first_use():\n"
        "    start.wait()\n"
        "    built.append(id(splitter()))\n"
        "threads = [threading.Thread(target=first_use) for _ in range(8)]\n"
        "for thread in threads: thread.start()\n"
        "for thread in threads: thread.join()\n"
        "assert len(built) == 8 and len(set(built)) == 1, built\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=60)


def test_the_emoji_speed_up_changes_no_token() -> None:
    from somajo import SoMaJo

    plain = SoMaJo("de_CMC", split_camel_case=False)
    text = "Super 😀👍🏽 Spiel!!! Die Fans ❤️ jubelten :-) Danach 🇩🇪 Feier… Ende."
    tokens = [[t.text for t in s] for s in splitter().tokenize_text([text])]
    assert tokens == [[t.text for t in s] for s in plain.tokenize_text([text])]


# --- German news rules: exact splits -------------------------------------------

RULES = {
    "abbreviations": (
        "Das gilt z. B. für Dr. Müller und Prof. Schmidt, u. a. im Fall Nr. 5. "
        "Es kamen ca. 200 Leute, d. h. mehr als erwartet, vgl. Abs. 2 bzw. Art. 3 GG. "
        "Sie brachten Tel., Str. usw. mit. Das ist sog. Routine, evtl. ggf. inkl. Kosten. "
        "Er wohnt in St. Gallen. Das gilt u. U. auch, v. a. z. T. für Hrsg. und Autoren.",
        [
            "Das gilt z. B. für Dr. Müller und Prof. Schmidt, u. a. im Fall Nr. 5.",
            "Es kamen ca. 200 Leute, d. h. mehr als erwartet, vgl. Abs. 2 bzw. Art. 3 GG.",
            "Sie brachten Tel., Str. usw. mit.",
            "Das ist sog. Routine, evtl. ggf. inkl. Kosten.",
            "Er wohnt in St. Gallen.",
            "Das gilt u. U. auch, v. a. z. T. für Hrsg. und Autoren.",
        ],
    ),
    "months and amounts": (
        "Die Firma wurde im Jan. 2020 gegründet und im Okt. verkauft. "
        "Sie kostete 3 Mio. Euro, die Stadt zahlte 2 Mrd. Dollar. Das war im 19. Jh. nicht so.",
        [
            "Die Firma wurde im Jan. 2020 gegründet und im Okt. verkauft.",
            "Sie kostete 3 Mio. Euro, die Stadt zahlte 2 Mrd. Dollar.",
            "Das war im 19. Jh. nicht so.",
        ],
    ),
    "abbreviation ends a sentence": (
        "Der Schaden beträgt 2,5 Mio. Das teilte die Stadt mit. "
        "Die Kirche stammt aus dem 12. Jh. Sie wurde renoviert. "
        "Sie kauften Brot, Milch usw. Dann gingen sie.",
        [
            "Der Schaden beträgt 2,5 Mio.",
            "Das teilte die Stadt mit.",
            "Die Kirche stammt aus dem 12. Jh.",
            "Sie wurde renoviert.",
            "Sie kauften Brot, Milch usw.",
            "Dann gingen sie.",
        ],
    ),
    "ordinals and dates": (
        "Am 3. Oktober 1990 kam die Einheit. Der 1. FC Köln gewann am 02.01.2022 in Berlin. "
        "Der 3. Platz ging an Kenia. Benedikt XVI. trat im 21. Jahrhundert zurück. "
        "Die Frist endet am 31.12. Danach gilt das neue Recht.",
        [
            "Am 3. Oktober 1990 kam die Einheit.",
            "Der 1. FC Köln gewann am 02.01.2022 in Berlin.",
            "Der 3. Platz ging an Kenia.",
            "Benedikt XVI. trat im 21. Jahrhundert zurück.",
            "Die Frist endet am 31.12.",
            "Danach gilt das neue Recht.",
        ],
    ),
    "ordinal ends a sentence": (
        "Im Vorjahr war die Mannschaft 3. Die Fans hoffen auf mehr. "
        "Das Amt hatte Papst Benedikt XVI. Er trat 2013 zurück.",
        [
            "Im Vorjahr war die Mannschaft 3.",
            "Die Fans hoffen auf mehr.",
            "Das Amt hatte Papst Benedikt XVI.",
            "Er trat 2013 zurück.",
        ],
    ),
    "number after a numbering abbreviation ends a sentence": (
        "Verhandelt wird im Saal Nr. 4. Kiew schickt einen Beobachter. "
        "Das regelt Art. 5. Darin steht mehr. Er zitiert S. 12. „Wir warten“, sagt er. "
        "Am 4. Oktober belegte sie den 4. Platz. Die Frist nach Abs. 2 endet am 5. Mai.",
        [
            "Verhandelt wird im Saal Nr. 4.",
            "Kiew schickt einen Beobachter.",
            "Das regelt Art. 5.",
            "Darin steht mehr.",
            "Er zitiert S. 12.",
            "„Wir warten“, sagt er.",
            "Am 4. Oktober belegte sie den 4. Platz.",
            "Die Frist nach Abs. 2 endet am 5. Mai.",
        ],
    ),
    "times and numbers": (
        "Um 14.30 Uhr demonstrierten 100.000 Menschen. Die Quote stieg auf 25,7 %. "
        "Der Index lag bei 35,4. Experten rechnen mit mehr. Das Spiel endete 2:1. "
        "Nach 90 Min. Spielzeit jubelten 50.000 Fans. Es war 1,5 °C. Morgen wird es wärmer.",
        [
            "Um 14.30 Uhr demonstrierten 100.000 Menschen.",
            "Die Quote stieg auf 25,7 %.",
            "Der Index lag bei 35,4.",
            "Experten rechnen mit mehr.",
            "Das Spiel endete 2:1.",
            "Nach 90 Min. Spielzeit jubelten 50.000 Fans.",
            "Es war 1,5 °C.",
            "Morgen wird es wärmer.",
        ],
    ),
    "quotes, end inside and outside": (
        "„Wir kommen.“ Dann ging er. „Wir kommen“, sagte er. »Ja!« Sie nickte. "
        '«Nein», sagte sie. Er sagte: "Wir bleiben." Dann schwieg er. '
        "„Kommst du?“, fragte sie. Er sprach von einem „historischen Tag“. Alle jubelten.",
        [
            "„Wir kommen.“",
            "Dann ging er.",
            "„Wir kommen“, sagte er.",
            "»Ja!«",
            "Sie nickte.",
            "«Nein», sagte sie.",
            'Er sagte: "Wir bleiben."',
            "Dann schwieg er.",
            "„Kommst du?“, fragte sie.",
            "Er sprach von einem „historischen Tag“.",
            "Alle jubelten.",
        ],
    ),
    "several sentences in one quote": (
        "Scholz sagte: „Wir haben viel erreicht. Aber es bleibt viel zu tun.“ "
        "Die Union widersprach.",
        [
            "Scholz sagte: „Wir haben viel erreicht.",
            "Aber es bleibt viel zu tun.“",
            "Die Union widersprach.",
        ],
    ),
    "typewriter quotes": (
        "Er kam. ,,Wir bleiben hier.'' Dann ging er. ``Niemals'', sagte sie.",
        ["Er kam.", ",,Wir bleiben hier.''", "Dann ging er.", "``Niemals'', sagte sie."],
    ),
    "ellipses": (
        "Er zögerte … Dann sagte er nichts mehr. Sie wartete... Die Tür blieb zu. "
        "„Wir werden … Maßnahmen ergreifen“, sagte er. „Wir werden […] Gespräche führen.“",
        [
            "Er zögerte …",
            "Dann sagte er nichts mehr.",
            "Sie wartete...",
            "Die Tür blieb zu.",
            "„Wir werden … Maßnahmen ergreifen“, sagte er.",
            "„Wir werden […] Gespräche führen.“",
        ],
    ),
    "question and exclamation marks": (
        "Wirklich?! Das glaubt niemand. Wer zahlt…? Die Steuerzahler! Und dann?",
        ["Wirklich?!", "Das glaubt niemand.", "Wer zahlt…?", "Die Steuerzahler!", "Und dann?"],
    ),
    "urls and e-mail addresses": (
        "Mehr auf www.tagesschau.de. Oder auf spiegel.de/politik nachlesen. "
        "Fragen an max.mustermann@zeit.de. Die Redaktion antwortet.",
        [
            "Mehr auf www.tagesschau.de.",
            "Oder auf spiegel.de/politik nachlesen.",
            "Fragen an max.mustermann@zeit.de.",
            "Die Redaktion antwortet.",
        ],
    ),
    "parentheses": (
        "Die Bahn (DB) meldet Verspätungen. (Das war absehbar.) Betroffen ist v. a. Hamburg. "
        "Er nannte eine Nummer (Tel. 030 12345.) Danach legte er auf.",
        [
            "Die Bahn (DB) meldet Verspätungen.",
            "(Das war absehbar.)",
            "Betroffen ist v. a. Hamburg.",
            "Er nannte eine Nummer (Tel. 030 12345.)",
            "Danach legte er auf.",
        ],
    ),
    "names with initials": (
        "Der Angeklagte heißt Thomas M. Er schwieg. Trainer J. Klopp freute sich. "
        "Das sagte George W. Bush. Die Rede war kurz.",
        [
            "Der Angeklagte heißt Thomas M.",
            "Er schwieg.",
            "Trainer J. Klopp freute sich.",
            "Das sagte George W. Bush.",
            "Die Rede war kurz.",
        ],
    ),
    "lower-case sentence start": (
        "Es gab keine Anzeichen. der möglichen Deeskalation. Das war alles.",
        ["Es gab keine Anzeichen.", "der möglichen Deeskalation.", "Das war alles."],
    ),
    "last sentence without punctuation": (
        "Die Sitzung ist beendet. Morgen geht es weiter",
        ["Die Sitzung ist beendet.", "Morgen geht es weiter"],
    ),
    "version strings": (
        "Das Update v2.4.1 schließt die Lücke. Version V3.0 folgt.",
        ["Das Update v2.4.1 schließt die Lücke.", "Version V3.0 folgt."],
    ),
    "colloquial clitic": (
        "Das war's. Mehr gibt es nicht.",
        ["Das war's.", "Mehr gibt es nicht."],
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_german_news_rule(rule: str) -> None:
    text, expected = RULES[rule]
    assert sentences(text) == expected
    check_invariants(text)


# --- headlines, datelines, line breaks ------------------------------------------


def test_unpunctuated_lines_are_headlines() -> None:
    assert kinds("Bbabo NET\nNachrichten") == [
        ("headline", "Bbabo NET"),
        ("headline", "Nachrichten"),
    ]


def test_title_line_above_body_text() -> None:
    text = (
        "Regierung beschließt Entlastungspaket\n"
        "Die Koalition hat sich geeinigt. Es kostet 5 Mrd. Euro."
    )
    assert kinds(text) == [
        ("headline", "Regierung beschließt Entlastungspaket"),
        ("sentence", "Die Koalition hat sich geeinigt."),
        ("sentence", "Es kostet 5 Mrd. Euro."),
    ]


def test_hard_wrapped_prose_is_not_broken() -> None:
    text = (
        "Die Bundesregierung hat am Montag ein neues Gesetz beschlossen, das\n"
        "Mietern mehr Rechte geben soll. Der Bundesrat muss noch zustimmen, was\n"
        "als sicher gilt. Kritiker sprechen von einem Schritt in die richtige\n"
        "Richtung."
    )
    assert sentences(text) == [
        "Die Bundesregierung hat am Montag ein neues Gesetz beschlossen, das\n"
        "Mietern mehr Rechte geben soll.",
        "Der Bundesrat muss noch zustimmen, was\nals sicher gilt.",
        "Kritiker sprechen von einem Schritt in die richtige\nRichtung.",
    ]


def test_line_going_on_below_is_not_a_headline() -> None:
    assert sentences("Der Minister sagte\nam Montag nichts.") == [
        "Der Minister sagte\nam Montag nichts."
    ]
    assert sentences("Er sagte:\n„Wir kommen.“") == ["Er sagte:\n„Wir kommen.“"]


def test_list_items_are_segments() -> None:
    assert kinds("Die Punkte:\n- Steuern senken\n- Renten sichern") == [
        ("headline", "Die Punkte:"),
        ("headline", "- Steuern senken"),
        ("headline", "- Renten sichern"),
    ]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Washington, - US-Außenminister Antony Blinken bat um Beweise.", "Washington, -"),
        ("BERLIN (dpa) - Die Regierung hat sich geeinigt.", "BERLIN (dpa) -"),
        ("Kiew/Moskau (Reuters) – Die Lage bleibt angespannt.", "Kiew/Moskau (Reuters) –"),
        ("Frankfurt/Main (dpa-AFX) - Der Dax stieg.", "Frankfurt/Main (dpa-AFX) -"),
        ("Berlin, 3. Januar 2022 (dpa) – Die Lage bleibt ruhig.", "Berlin, 3. Januar 2022 (dpa) –"),
        ("St. Petersburg (AFP) - Putin sprach.", "St. Petersburg (AFP) -"),
        ("HAMBURG – Der Hafen meldet Rekorde.", "HAMBURG –"),
    ],
)
def test_dateline_is_its_own_segment(text: str, dateline: str) -> None:
    spans = kinds(text)
    assert spans[0] == ("dateline", dateline)
    assert [kind for kind, _ in spans[1:]] == ["sentence"]
    assert spans[1][1] == text[len(dateline) :].strip()


def test_dateline_below_a_headline() -> None:
    assert kinds("Einigung im Streit\nBERLIN (dpa) - Die Koalition hat sich geeinigt.") == [
        ("headline", "Einigung im Streit"),
        ("dateline", "BERLIN (dpa) -"),
        ("sentence", "Die Koalition hat sich geeinigt."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Markus Söder (CSU) – der Ministerpräsident – sagte das.",
        "Die Regierung - so heißt es - plant das.",
        "Er kam - und ging.",
    ],
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert kinds(text) == [("sentence", text)]


# --- the shared article ---------------------------------------------------------

HEADLINE = (
    "Außenminister Blinken fordert Beweise dafür, dass er die Ukraine nicht angreift, "
    "und fordert das russische Militär zum Rücktritt auf"
)
ARTICLE_SEGMENTS = [
    ("headline", "Bbabo NET"),
    ("headline", "Nachrichten"),
    ("headline", HEADLINE),
    ("dateline", "Washington, -"),
    (
        "sentence",
        "US-Außenminister Antony Blinken bat um Beweise dafür, dass Russland die "
        "Ukraine nicht durch den Abzug seiner Truppen angegriffen habe.",
    ),
    (
        "sentence",
        "Wie Reuters berichtete, habe Blinken dem russischen Außenminister Sergej "
        "Lawrow in einem Telefonat am Dienstag (02.01.2022) die Bitte geäußert, ob Moskau "
        "nicht vorhabe anzugreifen.",
    ),
    (
        "sentence",
        "Beamte der Abteilung sagten Reportern, das Telefonat habe etwa 30 Minuten gedauert.",
    ),
    (
        "sentence",
        "Der Beamte sagte, Blinken und Lawrow hätten ein „professionelles und "
        "ehrliches“ Gespräch auf Englisch geführt.",
    ),
    (
        "sentence",
        "Aber er fügte hinzu, dass es keinen Durchbruch oder keine Einigung gegeben "
        "habe und dass Washington keine Anzeichen vor Ort gesehen habe.",
    ),
    ("sentence", "der möglichen Deeskalation."),
    (
        "sentence",
        "„Wir hören immer wieder Zusicherungen, dass Russland keinen Angriff plant, "
        "aber natürlich sagt jede Aktion, die wir gesehen haben, etwas anderes aus, indem wir "
        "weiterhin Truppen aufbauen, schwere Waffen an die Grenze ziehen“, sagte der Beamte "
        "unter der Bedingung der Anonymität .",
    ),
    (
        "sentence",
        "„Wenn Präsident Putin wirklich keinen Krieg oder Regimewechsel will, sagte "
        "Blinken zu Außenminister Lawrow, dass es Zeit ist, Truppen und schwere Waffen "
        "abzuziehen und ernsthafte Gespräche zu führen, die die kollektive Sicherheit Europas "
        "verbessern könnten“, sagte der Beamte.",
    ),
    ("sentence", "Russland hat mehr als 100.000 Soldaten nahe der ukrainischen Grenze angehäuft."),
    (
        "sentence",
        "Auf der anderen Seite bestreitet Russland jegliche Angriffspläne – ein "
        "Schritt, vor dem die Vereinigten Staaten und ihre Verbündeten gewarnt haben, würde "
        "harte Sanktionen auslösen.",
    ),
    (
        "sentence",
        "Vergangene Woche wies der Westen offiziell die Forderungen Russlands zurück, "
        "der Ukraine den Beitritt zur Nato zu verwehren und die Nato-Truppen aus Osteuropa "
        "abzuziehen, und bekundete zugleich Gesprächsbereitschaft über Rüstungskontrolle und "
        "vertrauensbildende Maßnahmen.",
    ),
    (
        "sentence",
        "Der Beamte sagte auch, Lawrow habe in seinem Anruf mit Blinken "
        "„klargestellt“, dass der Brief, den Lawrow am Montag an die Vereinigten Staaten und "
        "andere geschickt habe, „nicht ihre offizielle Antwort“ sei.",
    ),
    (
        "sentence",
        "„Die (offizielle) Antwort muss an Präsident Putin übermittelt werden, dann "
        "schicken sie sie uns.",
    ),
    (
        "sentence",
        "Nachdem wir es erhalten hatten, vereinbarten der Sekretär und der Minister, "
        "dass sie noch einmal über die nächsten Schritte im Verfahren sprechen sollten“, sagte "
        "der Beamte.",
    ),
    ("headline", HEADLINE),
]


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"shared article not found at {ARTICLE}")
def test_shared_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert kinds(text) == ARTICLE_SEGMENTS
    check_invariants(text)


@pytest.mark.skipif(not ARTICLE.exists(), reason=f"shared article not found at {ARTICLE}")
def test_shared_article_block_by_block_gives_the_same_spans() -> None:
    """The pipeline segments one block at a time; that must change nothing."""
    text = ARTICLE.read_text(encoding="utf-8")
    per_block = [span for s, e in split_paragraphs(text) for span in split_sentences(text, s, e)]
    assert per_block == split_sentences(text)


# --- invariants on random input --------------------------------------------------

FRAGMENTS = [
    "Die Regierung",
    "hat",
    "am 3. Oktober",
    "z. B.",
    "Dr. Müller",
    "100.000",
    "25,7 %",
    "„Wir kommen.“",
    "»Ja!«",
    '"Nein"',
    "``So''",
    ",,Doch''",
    "sagte er",
    "www.zeit.de",
    "max@zeit.de",
    "(dpa)",
    "BERLIN (dpa) -",
    "Washington, -",
    "…",
    "...",
    "?!",
    "!",
    "?",
    ".",
    ".",
    ".",
    ",",
    " – ",
    "\n",
    "\n",
    "\n\n",
    " \n \n",
    "\r\n",
    "\t",
    "Mio.",
    "XVI.",
    "2:1.",
    "35,4.",
    "war's.",
    "°C.",
    "[…]",
    "(",
    ")",
    "der",
    "Die",
    "Er",
    "3.",
    "Jan.",
    "u. a.",
    "\u00ad",
    "\u200b",
    "😀",
    "e\u0301",
    "\x00",
    "\u2028",
    "\u2029",
    "- ",
    "•",
]


def random_text(rng: random.Random) -> str:
    parts = rng.choices(FRAGMENTS, k=rng.randint(0, 30))
    return "".join(part + rng.choice(["", " ", " ", "  "]) for part in parts)


def test_invariants_on_random_german_news_like_text() -> None:
    rng = random.Random(20220102)
    for _ in range(400):
        text = random_text(rng)
        check_invariants(text)
        start = rng.randint(0, len(text))
        check_invariants(text, start, rng.randint(start, len(text)))


def test_invariants_on_arbitrary_unicode() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    strategies = pytest.importorskip("hypothesis.strategies")

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(strategies.text(), strategies.data())
    def check(text: str, data: object) -> None:
        draw = data.draw  # type: ignore[attr-defined]
        start = draw(strategies.integers(0, len(text)))
        check_invariants(text, start, draw(strategies.integers(start, len(text))))

    check()
