"""The output budget of one sentence, shared by every engine.

English runs about 1.0-1.2 tokens per German token; far beyond that the model
is looping, and the hypothesis is cut and flagged ``truncated``. Each sentence
has its own budget, so its translation does not depend on what else shares
its batch. Both engines take their budgets from here (models/marian.py,
models/ctranslate.py).
"""

from __future__ import annotations

OUTPUT_RATIO = 1.5
OUTPUT_MARGIN = 10
MODEL_MAX_TOKENS = 512


def output_limit(source_length: int, forced: int = 0) -> int:
    """Decoding steps (end of sentence included) for a source of ``source_length`` ids,
    after ``forced`` target tokens (a prefix: a glossary re-decode).

    ``source_length`` counts the end-of-sentence id, as the model sees it. The
    whole translation, prefix included, keeps the sentence's budget: a prefix
    is part of it, and a re-decode allowed the full budget after its prefix
    could run to two and a half times the source before it counts as looping.
    At least ``OUTPUT_MARGIN`` steps (and the end of sentence) remain after a
    prefix for the rest of the sentence. Forced tokens also come out of the
    model's 512 positions.
    """
    whole = int(OUTPUT_RATIO * source_length) + OUTPUT_MARGIN
    return min(max(whole - forced, OUTPUT_MARGIN, 1), MODEL_MAX_TOKENS - forced)
