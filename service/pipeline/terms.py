"""Glossary terms applied to translations: match, enforce with the engine, audit.

Sentences with a matched term are translated with alignment so that the
enforcement chain can repair them (glossary.enforce); reviewer-approved and
remembered targets are only audited, never rewritten. A sentence's protected
spans (URLs, code …: service.checks.protect) go through the same chain as
``keep`` terms (service.pipeline.carry says why).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from glossary import (
    EnforceResult,
    Enforcing,
    Glossary,
    TermMatch,
    compile_glossary,
    enforce,
    enforcing,
)
from glossary.enforce import REDECODE_REFUSED
from models.engine import Engine, Hypothesis, Request, decode
from service.checks.protect import Protected
from service.document import Finding, Term
from service.pipeline import carry
from service.pipeline.guard import current_article, guarded

Spans = Mapping[str, Sequence[Protected]]
UNKNOWN = "(id not known)"  # a sentence no segment id was given for

log = logging.getLogger("mtdesk.pipeline")


@dataclass(frozen=True)
class Translated:
    """One sentence's English, ready for the aligned document."""

    text: str
    score: float | None
    terms: list[Term] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # The model's pieces and alignment, when asked for and ``text`` is still its output.
    hypothesis: Hypothesis | None = None
    failed: Finding | None = None  # the glossary step failed on it (service.pipeline.guard)


class TermApplier:
    def __init__(self, glossary: Glossary | None, engine: Engine, beam_size: int) -> None:
        self.glossary = glossary
        self.engine = engine
        self.beam_size = beam_size
        self.matcher = compile_glossary(glossary) if glossary else None

    @property
    def version(self) -> str:
        return self.glossary.version if self.glossary else ""

    def matches(self, sentence: str) -> list[TermMatch]:
        return self.matcher.find(sentence) if self.matcher else []

    def with_protected(self, sentence: str, protected: Spans) -> tuple[list[TermMatch], list[bool]]:
        """The sentence's glossary matches and protected spans, and which are spans."""
        return carry.with_protected(self.matches(sentence), protected.get(sentence, ()))

    def translate(
        self,
        sentences: list[str],
        aligned: Collection[str] = (),
        protected: Spans | None = None,
        segments: Mapping[str, str] | None = None,
    ) -> dict[str, Translated]:
        """Translate and enforce; only sentences with terms or protected spans, or in
        ``aligned`` (inline markup to place), pay for alignment. ``segments`` names
        each sentence's segment (its id) in the log lines."""
        ids = segments or {}
        # A sentence whose glossary step fails keeps the model's output (guard.guarded).
        found: dict[str, tuple[list[TermMatch], list[bool]]] = {}
        failed: dict[str, Finding | None] = {}
        for s in sentences:
            found[s], failed[s] = guarded(
                "glossary",
                ids.get(s, UNKNOWN),
                partial(self.with_protected, s, protected or {}),
                lambda: ([], []),
            )
        with_terms = [s for s in sentences if found[s][0] or s in aligned]
        plain = [s for s in sentences if not (found[s][0] or s in aligned)]
        hypotheses = dict(self.decode(plain, with_terms))
        enforced = self.enforce_all(
            {s: (found[s][0], hypotheses[s]) for s in with_terms if found[s][0]}, segments, failed
        )
        result = {}
        for s, h in hypotheses.items():
            translated, failure = guarded(
                "glossary",
                ids.get(s, UNKNOWN),
                partial(self.translated, s, h, found[s], enforced.get(s)),
                partial(self.translated, s, h, ([], []), None),
            )
            result[s] = replace(translated, failed=failed.get(s) or failure)
        return result

    def decode(self, plain: list[str], aligned: list[str]) -> list[tuple[str, Hypothesis]]:
        """Hypotheses of ``plain`` and of ``aligned`` (with alignment), in that order.

        Both go to the engine at once: a batching engine puts them in its pool
        together, so the article waits for one round, not two.
        """
        requests = [Request(s) for s in plain] + [Request(s, with_alignment=True) for s in aligned]
        hypotheses = decode(self.engine, requests, beam_size=self.beam_size)
        return list(zip(plain + aligned, hypotheses, strict=True))

    def enforce_all(
        self,
        work: dict[str, tuple[list[TermMatch], Hypothesis]],
        segments: Mapping[str, str] | None = None,
        failed: dict[str, Finding | None] | None = None,
    ) -> dict[str, EnforceResult]:
        """Each sentence's terms enforced (glossary.enforcing), the re-decodes of all
        the sentences asked for in one engine call a round: an article waits
        for as many rounds as its longest chain, not for one per re-decode."""
        steps = {
            sentence: enforcing(
                sentence,
                matches,
                hypothesis.text,
                source_tokens=hypothesis.source_tokens,
                target_tokens=hypothesis.target_tokens,
                alignment=hypothesis.alignment,
            )
            for sentence, (matches, hypothesis) in work.items()
        }
        done: dict[str, EnforceResult] = {}
        texts: dict[str, str | None] = dict.fromkeys(steps)  # None starts each chain
        while texts:
            asked: dict[str, str] = {}
            for sentence, text in texts.items():
                # a chain that fails leaves the sentence out of ``done``: the model's output
                prefix, failure = guarded(
                    "glossary",
                    (segments or {}).get(sentence, UNKNOWN),
                    partial(_advance, steps[sentence], text, sentence, done),
                    lambda: None,
                )
                if failure is not None and failed is not None:
                    failed[sentence] = failure
                if prefix is not None:
                    asked[sentence] = prefix
            texts = self.redecode(asked, segments) if asked else {}
        return done

    def redecode(
        self, prefixes: dict[str, str], segments: Mapping[str, str] | None = None
    ) -> dict[str, str | None]:
        """Each sentence decoded after its forced prefix, in one call; None where the
        engine refused a prefix (its terms then fall through the chain, logged with
        the segment's id from ``segments``)."""
        requests = [Request(sentence, prefix) for sentence, prefix in prefixes.items()]
        try:
            hypotheses = decode(self.engine, requests, beam_size=self.beam_size)
        except REDECODE_REFUSED as error:  # a prefix refused; any other error (the engine
            # down, EngineClosed) propagates: the translation fails as the error it is
            if len(prefixes) == 1:
                (sentence,) = prefixes
                article = current_article()
                log.warning(
                    "segment %s%s: re-decoding after a forced prefix of %d characters failed"
                    " (%s): its terms fall through",
                    (segments or {}).get(sentence, "(id not known)"),
                    f" of article {article}" if article else "",
                    len(prefixes[sentence]),
                    error,
                )
                return dict.fromkeys(prefixes)
            # one failing sentence must not cost the others their re-decode
            return {s: self.redecode({s: prefix}, segments)[s] for s, prefix in prefixes.items()}
        return {r.sentence: h.text for r, h in zip(requests, hypotheses, strict=True)}

    def translated(
        self,
        sentence: str,
        hypothesis: Hypothesis,
        found: tuple[list[TermMatch], list[bool]],
        result: EnforceResult | None,
    ) -> Translated:
        flags = ["truncated"] if hypothesis.truncated else []
        aligned = hypothesis if hypothesis.alignment else None
        if result is None:
            return Translated(hypothesis.text, hypothesis.score, flags=flags, hypothesis=aligned)
        text, terms, term_flags = carry.finish(sentence, *found, result)
        kept = aligned if text == hypothesis.text else None
        return Translated(text, hypothesis.score, terms, flags + term_flags, kept)

    def audit(self, sentence: str, target: str, protected: Spans | None = None) -> Translated:
        """Report the terms of a target that must stay as it is (memory, approved)."""
        matches, is_protected = self.with_protected(sentence, protected or {})
        if not matches:
            return Translated(target, None)
        result = enforce(sentence, matches, target, repair=False)
        text, terms, flags = carry.finish(sentence, matches, is_protected, result, rewrite=False)
        return Translated(text, None, terms, flags)


def _advance(
    chain: Enforcing, text: str | None, sentence: str, done: dict[str, EnforceResult]
) -> str | None:
    """The chain's next prefix to re-decode, after ``text`` (None to start it or
    for a failed re-decode); None once it is done and its result in ``done``."""
    try:
        return chain.send(text)
    except StopIteration as finished:
        done[sentence] = finished.value
        return None
