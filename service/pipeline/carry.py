"""Protected spans carried into the English through the glossary's enforcement chain.

Why the chain and not placeholders: an OPUS-MT model has no reserved
placeholder pieces, so a mask (``XURL1``, ``<x1/>``) is text it was never
trained to copy; it translates, splits, drops or doubles it, and where it
lands says nothing about where the span belongs. The chain needs only what
every Marian model gives, whatever it was trained on: the model's own
output, its cross-attention alignment, and decoding from a forced prefix.
Each span becomes a ``keep`` term whose target is itself, so it is verified
(the model copied it: most URLs and hashtags), put in place of the English
words aligned to it, put next to the English of its German neighbours where
the model dropped it (``anchored``: nothing around a link need change to fit
it, and a re-decode costs a decoder pass), or forced in by a re-decode that
continues the sentence after it; a span that none of these can place is
reported, never dropped.

The chain's matching is word-based and case-blind (it is made for names and
terms); a protected span must be exact. So each placed span is checked
character for character and rewritten in place where the model changed its
case or spacing, and a span the English holds more often than the German is
kept only where it was placed. Results are ``Term``s with ``kind:
"protected"``; a span not placed flags its segment ``protected_lost``, as
does a glossary ``keep`` entry that was not kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossary import EnforceResult, Entry, TermMatch
from service.checks.protect import Protected
from service.document import Term

LOST = "protected_lost"
VIOLATION = "glossary_violation"


def with_protected(
    matches: Sequence[TermMatch], spans: Sequence[Protected]
) -> tuple[list[TermMatch], list[bool]]:
    """The glossary's matches and the spans as ``keep`` terms, sorted, with which are
    spans. A glossary hit inside a span (a name in a URL) is left to the span."""
    kept = [
        match
        for match in matches
        if not any(span.start < match.end and match.start < span.end for span in spans)
    ]
    merged = [(match, False) for match in kept] + [(as_match(span), True) for span in spans]
    merged.sort(key=lambda item: item[0].start)
    return [match for match, _ in merged], [protected for _, protected in merged]


def protected_sources(terms: Sequence[Term]) -> list[str]:
    """The texts of the protected spans among ``terms``: both sides hold them as they are."""
    return [term.source for term in terms if term.kind == "protected"]


def as_match(span: Protected) -> TermMatch:
    entry = Entry(source=span.text, target=span.text, kind="keep", case_sensitive=True)
    return TermMatch(entry, span.start, span.end, span.text, anchored=True)


def finish(
    sentence: str,
    matches: Sequence[TermMatch],
    protected: Sequence[bool],
    result: EnforceResult,
    *,
    rewrite: bool = True,
) -> tuple[str, list[Term], list[str]]:
    """The English, its terms and flags once each span is exact and there once.
    Without ``rewrite`` (a reviewer's text) a span not there exactly is lost."""
    text = result.text
    terms = [Term.model_validate(term.to_dict()) for term in result.terms]
    for index, is_protected in enumerate(protected):
        if not is_protected:
            continue
        if rewrite:
            text, terms = _exact(text, terms, index, matches[index].surface, sentence)
            text, terms = _quoted(text, terms, index, matches[index], sentence)
        else:
            terms[index] = _audited(text, terms[index], matches[index].surface)
    return text, terms, flags_of(terms, matches, protected)


def audited(
    text: str, terms: list[Term], matches: Sequence[TermMatch], protected: Sequence[bool]
) -> tuple[list[Term], list[str]]:
    """Terms of a text that must stay as it is (a reviewer's), spans checked exactly."""
    terms = [
        _audited(text, term, match.surface) if is_protected else term
        for term, match, is_protected in zip(terms, matches, protected, strict=True)
    ]
    return terms, flags_of(terms, matches, protected)


def flags_of(
    terms: Sequence[Term], matches: Sequence[TermMatch], protected: Sequence[bool]
) -> list[str]:
    """``glossary_violation`` for a glossary term not placed, ``protected_lost`` for a
    span or a ``keep`` entry not kept."""
    flags: list[str] = []
    for term, match, is_protected in zip(terms, matches, protected, strict=True):
        if term.status != "violated":
            continue
        if not is_protected and VIOLATION not in flags:
            flags.append(VIOLATION)
        if (is_protected or match.entry.kind == "keep") and LOST not in flags:
            flags.append(LOST)
    return flags


def _exact(
    text: str, terms: list[Term], index: int, span: str, sentence: str
) -> tuple[str, list[Term]]:
    term = terms[index]
    if term.target_span is None:
        terms[index] = term.model_copy(update={"kind": "protected"})
        return text, terms
    start, end = term.target_span
    if text[start:end] != span:
        text, terms = _replace(text, terms, start, end, span)
    text, terms, start = _without_echo(text, terms, index, start, span, sentence)
    # Exactly once: a re-decode may have copied the span again after forcing it in.
    extra = text.count(span) - sentence.count(span)
    position = 0
    while extra > 0 and (found := text.find(span, position)) >= 0:
        if found == start or not _free(terms, index, found, found + len(span)):
            position = found + len(span)
            continue
        cut_start = found - 1 if found > 0 and text[found - 1] == " " else found
        text, terms = _replace(text, terms, cut_start, found + len(span), "")
        if found < start:
            start -= found + len(span) - cut_start
        extra -= 1
    terms[index] = terms[index].model_copy(
        update={"kind": "protected", "target": span, "target_span": (start, start + len(span))}
    )
    return text, terms


def _without_echo(
    text: str, terms: list[Term], index: int, start: int, span: str, sentence: str
) -> tuple[str, list[Term], int]:
    """A word the model wrote that the span put in place repeats ("We We stand with
    Ukraine", "#Ukraine Ukraine") goes, unless the German repeats it too."""
    words = re.findall(r"\w+", span)
    if not words:
        return text, terms, start
    before = re.search(r"(?<!\w)(\w+)\W{0,2}$", text[:start])
    if (
        before
        and before.group(1).casefold() == words[0].casefold()
        and not _repeated(sentence, words[0])
    ):
        cut = before.start()
        if _free(terms, index, cut, start):
            text, terms = _replace(text, terms, cut, start, "")
            start = cut
    end = start + len(span)
    after = re.match(r"\W{0,2}(\w+)(?!\w)", text[end:])
    if (
        after
        and after.group(1).casefold() == words[-1].casefold()
        and not _repeated(sentence, words[-1])
    ):
        if _free(terms, index, end, end + after.end()):
            text, terms = _replace(text, terms, end, end + after.end(), "")
    return text, terms, start


# A quotation's marks in the German, and the English pair a mark the model wrote opens.
GERMAN_MARKS = {"„": "“”", "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘’"}
ENGLISH_PAIRS = {"“": "”", '"': '"', "‘": "’", "„": "“", "»": "«", "«": "»"}
FINAL = re.compile(r"[.!?…]+$")


def _quoted(
    text: str, terms: list[Term], index: int, match: TermMatch, sentence: str
) -> tuple[str, list[Term]]:
    """A protected quotation's marks and final punctuation, once each around its English.

    The span is the inside of the German's marks, its final full stop included
    („We stand with Saxony.“); the model's own marks and full stop around the
    words it replaced stay or go with them: a closing mark taken away with the
    replaced words is put back, a full stop written again after the span
    ("Saxony..”", "Saxony.”.") goes, and an opening mark left before other words
    ("“ EU We stand") moves to the span.
    """
    term = terms[index]
    closing = GERMAN_MARKS.get(sentence[match.start - 1]) if match.start > 0 else None
    if (
        term.target_span is None
        or closing is None
        or sentence[match.end : match.end + 1] not in closing
    ):
        return text, terms
    start, end = term.target_span
    final = FINAL.search(match.surface)
    # after the span: the punctuation again, the closing mark, the punctuation again
    after = re.match(r"[.!?…]*", text[end:])
    if final and after and after.group():
        text, terms = _replace(text, terms, end, end + after.end(), "")
    opening = _opening_mark(text, start)
    if opening is None:  # none before the span: a stray one before other words goes, then one
        stray = re.search(r"[“„\"‘»«]\s?(?=[^“”„\"‘’»«]*$)", text[:start])
        mark = stray.group()[0] if stray and _unclosed(text[: stray.start() + 1]) else "“"
        if stray and _unclosed(text[: stray.start() + 1]):
            text, terms = _replace(text, terms, stray.start(), stray.end(), "")
            start -= stray.end() - stray.start()
        text, terms = _replace(text, terms, start, start, mark)
        start, opening = start + 1, mark
    elif text[start - 1] == " ":  # "“ We stand": the mark goes next to the words
        text, terms = _replace(text, terms, start - 1, start, "")
        start -= 1
    end = start + len(match.surface)
    pair = ENGLISH_PAIRS.get(opening, "”")
    if not text[end:].startswith(pair):
        text, terms = _replace(text, terms, end, end, pair)
    after_mark = end + len(pair)
    again = re.match(r"[.!?…]+", text[after_mark:])
    german_after = re.match(r"[.!?…]", sentence[match.end + 1 :])
    if final and again and not german_after:  # "Saxony.”." : the German ends inside the marks
        text, terms = _replace(text, terms, after_mark, after_mark + again.end(), "")
    terms[index] = terms[index].model_copy(update={"target_span": (start, end)})
    return text, terms


def _opening_mark(text: str, start: int) -> str | None:
    """The quotation mark right before ``start`` (a space between allowed), if any."""
    found = re.search(r"([“„\"‘»«])\s?$", text[:start])
    return found.group(1) if found else None


def _unclosed(text: str) -> bool:
    """Whether the last quotation mark of ``text`` opens a quotation not yet closed."""
    if text.endswith('"'):
        return text.count('"') % 2 == 1
    return text[-1:] in "“„‘»«"


def _repeated(sentence: str, word: str) -> bool:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", sentence, re.IGNORECASE)) > 1


def _audited(text: str, term: Term, span: str) -> Term:
    found = term.target_span
    if found is not None and text[found[0] : found[1]] == span:
        return term.model_copy(update={"kind": "protected"})
    return term.model_copy(
        update={"kind": "protected", "target": span, "target_span": None, "status": "violated"}
    )


def _free(terms: list[Term], index: int, start: int, end: int) -> bool:
    return all(
        other.target_span is None or end <= other.target_span[0] or other.target_span[1] <= start
        for i, other in enumerate(terms)
        if i != index
    )


def _replace(
    text: str, terms: list[Term], start: int, end: int, new: str
) -> tuple[str, list[Term]]:
    """``text[start:end]`` replaced, every term's target span moved along."""
    delta = len(new) - (end - start)
    moved = []
    for term in terms:
        span = term.target_span
        if span is not None and span[0] >= end:
            term = term.model_copy(update={"target_span": (span[0] + delta, span[1] + delta)})
        moved.append(term)
    return text[:start] + new + text[end:], moved
