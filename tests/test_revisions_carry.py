"""A new German version of a story through the pipeline: what carries over, what is translated."""

from __future__ import annotations

from service.desk.revisions import carry_over
from service.document import AlignedDocument, Finding, Segment
from service.pipeline.translator import Translator, read_checked
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


def test_a_changed_sentence_the_memory_knows_as_approved_is_still_a_draft() -> None:
    engine = FakeEngine()
    translator, first = translated(engine, FIRST)
    approved = Segment(
        id="b1s0",
        source="Das Feuer brach am frühen Dienstagmorgen aus.",
        target="x",
        source_span=(0, 1),
        score=None,
        status="approved",
        origin="approved",
    )
    from service.desk.revisions import back_to_draft

    assert (back_to_draft(approved).status, back_to_draft(approved).origin) == (
        "draft",
        "memory",
    )
    assert first.revision is None
