"""Localising one English text: every convention's edits, chosen, applied and recorded."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from service.document import Localisation
from service.localise.dates import ambiguous_dates, date_edits
from service.localise.edits import Edit, Span, apply, choose, shift_span
from service.localise.german import source_spans
from service.localise.headlines import headline_edits
from service.localise.money import money_edits
from service.localise.profile import Profile
from service.localise.quotes import quote_edits
from service.localise.spelling import spelling_edits
from service.localise.times import time_edits
from service.localise.units import unit_edits


@dataclass
class Localised:
    text: str
    changes: list[Localisation]
    flags: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)  # as made, over the text before

    def shift(self, span: Span) -> Span:
        """Where a span of the text before (one no change touched) lies in ``text``."""
        return shift_span(span, self.edits)


def localise(
    text: str,
    profile: Profile,
    *,
    protected: Iterable[Span] = (),
    source: str | None = None,
    headline: bool = False,
    names: Collection[str] = (),
) -> Localised:
    """``text`` in ``profile``'s conventions; ``protected`` spans stay as they are.

    ``source`` (the German) gives changes their ``source_span``; ``headline`` applies the
    profile's headline case, keeping ``names`` capitalised."""
    proposed = [
        *money_edits(text, profile),
        *unit_edits(text, profile),
        *date_edits(text, profile),
        *time_edits(text, profile.times),
        *quote_edits(text, profile),
        *spelling_edits(text, profile.spelling),
    ]
    if headline:
        proposed += headline_edits(text, profile.headline_case, names)
    edits = choose(proposed, text, list(protected))
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
    return Localised(localised, changes, flags, edits)
