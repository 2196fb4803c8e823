"""Glossary terms marked in a segment's text: one colour per glossary entry on both sides;
localisation changes marked in the English, each with its index for a one-click undo;
the spans of the fact checks' findings marked on both sides, their message as the title
(a term or change keeps its mark where a finding overlaps it).

A reviewer's edit moves the English: a target span that no longer holds the
term's English is looked up again in the text, and not marked when absent.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from service.document import AlignedDocument, Finding, Localisation, Segment, Term
from service.store.articles import HistoryEntry
from service.web.diff import Change, changes

COLOURS = 8  # CSS classes term-c0 … term-c7


@dataclass(frozen=True)
class Word:
    """Text of a piece; with ``key`` a word of the segment's alignment (``s12``: the
    German word at offset 12, ``t7`` an English one) and the keys it is aligned to."""

    text: str
    key: str = ""
    links: str = ""


@dataclass(frozen=True)
class Piece:
    text: str
    term: Term | None = None
    colour: int = 0
    change: Localisation | None = None  # a localisation change, the segment's ``index``-th
    index: int = -1
    words: tuple[Word, ...] = ()  # ``text`` cut at aligned words (none without alignment)
    finding: Finding | None = None

    @property
    def tooltip(self) -> str:
        if self.finding is not None:
            return f"{self.finding.flag.replace('_', ' ')}: {self.finding.message}"
        if self.change is not None:
            change = self.change
            return f"{change.rule}: {change.before} → {change.after}"
        if self.term is None:
            return ""
        term = self.term
        return f"{term.entry} → {term.target} ({term.kind}, {term.status})"


def term_colours(document: AlignedDocument) -> dict[str, int]:
    """Entry → colour, in order of first appearance in the article."""
    entries = dict.fromkeys(term.entry for segment in document.segments() for term in segment.terms)
    return {entry: index % COLOURS for index, entry in enumerate(entries)}


def source_pieces(segment: Segment, colours: dict[str, int]) -> list[Piece]:
    spans = [
        (term.source_span, Piece("", term, colours.get(term.entry, 0))) for term in segment.terms
    ]
    found = [(f.source_span, Piece("", finding=f)) for f in segment.findings if f.source_span]
    return cut(segment.source, with_findings(spans, found))


def target_pieces(segment: Segment, colours: dict[str, int]) -> list[Piece]:
    spans = []
    for term in segment.terms:
        span = target_span(segment.target, term)
        if span is not None:
            spans.append((span, Piece("", term, colours.get(term.entry, 0))))
    for index, change in enumerate(segment.localisation):
        start, end = change.target_span
        if segment.target[start:end] == change.after:
            spans.append((change.target_span, Piece("", change=change, index=index)))
    found = [(f.target_span, Piece("", finding=f)) for f in segment.findings if f.target_span]
    return cut(segment.target, with_findings(spans, found))


Span = tuple[tuple[int, int], Piece]


def with_findings(spans: list[Span], found: list[Span]) -> list[Span]:
    """``spans`` and the findings' spans around them: a term or localisation change keeps
    its mark (and its undo button), a finding marks the rest of its text."""
    marked = sorted(span for span, _ in spans)
    parts: list[Span] = []
    for (start, end), piece in found:
        for mark_start, mark_end in marked:
            if mark_start < end and start < mark_end:
                if start < mark_start:
                    parts.append(((start, mark_start), piece))
                start = max(start, mark_end)
        if start < end:
            parts.append(((start, end), piece))
    return spans + parts


def target_span(text: str, term: Term) -> tuple[int, int] | None:
    if term.target_span is not None:
        start, end = term.target_span
        if text[start:end] == term.target:
            return start, end
    found = text.lower().find(term.target.lower()) if term.target else -1
    return None if found < 0 else (found, found + len(term.target))


def cut(text: str, spans: list[tuple[tuple[int, int], Piece]]) -> list[Piece]:
    """``text`` in pieces, the spans marked; overlapping or stray spans are left out."""
    pieces = []
    position = 0
    for (start, end), marked in sorted(spans, key=lambda item: item[0]):
        if start < position or not 0 <= start < end <= len(text):
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(replace(marked, text=text[start:end]))
        position = end
    if position < len(text) or not pieces:
        pieces.append(Piece(text[position:]))
    return pieces


@dataclass(frozen=True)
class Row:
    """One segment as the review page shows it."""

    segment: Segment
    source: list[Piece]
    target: list[Piece]
    history: list[Change] = field(default_factory=list)  # oldest first, as word diffs


def row_view(
    segment: Segment, colours: dict[str, int], history: list[HistoryEntry] | None = None
) -> Row:
    source, target = source_pieces(segment, colours), target_pieces(segment, colours)
    if segment.alignment:
        links: dict[str, dict[tuple[int, int], list[str]]] = {"s": {}, "t": {}}
        for source_word, target_word in segment.alignment:
            links["s"].setdefault(source_word, []).append(f"t{target_word[0]}")
            links["t"].setdefault(target_word, []).append(f"s{source_word[0]}")
        source = with_words(source, "s", links["s"])
        target = with_words(target, "t", links["t"])
    return Row(segment, source, target, changes(history or [], segment.target))


def with_words(
    pieces: list[Piece], side: str, links: dict[tuple[int, int], list[str]]
) -> list[Piece]:
    """Each piece with its text cut at the aligned words it holds (a word a mark cuts
    is in two pieces under one key), so the page can light up a word's partners."""
    result, offset = [], 0
    for piece in pieces:
        start, end = offset, offset + len(piece.text)
        words, position = [], start
        for (word_start, word_end), partners in sorted(links.items()):
            cut_start, cut_end = max(word_start, position), min(word_end, end)
            if cut_start >= cut_end:
                continue
            if cut_start > position:
                words.append(Word(piece.text[position - start : cut_start - start]))
            key = f"{side}{word_start}"
            words.append(
                Word(piece.text[cut_start - start : cut_end - start], key, " ".join(partners))
            )
            position = cut_end
        if position < end:
            words.append(Word(piece.text[position - start :]))
        result.append(replace(piece, words=tuple(words)))
        offset = end
    return result
