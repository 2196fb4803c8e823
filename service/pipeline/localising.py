"""The target locale's conventions on one translated segment (after the glossary step).

Glossary term spans are protected and shifted where text before them changed
length; a title or heading gets the profile's headline case, keeping the terms'
English capitalised. Approved reviewer edits and kept passages never come here.

``english_protected`` is the one protection every localisation shares (this step,
``mtdesk localise`` and ``POST /v1/localise``): the pipeline's protected-span detector
(links, e-mail, handles, hashtags, code, file names) over the English, and the spans
the caller adds (kept quotations and glossary targets carried from the German).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.checks.protect import find_protected
from service.document import Localisation
from service.localise import Profile
from service.pipeline.terms import Translated

HEADLINE_KINDS = ("title", "heading")


# Code in backticks: the verbatim mark plain text has (markup gives the pipeline its own)
BACKTICKS = re.compile(r"`[^`\n]+`")


def english_protected(text: str, carried: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The spans of English ``text`` no convention may touch: the detector's and ``carried``."""
    verbatim = [match.span() for match in BACKTICKS.finditer(text)]
    found = [(span.start, span.end) for span in find_protected(text, verbatim, quotes=False)]
    return [*carried, *found]


def localise_translation(
    translated: Translated, source: str, profile: Profile | None, block_kind: str
) -> tuple[Translated, list[Localisation]]:
    """``translated`` in ``profile``'s conventions and the changes (None: as it is)."""
    if profile is None:
        return translated, []
    from service.localise import localise  # the conventions load with the first use

    terms = translated.terms
    carried = [term.target_span for term in terms if term.target_span is not None]
    result = localise(
        translated.text,
        profile,
        protected=english_protected(translated.text, carried),
        source=source,
        headline=block_kind in HEADLINE_KINDS,
        names=[word for term in terms for word in term.target.split()],
    )
    shifted = [
        term.model_copy(update={"target_span": result.shift(term.target_span)})
        if term.target_span is not None
        else term
        for term in terms
    ]
    flags = [*translated.flags, *(f for f in result.flags if f not in translated.flags)]
    # the model's pieces and alignment no longer spell the text once it changed
    hypothesis = translated.hypothesis if not result.changes else None
    return Translated(result.text, translated.score, shifted, flags, hypothesis), result.changes
