"""Glossary terms applied to translations: match, enforce with the engine, audit.

Sentences with a matched term are translated with alignment so that the
enforcement chain can repair them (glossary.enforce); reviewer-approved and
remembered targets are only audited, never rewritten.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from glossary import (
    EnforceResult,
    Enforcing,
    Glossary,
    TermMatch,
    compile_glossary,
    enforce,
    enforcing,
)
from models.engine import Engine, Hypothesis, Request, decode
from service.document import Term
from service.pipeline.batcher import EngineClosed


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
        hypotheses = dict(self.decode(plain, with_terms))
        enforced = self.enforce_all({s: (found[s], hypotheses[s]) for s in with_terms if found[s]})
        return {s: self.translated(h, enforced.get(s)) for s, h in hypotheses.items()}

    def decode(self, plain: list[str], aligned: list[str]) -> list[tuple[str, Hypothesis]]:
        """Hypotheses of ``plain`` and of ``aligned`` (with alignment), in that order.

        Both go to the engine at once: a batching engine puts them in its pool
        together, so the article waits for one round, not two.
        """
        requests = [Request(s) for s in plain] + [Request(s, with_alignment=True) for s in aligned]
        hypotheses = decode(self.engine, requests, beam_size=self.beam_size)
        return list(zip(plain + aligned, hypotheses, strict=True))

    def enforce_all(
        self, work: dict[str, tuple[list[TermMatch], Hypothesis]]
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
                prefix = _advance(steps[sentence], text, sentence, done)
                if prefix is not None:
                    asked[sentence] = prefix
            texts = self.redecode(asked) if asked else {}
        return done

    def redecode(self, prefixes: dict[str, str]) -> dict[str, str | None]:
        """Each sentence decoded after its forced prefix, in one call; None where the
        engine failed (its terms then fall through the chain)."""
        requests = [Request(sentence, prefix) for sentence, prefix in prefixes.items()]
        try:
            hypotheses = decode(self.engine, requests, beam_size=self.beam_size)
        except EngineClosed:
            raise  # an interrupted run: the article must not be finished without them
        except Exception:
            if len(prefixes) == 1:
                return dict.fromkeys(prefixes)
            # one failing sentence must not cost the others their re-decode
            return {s: self.redecode({s: prefix})[s] for s, prefix in prefixes.items()}
        return {r.sentence: h.text for r, h in zip(requests, hypotheses, strict=True)}

    def translated(self, hypothesis: Hypothesis, result: EnforceResult | None) -> Translated:
        flags = ["truncated"] if hypothesis.truncated else []
        aligned = hypothesis if hypothesis.alignment else None
        if result is None:
            return Translated(hypothesis.text, hypothesis.score, flags=flags, hypothesis=aligned)
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
