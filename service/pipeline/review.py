"""A reviewer's edit re-audited: the segment's terms and flags describe its new target.

The store calls ``SegmentAudit`` inside the edit's transaction (it never imports
the pipeline; the API and the pages hand it over), so what is stored is always
the audit of the target it stores:

* terms: the glossary audit (``glossary.enforce`` with ``repair=False``): a
  term is ``ok`` where its English is in the target, ``violated`` (and the
  segment flagged ``glossary_violation``) where it is missing or its German
  form is left untranslated. The reviewer's text is never rewritten, not even
  its casing; each term's ``target`` is the text at its ``target_span``.
* protected spans (``service.checks.protect``, from the source text): ``ok``
  where the target holds them character for character, else ``violated`` and
  the segment flagged ``protected_lost``.
* quality flags: recomputed on the new target. A reviewer's text has no model
  score, so ``low_confidence`` and ``truncated`` are only kept while the target
  is still the model's output; an approved target gets no quality flags (the
  reviewer vouched for it), as an approved memory hit gets none.
* fact checks (``service.checks.facts``): on every target, approved or not, each
  flag with its ``findings``; the localisation changes still in the target and the
  model's word pairs (while the target is the model's) inform them.
"""

from __future__ import annotations

from typing import cast

from glossary import Entry, Glossary, GlossaryError, compile_glossary, enforce
from glossary.entry import KINDS, Kind
from service import warmup
from service.checks.protect import find_protected
from service.checks.quality import Thresholds, segment_checks
from service.document import AlignedDocument, Localisation, Segment, Term
from service.pipeline import carry
from service.pipeline.guard import flagged, guarded

MACHINE_ORIGINS = ("model", "memory")  # the target is still the engine's own output


class SegmentAudit:
    """Terms and flags of a segment for its current target and status."""

    def __init__(
        self, glossary: Glossary | None, thresholds: Thresholds, *, target_lang: str = "en"
    ) -> None:
        self.matcher = compile_glossary(glossary) if glossary else None
        self.thresholds = thresholds
        self.target_lang = target_lang

    def __call__(self, segment: Segment) -> Segment:
        """Where a step of the audit fails (``guard``), the edit is still stored, without
        what that step would have said and flagged ``stage_failed``."""
        (terms, term_flags), glossary_failed = guarded(
            "glossary",
            segment.id,
            lambda: self.terms(segment.source, segment.target),
            lambda: ([], []),
        )
        machine = segment.origin in MACHINE_ORIGINS
        warmup.wait()  # a server still loading the checks' resources: not a second time
        (flags, findings), checks_failed = guarded(
            "checks",
            segment.id,
            lambda: segment_checks(
                segment.source,
                segment.target,
                segment.score if machine else None,
                self.thresholds,
                flags=term_flags,
                truncated=machine and "truncated" in segment.flags,
                reviewed=segment.status == "approved",
                terms=terms,
                target_lang=self.target_lang,
                localisation=still_applied(segment),
                alignment=segment.alignment if machine else None,  # pairs of the model's words
            ),
            lambda: (term_flags, []),
        )
        audited = segment.model_copy(update={"terms": terms, "flags": flags, "findings": findings})
        return flagged(audited, glossary_failed, checks_failed)

    def terms(self, source: str, target: str) -> tuple[list[Term], list[str]]:
        glossary_matches = self.matcher.find(source) if self.matcher else []
        matches, protected = carry.with_protected(glossary_matches, find_protected(source))
        if not matches:
            return [], []
        result = enforce(source, matches, target, repair=False)
        terms = []
        for found in result.terms:
            term = Term.model_validate(found.to_dict())
            if term.target_span is not None:  # the reviewer's casing, not the glossary's
                start, end = term.target_span
                term = term.model_copy(update={"target": target[start:end]})
            terms.append(term)
        # protected spans must be there exactly (carry.finish without rewriting)
        return carry.audited(target, terms, matches, protected)


def still_applied(segment: Segment) -> list[Localisation]:
    """The localisation changes the target still holds where they were made (an edit may
    have rewritten one, or moved the text around it)."""
    return [
        change
        for change in segment.localisation
        if segment.target[change.target_span[0] : change.target_span[1]] == change.after
    ]


def recorded_glossary(document: AlignedDocument) -> Glossary | None:
    """The entries an article's terms record, for re-audits where its glossary cannot be
    had by name (a request's own entries are not stored): each entry with the English
    its first term has."""
    if document.glossary is None:
        return None
    entries: dict[str, Entry] = {}
    for segment in document.segments():
        for term in segment.terms:
            if term.entry not in entries and term.kind in KINDS:
                entries[term.entry] = Entry(term.entry, term.target, cast(Kind, term.kind))
    try:
        return Glossary(document.glossary.name, tuple(entries.values()))
    except GlossaryError:
        return None
