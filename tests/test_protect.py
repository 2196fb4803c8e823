"""Protected spans: what is found in a German sentence, and how a result is made exact."""

from __future__ import annotations

import pytest

from glossary import enforce
from service.checks.protect import find_protected, only_protected
from service.checks.quotations import foreign_quote
from service.pipeline.carry import finish, with_protected


def found(sentence: str) -> list[tuple[str, str]]:
    return [(span.kind, span.text) for span in find_protected(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mehr unter https://www.example.org/berichte/2022-10-03 oder presse@example.de.",
            [
                ("url", "https://www.example.org/berichte/2022-10-03"),
                ("email", "presse@example.de"),
            ],
        ),
        ("Das steht auf www.bund.de, sagte sie.", [("url", "www.bund.de")]),
        ("Nachzulesen auf tagesschau.de/inland.", [("url", "tagesschau.de/inland")]),
        ("Fotos stehen auf polizei.nrw/fahndung bereit.", [("url", "polizei.nrw/fahndung")]),
        ("Termine bucht man über service.berlin.", [("url", "service.berlin")]),
        (
            "Siehe (https://de.wikipedia.org/wiki/Bonn_(Stadt)).",
            [("url", "https://de.wikipedia.org/wiki/Bonn_(Stadt)")],
        ),
        (
            "Sie schrieb an @BMF_Bund und @tagesschau.",
            [("handle", "@BMF_Bund"), ("handle", "@tagesschau")],
        ),
        (  # Instagram's and Bluesky's handles hold dots; a full stop after one does not
            "Auf Instagram unter @polizei.niedersachsen und @unibremen.bsky.social.",
            [("handle", "@polizei.niedersachsen"), ("handle", "@unibremen.bsky.social")],
        ),
        (
            "Unter #StandWithUkraine und #Bundestagswahl2025 posteten viele.",
            [("hashtag", "#StandWithUkraine"), ("hashtag", "#Bundestagswahl2025")],
        ),
        ("Die Datei haushalt_2024.PDF liegt vor.", [("file", "haushalt_2024.PDF")]),
        (
            "Das Update v2.4 und Version 3.11.4 schließen die Lücke.",
            [("version", "v2.4"), ("version", "3.11.4")],
        ),
        (
            "Der Präsident sagte: „We will not give in“, und ging.",
            [("quote", "We will not give in")],
        ),
        ("Auf den Plakaten stand »Je suis Charlie«.", [("quote", "Je suis Charlie")]),
        ('Sie rief "No pasarán" in die Menge.', [("quote", "No pasarán")]),
        ("Die Fans sangen „Game over“ und gingen.", [("quote", "Game over")]),
        (  # a title every word of which is English is kept as it is
            "Das Motto lautete „Make America Great Again“.",
            [("quote", "Make America Great Again")],
        ),
        ("„Link: https://x.org/a“, schrieb er.", [("url", "https://x.org/a")]),
    ],
)
def test_spans_found(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 02.01.2022 und am 3.10.22 kamen 100.000.000 Euro zusammen.",
        "Er belegte am 4. Oktober den 4. Platz mit 35,4 Punkten.",
        "Er sprach von einem „historischen Tag“ und von »Zeitenwende«.",
        "Sie sagte: „Ich bin ein Berliner“.",
        "Kontakt: Herr Müller @ Zentrale, Raum #4.",
        "Die Firma Bosch.de-Tochter wächst.",
    ],
)
def test_nothing_found(sentence: str) -> None:
    assert found(sentence) == []


def test_verbatim_marks_are_code_and_win_over_patterns() -> None:
    sentence = "Er tippte git push origin v2.1 und ging."
    spans = find_protected(sentence, [(10, 30)])
    assert [(s.kind, s.text, s.start, s.end) for s in spans] == [
        ("code", "git push origin v2.1", 10, 30)
    ]


def test_a_sentence_of_spans_only() -> None:
    sentence = "https://a.org/x #Ukraine @dpa"
    assert only_protected(sentence, find_protected(sentence))
    words = "Mehr: https://a.org/x"
    assert not only_protected(words, find_protected(words))


@pytest.mark.parametrize(
    ("quote", "language"),
    [
        ("We stand with Ukraine", "en"),
        ("Je suis Charlie", "fr"),
        ("Wir schaffen das", None),
        # Too short for the identifier alone; their words are English, French.
        ("Time to go", "en"),
        ("Rien ne va plus", "fr"),
        # Another script is never German, whatever its capitals.
        ("Мир Украине", "ru"),
        # The identifier sure of it outweighs a German function word spelled alike.
        ("Polska nie jest na sprzedaż", "pl"),
        # A German word the identifier took for Dutch or French: German.
        ("Scholz hat", None),
        ("Merz am", None),
        # Names in another language are names.
        ("Frankfurter Allgemeine Zeitung", None),
    ],
)
def test_foreign_quote(quote: str, language: str | None) -> None:
    assert foreign_quote(quote) == language


SOURCE = "Mehr unter https://example.org/bericht-2022 heute."


def carried(translation: str) -> tuple[str, list[tuple[str, tuple[int, int] | None]], list[str]]:
    matches, protected = with_protected([], find_protected(SOURCE))
    result = enforce(SOURCE, matches, translation, repair=True)
    text, terms, flags = finish(SOURCE, matches, protected, result)
    assert [term.kind for term in terms] == ["protected"]
    return text, [(term.status, term.target_span) for term in terms], flags


def test_a_span_the_model_changed_in_case_is_made_exact() -> None:
    assert carried("More at HTTPS://Example.org/bericht-2022 today.") == (
        "More at https://example.org/bericht-2022 today.",
        [("ok", (8, 40))],
        [],
    )


def test_a_span_the_model_wrote_twice_is_kept_once() -> None:
    assert carried(
        "More at https://example.org/bericht-2022 https://example.org/bericht-2022."
    ) == (
        "More at https://example.org/bericht-2022.",
        [("ok", (8, 40))],
        [],
    )


def test_a_lost_span_flags_the_segment_and_is_listed() -> None:
    assert carried("More today.") == ("More today.", [("violated", None)], ["protected_lost"])
