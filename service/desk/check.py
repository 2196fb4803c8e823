"""Checking translations made anywhere (a translator's, another engine's, ours): the
flags and findings every segment gets, for pairs of German and English sentences.

The same audit as a reviewer's edit (``SegmentAudit``): glossary terms and protected
spans verified, quality flags, fact checks. No model is needed: the model-score flags
(``low_confidence``) and the model's word alignment come only with ``engine``, which
scores each English sentence as the forced output of its German.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary import Glossary
from models.engine import Engine, Request, decode
from service.checks.quality import Thresholds
from service.document import FACT_FLAGS, Finding, Segment
from service.errors import EmptyInput, InputError, InputTooLarge, check_storable
from service.pipeline.alignment import word_pairs
from service.pipeline.guard import STAGE_FAILED
from service.pipeline.review import SegmentAudit

Alignment = list[tuple[tuple[int, int], tuple[int, int]]]


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    id: str | None = None  # where it came from (a segment or unit id), for messages


@dataclass(frozen=True)
class Checked:
    flags: list[str]
    findings: list[Finding]

    @property
    def facts(self) -> bool:
        """A fact of the German may be missing or changed (``FACT_FLAGS``), or the
        checks failed on the pair (``stage_failed``): nothing vouches for its facts."""
        return any(flag in FACT_FLAGS or flag == STAGE_FAILED for flag in self.flags)


def check_input(pairs: Sequence[Pair], max_chars: int) -> None:
    """The plain mistakes, answered before any work: no pairs, a pair without German,
    text that cannot be stored, more than ``max_chars`` characters in all."""
    if not pairs:
        raise EmptyInput()
    size = sum(len(pair.source) + len(pair.target) for pair in pairs)
    if size > max_chars:
        raise InputTooLarge(size, max_chars)
    for index, pair in enumerate(pairs):
        name = f"pair {pair.id or index}"
        if not pair.source.strip():
            raise InputError(
                f"{name} has no German: every pair needs a source sentence",
                detail={"pair": index},
            )
        check_storable(pair.source, f"source of {name}")
        check_storable(pair.target, f"target of {name}")


def check_pairs(
    pairs: Sequence[Pair],
    *,
    glossary: Glossary | None,
    thresholds: Thresholds,
    target_lang: str = "en",
    engine: Engine | None = None,
) -> list[Checked]:
    """One result per pair, in order. With ``engine``, each target's model score and
    word alignment join the checks."""
    audit = SegmentAudit(glossary, thresholds, target_lang=target_lang)
    scored = score(engine, pairs) if engine is not None else [(None, None)] * len(pairs)
    results = []
    for index, (pair, (value, alignment)) in enumerate(zip(pairs, scored, strict=True)):
        segment = audit(
            Segment(
                id=pair.id or f"p{index}",
                source=pair.source,
                target=pair.target,
                source_span=(0, len(pair.source)),
                score=value,
                # a scored target is judged as the model's (its score counts); else as a
                # reviewer's text, which has none
                origin="model" if engine is not None else "edited",
                alignment=alignment,
            )
        )
        results.append(Checked(segment.flags, segment.findings))
    return results


def score(engine: Engine, pairs: Sequence[Pair]) -> list[tuple[float | None, Alignment | None]]:
    """Each target forced as the model's output: its mean token log-probability and
    word pairs (one engine call for all)."""
    wanted = [index for index, pair in enumerate(pairs) if pair.target.strip()]
    hypotheses = decode(
        engine,
        [Request(pairs[i].source, pairs[i].target, with_alignment=True) for i in wanted],
        beam_size=1,
    )
    found: list[tuple[float | None, Alignment | None]] = [(None, None)] * len(pairs)
    for index, hypothesis in zip(wanted, hypotheses, strict=True):
        pair = pairs[index]
        found[index] = (hypothesis.score, word_pairs(pair.source, pair.target, hypothesis))
    return found
