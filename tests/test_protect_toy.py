"""Protected spans end to end on the toy model: verbatim in the English, or flagged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import Entry, Glossary
from models.engine import Hypothesis, Request
from models.marian import MarianEngine
from service.document import Segment
from service.markup.article import Format
from service.pipeline.translator import Translator

GLOSSARY = Glossary("house", (Entry("Bundestag", "Bundestag", kind="keep"),))


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator(MarianEngine("toy", threads=2), glossary=GLOSSARY)


def as_format(sentence: str, fmt: Format) -> str:
    return f"<p>{sentence}</p>" if fmt == "html" else sentence


def carried(segment: Segment, span: str) -> None:
    """The span is in the English exactly once, where its term says, and recorded."""
    (term,) = [term for term in segment.terms if term.source == span]
    assert term.kind == ("keep" if span == "Bundestag" else "protected")
    assert term.status in ("ok", "repaired")
    assert term.target_span is not None
    start, end = term.target_span
    assert segment.target[start:end] == span == term.target
    assert segment.source[term.source_span[0] : term.source_span[1]] == span
    assert segment.target.count(span) == segment.source.count(span) == 1


SPANS = {
    "url": ("Der Minister verwies am Dienstag auf {}.", "https://www.example.org/berichte/2022"),
    "email": ("Die Regierung nannte {} als Kontakt.", "presse@example.de"),
    "handle": ("Der Minister schrieb an {} am Dienstag.", "@tagesschau"),
    "hashtag": ("Die Regierung nannte {} als Motto.", "#StandWithUkraine"),
    "file": ("Der Minister verwies auf {} am Dienstag.", "haushalt-2024.pdf"),
    "version": ("Die Regierung nannte das Update {} sicher.", "v2.4.1"),
    "quote": ("Der Minister sagte „{}“ am Dienstag.", "We will not give in"),
    "keep": ("Die Regierung lobte den {} am Dienstag.", "Bundestag"),
}


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
@pytest.mark.parametrize("kind", SPANS)
def test_each_kind_in_each_format_is_carried(
    translator: Translator, kind: str, fmt: Format
) -> None:
    template, span = SPANS[kind]
    (segment,) = translator.translate(as_format(template.format(span), fmt), fmt).segments()
    carried(segment, span)
    assert "protected_lost" not in segment.flags


@pytest.mark.parametrize(
    ("fmt", "article", "code", "written"),
    [
        (
            "html",
            "<p>Der Minister tippte <code>git pull --rebase</code> am Dienstag.</p>",
            "git pull --rebase",
            "<code>git pull --rebase</code>",
        ),
        (
            "html",
            '<p>Die Regierung nannte <span translate="no">Zeitenwende jetzt</span> als Ziel.</p>',
            "Zeitenwende jetzt",
            '<span translate="no">Zeitenwende jetzt</span>',
        ),
        (
            "markdown",
            "Der Minister tippte `git pull --rebase` am Dienstag.",
            "git pull --rebase",
            "`git pull --rebase`",
        ),
    ],
)
def test_marked_code_is_carried_and_written_back(
    translator: Translator, fmt: Format, article: str, code: str, written: str
) -> None:
    document = translator.translate(article, fmt)
    (segment,) = document.segments()
    carried(segment, code)
    assert "protected_lost" not in segment.flags
    assert document.target_document.count(written) == 1


def test_the_issue_sentences(translator: Translator) -> None:
    document = translator.translate(
        "Weitere Informationen gibt es unter https://www.example.org/berichte/2022-10-03 oder "
        "per E-Mail an presse@example.de.\n\n"
        "Der Minister schrieb auf Twitter: „We stand with Ukraine“ und fügte "
        "#StandWithUkraine hinzu."
    )
    first, second = document.segments()
    carried(first, "https://www.example.org/berichte/2022-10-03")
    carried(first, "presse@example.de")
    assert "protected_lost" not in first.flags
    carried(second, "We stand with Ukraine")
    # The toy model drops the hashtag; it goes next to the English of its German neighbours.
    carried(second, "#StandWithUkraine")
    assert "protected_lost" not in second.flags


def test_an_article_of_only_urls_and_code_is_itself(translator: Translator) -> None:
    text = "https://www.example.org/a https://example.de/b\n\n#Ukraine @dpa"
    document = translator.translate(text)
    assert [(s.target, s.origin, s.flags) for s in document.segments()] == [
        ("https://www.example.org/a https://example.de/b", "kept", []),
        ("#Ukraine @dpa", "kept", []),
    ]
    assert document.target_text == text
    code = "<p><code>rm -rf /tmp/x</code> <code>ls</code></p>"
    assert translator.translate(code, "html").target_document == code


def test_pieces_of_a_long_sentence_that_are_only_links_skip_the_model() -> None:
    """A run of links cut from a long sentence is its own English: carried, recorded, not
    decoded, and no sign of German left untranslated."""
    engine = MarianEngine("toy", threads=2)
    asked: list[str] = []
    decode = engine.decode

    def recording(requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        asked.extend(request.sentence for request in requests)
        return decode(requests, beam_size=beam_size)

    engine.decode = recording  # type: ignore[method-assign]
    links = [f"https://www.example.org/berichte/{year}/minister" for year in range(2015, 2023)]
    sentence = f"Die Regierung nannte am Dienstag diese Quellen {' '.join(links)}."
    (segment,) = Translator(engine, max_sentence_tokens=40).translate(sentence).segments()
    for link in links:
        carried(segment, link)
    assert asked and not any("https" in request and "Quellen" not in request for request in asked)
    assert not {"protected_lost", "untranslated"} & set(segment.flags)


def test_a_sentence_wholly_in_english_stays_kept(translator: Translator) -> None:
    german, segment = translator.translate(
        "Der Minister sprach am Dienstag. We will never give in to threats from anyone at all."
    ).segments()
    assert german.origin == "model"
    assert (segment.origin, segment.target, segment.terms) == (
        "kept",
        "We will never give in to threats from anyone at all.",
        [],
    )


def test_links_that_look_foreign_do_not_make_german_foreign(translator: Translator) -> None:
    url = "https://www.hetnieuwsvandaag.nl/over-ons/nieuws"
    (segment,) = translator.translate(f"Die Regierung nannte {url} en #Waterbeheer.").segments()
    assert segment.origin == "model"  # not refused as Dutch, nor kept as a Dutch sentence
    assert [(term.source, term.kind) for term in segment.terms] == [
        (url, "protected"),
        ("#Waterbeheer", "protected"),
    ]


def test_a_quotation_in_another_language_does_not_make_the_article_foreign(
    translator: Translator,
) -> None:
    (segment,) = translator.translate(
        "„Liberté, égalité, fraternité“ stand auf dem Banner über der Bühne."
    ).segments()
    assert segment.origin == "model"
    assert [(term.source, term.kind) for term in segment.terms] == [
        ("Liberté, égalité, fraternité", "protected")
    ]


OPENINGS = st.sampled_from(
    [
        "Der Minister verwies am Dienstag auf",
        "Die Regierung nannte",
        "Nach Angaben der Polizei steht mehr unter",
        "Die Ministerin schrieb",
    ]
)
ENDINGS = st.sampled_from(["", " am Dienstag", " als Quelle", " und ging"])
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
SPAN = st.one_of(
    st.builds(lambda host, path: f"https://www.{host}.de/{path}", WORD, WORD),
    st.builds(lambda user, host: f"{user}@{host}.org", WORD, WORD),
    st.builds(lambda tag: f"#{tag.capitalize()}", WORD),
)


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(opening=OPENINGS, spans=st.lists(SPAN, min_size=1, max_size=2, unique=True), ending=ENDINGS)
def test_every_span_is_present_or_flagged(
    translator: Translator, opening: str, spans: list[str], ending: str
) -> None:
    sentence = f"{opening} {' und '.join(spans)}{ending}."
    (segment,) = translator.translate(sentence).segments()
    for span in spans:
        (term,) = [term for term in segment.terms if term.source == span]
        assert term.kind == "protected"
        if term.status == "violated":
            assert term.target_span is None
            assert "protected_lost" in segment.flags
        else:
            assert term.target_span is not None
            start, end = term.target_span
            assert segment.target[start:end] == span
            assert segment.target.count(span) == 1
