"""The engine contract every translation backend fulfils.

An engine turns a list of German sentences into English hypotheses, in order.
It knows nothing of articles, glossaries or stores: that is the service's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol


@dataclass(frozen=True)
class Hypothesis:
    """One translation of one source sentence.

    ``source_tokens`` and ``target_tokens`` are the model's subword pieces
    (sentencepiece, with the ``▁`` word marker), end-of-sentence excluded.
    ``alignment[j]`` is the index into ``source_tokens`` that target token ``j``
    attends to most (cross-attention of the last decoder layer, head 0: the
    head OPUS-MT models are trained to align with). It is empty unless
    alignment was asked for.
    """

    text: str
    score: float  # mean log-probability per target token
    source_tokens: list[str] = field(default_factory=list)
    target_tokens: list[str] = field(default_factory=list)
    alignment: list[int] = field(default_factory=list)
    truncated: bool = False  # generation stopped at its length limit


class Request(NamedTuple):
    """One sentence for an engine that decodes mixed requests at once (``decode``)."""

    sentence: str
    prefix: str | None = None  # the English output must begin with it
    with_alignment: bool = False


class Engine(Protocol):
    name: str  # the model's id as the user gave it (hub id, path or "toy")

    def translate(
        self,
        sentences: list[str],
        *,
        beam_size: int = 4,
        with_alignment: bool = False,
    ) -> list[Hypothesis]: ...

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        """Translate ``sentence`` with the output forced to begin with ``prefix``."""
        ...

    def count_tokens(self, sentence: str) -> int:
        """Source subword tokens the model sees for ``sentence`` (without EOS)."""
        ...


def decode(engine: Engine, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
    """Hypotheses for ``requests``, in order, from any engine: in one call where it
    decodes mixed requests (``decode``); else one ``translate`` call for each
    alignment setting, and forced prefixes one by one."""
    mixed = getattr(engine, "decode", None)
    if mixed is not None:
        hypotheses: list[Hypothesis] = mixed(requests, beam_size=beam_size)
        return hypotheses
    results: list[Hypothesis | None] = [None] * len(requests)
    for aligned in (False, True):
        kind = [
            i for i, r in enumerate(requests) if r.prefix is None and r.with_alignment == aligned
        ]
        if kind:
            sentences = [requests[i].sentence for i in kind]
            translated = engine.translate(sentences, beam_size=beam_size, with_alignment=aligned)
            for i, hypothesis in zip(kind, translated, strict=True):
                results[i] = hypothesis
    for i, request in enumerate(requests):
        if request.prefix is not None:
            results[i] = engine.continue_from(request.sentence, request.prefix, beam_size=beam_size)
    return [hypothesis for hypothesis in results if hypothesis is not None]
