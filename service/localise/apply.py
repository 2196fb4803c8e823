"""Localising one English text: every convention's edits, chosen, applied and recorded."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from service.document import Localisation
from service.localise.dates import ambiguous_dates, date_edits, relative_edits, time_edits
from service.localise.edits import Edit, Shift, Span, apply, choose, match_case
from service.localise.german import source_spans
from service.localise.headlines import headline_edits, headline_names
from service.localise.money import money_edits
from service.localise.numbers import number_edits
from service.localise.profile import Profile
from service.localise.quotes import punctuation_edits, quote_edits
from service.localise.spelling import respellings, spelling_edits
from service.localise.units import unit_edits


@dataclass(frozen=True)
class Note:
    note: str  # "number_too_large"
    text: str
    span: Span
    message: str


@dataclass
class Localised:
    text: str
    changes: list[Localisation]
    flags: list[str] = field(default_factory=list)
    passes: list[list[Edit]] = field(default_factory=list)  # as made, each over the text before
    notes: list[Note] = field(default_factory=list)  # what was left as it is, and why

    def shift(self, span: Span) -> Span:
        """Where a span of the text before (one no change touched) lies in ``text``."""
        for shift in self.shifts():
            span = shift(span)
        return span

    def shifts(self) -> list[Shift]:
        return [Shift(edits) for edits in self.passes]


PASSES = 3  # a change can give a neighbour the context its rule reads ("€5m 4 suspects")


def localise(
    text: str,
    profile: Profile,
    *,
    protected: Iterable[Span] = (),
    **options: Any,
) -> Localised:
    """``text`` in ``profile``'s conventions (``one_pass``'s options), to a fixed point: the
    conventions run again over their own output, the changes made kept as they are, until
    nothing changes, so that localising the result again changes nothing."""
    protected = list(protected)
    result = one_pass(text, profile, protected=protected, **options)
    for _ in range(PASSES - 1):
        shifts = result.shifts()
        kept = []
        for span in protected:
            for shift in shifts:
                span = shift(span)
            kept.append(span)
        guarded = [*kept, *(change.target_span for change in result.changes)]
        again = one_pass(result.text, profile, protected=guarded, **options)
        if not again.changes:
            break
        (edits,) = again.passes
        shift = Shift(edits)
        earlier = [
            change.model_copy(update={"target_span": shift(change.target_span)})
            for change in result.changes
        ]
        result = Localised(
            again.text,
            sorted([*earlier, *again.changes], key=lambda change: change.target_span),
            again.flags,
            [*result.passes, edits],
            result.notes,
        )
    return result


def one_pass(
    text: str,
    profile: Profile,
    *,
    protected: Iterable[Span] = (),
    source: str | None = None,
    headline: bool = False,
    first_line_headline: bool = False,
    names: Collection[str] = (),
    article: str = "",
    published: datetime.date | None = None,
) -> Localised:
    """``text`` in ``profile``'s conventions; ``protected`` spans stay as they are (the
    caller's detector: ``service.pipeline.localising.english_protected``).

    ``source`` (the German) gives changes their ``source_span``; ``headline`` applies the
    profile's headline case (``first_line_headline``: to the first line, the rest being
    the story), keeping ``names`` capitalised and the names that ``article`` (the rest of
    the story) and ``source`` show; ``published`` (the article's date) lets
    a style name the day of "yesterday"."""
    headlines: list[Edit] = []
    if headline or first_line_headline:
        end = text.find("\n")
        end = len(text) if headline or end < 0 else end
        rest = article or text[end:]
        known = [*names, *headline_names(text[:end], rest, source or "")]
        headlines = [
            replace(edit, after=respelt(edit.after, profile))
            for edit in headline_edits(text[:end], profile.headline_case, known)
        ]
    lowered = {edit.start for edit in headlines if edit.after[:1].islower()}
    proposed = [
        *money_edits(text, profile),
        *unit_edits(text, profile),
        *date_edits(text, profile),
        *relative_edits(text, profile, published),
        *time_edits(text, profile.times),
        *number_edits(text, profile, lowered),
        *quote_edits(text, profile),
        *punctuation_edits(text, profile),
        *headlines,
        *spelling_edits(text, profile.spelling, lowered),
    ]
    large = too_large(text)
    guarded = [*protected, *(note.span for note in large)]
    edits = choose(proposed, text, guarded)
    localised, applied = apply(text, edits)
    spans = source_spans([a.value for a in applied], source) if source else [None] * len(applied)
    changes = [
        Localisation(
            rule=a.rule,
            before=a.before,
            after=a.after,
            target_span=a.target_span,
            source_span=span,
        )
        for a, span in zip(applied, spans, strict=True)
    ]
    flags = ["ambiguous_date"] if ambiguous_dates(localised) else []
    return Localised(localised, changes, flags, [edits], large)


def respelt(word: str, profile: Profile) -> str:
    """A headline word whose case changes takes the profile's spelling in the same edit."""
    lower = word.lower()
    wanted = respellings(profile.spelling.variant).get(lower)
    if wanted is None or lower in profile.spelling.keep:
        return word
    return match_case(word, wanted)


# Figures no rule converts: 16 digits or more, or a power ("10^400", "1e400"); with the
# word after them (a unit, a currency), all left as they are
TOO_LARGE = regex.compile(
    r"(?<![\w.,])(?:\d[\d,.]*(?:\^\d+|[eE]\d{3,})|\d{16,}[\d,.]*)(?:\s\p{L}+)?"
)


def too_large(text: str) -> list[Note]:
    message = "a figure too large for any rule: left as it is"
    return [
        Note("number_too_large", m.group(), m.span(), message) for m in TOO_LARGE.finditer(text)
    ]
