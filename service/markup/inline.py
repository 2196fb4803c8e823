"""Inline markup carried from German words to the English words they became.

A markup reader (HTML, Markdown) extracts a block's text and records each
inline element (a link, bold, a code span) as a ``Mark`` over a range of that
text. Once the block's sentences are translated, each mark is placed on the
English through the model's alignment (``glossary.align``): the target pieces
that attend to the marked German pieces. A mark on a glossary term goes to
the term's English. Where there is no alignment (memory, reviewed or
glossary-repaired targets) the mark moves proportionally within its
sentence. Marks always end on word boundaries and never end up empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary.align import aligned_range, piece_spans
from models.engine import Hypothesis
from service.document import Segment


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the extracted text (Article.text)
    end: int
    payload: object  # the reader's own: an element, Markdown delimiters
    verbatim: bool = False  # its range is replaced by the original (code, translate="no")


@dataclass(frozen=True)
class Placed:
    start: int  # offsets into BlockTarget.text
    end: int
    mark: Mark


@dataclass(frozen=True)
class BlockTarget:
    text: str  # the block's English
    marks: list[Placed]  # outermost first when nested


class SegmentMap:
    """Offsets of one block's German text mapped onto its English."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        segments: Sequence[Segment],
        aligned: dict[str, Hypothesis],
    ) -> None:
        self.block_start = start
        self.parts: list[tuple[Segment, int]] = []  # segment, its offset in the English
        pieces: list[str] = []
        position = start
        for segment in segments:
            s_start, s_end = segment.source_span
            pieces.append(text[position:s_start])
            self.parts.append((segment, sum(map(len, pieces))))
            pieces.append(segment.target)
            position = s_end
        pieces.append(text[position:end])
        self.text = "".join(pieces)
        self.aligned = aligned

    def point(self, offset: int) -> int:
        """Where a German offset outside every sentence lands in the English."""
        shift = offset - self.block_start
        for segment, target_offset in self.parts:
            s_start, s_end = segment.source_span
            if offset < s_start:
                break
            if offset >= s_end:
                shift = target_offset + len(segment.target) + offset - s_end
            else:
                return target_offset + round(
                    len(segment.target) * (offset - s_start) / max(1, s_end - s_start)
                )
        return shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The English range of the German range [start, end)."""
        for segment, target_offset in self.parts:
            s_start, s_end = segment.source_span
            if start >= s_start and end <= s_end and (start, end) != (s_start, s_end):
                local = self.within(segment, start - s_start, end - s_start)
                return local[0] + target_offset, local[1] + target_offset
        return self.point(start), self.point(end)

    def within(self, segment: Segment, start: int, end: int) -> tuple[int, int]:
        if segment.origin == "kept":
            return start, end
        for term in segment.terms:  # a marked name or term: where the glossary put it
            t_start, t_end = term.source_span
            if term.target_span is not None and t_start <= start and end <= t_end:
                return term.target_span
        hypothesis = self.aligned.get(segment.id)
        if hypothesis is not None and hypothesis.alignment:
            found = aligned_range(
                (start, end),
                piece_spans(hypothesis.source_tokens, segment.source),
                piece_spans(hypothesis.target_tokens, segment.target),
                hypothesis.alignment,
            )
            if found is not None:
                return found
        scale = len(segment.target) / max(1, len(segment.source))
        return round(start * scale), round(end * scale)


def place_marks(
    text: str,
    start: int,
    end: int,
    marks: Sequence[Mark],
    segments: Sequence[Segment],
    aligned: dict[str, Hypothesis],
) -> BlockTarget:
    """The block's English with each mark placed on it, properly nested."""
    mapping = SegmentMap(text, start, end, segments, aligned)
    english = mapping.text
    placed: list[Placed] = []
    for mark in marks:
        if mark.start == mark.end:  # an image, a line break: after the word it follows
            word = previous_word(text, start, mark.start)
            a = mapping.span(*word)[1] if word else mapping.point(mark.start)
            while a < len(english) and english[a].isalnum():
                a += 1
            placed.append(Placed(a, a, mark))
            continue
        a, b = mapping.span(mark.start, mark.end)
        a, b = snap(english, min(a, b), max(a, b))
        placed.append(Placed(a, b, mark))
    return BlockTarget(english, nest(placed))


def previous_word(text: str, low: int, offset: int) -> tuple[int, int] | None:
    """The word right before ``offset`` (spaces between allowed), not before ``low``."""
    end = offset
    while end > low and text[end - 1].isspace():
        end -= 1
    start = end
    while start > low and text[start - 1].isalnum():
        start -= 1
    return (start, end) if start < end else None


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to whole words, drop surrounding spaces and closing punctuation; never empty."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    if start == end and text:  # the nearest word
        start = min(start, len(text) - 1)
        while start > 0 and not text[start].isalnum():
            start -= 1
        return snap_word(text, start)
    return start, end


def snap_word(text: str, position: int) -> tuple[int, int]:
    start = end = position
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, max(end, start + 1)


def nest(placed: list[Placed]) -> list[Placed]:
    """Order outer before inner and clip crossings, so the marks form a tree.

    The readers hand marks outermost first; a mark is clipped into the one that
    encloses it in the German, and a sibling that overlaps an earlier one
    starts where that one ends (dropped when nothing is left).
    """
    result: list[Placed] = []
    for item in placed:
        parent = next(
            (
                outer
                for outer in reversed(result)
                if outer.mark.start <= item.mark.start and item.mark.end <= outer.mark.end
            ),
            None,
        )
        start, end = item.start, item.end
        if parent is not None:
            start, end = max(start, parent.start), min(end, parent.end)
        if item.start == item.end:  # a point: never dropped, only moved out of siblings
            point = min(max(item.start, start), end) if start <= end else start
            for other in result:
                if other is not parent and other.start < point < other.end:
                    point = other.end
            result.append(Placed(point, point, item.mark))
            continue
        for other in result:
            if other is parent:
                continue
            enclosing = other.mark.start <= item.mark.start and item.mark.end <= other.mark.end
            if enclosing:
                continue
            if other.start < end and start < other.end:  # crossing a sibling
                if start >= other.start:
                    start = other.end
                else:
                    end = other.start
        if start < end:
            result.append(Placed(start, end, item.mark))
    return result


def inside_end(marks: list[Placed], index: int) -> int:
    """End of the run of ``marks`` (ordered, nested) inside ``marks[index]``; a verbatim
    mark has none inside it."""
    outer, end = marks[index], index + 1
    while (
        not outer.mark.verbatim
        and end < len(marks)
        and marks[end].start < outer.end
        and marks[end].end <= outer.end
    ):
        end += 1
    return end
