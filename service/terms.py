"""Glossary terms applied to translations: match, enforce with the engine, audit.

Sentences with a matched term are translated with alignment so that the
enforcement chain can repair them (glossary.enforce); reviewer-approved and
remembered targets are only audited, never rewritten.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from glossary import Glossary, TermMatch, compile_glossary, enforce
from models.engine import Engine, Hypothesis, Request, decode
from service.document import Term


@dataclass(frozen=True)
class Translated:
    """One sentence's English, ready for the aligned document."""

    text: str
    score: float | None
    terms: list[Term] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # The model's pieces and alignment, when asked for and ``text`` is still its output.
    hypothesis: Hypothesis | None = None


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

    def translate(
        self, sentences: list[str], aligned: Collection[str] = ()
    ) -> dict[str, Translated]:
        """Translate and enforce; only sentences with terms, or in ``aligned`` (inline
        markup to place), pay for alignment."""
        found = {sentence: self.matches(sentence) for sentence in sentences}
        with_terms = [s for s in sentences if found[s] or s in aligned]
        plain = [s for s in sentences if not (found[s] or s in aligned)]
        results = {}
        for sentence, hypothesis in self.decode(plain, with_terms):
            results[sentence] = self.enforce(sentence, found[sentence], hypothesis)
        return results

    def decode(self, plain: list[str], aligned: list[str]) -> list[tuple[str, Hypothesis]]:
        """Hypotheses of ``plain`` and of ``aligned`` (with alignment), in that order.

        Both go to the engine at once: a batching engine puts them in its pool
        together, so the article waits for one round, not two.
        """
        requests = [Request(s) for s in plain] + [Request(s, with_alignment=True) for s in aligned]
        hypotheses = decode(self.engine, requests, beam_size=self.beam_size)
        return list(zip(plain + aligned, hypotheses, strict=True))

    def enforce(
        self, sentence: str, matches: list[TermMatch], hypothesis: Hypothesis
    ) -> Translated:
        flags = ["truncated"] if hypothesis.truncated else []
        aligned = hypothesis if hypothesis.alignment else None
        if not matches:
            return Translated(hypothesis.text, hypothesis.score, flags=flags, hypothesis=aligned)

        def redecode(prefix: str) -> str:
            return self.engine.continue_from(sentence, prefix, beam_size=self.beam_size).text

        result = enforce(
            sentence,
            matches,
            hypothesis.text,
            source_tokens=hypothesis.source_tokens,
            target_tokens=hypothesis.target_tokens,
            alignment=hypothesis.alignment,
            redecode=redecode,
        )
        terms = [Term.model_validate(term.to_dict()) for term in result.terms]
        kept = aligned if result.text == hypothesis.text else None
        return Translated(result.text, hypothesis.score, terms, flags + result.flags, kept)

    def audit(self, sentence: str, target: str) -> Translated:
        """Report the terms of a target that must stay as it is (memory, approved)."""
        matches = self.matches(sentence)
        if not matches:
            return Translated(target, None)
        result = enforce(sentence, matches, target, repair=False)
        terms = [Term.model_validate(term.to_dict()) for term in result.terms]
        return Translated(result.text, None, terms, result.flags)
