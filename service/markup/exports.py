"""An aligned document as a file: JSON, TMX, XLIFF or the English text.

TMX and XLIFF are written by translate-toolkit, so CAT tools read them: one
translation unit per segment, source and target languages set, the segment
id as the unit id, and the review state carried over (XLIFF ``approved`` and
``state``; TMX notes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from translate.storage import tmx, xliff

from service.document import AlignedDocument, Segment

ExportFormat = Literal["json", "tmx", "xliff", "txt"]
# XLIFF 1.x states: machine output waits for review; approved output is final.
XLIFF_STATES = {"draft": "needs-review-translation", "approved": "final"}


@dataclass(frozen=True)
class Export:
    content: bytes
    media_type: str
    filename: str


def to_json(document: AlignedDocument, _name: str) -> bytes:
    return document.model_dump_json(indent=2).encode()


def to_txt(document: AlignedDocument, _name: str) -> bytes:
    return document.target_text.encode()


def note(segment: Segment) -> str:
    flags = ", ".join(segment.flags) or "none"
    return f"status: {segment.status}; origin: {segment.origin}; flags: {flags}"


def tmx_of(documents: Iterable[AlignedDocument], source_lang: str, target_lang: str) -> bytes:
    """One translation unit per segment, its id ``article-segment``."""
    memory = tmx.tmxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    for document in documents:
        for segment in document.segments():
            unit = memory.addsourceunit(segment.source)
            unit.target = segment.target
            unit.xmlelement.set("tuid", f"{document.id}-{segment.id}")
            unit.addnote(note(segment))
    return bytes(memory)


def xliff_of(
    documents: Iterable[tuple[AlignedDocument, str]], source_lang: str, target_lang: str
) -> bytes:
    """One XLIFF ``<file>`` per (document, file name), a unit per segment."""
    store: xliff.xlifffile = xliff.xlifffile(sourcelanguage=source_lang, targetlanguage=target_lang)
    first = True
    for document, name in documents:
        if first:  # the store starts with one unnamed file node: name it
            store.setfilename(store.getfilenode("NoName"), name)
            first = False
        for segment in document.segments():
            unit = store.addsourceunit(segment.source, filename=name, createifmissing=True)
            unit.setid(segment.id)
            unit.target = segment.target
            unit.markapproved(segment.status == "approved")
            unit.set_state_n(xliff.xliffunit.statemap[XLIFF_STATES[segment.status]])
            unit.addnote(note(segment), origin="translator")
    return bytes(store)


def to_tmx(document: AlignedDocument, _name: str) -> bytes:
    return tmx_of([document], document.source_lang, document.target_lang)


def to_xliff(document: AlignedDocument, name: str) -> bytes:
    return xliff_of([(document, name)], document.source_lang, document.target_lang)


WRITERS: dict[ExportFormat, tuple[Callable[[AlignedDocument, str], bytes], str, str]] = {
    "json": (to_json, "application/json", "json"),
    "tmx": (to_tmx, "application/x-tmx+xml", "tmx"),
    "xliff": (to_xliff, "application/x-xliff+xml", "xlf"),
    "txt": (to_txt, "text/plain; charset=utf-8", "txt"),
}


def export(document: AlignedDocument, fmt: ExportFormat) -> Export:
    writer, media_type, extension = WRITERS[fmt]
    return Export(writer(document, f"{document.id}.txt"), media_type, f"{document.id}.{extension}")
