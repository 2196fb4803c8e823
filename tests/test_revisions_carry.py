"""A new German version of a story through the pipeline: what carries over, what is translated."""

from __future__ import annotations

from service.desk.revisions import carry_over
from service.document import AlignedDocument, Finding, Segment
from service.pipeline.translator import Translator, read_checked
from service.store.memory import MemoryHit
from tests.fakes import FakeEngine

FIRST = (
    "Brand in Hamburger Lagerhalle\n\n"
    "Bei einem Brand in einer Lagerhalle in Hamburg sind drei Menschen verletzt worden. "
    "Das Feuer brach am frühen Dienstagmorgen aus. "
    "Die Feuerwehr war mit 50 Einsatzkräften vor Ort.\n\n"
    "Die Ursache ist noch unklar. "
    "Ein Sprecher der Polizei schloss Brandstiftung nicht aus. "
    "Die Halle gehört einem Logistikunternehmen aus Bremen."
)
# Two sentences changed (a figure, a typo), one removed, one added.
SECOND = (
    "Brand in Hamburger Lagerhalle\n\n"
    "Bei einem Brand in einer Lagerhalle in Hamburg sind vier Menschen verletzt worden. "
    "Das Feuer brach am frühen Dienstagmorgen aus. "
    "Die Feuerwehr war mit 80 Einsatzkräften vor Ort.\n\n"
    "Die Ursache ist noch unklar. "
    "Die Kriminalpolizei hat die Ermittlungen übernommen. "
    "Die Halle gehört einem Logistikunternehmen aus Bremen."
)


def translated(engine: FakeEngine, text: str) -> tuple[Translator, AlignedDocument]:
    translator = Translator(engine)
    return translator, translator.translate(text)


def reviewed(document: AlignedDocument) -> AlignedDocument:
    """The first version after review: one sentence edited, one approved."""
    segments = document.segments()
    edited = segments[2].model_copy(
        update={
            "target": "The fire broke out early on Tuesday.",
            "origin": "edited",
            "version": 2,
            "findings": [Finding(flag="omission", message="kept as the reviewer left it")],
        }
    )
    approved = segments[4].model_copy(update={"status": "approved", "origin": "approved"})
    replaced = {edited.id: edited, approved.id: approved}
    for block in document.blocks:
        block.segments = [replaced.get(segment.id, segment) for segment in block.segments]
    return document


def test_unchanged_sentences_carry_over_and_only_the_rest_is_translated() -> None:
    engine = FakeEngine()
    translator, first = translated(engine, FIRST)
    previous = reviewed(first)
    engine.seen.clear()

    revision = carry_over(translator, read_checked(SECOND), previous, alignment=False)

    document = revision.document
    segments = document.segments()
    assert [segment.revised for segment in segments] == [
        "kept",
        "changed",
        "kept",
        "changed",
        "kept",
        "new",
        "kept",
    ]
    assert sorted(engine.seen) == sorted(
        [segments[1].source, segments[3].source, segments[5].source]
    )
    assert revision.summary.model_dump() == {
        "kept": 4,
        "changed": 2,
        "new": 1,
        "removed": 1,
        "translated": 3,
    }
    assert document.revision == 2 and document.revision_summary == revision.summary
    old = {segment.source: segment for segment in previous.segments()}
    for segment in segments:
        assert SECOND[segment.source_span[0] : segment.source_span[1]] == segment.source
        if segment.revised == "kept":
            before = old[segment.source]
            same = {"id", "source_span", "revised"}
            assert segment.model_dump(exclude=same) == before.model_dump(exclude=same)
        else:
            assert segment.status == "draft" and segment.target == f"EN({segment.source})"
    assert segments[2].target == "The fire broke out early on Tuesday."
    assert segments[2].findings[0].message == "kept as the reviewer left it"
    assert segments[4].status == "approved"
    assert revision.previous[segments[1].id].source.startswith("Bei einem Brand")
    assert segments[5].id not in revision.previous
    assert "The fire broke out early on Tuesday." in document.target_text


class ApprovedMemory:
    """A memory holding one reviewer's approved English."""

    def __init__(self, source: str, target: str) -> None:
        self.hits = {source: MemoryHit(target, None, "approved")}

    def lookup(
        self, sentences: list[str], model: str, glossary_version: str, *, target_lang: str = "en"
    ) -> dict[str, MemoryHit]:
        return {s: self.hits[s] for s in sentences if s in self.hits}

    def store(self, *args: object, **options: object) -> None:
        pass


def test_a_changed_sentence_the_memory_knows_is_a_draft_and_costs_no_engine_call() -> None:
    engine = FakeEngine()
    _, first = translated(engine, FIRST)
    changed = "Die Feuerwehr war mit 80 Einsatzkräften vor Ort."
    translator = Translator(engine, memory=ApprovedMemory(changed, "80 firefighters came."))
    engine.seen.clear()

    revision = carry_over(translator, read_checked(SECOND), first, alignment=False)

    segment = next(s for s in revision.document.segments() if s.source == changed)
    assert (segment.revised, segment.target) == ("changed", "80 firefighters came.")
    assert (segment.status, segment.origin) == ("draft", "memory")
    assert changed not in engine.seen
    assert revision.summary.translated == 2  # the other changed sentence and the new one
    assert first.revision is None and revision.document.revision == 2


def test_a_kept_sentence_respaced_keeps_its_spans_on_the_new_german() -> None:
    from service.desk.revisions import moved
    from service.document import Term

    old = Segment(
        id="b0s3",
        source="Die  Polizei\nermittelt.",
        target="The police are investigating.",
        source_span=(40, 63),
        terms=[
            Term(
                entry="Polizei",
                source="Polizei",
                source_span=(5, 12),
                target="police",
                target_span=(4, 10),
                kind="term",
                status="ok",
            )
        ],
        alignment=[((0, 3), (0, 3)), ((5, 12), (4, 10)), ((13, 23), (15, 29))],
        score=-0.2,
        status="approved",
        origin="approved",
    )
    text = "Titel.\n\nDie Polizei ermittelt."
    segment = moved(old, "b1s0", text, (8, 30))
    assert segment.source == "Die Polizei ermittelt." and segment.source_span == (8, 30)
    term = segment.terms[0]
    assert segment.source[term.source_span[0] : term.source_span[1]] == "Polizei"
    assert segment.alignment is not None
    assert [segment.source[a:b] for (a, b), _ in segment.alignment] == [
        "Die",
        "Polizei",
        "ermittelt.",
    ]
    assert (segment.target, segment.status, segment.origin) == (old.target, "approved", "approved")


def test_an_html_story_keeps_its_markup_and_its_reviewed_english() -> None:
    engine = FakeEngine()
    translator = Translator(engine)
    first = translator.translate(
        "<h1>Brand in Hamburg</h1><p>Das Feuer brach am <b>Dienstag</b> aus. "
        "Die Polizei ermittelt.</p><p>Drei Menschen wurden verletzt.</p>",
        "html",
    )
    kept = first.segments()[1].model_copy(
        update={"target": "The fire broke out on Tuesday.", "origin": "edited"}
    )
    first.blocks[1].segments[0] = kept
    second = (
        "<h1>Brand in Hamburg</h1><p>Das Feuer brach am <b>Dienstag</b> aus. "
        "Die Polizei ermittelt.</p><p>Vier Menschen wurden verletzt.</p><ul><li>Neu.</li></ul>"
    )
    revision = carry_over(translator, read_checked(second, "html"), first, alignment=False)
    assert [s.revised for s in revision.document.segments()] == [
        "kept",
        "kept",
        "kept",
        "changed",
        "new",
    ]
    assert "The fire broke out on Tuesday." in revision.document.target_text
    assert "<b>" in revision.document.target_document  # the reviewer's English, marked up
    assert "<ul><li>EN(Neu.)</li></ul>" in revision.document.target_document
