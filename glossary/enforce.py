"""Make every matched glossary term appear in the translation, or say it does not.

The chain, per matched term (``TermMatch`` from ``glossary.match``):

1. verify: the entry's target (for ``keep`` entries also the German source
   form) occurs as whole words, in any case, possibly plural or possessive
   ("Lavrov's"). Casing is fixed in place when the target has capitals
   (Nato → NATO). ``keep`` and case-sensitive entries are written exactly as
   the glossary has them, at a sentence start too (dpa, never Dpa); an audit
   (``repair=False``) counts only their exact spelling. Status ``ok``.
2. alignment: the engine's cross-attention alignment points from the German
   span to English words; those words are replaced by the target, with "'s"
   for a German genitive unless English already says "of". ``repaired``.
3. copy: the German word copied verbatim into the English (an untranslated
   name: Lawrow, Lawrows → Lavrov's) is replaced before any re-decoding.
4. anchor: an ``anchored`` match (a protected span: a URL, an address, a
   hashtag; nothing around it need change to fit it) that the model dropped
   goes right after the English aligned to the German word before it, or
   right before that of the word after it. ``repaired``. A re-decode would
   decode the sentence again for what needs no words around it changed.
5. redecode: the engine continues the translation from a forced prefix
   (text up to the term's place + the target), so the rest of the sentence
   fits the term. Accepted only if every term already placed survives.
6. substitution: a near spelling of a name (Lawrov) is replaced.
7. otherwise ``violated``, and the segment gets the ``glossary_violation`` flag.

A term is reported ``ok`` or ``repaired`` only if its English is at its
``target_span`` in the final text and its German form is not left
untranslated elsewhere in it (a looping "Lawrow … Lavrov … Lawrow"):
otherwise it is ``violated`` too.

Every match yields exactly one ``TermResult``; nothing is dropped. This
module knows no engine: tokens and alignment come in as plain values, and a
re-decode is asked for, not made. ``enforcing`` yields each forced prefix and
takes the engine's text back, so a caller can re-decode the sentences of an
article together, one round for all; ``enforce`` runs one sentence with a
``redecode`` callback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from . import english
from .align import Span, aligned_range, piece_spans
from .entry import Entry
from .match import TermMatch

Status = Literal["ok", "repaired", "violated"]
Step = Literal["verified", "alignment", "anchor", "redecode", "substitution"]
Redecode = Callable[[str], str]
# Yields forced prefixes; is sent the re-decoded text back (None: the engine failed).
Enforcing = Generator[str, str | None, "EnforceResult"]
FLAG = "glossary_violation"
log = logging.getLogger("mtdesk.glossary")
# What a re-decode may raise for one sentence: a forced prefix the engine refuses (too
# long, pieces it cannot spell). Anything else is the engine failing: it propagates.
REDECODE_REFUSED: tuple[type[Exception], ...] = (ValueError,)
_ARTICLE = re.compile(r"(?<!\w)the\s+$", re.IGNORECASE)
_CLOSING = ".,;:!?"
_SENTENCE_END = ".!?…"
_FUZZY = 0.8  # SequenceMatcher ratio for a misspelt name (Lawrov ~ Lavrov)


@dataclass(frozen=True)
class TermResult:
    """One matched term after enforcement.

    ``target_span`` indexes the final English text and covers the term (with
    any plural ending, without a possessive); None when ``violated``.
    """

    entry: Entry
    source_span: Span
    target_span: Span | None
    source: str
    target: str | None
    status: Status
    step: Step | None

    def to_dict(self) -> dict[str, Any]:
        """The item of a segment's ``terms`` list in the aligned document."""
        return {
            "entry": self.entry.source,
            "source": self.source,
            "source_span": list(self.source_span),
            "target": self.target if self.target is not None else self.entry.target,
            "target_span": list(self.target_span) if self.target_span else None,
            "kind": self.entry.kind,
            "status": self.status,
        }


@dataclass(frozen=True)
class EnforceResult:
    text: str
    terms: list[TermResult] = field(default_factory=list)

    @property
    def violated(self) -> bool:
        return any(t.status == "violated" for t in self.terms)

    @property
    def flags(self) -> list[str]:
        return [FLAG] if self.violated else []


class _Doc:
    """The English text being edited, with the spans of placed terms kept
    in step and a log to map offsets of the original text into it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.placed: dict[int, Span] = {}
        self._edits: list[tuple[int, int, int]] = []  # (start, end, new length)
        self.original_valid = True  # False once a redecode rewrote the text

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or b <= start for a, b in self.placed.values())

    def replace(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        delta = len(new) - (end - start)
        for key, (a, b) in self.placed.items():
            if a >= end:
                self.placed[key] = (a + delta, b + delta)
        self._edits.append((start, end, len(new)))

    def from_original(self, span: Span) -> Span | None:
        """Where a span of the untouched translation is now (None if edited)."""
        if not self.original_valid:
            return None
        a, b = span
        for start, end, length in self._edits:
            if b <= start:
                continue
            if a >= end:
                a, b = a + length - (end - start), b + length - (end - start)
            else:
                return None
        return a, b


def _targets(match: TermMatch) -> list[str]:
    entry = match.entry
    forms = [entry.target]
    if entry.kind == "keep" and entry.source.casefold() != entry.target.casefold():
        forms.append(entry.source)
    return forms


def _exact_case(match: TermMatch) -> bool:
    """Entries written exactly as the glossary has them, never re-cased (dpa, AfD)."""
    return match.entry.case_sensitive or match.entry.kind == "keep"


def _endings(match: TermMatch) -> str:
    return english.endings_for(match.entry.kind, derived=match.compound == "modifier")


def _relative(pos: int, length: int) -> float:
    return pos / length if length else 0.0


def enforce(
    source: str,
    matches: Sequence[TermMatch],
    translation: str,
    *,
    source_tokens: Sequence[str] | None = None,
    target_tokens: Sequence[str] | None = None,
    alignment: Sequence[int] | None = None,
    redecode: Redecode | None = None,
    repair: bool = True,
    where: str = "",
) -> EnforceResult:
    """Run the chain for one sentence; see the module docstring.

    With ``repair=False`` only step 1 runs: an audit of a text that must not
    be changed beyond casing (a reviewer's approved translation). A
    ``REDECODE_REFUSED`` error from ``redecode`` counts as a failed re-decode (the
    term falls through the chain, and is logged); any other is the engine failing
    and propagates: the translation fails with it rather than report the term.
    ``where`` names the sentence's place (a segment id) in that log line.
    """
    steps = enforcing(
        source,
        matches,
        translation,
        source_tokens=source_tokens,
        target_tokens=target_tokens,
        alignment=alignment,
        redecodes=redecode is not None,
        repair=repair,
    )
    try:
        prefix = next(steps)
        while True:
            try:
                text: str | None = redecode(prefix) if redecode else None
            except REDECODE_REFUSED as error:  # this prefix only: the term falls through
                log.warning(
                    "%s: a re-decode after a forced prefix of %d characters failed (%s):"
                    " trying the next step",
                    where or "a sentence",
                    len(prefix),
                    error,
                )
                text = None
            prefix = steps.send(text)
    except StopIteration as finished:
        result: EnforceResult = finished.value
        return result


def enforcing(
    source: str,
    matches: Sequence[TermMatch],
    translation: str,
    *,
    source_tokens: Sequence[str] | None = None,
    target_tokens: Sequence[str] | None = None,
    alignment: Sequence[int] | None = None,
    redecodes: bool = True,
    repair: bool = True,
) -> Enforcing:
    """The chain for one sentence, as a generator: it yields the prefix of each
    re-decode (step 4) and must be sent the engine's text for it, or None; its
    return value is the result. Without ``redecodes`` it yields nothing."""
    doc = _Doc(translation)
    results: dict[int, TermResult] = {}
    _verify_all(matches, source, doc, results, fix_case=repair)
    if repair:
        yield from _repair(
            source,
            matches,
            translation,
            doc,
            results,
            source_tokens,
            target_tokens,
            alignment,
            redecodes,
        )
    final = [_checked(i, matches[i], results.get(i), doc) for i in range(len(matches))]
    return EnforceResult(doc.text, final)


def _verify_all(
    matches: Sequence[TermMatch],
    source: str,
    doc: _Doc,
    results: dict[int, TermResult],
    *,
    fix_case: bool = True,
) -> None:
    """Step 1 for every term not placed yet."""
    order = sorted(range(len(matches)), key=lambda i: (-len(matches[i].entry.target), i))
    for i in order:  # longer targets first: "UN Security Council" before "UN"
        if i not in results:
            _verify(i, matches[i], source, doc, results, fix_case)


def _repair(
    source: str,
    matches: Sequence[TermMatch],
    translation: str,
    doc: _Doc,
    results: dict[int, TermResult],
    source_tokens: Sequence[str] | None,
    target_tokens: Sequence[str] | None,
    alignment: Sequence[int] | None,
    redecodes: bool,
) -> Generator[str, str | None, None]:
    """Steps 2-5 for every term that verification did not find."""
    ranges: dict[int, Span] = {}
    anchors: dict[int, tuple[int, bool]] = {}
    if source_tokens and target_tokens and alignment and len(alignment) == len(target_tokens):
        src = piece_spans(source_tokens, source)
        tgt = piece_spans(target_tokens, translation)
        english_of = english_by_piece(translation, tgt, alignment)
        for i, m in enumerate(matches):
            found = aligned_range((m.start, m.end), src, tgt, alignment)
            if found is not None:
                ranges[i] = english.expand_to_words(translation, *found)
            if m.anchored and i not in results and (anchor := anchor_of(m, src, english_of)):
                anchors[i] = anchor
    for i, m in enumerate(matches):
        if i not in results and i in ranges:
            _align_repair(i, m, ranges[i], doc, results)
    for i, m in enumerate(matches):
        if i not in results:  # a German word copied verbatim: replace it before re-decoding
            _substitute(i, m, source, doc, results, fuzzy=False)
    for i, m in enumerate(matches):
        if i not in results and i in anchors:
            _anchor(i, m, *anchors[i], doc, results)
    for i, m in enumerate(matches):
        if i not in results and redecodes:
            yield from _redecode(i, m, source, ranges.get(i), doc, matches, results)
            if i in results:  # the rest of the sentence is new: it may hold other terms now
                _verify_all(matches, source, doc, results)
    for i, m in enumerate(matches):
        if i not in results:
            _substitute(i, m, source, doc, results)


def _result(
    m: TermMatch, doc: _Doc, span: Span | None, status: Status, step: Step | None
) -> TermResult:
    target = doc.text[span[0] : span[1]] if span else None
    return TermResult(m.entry, (m.start, m.end), span, m.surface, target, status, step)


def _verify(
    i: int,
    m: TermMatch,
    source: str,
    doc: _Doc,
    results: dict[int, TermResult],
    fix_case: bool,
) -> None:
    want = _relative(m.start, len(source))
    best: english.Occurrence | None = None
    best_form = m.entry.target
    for form in _targets(m):
        for occ in english.occurrences(doc.text, form, _endings(m)):
            if not doc.free(occ.start, occ.end):
                continue
            if _exact_case(m) and not fix_case and not doc.text.startswith(form, occ.start):
                continue  # an audit leaves the text alone: "Dpa" is not "dpa"
            if best is None or abs(_relative(occ.start, len(doc.text)) - want) < abs(
                _relative(best.start, len(doc.text)) - want
            ):
                best, best_form = occ, form
    if best is None:
        return
    found = doc.text[best.start : best.end]
    if _exact_case(m):
        fixed = best_form + found[len(best_form) :] if fix_case else found
    else:
        fixed = english.canonical_case(found, m.entry.target)
    if fixed != found:
        doc.replace(best.start, best.end, fixed)
    doc.placed[i] = (best.start, best.start + len(fixed))
    results[i] = _result(m, doc, doc.placed[i], "ok", "verified")


def _insert(m: TermMatch, text: str, start: int, end: int, possessive_before: bool) -> str:
    """The English to put in place of text[start:end] for this term."""
    phrase = m.entry.target
    wants_possessive = (m.genitive or possessive_before) and not english.preceded_by_of(text, start)
    if wants_possessive:
        phrase = english.possessive(phrase)
    return phrase if _exact_case(m) else english.capitalise_if_initial(text, start, phrase)


def _place(i: int, m: TermMatch, doc: _Doc, start: int, end: int) -> None:
    old = doc.text[start:end]
    new = _insert(m, doc.text, start, end, old.endswith(("'s", "\u2019s")))
    article = _ARTICLE.search(doc.text[:start])
    if (
        article
        and m.entry.kind == "name"
        and new.endswith(("'s", "'"))
        and doc.free(*article.span())
    ):
        # "the Lavrov's statement" is not English: the possessive replaces the article
        start = article.start()
        if not _exact_case(m):
            new = english.capitalise_if_initial(doc.text, start, new)
    doc.replace(start, end, new)
    doc.placed[i] = (start, start + len(m.entry.target))


def _align_repair(
    i: int, m: TermMatch, original: Span, doc: _Doc, results: dict[int, TermResult]
) -> None:
    span = doc.from_original(original)
    if span is None or not doc.free(*span):
        return
    # A piece carries the sentence's punctuation ("troops."): it stays after the term.
    start, end = span
    while end > start and doc.text[end - 1] in _CLOSING and doc.text[end - 1] != m.entry.target[-1]:
        end -= 1
    span = (start, end)
    words = english.count_words(doc.text[span[0] : span[1]])
    if words == 0 or words > max(3, english.count_words(m.entry.target) + 2):
        return  # attention spread over half the sentence: not a safe edit
    _place(i, m, doc, *span)
    results[i] = _result(m, doc, doc.placed[i], "repaired", "alignment")


def english_by_piece(
    text: str, target: Sequence[Span | None], alignment: Sequence[int]
) -> dict[int, list[Span]]:
    """Each German piece's aligned English pieces, a sentence's end left out (a span
    goes before the full stop, not after it)."""
    english_of: dict[int, list[Span]] = {}
    for t, s in enumerate(alignment):
        if t < len(target) and (span := target[t]) is not None and _anchorable(text, span):
            english_of.setdefault(s, []).append(span)
    return english_of


def anchor_of(
    m: TermMatch, source: Sequence[Span | None], english_of: dict[int, list[Span]]
) -> tuple[int, bool] | None:
    """Where in the translation a dropped span goes, and whether that is after a word:
    after the English aligned to the nearest German piece before it that has any,
    else before the English aligned to the nearest such piece after it."""
    before = [k for k, piece in enumerate(source) if piece is not None and piece[1] <= m.start]
    after = [k for k, piece in enumerate(source) if piece is not None and piece[0] >= m.end]
    for k in reversed(before):
        if k in english_of:
            return max(end for _, end in english_of[k]), True
    for k in after:
        if k in english_of:
            return min(start for start, _ in english_of[k]), False
    return None


def _anchorable(text: str, span: Span) -> bool:
    return text[span[0] : span[1]].strip(_SENTENCE_END) != ""


def _anchor(
    i: int, m: TermMatch, at: int, after_word: bool, doc: _Doc, results: dict[int, TermResult]
) -> None:
    found = doc.from_original((at, at))
    if found is None:
        return
    word_start, word_end = english.expand_to_words(doc.text, *found)  # the piece's whole word
    start = word_end if after_word else word_start
    if after_word:  # spans anchored here before this one came before it in the German
        for a, b in sorted(doc.placed.values()):
            if a == start + 1:
                start = b
    if not doc.free(start, start):
        return
    span = m.entry.target
    doc.replace(start, start, f" {span}" if after_word else f"{span} ")
    offset = start + 1 if after_word else start
    doc.placed[i] = (offset, offset + len(span))
    results[i] = _result(m, doc, doc.placed[i], "repaired", "anchor")


def _insertion_point(m: TermMatch, source: str, original: Span | None, doc: _Doc) -> int:
    if original is not None:
        span = doc.from_original(original)
        if span is not None:
            return span[0]
    # No alignment: put the term where its share of the source puts it.
    windows = english.word_windows(doc.text, 1)
    k = round(len(windows) * _relative(m.start, len(source)))
    pos = windows[k][0] if k < len(windows) else len(doc.text)
    for a, b in doc.placed.values():
        if a < pos < b:
            pos = b
    return pos


def _redecode(
    i: int,
    m: TermMatch,
    source: str,
    original: Span | None,
    doc: _Doc,
    matches: Sequence[TermMatch],
    results: dict[int, TermResult],
) -> Generator[str, str | None, None]:
    pos = _insertion_point(m, source, original, doc)
    head = doc.text[:pos].rstrip()
    phrase = m.entry.target
    if m.genitive and not english.preceded_by_of(head, len(head)):
        phrase = english.possessive(phrase)
    if not _exact_case(m):
        phrase = english.capitalise_if_initial(head, len(head), phrase)
    prefix = f"{head} {phrase}" if head else phrase
    new = yield prefix
    if not isinstance(new, str):  # the engine failed: the term falls through
        return
    if not new.startswith(prefix):
        # Detokenisers may respace; accept that, but keep our prefix verbatim.
        flat, flat_prefix = " ".join(new.split()), " ".join(prefix.split())
        if not flat.startswith(flat_prefix):
            return
        new = prefix + flat[len(flat_prefix) :]
    # Terms placed after the insertion point must still be there.
    moved: dict[int, Span] = {}
    search_from = len(prefix)
    for j, (a, _b) in sorted(doc.placed.items(), key=lambda kv: kv[1]):
        if a < len(head):
            moved[j] = doc.placed[j]
            continue
        occs = [
            o
            for form in _targets(matches[j])
            for o in english.occurrences(new, form, _endings(matches[j]))
            if o.start >= search_from
        ]
        if not occs:
            return
        first = min(occs, key=lambda o: o.start)
        moved[j] = (first.start, first.end)
        search_from = first.end
    doc.text = new
    doc.placed = moved
    doc.original_valid = False
    start = len(head) + (1 if head else 0)
    doc.placed[i] = (start, start + len(m.entry.target))
    results[i] = _result(m, doc, doc.placed[i], "repaired", "redecode")
    for j, span in moved.items():  # spans of earlier results may have moved
        if j in results:
            results[j] = _result(matches[j], doc, span, results[j].status, results[j].step)


def _substitute(
    i: int,
    m: TermMatch,
    source: str,
    doc: _Doc,
    results: dict[int, TermResult],
    *,
    fuzzy: bool = True,
) -> None:
    want = _relative(m.start, len(source))
    candidates: list[tuple[int, int]] = []
    stems = {m.surface, m.entry.source, m.surface.rstrip("'\u2019")}
    for stem in stems:
        for occ in english.occurrences(doc.text, stem):
            candidates.append((occ.start, occ.full_end))
    if fuzzy and not candidates and m.entry.kind in ("name", "keep"):
        size = english.count_words(m.entry.target)
        for a, b in english.word_windows(doc.text, size):
            word = doc.text[a:b].removesuffix("'s").removesuffix("\u2019s").casefold()
            if any(_near(word, ref.casefold()) for ref in (m.entry.target, m.entry.source)):
                candidates.append((a, b))
    candidates = [c for c in candidates if doc.free(*c)]
    if not candidates:
        return
    a, b = min(candidates, key=lambda c: abs(_relative(c[0], len(doc.text)) - want))
    copied = doc.text[a:b]
    # A copied German genitive (Lawrows) becomes an English possessive.
    genitive_copy = m.genitive and copied.casefold() != m.entry.source.casefold()
    new = _insert(m, doc.text, a, b, genitive_copy or copied.endswith(("'s", "\u2019s")))
    doc.replace(a, b, new)
    doc.placed[i] = (a, a + len(m.entry.target))
    results[i] = _result(m, doc, doc.placed[i], "repaired", "substitution")


def _near(word: str, ref: str) -> bool:
    """A misspelling of a name (Lawrov ~ Lavrov, Selensky ~ Selenskyj): long
    enough, same first letter and close; short words (nation ~ NATO) never."""
    return (
        len(word) >= 5
        and len(ref) >= 5
        and word[0] == ref[0]
        and SequenceMatcher(None, word, ref).ratio() >= _FUZZY
    )


def _checked(i: int, m: TermMatch, result: TermResult | None, doc: _Doc) -> TermResult:
    """Final audit: a term reported present must really be in the final text, and
    its German form must not be left there untranslated."""
    if result is not None and result.target_span is not None and not _german_left(m, doc.text):
        a, b = doc.placed.get(i, result.target_span)
        found = doc.text[a:b].casefold()
        if any(found.startswith(f.casefold()) for f in _targets(m)):
            return _result(m, doc, (a, b), result.status, result.step)
    return TermResult(m.entry, (m.start, m.end), None, m.surface, None, "violated", None)


def _german_left(m: TermMatch, text: str) -> bool:
    """The German form (Lawrow, Lawrows) still in the English, outside every place
    where the English form is. Matched in the German's own case, so that a German
    noun is not confused with an English word spelt alike in lower case; ``keep``
    entries and entries whose English only differs in case have no German form."""
    if m.entry.kind == "keep" or m.entry.source.casefold() == m.entry.target.casefold():
        return False
    english_at = [
        (occ.start, occ.full_end)
        for form in _targets(m)
        for occ in english.occurrences(text, form, _endings(m))
    ]
    for stem in {m.surface.rstrip("'\u2019"), m.entry.source}:
        for occ in english.occurrences(text, stem, "s|es"):
            inside = any(a <= occ.start and occ.end <= b for a, b in english_at)
            if text.startswith(stem, occ.start) and not inside:
                return True
    return False
